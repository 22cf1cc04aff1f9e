import { indicatorDirectionLabels, indicatorDirections } from '../../../shared/analysis/indicator-progress';
import {
  activityStatuses,
  contributionTypes,
  currencies,
  evaluationCriteria,
  learningSessions,
  riskStatuses,
  sectors,
} from '../../../shared/domain/vocabulary';
import { codeLabel, type CycleData } from './cycle-data';
import type { ListName } from './template-layout';

/**
 * What every partner template of one cycle read shares, worked out once: a reporting round makes
 * sixty templates from the same CycleData, and each used to filter the plan's 20,000 budget lines
 * and 5,000 activities again for its own few hundred rows.
 */

type Owned = { ownerOrgId: string | null };

/** The rows of a register by the organisation that owns (edits) them, each in the register's order. */
function byOwner<R extends Owned>(rows: readonly R[]): ReadonlyMap<string, readonly R[]> {
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    if (row.ownerOrgId === null) continue;
    const group = groups.get(row.ownerOrgId);
    if (group) group.push(row);
    else groups.set(row.ownerOrgId, [row]);
  }
  return groups;
}

function shared(data: CycleData) {
  const paid = new Map<string, CycleData['disbursements']>();
  for (const d of data.disbursements) {
    const key = `${d.contributionId}\u0000${d.periodKey}`;
    const recorded = paid.get(key);
    if (recorded) recorded.push(d);
    else paid.set(key, [d]);
  }
  return {
    activities: byOwner(data.activities),
    contributions: byOwner(data.contributions),
    disbursements: byOwner(data.disbursements),
    indicators: byOwner(data.indicators),
    indicatorPeriods: byOwner(data.indicatorPeriods),
    learningEntries: byOwner(data.learningEntries),
    risks: byOwner(data.risks),
    /** Disbursements by budget line and period. */
    paid,
    periodsByKey: new Map(data.indicatorPeriods.map((p) => [`${p.indicatorId}\u0000${p.periodKey}`, p])),
    /**
     * The Lists sheet's lists that are the same for every partner, each one array for the cycle
     * read, so the sheet's cells are rendered once (write-xlsx.ts keeps them by array).
     */
    lists: {
      Objectives: data.objectives.map((o) => codeLabel(o.code, o.statement)),
      Sectors: sectors.keys.map((k) => sectors.label(k)),
      Statuses: activityStatuses.keys.map((k) => activityStatuses.label(k)),
      Activities: data.activities.map((a) => codeLabel(a.code, a.title)),
      Types: contributionTypes.keys.map((k) => contributionTypes.label(k)),
      YesNo: ['Yes', 'No'],
      Currencies: currencies.keys.map((k) => currencies.label(k)),
      Directions: indicatorDirections.map((d) => indicatorDirectionLabels[d]),
      Periods: data.periods.map((p) => p.label),
      Criteria: evaluationCriteria.keys.map((k) => evaluationCriteria.label(k)),
      Sessions: learningSessions.keys.map((k) => learningSessions.label(k)),
      RiskStatuses: riskStatuses.keys.map((k) => riskStatuses.label(k)),
      wards: [...data.wards.values()].map((w) => w.name),
      organisations: data.organisations.map((org) => data.names.orgShort(org.id)),
    } satisfies Partial<Record<ListName | 'wards' | 'organisations', string[]>>,
  };
}

export type TemplateData = ReturnType<typeof shared>;

const computed = new WeakMap<CycleData, TemplateData>();

/** The shared parts for this cycle read (made on first use; a new read makes them again). */
export function templateData(data: CycleData): TemplateData {
  let found = computed.get(data);
  if (!found) computed.set(data, (found = shared(data)));
  return found;
}

/** The rows of one register that an organisation owns. */
export function owned<R extends Owned>(groups: ReadonlyMap<string, readonly R[]>, orgId: string): readonly R[] {
  return groups.get(orgId) ?? [];
}
