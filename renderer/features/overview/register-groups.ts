import type { CycleScreen } from '../../routing/routes';

/**
 * `cycle:stats` counts rows under each register's plural key. The overview groups them as the
 * registers appear in the plan template and names them as the Secretariat does.
 */
const GROUPS = [
  {
    name: 'Stakeholders',
    screen: 'stakeholders',
    counts: [
      { key: 'organisations', one: 'organisation', many: 'organisations' },
      { key: 'contacts', one: 'contact person', many: 'contact people' },
    ],
  },
  { name: 'Objectives', screen: 'objectives', counts: [{ key: 'objectives', one: 'objective', many: 'objectives' }] },
  { name: 'Action plan', screen: 'action-plan', counts: [{ key: 'activities', one: 'joint activity', many: 'joint activities' }] },
  {
    name: 'Budget',
    screen: 'budget',
    counts: [
      { key: 'contributions', one: 'cost-share contribution', many: 'cost-share contributions' },
      { key: 'disbursements', one: 'disbursement recorded', many: 'disbursements recorded' },
    ],
  },
  {
    name: 'Indicators',
    screen: 'indicators',
    counts: [
      { key: 'indicators', one: 'M&E indicator', many: 'M&E indicators' },
      { key: 'indicatorPeriods', one: 'period target or actual', many: 'period targets & actuals' },
    ],
  },
  { name: 'Risks', screen: 'risks', counts: [{ key: 'risks', one: 'risk', many: 'risks' }] },
  {
    name: 'Reviews & learning',
    screen: 'reviews',
    counts: [
      { key: 'milestones', one: 'milestone or report', many: 'milestones & reports' },
      { key: 'learningEntries', one: 'learning log entry', many: 'learning log entries' },
      { key: 'adaptiveTriggers', one: 'adaptive trigger', many: 'adaptive triggers' },
    ],
  },
  { name: 'Approvals', screen: 'approvals', counts: [{ key: 'signatories', one: 'signatory', many: 'signatories' }] },
] as const;

export const registerCountKeys: readonly string[] = GROUPS.flatMap((group) => group.counts.map((count) => count.key));

export interface RegisterCount {
  key: string;
  count: number;
  label: string;
}

export interface RegisterGroup {
  name: string;
  /** The screen that keeps these registers. */
  screen: CycleScreen;
  total: number;
  counts: RegisterCount[];
}

export function registerGroups(counts: Readonly<Record<string, number>>): RegisterGroup[] {
  return GROUPS.map((group) => {
    const items = group.counts.map(({ key, one, many }) => {
      const count = counts[key] ?? 0;
      return { key, count, label: count === 1 ? one : many };
    });
    return { name: group.name, screen: group.screen, total: items.reduce((sum, item) => sum + item.count, 0), counts: items };
  });
}
