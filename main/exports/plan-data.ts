import type { CoverageMatrixDto } from '../../shared/api/schemas/analysis/coverage';
import type { ThresholdsDto } from '../../shared/api/schemas/analysis/indicator-status';
import type { ContributionDto, DisbursementDto } from '../../shared/api/schemas/budget';
import type { CloseOutReportDto } from '../../shared/api/schemas/lifecycle';
import type { ChangesAnnex } from '../../shared/lifecycle/annex';
import type { CycleDto } from '../../shared/api/schemas/cycle';
import type { IndicatorDto, IndicatorPeriodDto, RiskDto } from '../../shared/api/schemas/monitoring';
import type { ContactDto, OrganisationDto } from '../../shared/api/schemas/organisation';
import type { ActivityDto, ObjectiveDto } from '../../shared/api/schemas/plan';
import type { AdaptiveTriggerDto, LearningEntryDto, MilestoneDto, SignatoryDto } from '../../shared/api/schemas/review';
import { reportingPeriods, type ReportingPeriod } from '../../shared/reporting-periods';
import { closeOutReport } from '../lifecycle/close-out';
import { changesSinceVersion } from '../lifecycle/compare';
import { latestVersionRow } from '../lifecycle/versions';
import { listAdminUnits } from '../services/admin-units';
import { coverageOfRows } from '../services/analysis/reports';
import { getAnalysisSettings, listStatutoryDates } from '../services/analysis/settings';
import type { AppContext } from '../services/context';
import { getCycle } from '../services/cycles';
import { registerServices } from '../services/index';
import type { RegisterRows } from './fingerprint';
import { computeBudgetTotals, type BudgetTotals } from './shared-data/budget-totals';
import { naturalCompare } from '../../shared/natural-order';

/**
 * Everything one cycle's deliverables print, read once and sorted as documents list it: objectives
 * and activities by code, signatories in signing order. Word and Excel builders both read this
 * object and never the database, so they stay pure (data in, bytes out).
 */
export interface PlanData {
  cycle: CycleDto;
  periods: ReportingPeriod[];
  /** Sub-counties and wards the cycle covers; empty means the whole county. */
  scopeUnitNames: string[];
  leadOrganisation: OrganisationDto | null;
  organisations: OrganisationDto[];
  contacts: ContactDto[];
  objectives: ObjectiveDto[];
  /** Grouped by objective (in objective order), then by code. */
  activities: ActivityDto[];
  contributions: ContributionDto[];
  disbursements: DisbursementDto[];
  indicators: IndicatorDto[];
  indicatorPeriods: IndicatorPeriodDto[];
  risks: RiskDto[];
  milestones: MilestoneDto[];
  learningEntries: LearningEntryDto[];
  adaptiveTriggers: AdaptiveTriggerDto[];
  signatories: SignatoryDto[];
  /** The county budget calendar (PFM Act) for the fiscal year, as the cycle has it (edited or default). */
  statutoryDates: { date: string; title: string }[];
  totals: BudgetTotals;
  orgById: Map<string, OrganisationDto>;
  objectiveById: Map<string, ObjectiveDto>;
  activityById: Map<string, ActivityDto>;
  indicatorById: Map<string, IndicatorDto>;
  /** Names of the county's sub-counties and wards by unit id. */
  unitNameById: Map<string, string>;
  /** Wards × sectors: activity counts and planned budget (the coverage service's numbers). */
  coverage: CoverageMatrixDto;
  /** What changed since the latest approved version; null with no version or no change since. */
  changesSinceApproved: ChangesAnnex | null;
  /** The close-out data, only while the cycle is in its close-out phase (the end-of-cycle M&E report). */
  closeOut: CloseOutReportDto | null;
  /** The cycle's on-track / at-risk thresholds: progress is judged as on the screens. */
  thresholds: ThresholdsDto;
}

/** The plan's rows by register name, e.g. to fingerprint the content just read (fingerprint.ts). */
export function registerRowsOf(data: PlanData): RegisterRows {
  return {
    organisation: data.organisations,
    contact: data.contacts,
    objective: data.objectives,
    activity: data.activities,
    contribution: data.contributions,
    disbursement: data.disbursements,
    indicator: data.indicators,
    indicatorPeriod: data.indicatorPeriods,
    risk: data.risks,
    milestone: data.milestones,
    learningEntry: data.learningEntries,
    adaptiveTrigger: data.adaptiveTriggers,
    signatory: data.signatories,
  };
}

