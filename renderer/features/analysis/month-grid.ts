import { addDays, addMonths, daysInMonth, isoDate, monthAbbreviation, parseIsoDate } from '../../../shared/dates';

export interface MonthCell {
  date: string;
  day: number;
  /** False for the days of the previous or next month that fill the first and last weeks. */
  inMonth: boolean;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "November 2026". */
export function monthTitle(month: string): string {
  const { year, month: m } = parseIsoDate(month);
  return `${MONTH_NAMES[m - 1] ?? monthAbbreviation(m)} ${year}`;
}

/** The first day of the month `date` falls in. */
export const monthOf = (date: string): string => `${date.slice(0, 7)}-01`;

export const nextMonth = (month: string, step: 1 | -1): string => addMonths(month, step);

/** Day of the week, Monday = 0 … Sunday = 6 (a Kenyan office week starts on Monday). */
function weekday(date: string): number {
  const { year, month, day } = parseIsoDate(date);
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

/** The weeks of a month view, Monday to Sunday, padded with the neighbouring months' days. */
export function monthGrid(month: string): MonthCell[][] {
  const { year, month: m } = parseIsoDate(month);
  const first = isoDate(year, m, 1);
  const last = isoDate(year, m, daysInMonth(year, m));
  let cursor = addDays(first, -weekday(first));
  const weeks: MonthCell[][] = [];
  while (cursor <= last) {
    const week: MonthCell[] = [];
    for (let i = 0; i < 7; i++) {
      week.push({ date: cursor, day: parseIsoDate(cursor).day, inMonth: cursor.slice(0, 7) === first.slice(0, 7) });
      cursor = addDays(cursor, 1);
    }
    weeks.push(week);
  }
  return weeks;
}

/** The month to open on: today's, if the cycle covers it; else the cycle's first month. */
export function startingMonth(today: string, cycle: { startDate: string; endDate: string }): string {
  return today >= cycle.startDate && today <= cycle.endDate ? monthOf(today) : monthOf(cycle.startDate);
}
