/**
 * An indicator's figure as screens and documents print it: thousands separated, at most two
 * decimals ("214,500", "15.6 %"); an empty value is a dash.
 */
export function formatMeasure(value: number | null, unit = ''): string {
  if (value === null) return '—';
  const text = value.toLocaleString('en-GB', { maximumFractionDigits: 2 });
  return unit === '%' ? `${text} %` : text;
}