/** "A1.2" before "A1.10"; rows without a code after those with one. */
export function compareCodes(a: string, b: string): number {
  if (a === '' || b === '') return a === b ? 0 : a === '' ? 1 : -1;
  return naturalCompare(a, b);
}

const compareText = naturalCompare;
/** ISO dates sort as plain strings. */
const compareIso = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const thresholdsOf = ({ onTrackPct, atRiskPct }: ThresholdsDto): ThresholdsDto => ({ onTrackPct, atRiskPct });

const byId = <T extends { id: string }>(rows: readonly T[]) => new Map(rows.map((row) => [row.id, row]));

export function loadPlanData(ctx: AppContext, cycleId: string): PlanData {
  const cycle = getCycle(ctx, cycleId);
  const input = { cycleId };
  const s = registerServices;
  const organisations = s.organisation.list(ctx, input).sort((a, b) => compareText(a.name, b.name));
  const orgById = byId(organisations);
  const objectives = s.objective.list(ctx, input).sort((a, b) => compareCodes(a.code, b.code) || compareText(a.statement, b.statement));
  const objectiveOrder = new Map(objectives.map((objective, index) => [objective.id, index]));
  const activities = s.activity
    .list(ctx, input)
    .sort(
      (a, b) =>
        (objectiveOrder.get(a.objectiveId) ?? 0) - (objectiveOrder.get(b.objectiveId) ?? 0) || compareCodes(a.code, b.code) || compareText(a.title, b.title),
    );
  const activityOrder = new Map(activities.map((activity, index) => [activity.id, index]));
  // Budget lines follow their activity; components outside the action plan come last.
  const lineOrder = (line: ContributionDto) => (line.activityId === null ? Number.MAX_SAFE_INTEGER : (activityOrder.get(line.activityId) ?? 0));
  const contributions = s.contribution.list(ctx, input).sort((a, b) => lineOrder(a) - lineOrder(b));
  const indicators = s.indicator.list(ctx, input).sort((a, b) => compareCodes(a.code, b.code) || compareText(a.name, b.name));
  const units = listAdminUnits(ctx, { withinId: cycle.countyId });
  const unitNameById = new Map(units.map((unit) => [unit.id, unit.name]));
  const latest = latestVersionRow(ctx, cycleId);
  const changes = latest ? changesSinceVersion(ctx, cycleId, latest.number) : null;

  return {
    cycle,
    periods: reportingPeriods(cycle),
    scopeUnitNames: cycle.scopeUnitIds.map((id) => unitNameById.get(id) ?? id),
    leadOrganisation: cycle.leadOrgId === null ? null : (orgById.get(cycle.leadOrgId) ?? null),
    organisations,
    contacts: s.contact.list(ctx, input),
    objectives,
    activities,
    contributions,
    disbursements: s.disbursement.list(ctx, input).sort((a, b) => compareIso(a.date, b.date)),
    indicators,
    indicatorPeriods: s.indicatorPeriod.list(ctx, input),
    risks: s.risk.list(ctx, input).sort((a, b) => compareCodes(a.code, b.code)),
    milestones: s.milestone.list(ctx, input).sort((a, b) => compareIso(a.dueDate, b.dueDate)),
    learningEntries: s.learningEntry.list(ctx, input).sort((a, b) => compareIso(a.entryDate, b.entryDate)),
    adaptiveTriggers: s.adaptiveTrigger.list(ctx, input),
    signatories: s.signatory.list(ctx, input).sort((a, b) => a.sortOrder - b.sortOrder || compareText(a.name, b.name)),
    statutoryDates: listStatutoryDates(ctx, cycleId).dates.map(({ date, title }) => ({ date, title })),
    totals: computeBudgetTotals(contributions, orgById, cycle.kesPerUsdScaled),
    orgById,
    objectiveById: byId(objectives),
    activityById: byId(activities),
    indicatorById: byId(indicators),
    unitNameById,
    coverage: coverageOfRows(ctx, cycle, { activities, contributions }),
    changesSinceApproved: changes && !changes.noChanges ? changes : null,
    closeOut: cycle.phase === 'close_out' ? closeOutReport(ctx, cycleId) : null,
    thresholds: thresholdsOf(getAnalysisSettings(ctx, cycleId)),
  };
}
