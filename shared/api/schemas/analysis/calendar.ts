import { z } from 'zod';
import { entityId, optionalText, requiredText } from '../fields';

/** The joint calendar: milestones, period ends, activity ends needing attention and the statutory dates of the county's budget calendar. */

export const calendarKinds = ['cycle', 'milestone', 'period_end', 'statutory', 'activity'] as const;
export const calendarStates = ['completed', 'overdue', 'due_soon', 'upcoming', 'past'] as const;
export type CalendarState = (typeof calendarStates)[number];

export const calendarEventDto = z.object({
  /** Stable across exports (the .ics UID is built from it), so a re-import updates, not duplicates. */
  id: z.string(),
  date: z.string(),
  title: z.string(),
  kind: z.enum(calendarKinds),
  /** What people call it: "Review meeting", "County budget calendar (PFM Act)", … */
  category: z.string(),
  detail: z.string(),
  /** `overdue`: a milestone or activity past its date and not completed (shared/analysis/due-dates.ts); `due_soon`: within the next 14 days. */
  state: z.enum(calendarStates),
  daysFromToday: z.int(),
  /** The milestone, activity or statutory date behind the event, when there is one. */
  sourceId: z.string().nullable(),
});
export type CalendarEventDto = z.infer<typeof calendarEventDto>;

export const calendarDto = z.object({
  cycleId: entityId,
  today: z.string(),
  events: z.array(calendarEventDto),
  overdueCount: z.int(),
  dueSoonCount: z.int(),
});
export type CalendarDto = z.infer<typeof calendarDto>;

export const calendarIcsDto = z.object({ fileName: z.string(), content: z.string(), eventCount: z.int() });

export const statutoryDateFields = {
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{1,40}$/),
  title: requiredText(200),
  month: z.int().min(1).max(12),
  day: z.int().min(1).max(31),
  description: optionalText(1000),
};
export const statutoryDateDto = z.object({
  key: z.string(),
  title: z.string(),
  month: z.int(),
  day: z.int(),
  description: z.string(),
  /** The date in the cycle's fiscal year (1 Jul – 30 Jun). */
  date: z.string(),
});
export type StatutoryDateDto = z.infer<typeof statutoryDateDto>;
export const statutoryDateListDto = z.object({ cycleId: entityId, customised: z.boolean(), dates: z.array(statutoryDateDto) });
export const statutoryDatesSetInput = z.strictObject({
  cycleId: entityId,
  dates: z.array(z.strictObject(statutoryDateFields)).min(1).max(30),
});
