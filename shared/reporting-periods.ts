import { addDays, addMonths, monthAbbreviation, parseIsoDate } from './dates';

export type ReportingFrequency = 'monthly' | 'quarterly' | 'biannual';

export interface ReportingPeriod {
  /** Stable key stored with targets and actuals: Q1..Q4, H1..H2 or M01..M12. */
  key: string;
  label: string;
  start: string;
  end: string;
}

const MONTHS_PER_PERIOD: Record<ReportingFrequency, number> = { monthly: 1, quarterly: 3, biannual: 6 };

/**
 * The periods of a cycle, counted from its start date (a county cycle starts on 1 July, so Q1 is
 * Jul–Sep). The last period is cut at the cycle's end date.
 */
export function reportingPeriods(cycle: { startDate: string; endDate: string; reportingPeriod: ReportingFrequency }): ReportingPeriod[] {
  const step = MONTHS_PER_PERIOD[cycle.reportingPeriod];
  const periods: ReportingPeriod[] = [];
  let start = cycle.startDate;
  for (let index = 1; start <= cycle.endDate && index <= 60; index++) {
    const next = addMonths(start, step);
    const end = addDays(next, -1) < cycle.endDate ? addDays(next, -1) : cycle.endDate;
    periods.push({ key: periodKey(cycle.reportingPeriod, index), label: periodLabel(cycle.reportingPeriod, index, start, end), start, end });
    start = next;
  }
  return periods;
}

function periodKey(frequency: ReportingFrequency, index: number): string {
  if (frequency === 'quarterly') return `Q${index}`;
  if (frequency === 'biannual') return `H${index}`;
  return `M${String(index).padStart(2, '0')}`;
}

/** "Q1 (Jul–Sep)": the months are named, so a county quarter cannot be mistaken for a partner's. */
function periodLabel(frequency: ReportingFrequency, index: number, start: string, end: string): string {
  const from = parseIsoDate(start);
  const to = parseIsoDate(end);
  if (frequency === 'monthly') return `${monthAbbreviation(from.month)} ${from.year}`;
  const prefix = frequency === 'quarterly' ? `Q${index}` : `H${index}`;
  return `${prefix} (${monthAbbreviation(from.month)}–${monthAbbreviation(to.month)})`;
}

/** Whether an ISO date (if any) falls in the period, both ends included. */
export const isWithinPeriod = (date: string | null, period: Pick<ReportingPeriod, 'start' | 'end'>): boolean =>
  date !== null && date >= period.start && date <= period.end;
