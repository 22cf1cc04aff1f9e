import { formatDisplayDate, isIsoDate } from '../../../shared/dates';

/**
 * A date input shows the browser's locale format (often 07/01/2026, which a Kenyan reader takes for
 * 7 January), so the date is also spelled out beneath it: "1 Jul 2026".
 */
export function dateHint(value: string, note?: string): string | undefined {
  const spelled = isIsoDate(value) ? formatDisplayDate(value) : undefined;
  return [spelled, note].filter(Boolean).join(' · ') || undefined;
}
