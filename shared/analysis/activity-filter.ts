import type { ActivityDto } from '../api/schemas/plan';
import type { CycleDto } from '../api/schemas/cycle';
import { reportingPeriods, type ReportingPeriod } from '../reporting-periods';
import { naturalCompare } from '../natural-order';

export interface ActivityFilter {
  sector: string;
  wardId: string;
  /** Leading or supporting. */
  orgId: string;
  status: string;
  /** A county fiscal quarter key (Q1 = Jul–Sep): activities running at any time in it. */
  quarter: string;
  /** Words in the code, title or description. */
  text: string;
}

export const noFilter: ActivityFilter = { sector: '', wardId: '', orgId: '', status: '', quarter: '', text: '' };

export const isFiltered = (filter: ActivityFilter): boolean => Object.values(filter).some((value) => value !== '');

/** The county fiscal quarters of the cycle, whatever its reporting period, labelled with their months. */
export const fiscalQuarters = (cycle: Pick<CycleDto, 'startDate' | 'endDate'>): ReportingPeriod[] =>
  reportingPeriods({ ...cycle, reportingPeriod: 'quarterly' });

/** The activities a filter keeps, in code order (A1.2 before A1.10). */
export function filterActivities(activities: readonly ActivityDto[], filter: ActivityFilter, quarters: readonly ReportingPeriod[]): ActivityDto[] {
  const quarter = quarters.find((q) => q.key === filter.quarter);
  const words = filter.text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return activities.filter((activity) => {
    if (filter.sector && activity.sector !== filter.sector) return false;
    if (filter.status && activity.status !== filter.status) return false;
    if (filter.wardId && !activity.wardIds.includes(filter.wardId)) return false;
    if (filter.orgId && activity.leadOrgId !== filter.orgId && !activity.supportingOrgIds.includes(filter.orgId)) return false;
    if (quarter && (activity.endDate < quarter.start || activity.startDate > quarter.end)) return false;
    if (words.length > 0) {
      const haystack = `${activity.code} ${activity.title} ${activity.description}`.toLowerCase();
      if (!words.every((word) => haystack.includes(word))) return false;
    }
    return true;
  });
}

/** The action plan's order: by code (A1.2 before A1.10), then title; the screens, the documents and the paged reads all use it. */
export const compareActivities = (a: Pick<ActivityDto, 'code' | 'title'>, b: Pick<ActivityDto, 'code' | 'title'>): number =>
  naturalCompare(a.code, b.code) || naturalCompare(a.title, b.title);

export function sortByCode(activities: readonly ActivityDto[]): ActivityDto[] {
  return [...activities].sort(compareActivities);
}
