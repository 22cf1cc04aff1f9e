import type { ActivityDto } from '../api/schemas/plan';
import type { MilestoneDto } from '../api/schemas/review';
import { addDays, daysBetween } from '../dates';
import { naturalCompare } from '../natural-order';

/**
 * What "overdue" means, once for every screen, document and command: a milestone not completed by
 * its due date, or an activity neither completed nor cancelled by its end date.
 */

/** How far ahead "upcoming" looks: about two months, the gap between quarterly reviews. */
export const UPCOMING_DAYS = 60;

export const isMilestoneOpen = (milestone: Pick<MilestoneDto, 'status'>): boolean => milestone.status !== 'completed';

export const isMilestoneOverdue = (milestone: Pick<MilestoneDto, 'status' | 'dueDate'>, today: string): boolean =>
  isMilestoneOpen(milestone) && milestone.dueDate < today;

export const isActivityOpen = (activity: Pick<ActivityDto, 'status'>): boolean => activity.status !== 'completed' && activity.status !== 'cancelled';

export const isActivityOverdue = (activity: Pick<ActivityDto, 'status' | 'endDate'>, today: string): boolean =>
  isActivityOpen(activity) && activity.endDate < today;

/** Open milestones due from today to UPCOMING_DAYS ahead, soonest first. */
export function upcomingMilestones<M extends Pick<MilestoneDto, 'status' | 'dueDate'>>(milestones: readonly M[], today: string): M[] {
  const horizon = addDays(today, UPCOMING_DAYS);
  return milestones.filter((m) => isMilestoneOpen(m) && m.dueDate >= today && m.dueDate <= horizon).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
}

/** Open milestones past their due date, longest overdue first. */
export function overdueMilestones<M extends Pick<MilestoneDto, 'status' | 'dueDate'>>(milestones: readonly M[], today: string): M[] {
  return milestones.filter((m) => isMilestoneOverdue(m, today)).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
}

/** Activities whose end date has passed but which are neither completed nor cancelled. */
export function overdueActivities<A extends Pick<ActivityDto, 'status' | 'endDate' | 'code'>>(activities: readonly A[], today: string): A[] {
  return activities.filter((a) => isActivityOverdue(a, today)).sort((a, b) => a.endDate.localeCompare(b.endDate) || naturalCompare(a.code, b.code));
}

/** "in 5 days", "today", "3 days ago". */
export function relativeDays(date: string, today: string): string {
  const days = daysBetween(today, date);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}
