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

/**
 * A date field's text as a date, or the message that names the field: the one reading of a typed
 * date, for register forms and every other form alike. Empty text is `null` where the field may be
 * left empty.
 */
export function readDateText(
  label: string,
  typed: string,
  options: { optional?: boolean } = {},
): { ok: true; value: string | null } | { ok: false; message: string } {
  const text = typed.trim();
  if (text === '') return options.optional ? { ok: true, value: null } : { ok: false, message: `${label}: this is required.` };
  const iso = parseDateText(text);
  if (iso === null) return { ok: false, message: `${label}: "${text}" is not a date; type it as 25/11/2026 (day/month/year) or 25 Nov 2026.` };
  return { ok: true, value: iso };
}
