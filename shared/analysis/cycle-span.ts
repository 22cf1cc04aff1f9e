import { formatDisplayDate } from '../dates';

/**
 * An activity that starts before or ends after its cycle's fiscal year is accepted (real plans
 * carry work over), but said so: its whole cost still counts in this cycle. Null when it fits.
 */
export function outsideCycleWarning(
  activity: { startDate: string; endDate: string },
  cycle: { startDate: string; endDate: string; fiscalYear: string },
): string | null {
  const before = activity.startDate < cycle.startDate;
  const after = activity.endDate > cycle.endDate;
  if (!before && !after) return null;
  const how = before && after ? 'starts before and ends after' : before ? 'starts before' : 'ends after';
  return `${how} the fiscal year ${cycle.fiscalYear} (${formatDisplayDate(cycle.startDate)} – ${formatDisplayDate(cycle.endDate)}); it is accepted, and its whole cost counts in this cycle's budget.`;
}
