import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { activityCreateInput, objectiveCreateInput } from '../../shared/api/schemas/plan';
import { indicatorCreateInput, riskCreateInput } from '../../shared/api/schemas/monitoring';
import { contactCreateInput, organisationCreateInput } from '../../shared/api/schemas/organisation';
import { signatoryCreateInput } from '../../shared/api/schemas/review';
import type { RolloverPreviewDto, rolloverInput, RolloverResultDto } from '../../shared/api/schemas/lifecycle';
import type { CycleDto } from '../../shared/api/schemas/cycle';
import { resolveStatutoryDates } from '../../shared/analysis/statutory-dates';
import { formatDisplayDate } from '../../shared/dates';
import { fiscalYearLabel, fiscalYearRange, fiscalYearStartYear } from '../../shared/fiscal-year';
import { isOpenRisk, isUnfinished } from '../../shared/lifecycle/close-out';
import { carriedActivity, carriedBaseline, carriedReviewDate, rolloverTitle } from '../../shared/lifecycle/rollover-rules';
import { reportingPeriods } from '../../shared/reporting-periods';
import { invalidField } from '../../shared/result';
import { cycleRollovers } from '../db/schema';
import { cycleStatutoryDates, getAnalysisSettings, setStatutoryDates, updateAnalysisSettings } from '../services/analysis/settings';
import { recordAudit } from '../services/audit';
import { audited } from '../services/audited-write';
import type { AppContext } from '../services/context';
import { createCycle, getCycle, updateCycle } from '../services/cycles';
import { registerServices as s } from '../services/index';
import { newRowMeta } from '../services/record-meta';
import { itemAt, valueAt } from '../../shared/item-at';
import { naturalCompare } from '../../shared/natural-order';

type ObjectSchema = z.ZodObject<z.ZodRawShape>;

/** The fields of `row` a register's create input takes (ids, owner, timestamps are made anew). */
function createFields<S extends ObjectSchema>(schema: S, row: object): z.input<S> {
  const source = row as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(schema.shape)) if (key in source) picked[key] = source[key];
  // The register service validates these against `schema` before anything is written.
  return picked as z.input<S>;
}

interface Plan {
  from: CycleDto;
  toFiscalYear: string;
  title: string;
  range: { start: string; end: string };
  preview: RolloverPreviewDto;
}

const NOT_CARRIED = (fy: string) => [
  'Budget lines and disbursements are not carried: each fiscal year’s budget is planned and appropriated anew.',
  'Indicator targets and actuals per reporting period are not carried: set the new year’s period targets.',
  `Milestones, the learning log and adaptive triggers stay with FY ${fy}: they are that year’s record, and its close-out report draws on them.`,
  `Completed and cancelled activities, and mitigated or closed risks, stay with FY ${fy}.`,
];

function planRollover(ctx: AppContext, cycleId: string, toFiscalYear: string, title?: string): Plan {
  const from = getCycle(ctx, cycleId);
  if (fiscalYearStartYear(toFiscalYear) <= fiscalYearStartYear(from.fiscalYear)) {
    throw invalidField(
      'toFiscalYear',
      `Fiscal year: roll FY ${from.fiscalYear} over into a later year (e.g. ${fiscalYearLabel(fiscalYearStartYear(from.fiscalYear) + 1)}).`,
    );
  }
  const range = fiscalYearRange(toFiscalYear);
  const input = { cycleId };
  const periods = reportingPeriods(from);
  const indicatorPeriods = s.indicatorPeriod.list(ctx, input);
  const unfinished = s.activity
    .list(ctx, input)
    .filter(isUnfinished)
    .sort((a, b) => naturalCompare(a.code, b.code));
  const statutory = cycleStatutoryDates(ctx, cycleId);
  const preview: RolloverPreviewDto = {
    fromCycleId: cycleId,
    toFiscalYear,
    title: title ?? rolloverTitle(from.title, from.fiscalYear, toFiscalYear),
    startDate: range.start,
    endDate: range.end,
    organisations: s.organisation.list(ctx, input).length,
    contacts: s.contact.list(ctx, input).length,
    objectives: s.objective.list(ctx, input).length,
    signatories: s.signatory.list(ctx, input).length,
    unfinishedActivities: unfinished.map((a) => {
      const carried = carriedActivity(a, from.fiscalYear, toFiscalYear);
      return {
        id: a.id,
        code: a.code,
        title: a.title,
        status: a.status,
        completionPct: a.completionPct,
        newStartDate: carried.startDate,
        newEndDate: carried.endDate,
      };
    }),
    indicators: s.indicator.list(ctx, input).map((i) => {
      const baseline = carriedBaseline(
        i,
        indicatorPeriods.filter((p) => p.indicatorId === i.id),
        periods,
      );
      return {
        id: i.id,
        code: i.code,
        name: i.name,
        oldBaseline: i.baselineValue,
        newBaseline: baseline.baselineValue,
        newBaselineDate: baseline.baselineDate,
      };
    }),
    openRisks: s.risk
      .list(ctx, input)
      .filter(isOpenRisk)
      .map((r) => ({ id: r.id, code: r.code, description: r.description })),
    statutoryDates: resolveStatutoryDates(toFiscalYear, statutory.dates).map((d) => ({ key: d.key, title: d.title, date: d.date })),
    notes: [
      `Statutory budget calendar recomputed for FY ${toFiscalYear}${statutory.customised ? ' from this cycle’s own dates' : ' from the PFM Act defaults'}.`,
      ...NOT_CARRIED(from.fiscalYear),
    ],
  };
  return { from, toFiscalYear, title: preview.title, range, preview };
}

