import { isoDate } from '../../shared/dates';

/** Today on the user's calendar (the laptop's clock), not UTC: at 01:00 in Nairobi it is already tomorrow. */
export function localIsoDate(now: Date): string {
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

export const todayIso = (): string => localIsoDate(new Date());
