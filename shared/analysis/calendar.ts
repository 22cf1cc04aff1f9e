import { daysBetween, formatDisplayDate } from '../dates';
import { activityStatuses, milestoneStatuses, reportTypes } from '../domain/vocabulary';
import { reportingPeriods, type ReportingFrequency } from '../reporting-periods';
import type { MilestoneDto } from '../api/schemas/review';
import type { ActivityDto } from '../api/schemas/plan';
import { isActivityOpen, isMilestoneOpen } from './due-dates';
import type { CalendarDto, CalendarEventDto, CalendarState, StatutoryDateDto } from '../api/schemas/analysis/calendar';
import { naturalCompare } from '../natural-order';

/** "Due soon" on the overview: within this many days from today, today included. */
export const DUE_SOON_DAYS = 14;

export interface CalendarCycle {
  id: string;
  title: string;
  fiscalYear: string;
  startDate: string;
  endDate: string;
  reportingPeriod: ReportingFrequency;
}

export type CalendarMilestone = Pick<MilestoneDto, 'id' | 'title' | 'kind' | 'dueDate' | 'status' | 'progressNotes'>;
export type CalendarActivity = Pick<ActivityDto, 'id' | 'code' | 'title' | 'endDate' | 'status' | 'completionPct'>;

const STATUTORY_CATEGORY = 'County budget calendar (PFM Act)';
const KIND_ORDER: Record<CalendarEventDto['kind'], number> = { statutory: 0, cycle: 1, period_end: 2, milestone: 3, activity: 4 };

/**
 * One calendar for the cycle: its start and end, the review milestones and reports of the register,
 * the end of each reporting period (when indicator actuals and disbursements fall due), and the
 * county's statutory budget dates in the cycle's fiscal year.
 *
 * A milestone not completed by its date is `overdue` (the one rule of due-dates.ts); anything
 * dated from today to 14 days ahead is `due_soon`; other past dates are `past` (or `completed` for
 * a completed milestone). Activities appear when their end date needs attention: open ones that
 * are overdue or end within 14 days (a county plan holds thousands; the rest are in the action plan).
 */
export function jointCalendar(input: {
  cycle: CalendarCycle;
  today: string;
  milestones: readonly CalendarMilestone[];
  activities: readonly CalendarActivity[];
  statutoryDates: readonly StatutoryDateDto[];
}): CalendarDto {
  const { cycle, today } = input;
  const events: CalendarEventDto[] = [];
  const add = (event: Omit<CalendarEventDto, 'state' | 'daysFromToday'>, completed: boolean | null) => {
    const daysFromToday = daysBetween(today, event.date);
    events.push({ ...event, daysFromToday, state: stateOf(daysFromToday, completed) });
  };

  add(
    {
      id: 'cycle-start',
      date: cycle.startDate,
      title: `JWP cycle starts: ${cycle.title}`,
      kind: 'cycle',
      category: 'JWP cycle',
      detail: `FY ${cycle.fiscalYear}`,
      sourceId: null,
    },
    null,
  );
  add(
    {
      id: 'cycle-end',
      date: cycle.endDate,
      title: `JWP cycle ends: ${cycle.title}`,
      kind: 'cycle',
      category: 'JWP cycle',
      detail: 'Close-out and final impact report.',
      sourceId: null,
    },
    null,
  );

  for (const period of reportingPeriods(cycle)) {
    add(
      {
        id: `period-${period.key}`,
        date: period.end,
        title: `${period.label} ends: indicator actuals and disbursements due`,
        kind: 'period_end',
        category: 'Reporting period',
        detail: `Reporting period ${period.key} runs ${formatDisplayDate(period.start)} – ${formatDisplayDate(period.end)}.`,
        sourceId: null,
      },
      null,
    );
  }

  for (const m of input.milestones) {
    const status = milestoneStatuses.label(m.status);
    add(
      {
        id: `milestone-${m.id}`,
        date: m.dueDate,
        title: m.title,
        kind: 'milestone',
        category: reportTypes.label(m.kind),
        detail: m.progressNotes ? `${status}. ${m.progressNotes}` : `${status}.`,
        sourceId: m.id,
      },
      !isMilestoneOpen(m),
    );
  }

  for (const a of input.activities) {
    if (!isActivityOpen(a) || daysBetween(today, a.endDate) > DUE_SOON_DAYS) continue;
    add(
      {
        id: `activity-${a.id}`,
        date: a.endDate,
        title: `${a.code ? `${a.code} ` : ''}${a.title} ends`,
        kind: 'activity',
        category: 'Joint activity',
        detail: `${activityStatuses.label(a.status)}, ${a.completionPct ?? 0}% done.`,
        sourceId: a.id,
      },
      false,
    );
  }

  for (const d of input.statutoryDates) {
    add(
      {
        id: `statutory-${d.key}-${d.date}`,
        date: d.date,
        title: d.title,
        kind: 'statutory',
        category: STATUTORY_CATEGORY,
        detail: d.description,
        sourceId: d.key,
      },
      null,
    );
  }

  events.sort((a, b) => a.date.localeCompare(b.date) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || naturalCompare(a.title, b.title));
  return {
    cycleId: cycle.id,
    today,
    events,
    overdueCount: events.filter((e) => e.state === 'overdue').length,
    dueSoonCount: events.filter((e) => e.state === 'due_soon').length,
  };
}

/** `completed` is null for dates that are not tasks (statutory dates, period ends): they only pass. */
function stateOf(daysFromToday: number, completed: boolean | null): CalendarState {
  if (completed) return 'completed';
  if (daysFromToday < 0) return completed === false ? 'overdue' : 'past';
  return daysFromToday <= DUE_SOON_DAYS ? 'due_soon' : 'upcoming';
}
