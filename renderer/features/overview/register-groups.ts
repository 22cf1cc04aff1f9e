/**
 * `cycle:stats` counts rows under each register's plural key. The overview groups them as the
 * registers appear in the plan template and names them as the Secretariat does.
 */
const GROUPS = [
  {
    name: 'Stakeholders',
    counts: [
      { key: 'organisations', one: 'organisation', many: 'organisations' },
      { key: 'contacts', one: 'contact person', many: 'contact people' },
    ],
  },
  { name: 'Objectives', counts: [{ key: 'objectives', one: 'objective', many: 'objectives' }] },
  { name: 'Action plan', counts: [{ key: 'activities', one: 'joint activity', many: 'joint activities' }] },
  {
    name: 'Budget',
    counts: [
      { key: 'contributions', one: 'cost-share contribution', many: 'cost-share contributions' },
      { key: 'disbursements', one: 'disbursement recorded', many: 'disbursements recorded' },
    ],
  },
  {
    name: 'Indicators',
    counts: [
      { key: 'indicators', one: 'M&E indicator', many: 'M&E indicators' },
      { key: 'indicatorPeriods', one: 'period target or actual', many: 'period targets & actuals' },
    ],
  },
  { name: 'Risks', counts: [{ key: 'risks', one: 'risk', many: 'risks' }] },
  {
    name: 'Reviews & learning',
    counts: [
      { key: 'milestones', one: 'milestone or report', many: 'milestones & reports' },
      { key: 'learningEntries', one: 'learning log entry', many: 'learning log entries' },
      { key: 'adaptiveTriggers', one: 'adaptive trigger', many: 'adaptive triggers' },
    ],
  },
  { name: 'Approvals', counts: [{ key: 'signatories', one: 'signatory', many: 'signatories' }] },
] as const;

export const registerCountKeys: readonly string[] = GROUPS.flatMap((group) => group.counts.map((count) => count.key));

export interface RegisterCount {
  key: string;
  count: number;
  label: string;
}

export interface RegisterGroup {
  name: string;
  total: number;
  counts: RegisterCount[];
}

export function registerGroups(counts: Readonly<Record<string, number>>): RegisterGroup[] {
  return GROUPS.map((group) => {
    const items = group.counts.map(({ key, one, many }) => {
      const count = counts[key] ?? 0;
      return { key, count, label: count === 1 ? one : many };
    });
    return { name: group.name, total: items.reduce((sum, item) => sum + item.count, 0), counts: items };
  });
}