/** What a roll-over would carry, for the user to check and pick activities from. */
export function previewRollover(ctx: AppContext, input: { cycleId: string; toFiscalYear: string }): RolloverPreviewDto {
  return planRollover(ctx, input.cycleId, input.toFiscalYear).preview;
}

/**
 * Creates the next fiscal year's cycle from this one, in one transaction, through the register
 * services' bulk path (every rule of a single edit applies). Carried: every organisation and
 * contact, every objective, the unfinished activities chosen, every indicator (last actual as the
 * new baseline), open risks, signatories (unsigned), customised statutory dates and indicator
 * thresholds. This cycle moves to close-out and becomes read-only.
 */
export function runRollover(ctx: AppContext, input: z.output<typeof rolloverInput>): RolloverResultDto {
  return audited(ctx, { cycleId: input.cycleId }, (tx) => {
    const plan = planRollover(tx, input.cycleId, input.toFiscalYear, input.title);
    const { from, toFiscalYear, range } = plan;
    const offered = new Set(plan.preview.unfinishedActivities.map((a) => a.id));
    const chosen = new Set(input.carryActivityIds ?? offered);
    for (const id of chosen) {
      if (!offered.has(id)) throw invalidField('carryActivityIds', `Activities to carry over: ${id} is not an unfinished activity of this cycle.`);
    }

    // The old cycle's own last write comes before the roll-over record that makes it read-only.
    if (from.phase !== 'close_out') updateCycle(tx, { id: from.id, changes: { phase: 'close_out' } });

    const old = { cycleId: from.id };
    const to = createCycle(
      tx,
      {
        title: plan.title,
        countyId: from.countyId,
        scopeUnitIds: from.scopeUnitIds,
        fiscalYear: toFiscalYear,
        startDate: range.start,
        endDate: range.end,
        reportingPeriod: from.reportingPeriod,
        phase: 'preparatory',
        kesPerUsdScaled: from.kesPerUsdScaled,
        exchangeRateDate: from.exchangeRateDate,
        notes: `Rolled over from "${from.title}" (FY ${from.fiscalYear}). Check the exchange rate of ${formatDisplayDate(from.exchangeRateDate)}.`,
      },
      'rollover',
    );
    const cycleId = to.id;
    const idMap = new Map<string, string>();
    const carry = <R extends { id: string }>(rows: R[], created: string[]) =>
      rows.forEach((row, index) => idMap.set(row.id, itemAt(created, index, 'carried row')));
    const mapped = (id: string) => valueAt(idMap, id, 'carried row');
    const mappedOrNull = (id: string | null) => (id === null ? null : (idMap.get(id) ?? null));

    const organisations = s.organisation.list(tx, old);
    carry(
      organisations,
      s.organisation.createMany(
        tx,
        organisations.map((o) => ({ ...createFields(organisationCreateInput, o), cycleId })),
      ),
    );
    const contacts = s.contact.list(tx, old);
    s.contact.createMany(
      tx,
      contacts.map((c) => ({ ...createFields(contactCreateInput, c), cycleId, organisationId: mapped(c.organisationId) })),
    );
    if (from.leadOrgId !== null) updateCycle(tx, { id: cycleId, changes: { leadOrgId: mapped(from.leadOrgId) } });

    const objectives = s.objective.list(tx, old);
    carry(
      objectives,
      s.objective.createMany(
        tx,
        objectives.map((o) => ({ ...createFields(objectiveCreateInput, o), cycleId })),
      ),
    );

    const activities = s.activity.list(tx, old).filter((a) => chosen.has(a.id));
    carry(
      activities,
      s.activity.createMany(
        tx,
        activities.map((a) => ({
          ...createFields(activityCreateInput, a),
          ...carriedActivity(a, from.fiscalYear, toFiscalYear),
          cycleId,
          objectiveId: mapped(a.objectiveId),
          leadOrgId: mapped(a.leadOrgId),
          supportingOrgIds: a.supportingOrgIds.map(mapped),
        })),
      ),
    );

    const periods = reportingPeriods(from);
    const indicatorPeriods = s.indicatorPeriod.list(tx, old);
    const indicators = s.indicator.list(tx, old);
    s.indicator.createMany(
      tx,
      indicators.map((i) => {
        const { fromActual: _fromActual, ...baseline } = carriedBaseline(
          i,
          indicatorPeriods.filter((p) => p.indicatorId === i.id),
          periods,
        );
        return {
          ...createFields(indicatorCreateInput, i),
          ...baseline,
          cycleId,
          responsibleOrgId: mapped(i.responsibleOrgId),
          objectiveId: mappedOrNull(i.objectiveId),
          activityId: mappedOrNull(i.activityId),
        };
      }),
    );

    const risks = s.risk.list(tx, old).filter(isOpenRisk);
    s.risk.createMany(
      tx,
      risks.map((r) => ({
        ...createFields(riskCreateInput, r),
        cycleId,
        responsibleOrgId: mapped(r.responsibleOrgId),
        reviewDate: carriedReviewDate(r.reviewDate, from.fiscalYear, toFiscalYear),
      })),
    );

    const signatories = s.signatory.list(tx, old);
    s.signatory.createMany(
      tx,
      signatories.map((g) => ({ ...createFields(signatoryCreateInput, g), cycleId, organisationId: mapped(g.organisationId), signedOn: null })),
    );

    const statutory = cycleStatutoryDates(tx, from.id);
    if (statutory.customised) setStatutoryDates(tx, { cycleId, dates: statutory.dates });
    const thresholds = getAnalysisSettings(tx, from.id);
    if (!thresholds.isDefault) updateAnalysisSettings(tx, { cycleId, onTrackPct: thresholds.onTrackPct, atRiskPct: thresholds.atRiskPct });

    const leftBehind = plan.preview.unfinishedActivities.filter((a) => !chosen.has(a.id));
    const carried = {
      organisations: organisations.length,
      contacts: contacts.length,
      objectives: objectives.length,
      activities: activities.length,
      indicators: indicators.length,
      risks: risks.length,
      signatories: signatories.length,
      statutoryDates: statutory.customised ? statutory.dates.length : 0,
    };
    const notes = [
      ...(leftBehind.length > 0 ? [`Left behind at your choice: ${leftBehind.map((a) => a.code || a.title).join(', ')}.`] : []),
      ...plan.preview.notes,
    ];

    // A stale record (its new cycle was deleted) gives way; then this cycle is read-only.
    tx.db.delete(cycleRollovers).where(eq(cycleRollovers.cycleId, from.id)).run();
    const { at, meta } = newRowMeta(tx, from.id);
    const record = { toCycleId: cycleId, toFiscalYear, rolledBy: tx.userName || 'unknown user', reportJson: JSON.stringify({ carried, notes }) };
    tx.db
      .insert(cycleRollovers)
      .values({ ...meta, ...record })
      .run();
    recordAudit(tx, at, { action: 'create', tableName: 'cycle_rollovers', rowId: meta.id, cycleId: from.id, after: { ...record, carried, notes } });
    return { cycle: getCycle(tx, cycleId), carried, notes };
  });
}
