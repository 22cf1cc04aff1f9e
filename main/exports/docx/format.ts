import { formatDisplayDate, isoDate } from '../../../shared/dates';
import { formatKes, formatMoney, formatShillings, type Currency } from '../../../shared/money';
import type { OrganisationDto } from '../../../shared/api/schemas/organisation';

/** How numbers, money, dates and names read on paper. Money stays in integer minor units until here. */

/**
 * A non-breaking space between the currency and the amount: "KES 1,234" never splits across lines.
 * (Column widths are fitted to the widest figure, so the number itself never breaks: blocks.ts.)
 */
const NBSP = '\u00a0';
const keepTogether = (text: string) => text.replace(' ', NBSP);

/** "KES 1,234,567": whole shillings (shared/money.ts, the screens' rule). */
export const kes = (amountMinor: number) => keepTogether(formatKes(amountMinor));
/** "1,234,567": for a column whose header says (KES). */
export const shillings = (amountMinor: number) => formatShillings(amountMinor);
/** An amount as entered: KES in whole shillings, USD with cents when it has any. */
export const money = (amountMinor: number, currency: Currency) => keepTogether(formatMoney({ amountMinor, currency }));

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

/** An amount with its currency, or a dash for nothing (an empty county cell of a budget row). */
export const kesOrDash = (amountMinor: number) => (amountMinor === 0 ? '—' : kes(amountMinor));

/** A row's amount in a (KES) column: a dash for nothing, as on county budget sheets; totals always print the number. */
export const shillingsOrDash = (amountMinor: number) => (amountMinor === 0 ? '—' : shillings(amountMinor));

/** The short name tables use; the full name when there is none. */
export const orgLabel = (org: Pick<OrganisationDto, 'name' | 'shortName'> | undefined) => (org ? org.shortName || org.name : 'Unknown organisation');

/** "Full name (SHORT)" for lists that introduce an organisation. */
export const orgFullLabel = (org: Pick<OrganisationDto, 'name' | 'shortName'>) =>
  org.shortName && org.shortName !== org.name ? `${org.name} (${org.shortName})` : org.name;

/** The date on the machine's calendar (a county laptop's), not UTC's, for "Date" on a cover. */
export const localIsoDate = (at: Date) => isoDate(at.getFullYear(), at.getMonth() + 1, at.getDate());

/** "1 activity", "3 activities". */
export const count = (n: number, one: string, many: string) => `${whole.format(n)} ${n === 1 ? one : many}`;
