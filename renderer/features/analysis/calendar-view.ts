import type { CalendarEventDto, CalendarState } from '../../../shared/api/schemas/analysis/calendar';

/** What each state says next to an event (never colour alone). */
export const calendarStateLabels: Record<CalendarState, string> = {
  overdue: 'Overdue',
  due_soon: 'Due within 14 days',
  upcoming: 'Upcoming',
  completed: 'Completed',
  past: 'Past',
};

/** "in 3 days", "today", "9 days ago". */
export function relativeDays(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

/** What the overview shows: everything overdue, then what falls due in the next 14 days. */
export function attentionItems(events: readonly CalendarEventDto[]): CalendarEventDto[] {
  return [...events.filter((e) => e.state === 'overdue'), ...events.filter((e) => e.state === 'due_soon')];
}

export function eventsByDate(events: readonly CalendarEventDto[]): Map<string, CalendarEventDto[]> {
  const byDate = new Map<string, CalendarEventDto[]>();
  for (const event of events) byDate.set(event.date, [...(byDate.get(event.date) ?? []), event]);
  return byDate;
}
