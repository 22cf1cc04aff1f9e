import { describe, expect, it } from 'vitest';
import { attentionItems, relativeDays } from '../../renderer/features/analysis/calendar-view';
import { monthGrid, monthTitle, nextMonth, startingMonth } from '../../renderer/features/analysis/month-grid';
import type { CalendarEventDto } from '../../shared/api/schemas/analysis/calendar';

describe('the month view', () => {
  it('lays a month out in Monday-to-Sunday weeks, padded with neighbouring days', () => {
    const weeks = monthGrid('2026-11-01'); // 1 Nov 2026 is a Sunday
    expect(weeks[0]?.map((c) => c.date)).toEqual(['2026-10-26', '2026-10-27', '2026-10-28', '2026-10-29', '2026-10-30', '2026-10-31', '2026-11-01']);
    expect(weeks[0]?.map((c) => c.inMonth)).toEqual([false, false, false, false, false, false, true]);
    expect(weeks.at(-1)?.at(-1)?.date).toBe('2026-12-06');
    expect(weeks.flat().filter((c) => c.inMonth)).toHaveLength(30);
  });

  it('knows February in leap and common years', () => {
    expect(
      monthGrid('2028-02-01')
        .flat()
        .filter((c) => c.inMonth),
    ).toHaveLength(29);
    expect(
      monthGrid('2027-02-01')
        .flat()
        .filter((c) => c.inMonth),
    ).toHaveLength(28);
    expect(monthGrid('2027-02-01')).toHaveLength(4); // 1 Feb 2027 is a Monday
  });

  it('names months, steps across the year end, and opens on today within the cycle', () => {
    expect(monthTitle('2026-11-01')).toBe('November 2026');
    expect(nextMonth('2026-12-01', 1)).toBe('2027-01-01');
    expect(nextMonth('2026-07-01', -1)).toBe('2026-06-01');
    const cycle = { startDate: '2026-07-01', endDate: '2027-06-30' };
    expect(startingMonth('2026-11-25', cycle)).toBe('2026-11-01');
    expect(startingMonth('2027-08-02', cycle)).toBe('2026-07-01');
  });
});

describe('calendar highlights', () => {
  const event = (id: string, state: CalendarEventDto['state']): CalendarEventDto => ({
    id,
    date: '2026-11-25',
    title: id,
    kind: 'milestone',
    category: 'Milestone',
    detail: '',
    state,
    daysFromToday: 0,
    sourceId: null,
  });

  it('puts overdue items first, then what is due within 14 days, and nothing else', () => {
    const items = attentionItems([event('soon', 'due_soon'), event('later', 'upcoming'), event('late', 'overdue'), event('done', 'completed')]);
    expect(items.map((e) => e.id)).toEqual(['late', 'soon']);
    expect([relativeDays(0), relativeDays(1), relativeDays(-1), relativeDays(9), relativeDays(-25)]).toEqual([
      'today',
      'tomorrow',
      'yesterday',
      'in 9 days',
      '25 days ago',
    ]);
  });
});
