import { exportFileName } from '../../../shared/export-file-name';
import type { CalendarDto } from '../../../shared/api/schemas/analysis/calendar';
import type { CostShareDto } from '../../../shared/api/schemas/analysis/cost-share';
import type { CoverageMatrixDto } from '../../../shared/api/schemas/analysis/coverage';
import type { CycleDto } from '../../../shared/api/schemas/cycle';
import type { IndicatorStatusReportDto } from '../../../shared/api/schemas/analysis/indicator-status';
import { jointCalendar } from '../../../shared/analysis/calendar';
import { costShare, costShareActivityFields, costShareContributionFields, costShareDisbursementFields } from '../../../shared/analysis/cost-share';
import {
  coverageActivityFields,
  coverageContributionFields,
  coverageMatrix,
  type CoverageActivity,
  type CoverageContribution,
} from '../../../shared/analysis/coverage';
import { calendarToIcs } from '../../../shared/analysis/ics';
import { indicatorStatus } from '../../../shared/analysis/indicator-status';
import { resolveStatutoryDates } from '../../../shared/analysis/statutory-dates';
import { invalidField } from '../../../shared/result';
import type { AppContext } from '../context';
import { getCycle } from '../cycles';
import { registerServices } from '../index';
import { wardsOfCycle } from './names';
import { listFields, streamFields } from '../register-fields';
import { todayOf } from '../record-meta';
import { cycleStatutoryDates, getAnalysisSettings } from './settings';

/** Wards × sectors for the cycle, optionally for one organisation. */
export function coverageReport(ctx: AppContext, input: { cycleId: string; organisationId: string | null }): CoverageMatrixDto {
  const cycle = getCycle(ctx, input.cycleId);
  if (input.organisationId !== null) {
    const org = registerServices.organisation.list(ctx, { cycleId: cycle.id }).find((o) => o.id === input.organisationId);
    if (!org) throw invalidField('organisationId', 'Organisation: choose an organisation of this cycle.');
  }
  const rows = {
    activities: listFields(ctx, 'activity', cycle.id, coverageActivityFields),
    contributions: listFields(ctx, 'contribution', cycle.id, coverageContributionFields),
  };
  return coverageOfRows(ctx, cycle, rows, input.organisationId);
}

/**
 * Wards × sectors from the cycle's activities and budget lines already read: the deliverables read
 * them anyway, and reading 20,000 budget lines twice cost the Word plan a tenth of a second.
 */
export function coverageOfRows(
  ctx: AppContext,
  cycle: CycleDto,
  rows: { activities: readonly CoverageActivity[]; contributions: readonly CoverageContribution[] },
  organisationId: string | null = null,
): CoverageMatrixDto {
  return coverageMatrix({
    cycleId: cycle.id,
    kesPerUsdScaled: cycle.kesPerUsdScaled,
    wards: wardsOfCycle(ctx, cycle),
    activities: rows.activities,
    contributions: rows.contributions,
    organisationId,
  });
}

export function costShareReport(ctx: AppContext, cycleId: string): CostShareDto {
  const cycle = getCycle(ctx, cycleId);
  return costShare({
    cycle,
    today: todayOf(ctx),
    organisations: registerServices.organisation.list(ctx, { cycleId }),
    activities: listFields(ctx, 'activity', cycleId, costShareActivityFields),
    // Streamed: 20,000 budget lines each added up and let go, not all held until the last is read.
    contributions: streamFields(ctx, 'contribution', cycleId, costShareContributionFields),
    disbursements: listFields(ctx, 'disbursement', cycleId, costShareDisbursementFields),
  });
}

export function indicatorStatusReport(ctx: AppContext, cycleId: string): IndicatorStatusReportDto {
  const cycle = getCycle(ctx, cycleId);
  const { onTrackPct, atRiskPct } = getAnalysisSettings(ctx, cycleId);
  return indicatorStatus({
    cycle,
    today: todayOf(ctx),
    thresholds: { onTrackPct, atRiskPct },
    indicators: registerServices.indicator.list(ctx, { cycleId }),
    periods: registerServices.indicatorPeriod.list(ctx, { cycleId }),
  });
}

export function calendarReport(ctx: AppContext, cycleId: string): CalendarDto {
  const cycle = getCycle(ctx, cycleId);
  return jointCalendar({
    cycle,
    today: todayOf(ctx),
    milestones: registerServices.milestone.list(ctx, { cycleId }),
    activities: registerServices.activity.list(ctx, { cycleId }),
    statutoryDates: resolveStatutoryDates(cycle.fiscalYear, cycleStatutoryDates(ctx, cycleId).dates),
  });
}

/** The joint calendar as an .ics file's text, with a file name people recognise. */
export function calendarIcs(ctx: AppContext, cycleId: string): { fileName: string; content: string; eventCount: number } {
  const cycle = getCycle(ctx, cycleId);
  const { events } = calendarReport(ctx, cycleId);
  const content = calendarToIcs({ events, cycleId, calendarName: `${cycle.title} — joint calendar`, generatedAt: ctx.now().toISOString() });
  return { fileName: exportFileName({ cycle, document: 'calendar', extension: 'ics' }), content, eventCount: events.length };
}
