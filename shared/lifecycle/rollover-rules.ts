import type { ActivityDto } from '../api/schemas/plan';
import type { IndicatorDto, IndicatorPeriodDto } from '../api/schemas/monitoring';
import { addMonths } from '../dates';
import { fiscalYearRange, fiscalYearStartYear } from '../fiscal-year';
import type { ReportingPeriod } from '../reporting-periods';
import { lastActual } from './close-out';

/**
 * What rolling a cycle over into a later fiscal year does to each row it carries. Pure, so the
 * preview, the roll-over itself and the tests apply the same rules.
 */

/** "Isiolo JWP FY 2026/27" → "Isiolo JWP FY 2027/28"; a title without the year gets it appended. */
export function rolloverTitle(title: string, fromFiscalYear: string, toFiscalYear: string): string {
  const dashed = (fy: string) => fy.replace('/', '-');
  if (title.includes(fromFiscalYear)) return title.split(fromFiscalYear).join(toFiscalYear);
  if (title.includes(dashed(fromFiscalYear))) return title.split(dashed(fromFiscalYear)).join(dashed(toFiscalYear));
  return `${title} (FY ${toFiscalYear})`;
}

export const yearsBetween = (fromFiscalYear: string, toFiscalYear: string) => fiscalYearStartYear(toFiscalYear) - fiscalYearStartYear(fromFiscalYear);

/** The same day `years` later (29 February becomes 28 February). */
export const shiftYears = (date: string, years: number) => addMonths(date, 12 * years);

/**
 * An unfinished activity continues from the first day of the new year and keeps its original end
 * date moved on by the years between the cycles, inside the new fiscal year. Progress made stays:
 * started work (ongoing, or any completion) is ongoing, the rest planned.
 */
export function carriedActivity(
  activity: Pick<ActivityDto, 'startDate' | 'endDate' | 'status' | 'completionPct'>,
  fromFiscalYear: string,
  toFiscalYear: string,
) {
  const range = fiscalYearRange(toFiscalYear);
  const shiftedEnd = shiftYears(activity.endDate, yearsBetween(fromFiscalYear, toFiscalYear));
  const endDate = shiftedEnd < range.start ? range.start : shiftedEnd > range.end ? range.end : shiftedEnd;
  const started = activity.status === 'ongoing' || activity.completionPct > 0;
  return { startDate: range.start, endDate, status: started ? ('ongoing' as const) : ('planned' as const), completionPct: activity.completionPct };
}

/**
 * An indicator starts the new year from where the old one ended: the last reported actual becomes
 * the baseline, dated the end of the period it was reported for. Without any actual the old
 * baseline stays.
 */
export function carriedBaseline(
  indicator: Pick<IndicatorDto, 'baselineValue' | 'baselineDate'>,
  periods: readonly Pick<IndicatorPeriodDto, 'periodKey' | 'actual'>[],
  cyclePeriods: readonly ReportingPeriod[],
): { baselineValue: number | null; baselineDate: string | null; fromActual: boolean } {
  const last = lastActual(
    periods,
    cyclePeriods.map((p) => p.key),
  );
  const period = last === null ? undefined : cyclePeriods.find((p) => p.key === last.periodKey);
  if (last === null || period === undefined) return { baselineValue: indicator.baselineValue, baselineDate: indicator.baselineDate, fromActual: false };
  return { baselineValue: last.value, baselineDate: period.end, fromActual: true };
}

/** A risk's next review moves to the same day in the new year when it fell before the new year began. */
export function carriedReviewDate(reviewDate: string | null, fromFiscalYear: string, toFiscalYear: string): string | null {
  if (reviewDate === null) return null;
  return reviewDate < fiscalYearRange(toFiscalYear).start ? shiftYears(reviewDate, yearsBetween(fromFiscalYear, toFiscalYear)) : reviewDate;
}
