import { formatMoney } from '../../../shared/money';

/** Whole shillings, as budget sheets print them: "KES 1,234,567". */
export const kes = (amountMinor: number): string => formatMoney({ amountMinor, currency: 'KES' }, { cents: 'never' });

/** Short amounts for chart axes: "KES 12.5 M", "KES 350 K". */
export function kesShort(amountMinor: number): string {
  const shillings = amountMinor / 100;
  const size = Math.abs(shillings);
  if (size >= 1e9) return `KES ${trim(shillings / 1e9)} B`;
  if (size >= 1e6) return `KES ${trim(shillings / 1e6)} M`;
  if (size >= 1e3) return `KES ${trim(shillings / 1e3)} K`;
  return `KES ${Math.round(shillings)}`;
}

const trim = (value: number) => (Math.abs(value) >= 100 ? Math.round(value).toString() : value.toFixed(1).replace(/\.0$/, ''));
