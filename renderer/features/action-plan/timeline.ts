import { addMonths, daysBetween, monthAbbreviation, parseIsoDate } from '../../../shared/dates';

export interface TimelineSpan {
  label: string;
  /** Position and width as a percentage of the timeline. */
  left: number;
  width: number;
}

export interface TimelineScale {
  start: string;
  end: string;
  months: TimelineSpan[];
  quarters: TimelineSpan[];
  /** Where today falls, or null when the cycle is not running today. */
  today: number | null;
}

/** Inclusive day count, so a one-day activity still has a width. */
const days = (from: string, to: string) => daysBetween(from, to) + 1;

/**
 * The months and county quarters across a cycle (the fiscal year, Q1 = Jul–Sep), as percentages,
 * so the bars scale with the screen and nothing is measured in pixels.
 */
export function timelineScale(cycle: { startDate: string; endDate: string }, today: string): TimelineScale {
  const total = days(cycle.startDate, cycle.endDate);
  const at = (date: string) => (daysBetween(cycle.startDate, date) / total) * 100;
  const months: TimelineSpan[] = [];
  for (let start = cycle.startDate; start <= cycle.endDate; start = addMonths(start, 1)) {
    const next = addMonths(start, 1);
    // The last month ends with the cycle, at the right edge.
    const right = next > cycle.endDate ? 100 : at(next);
    const { month, year } = parseIsoDate(start);
    // The year is named where it starts and on the first month shown.
    const label = month === 1 || months.length === 0 ? `${monthAbbreviation(month)} ${year}` : monthAbbreviation(month);
    months.push({ label, left: at(start), width: right - at(start) });
    if (months.length >= 60) break;
  }
  const quarters: TimelineSpan[] = [];
  for (let index = 0; index < months.length; index += 3) {
    const group = months.slice(index, index + 3);
    const first = group[0];
    const last = group[group.length - 1];
    if (!first || !last) continue;
    const names = group.map((month) => month.label.slice(0, 3));
    quarters.push({ label: `Q${index / 3 + 1} (${names[0]}–${names[names.length - 1]})`, left: first.left, width: last.left + last.width - first.left });
  }
  const running = today >= cycle.startDate && today <= cycle.endDate;
  return { start: cycle.startDate, end: cycle.endDate, months, quarters, today: running ? at(today) + 50 / total : null };
}

export interface Bar {
  left: number;
  width: number;
  /** The activity starts before or ends after the cycle: the bar is cut at the edge. */
  cutStart: boolean;
  cutEnd: boolean;
}

/** An activity's bar, cut to the cycle; null when it lies wholly outside it. */
export function barOf(activity: { startDate: string; endDate: string }, scale: Pick<TimelineScale, 'start' | 'end'>): Bar | null {
  if (activity.endDate < scale.start || activity.startDate > scale.end) return null;
  const total = days(scale.start, scale.end);
  const from = activity.startDate < scale.start ? scale.start : activity.startDate;
  const to = activity.endDate > scale.end ? scale.end : activity.endDate;
  return {
    left: (daysBetween(scale.start, from) / total) * 100,
    width: (days(from, to) / total) * 100,
    cutStart: activity.startDate < scale.start,
    cutEnd: activity.endDate > scale.end,
  };
}
