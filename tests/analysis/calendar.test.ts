import { describe, expect, it } from 'vitest';
import { DUE_SOON_DAYS, jointCalendar, type CalendarActivity, type CalendarMilestone } from '../../shared/analysis/calendar';
import { overdueActivities, overdueMilestones } from '../../shared/analysis/due-dates';
import { dateInFiscalYear, DEFAULT_STATUTORY_DATES, isValidMonthDay, resolveStatutoryDates } from '../../shared/analysis/statutory-dates';

const cycle = {
  id: '00000000-0000-4000-8000-000000000001',
  title: 'Isiolo JWP',
  fiscalYear: '2026/27',
  startDate: '2026-07-01',
  endDate: '2027-06-30',
  reportingPeriod: 'quarterly' as const,
};
const milestone = (id: string, dueDate: string, status: CalendarMilestone['status'] = 'on_track'): CalendarMilestone => ({
  id,
  title: `Milestone ${id}`,
  kind: 'review_meeting',
  dueDate,
  status,
  progressNotes: '',
});

const activity = (id: string, endDate: string, status: CalendarActivity['status'] = 'ongoing'): CalendarActivity => ({
  id,
  code: `A${id}`,
  title: `Activity ${id}`,
  endDate,
  status,
  completionPct: 40,
});

describe('statutory budget dates', () => {
  it('places each date in the fiscal year: July–December in the first year, January–June in the second', () => {
    const dates = resolveStatutoryDates('2026/27', DEFAULT_STATUTORY_DATES);
    expect(dates.map((d) => [d.key, d.date])).toEqual([
      ['adp', '2026-09-01'],
      ['cbrop', '2026-09-30'],
      ['cfsp', '2027-02-28'],
      ['budget_estimates', '2027-04-30'],
      ['appropriation', '2027-06-30'],
    ]);
  });

  it('keeps 30 June and 1 July on either side of the fiscal-year boundary', () => {
    expect(dateInFiscalYear('2026/27', 6, 30)).toBe('2027-06-30');
    expect(dateInFiscalYear('2026/27', 7, 1)).toBe('2026-07-01');
    expect(dateInFiscalYear('2099/00', 1, 15)).toBe('2100-01-15');
  });

  it('handles leap years: 29 February exists only in leap years and falls back to the 28th', () => {
    expect(dateInFiscalYear('2027/28', 2, 29)).toBe('2028-02-29');
    expect(dateInFiscalYear('2026/27', 2, 29)).toBe('2027-02-28');
    expect(dateInFiscalYear('2099/00', 2, 29)).toBe('2100-02-28'); // 2100 is not a leap year
    expect(dateInFiscalYear('2027/28', 2, 28)).toBe('2028-02-28'); // CFSP stays on the 28th in a leap year
    expect(isValidMonthDay(2, 29)).toBe(true);
    expect(isValidMonthDay(2, 30)).toBe(false);
    expect(isValidMonthDay(4, 31)).toBe(false);
    expect(isValidMonthDay(13, 1)).toBe(false);
  });
});

describe('the joint calendar', () => {
  const today = '2026-11-25';
  const calendar = jointCalendar({
    cycle,
    today,
    milestones: [
      milestone('late', '2026-10-31', 'delayed'),
      milestone('done', '2026-10-16', 'completed'),
      milestone('today', today),
      milestone('in14', '2026-12-09'),
      milestone('in15', '2026-12-10'),
    ],
    activities: [
      activity('late', '2026-11-20'),
      activity('finished', '2026-11-01', 'completed'),
      activity('dropped', '2026-10-01', 'cancelled'),
      activity('soon', '2026-12-01'),
      activity('later', '2027-03-31'),
    ],
    statutoryDates: resolveStatutoryDates(cycle.fiscalYear, DEFAULT_STATUTORY_DATES),
  });
  const byId = (id: string) => calendar.events.find((e) => e.id === id);

  it('holds the cycle, its milestones, each reporting period end and the statutory dates, in date order', () => {
    expect(calendar.events).toHaveLength(2 + 5 + 4 + 5 + 2);
    expect(calendar.events.map((e) => e.date)).toEqual([...calendar.events.map((e) => e.date)].sort());
    expect(byId('period-Q2')).toMatchObject({ date: '2026-12-31', kind: 'period_end', title: 'Q2 (Oct–Dec) ends: indicator actuals and disbursements due' });
    expect(byId('statutory-cfsp-2027-02-28')).toMatchObject({ kind: 'statutory', category: 'County budget calendar (PFM Act)' });
    expect(calendar.events.at(-1)?.date).toBe('2027-06-30');
  });

  it('marks overdue milestones, and everything due from today to 14 days ahead', () => {
    expect(DUE_SOON_DAYS).toBe(14);
    expect(byId('milestone-late')).toMatchObject({ state: 'overdue', daysFromToday: -25 });
    expect(byId('milestone-done')?.state).toBe('completed');
    expect(byId('milestone-today')).toMatchObject({ state: 'due_soon', daysFromToday: 0 });
    expect(byId('milestone-in14')).toMatchObject({ state: 'due_soon', daysFromToday: 14 });
    expect(byId('milestone-in15')?.state).toBe('upcoming');
    expect(byId('statutory-cbrop-2026-09-30')?.state).toBe('past');
    expect(byId('period-Q1')?.state).toBe('past');
    expect(calendar.overdueCount).toBe(2);
    expect(calendar.dueSoonCount).toBe(3);
  });

  it('shows the activities whose end needs attention, overdue by the one rule every screen uses', () => {
    expect(byId('activity-late')).toMatchObject({ state: 'overdue', kind: 'activity', title: 'Alate Activity late ends', daysFromToday: -5 });
    expect(byId('activity-soon')).toMatchObject({ state: 'due_soon', daysFromToday: 6 });
    // Completed, cancelled and far-off activities are the action plan's, not the calendar's.
    for (const id of ['finished', 'dropped', 'later']) expect(byId(`activity-${id}`)).toBeUndefined();
    const overdue = calendar.events.filter((e) => e.state === 'overdue').map((e) => e.sourceId);
    const rule = [
      ...overdueMilestones([milestone('late', '2026-10-31', 'delayed'), milestone('done', '2026-10-16', 'completed')], today),
      ...overdueActivities([activity('late', '2026-11-20'), activity('finished', '2026-11-01', 'completed')], today),
    ].map((item) => item.id);
    expect(overdue.sort()).toEqual(rule.sort());
  });

  it('counts days across a leap day', () => {
    const leap = jointCalendar({
      cycle: { ...cycle, fiscalYear: '2027/28', startDate: '2027-07-01', endDate: '2028-06-30' },
      today: '2028-02-20',
      milestones: [milestone('m', '2028-03-01')],
      activities: [],
      statutoryDates: resolveStatutoryDates('2027/28', [{ key: 'cfsp', title: 'CFSP', month: 2, day: 29, description: '' }]),
    });
    expect(leap.events.find((e) => e.id === 'milestone-m')).toMatchObject({ daysFromToday: 10, state: 'due_soon' });
    expect(leap.events.find((e) => e.kind === 'statutory')).toMatchObject({ date: '2028-02-29', daysFromToday: 9 });
  });
});
