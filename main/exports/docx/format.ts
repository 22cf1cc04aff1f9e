import { formatDisplayDate, isoDate } from '../../../shared/dates';
import { formatMoney, type Currency } from '../../../shared/money';
import type { OrganisationDto } from '../../../shared/api/schemas/organisation';

/** How numbers, money, dates and names read on paper. Money stays in integer minor units until here. */

export const kes = (amountMinor: number) => formatMoney({ amountMinor, currency: 'KES' });
export const money = (amountMinor: number, currency: Currency) => formatMoney({ amountMinor, currency });

export const displayDate = (iso: string | null | undefined) => (iso ? formatDisplayDate(iso) : '—');
export const dateRange = (start: string, end: string) => `${formatDisplayDate(start)} – ${formatDisplayDate(end)}`;

// One formatter each: `toLocaleString` builds a new one per call, which a large plan pays for thousands of times.
const twoDecimals = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** Indicator values: counts, rates or percentages, with at most two decimals. */
export function measure(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return twoDecimals.format(value);
}

export const percent = (value: number) => `${whole.format(value)}%`;

/** A row's amount: a dash for nothing, as on county budget sheets; totals always print the number. */
export const kesOrDash = (amountMinor: number) => (amountMinor === 0 ? '—' : kes(amountMinor));

/** The short name tables use; the full name when there is none. */
export const orgLabel = (org: Pick<OrganisationDto, 'name' | 'shortName'> | undefined) => (org ? org.shortName || org.name : 'Unknown organisation');

/** "Full name (SHORT)" for lists that introduce an organisation. */
export const orgFullLabel = (org: Pick<OrganisationDto, 'name' | 'shortName'>) =>
  org.shortName && org.shortName !== org.name ? `${org.name} (${org.shortName})` : org.name;

/** The date on the machine's calendar (a county laptop's), not UTC's, for "Date" on a cover. */
export const localIsoDate = (at: Date) => isoDate(at.getFullYear(), at.getMonth() + 1, at.getDate());

/** "1 activity", "3 activities". */
export const count = (n: number, one: string, many: string) => `${whole.format(n)} ${n === 1 ? one : many}`;
