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

/**
 * Days since 1970-01-01 of an ISO date, without validation (the value is a stored, checked date):
 * the analyses count days of thousands of activities and budget lines.
 */
export function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
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

/**
 * Dates typed as text, read the Kenyan way (day before month) whatever the machine's locale:
 * 25/11/2026, 25-11-2026, 25 Nov 2026, 2026-11-25. The one reading for forms and workbook cells.
 */
export function parseDateText(text: string): string | null {
  const value = text
    .trim()
    .toLowerCase()
    .replace(/(\d)(st|nd|rd|th)\b/g, '$1')
    .replace(/,/g, ' ')
    .replace(/\s+/g, ' ');
  const year = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));
  const build = (y: number, m: number, d: number) => {
    const iso = isoDate(y, m, d);
    return isIsoDate(iso) ? iso : null;
  };
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value);
  if (match) return build(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$/.exec(value);
  if (match) return build(year(match[3] ?? ''), Number(match[2]), Number(match[1]));
  match = /^(\d{1,2})[ -]([a-z]{3,9})\.?[ -](\d{4}|\d{2})$/.exec(value);
  if (match) {
    const month = monthIndex(match[2]);
    return month ? build(year(match[3] ?? ''), month, Number(match[1])) : null;
  }
  match = /^([a-z]{3,9})\.? (\d{1,2}) (\d{4})$/.exec(value);
  if (match) {
    const month = monthIndex(match[1]);
    return month ? build(Number(match[3]), month, Number(match[2])) : null;
  }
  return null;
}

/** 1 for "jan", "Jan." or "January"; 0 when it names no month. */
function monthIndex(name: string | undefined): number {
  return MONTHS.findIndex((month) => month.toLowerCase() === (name ?? '').slice(0, 3)) + 1;
}
