import { formatDisplayDate, parseDateText } from '../../../shared/dates';

/**
 * Date fields take text typed day first, whatever the machine's locale ("1/7/2026", "1 Jul 2026",
 * "2026-07-01"), and spell out beneath what they understood: "1 Jul 2026", so 1/7 is never
 * mistaken for 7 January.
 */
export function dateHint(value: string, note?: string): string {
  const iso = parseDateText(value);
  const understood = iso
    ? `Understood as ${formatDisplayDate(iso)}`
    : value.trim() === ''
      ? 'Day first, e.g. 1/7/2026 or 1 Jul 2026'
      : 'Not a date yet: type it as 1/7/2026 or 1 Jul 2026';
  return [understood, note].filter(Boolean).join(' · ');
}

/** A saved date as a date field shows it: 1 Jul 2026. */
export const shownDate = (iso: string): string => (iso ? formatDisplayDate(iso) : '');
