import { addDays, addMonths, isoDate, monthAbbreviation, parseIsoDate } from './dates';

/**
 * Two calendars meet in a JWP: the county's fiscal year runs 1 July – 30 June, and many
 * donor-funded partners report on 1 October – 30 September. A quarter label must say which.
 */
export type FiscalCalendar = 'county' | 'partner';

const FIRST_MONTH: Record<FiscalCalendar, number> = { county: 7, partner: 10 };

const FISCAL_YEAR = /^(\d{4})\/(\d{2})$/;

/** "2026/27" is valid when the second part is the year after the first. */
export function isFiscalYearLabel(label: string): boolean {
  const match = FISCAL_YEAR.exec(label);
  if (!match) return false;
  const start = Number(match[1]);
  return (start + 1) % 100 === Number(match[2]);
}

export function fiscalYearLabel(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

export function fiscalYearStartYear(label: string): number {
  return Number(label.slice(0, 4));
}

/** The fiscal year a date falls in, e.g. 2026-11-25 → "2026/27" on both calendars. */
export function fiscalYearOf(date: string, calendar: FiscalCalendar = 'county'): string {
  const { year, month } = parseIsoDate(date);
  return fiscalYearLabel(month >= FIRST_MONTH[calendar] ? year : year - 1);
}

export function fiscalYearRange(label: string, calendar: FiscalCalendar = 'county'): { start: string; end: string } {
  const startYear = fiscalYearStartYear(label);
  const start = isoDate(startYear, FIRST_MONTH[calendar], 1);
  return { start, end: addDays(addMonths(start, 12), -1) };
}

/** Quarter 1–4 of a date in the given calendar. */
export function fiscalQuarterOf(date: string, calendar: FiscalCalendar = 'county'): 1 | 2 | 3 | 4 {
  const { month } = parseIsoDate(date);
  const monthsIn = (month - FIRST_MONTH[calendar] + 12) % 12;
  return monthsIn < 3 ? 1 : monthsIn < 6 ? 2 : monthsIn < 9 ? 3 : 4;
}

/** "Q1 (Jul–Sep)" for the county, "Q1 (Oct–Dec)" for a partner's year. */
export function quarterLabel(quarter: 1 | 2 | 3 | 4, calendar: FiscalCalendar = 'county'): string {
  const first = ((FIRST_MONTH[calendar] - 1 + (quarter - 1) * 3) % 12) + 1;
  const last = ((first + 1) % 12) + 1;
  return `Q${quarter} (${monthAbbreviation(first)}–${monthAbbreviation(last)})`;
}
