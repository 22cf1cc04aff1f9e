/** ISO calendar dates (YYYY-MM-DD) handled as plain strings, so no time zone can shift a day. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y = NaN, m = NaN, d = NaN] = match.map(Number);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function parseIsoDate(value: string): { year: number; month: number; day: number } {
  const [year = NaN, month = NaN, day = NaN] = value.split('-').map(Number);
  return { year, month, day };
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const toUtc = (v: string) => {
    const { year, month, day } = parseIsoDate(v);
    return Date.UTC(year, month - 1, day);
  };
  return Math.round((toUtc(to) - toUtc(from)) / 86_400_000);
}

/** The day after the last day of the month `months` later: used to step period boundaries. */
export function addMonths(value: string, months: number): string {
  const { year, month, day } = parseIsoDate(value);
  const zeroBased = month - 1 + months;
  const y = year + Math.floor(zeroBased / 12);
  const m = (((zeroBased % 12) + 12) % 12) + 1;
  return isoDate(y, m, Math.min(day, daysInMonth(y, m)));
}

export function addDays(value: string, days: number): string {
  const { year, month, day } = parseIsoDate(value);
  const t = new Date(Date.UTC(year, month - 1, day + days));
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function monthAbbreviation(month: number): string {
  return MONTHS[month - 1] ?? '';
}

/** As people in Kenya write a date: 25 Nov 2026. */
export function formatDisplayDate(value: string): string {
  if (!isIsoDate(value)) return value;
  const { year, month, day } = parseIsoDate(value);
  return `${day} ${monthAbbreviation(month)} ${year}`;
}

/**
 * How long an activity runs, both days counted, in the unit people plan in: "12 days" up to two
 * weeks, "6 weeks" up to two months, else whole months ("8 months"; a year is "12 months").
 */
export function durationInWords(start: string, end: string): string {
  const days = daysBetween(start, end) + 1;
  if (days < 1) return '';
  if (days <= 14) return `${days} ${days === 1 ? 'day' : 'days'}`;
  if (days < 61) return `${Math.round(days / 7)} weeks`;
  const months = Math.round(days / (365.25 / 12));
  return `${months} months`;
}
