import { daysInMonth, isoDate } from '../dates';
import { fiscalYearStartYear } from '../fiscal-year';
import type { StatutoryDateDto } from '../api/schemas/analysis/calendar';

export interface StatutoryDate {
  key: string;
  title: string;
  month: number;
  day: number;
  description: string;
}

/**
 * The county budget calendar of the Public Finance Management Act, 2012 (REGISTERS.md). Defaults
 * only: county circulars and secondary sources disagree on some dates, so each cycle may edit them.
 */
export const DEFAULT_STATUTORY_DATES: readonly StatutoryDate[] = [
  {
    key: 'adp',
    title: 'Annual Development Plan (ADP) to the County Assembly',
    month: 9,
    day: 1,
    description: "The county's ADP for the next fiscal year is submitted to the County Assembly (PFM Act, 2012).",
  },
  {
    key: 'cbrop',
    title: 'County Budget Review and Outlook Paper (CBROP)',
    month: 9,
    day: 30,
    description: 'The CBROP reviews last year’s budget outturn and updates the fiscal outlook (PFM Act, 2012).',
  },
  {
    key: 'cfsp',
    title: 'County Fiscal Strategy Paper (CFSP)',
    month: 2,
    day: 28,
    description: 'The CFSP sets the priorities and ceilings for next year’s budget and goes to the County Assembly (PFM Act, 2012).',
  },
  {
    key: 'budget_estimates',
    title: 'Budget estimates to the County Assembly',
    month: 4,
    day: 30,
    description: 'The county budget estimates for the next fiscal year are submitted to the County Assembly (PFM Act, 2012).',
  },
  {
    key: 'appropriation',
    title: 'Appropriation approved',
    month: 6,
    day: 30,
    description: 'The County Assembly approves the budget and the Appropriation Bill (PFM Act, 2012).',
  },
];

/** A day that exists in some year of that month: 29 February is allowed, 31 April is not. */
export function isValidMonthDay(month: number, day: number): boolean {
  return Number.isInteger(month) && Number.isInteger(day) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(2000, month);
}

/**
 * The date a month and day fall on inside a county fiscal year (1 July – 30 June): July–December in
 * the first calendar year, January–June in the second. 29 February becomes 28 February in a year
 * that is not a leap year, so a deadline is never lost.
 */
export function dateInFiscalYear(fiscalYear: string, month: number, day: number): string {
  const startYear = fiscalYearStartYear(fiscalYear);
  const year = month >= 7 ? startYear : startYear + 1;
  return isoDate(year, month, Math.min(day, daysInMonth(year, month)));
}

export function resolveStatutoryDates(fiscalYear: string, dates: readonly StatutoryDate[]): StatutoryDateDto[] {
  return dates
    .map((d) => ({ key: d.key, title: d.title, month: d.month, day: d.day, description: d.description, date: dateInFiscalYear(fiscalYear, d.month, d.day) }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.key.localeCompare(b.key));
}
