import { formatShillings } from '../../../shared/money';
import { chart, fitLabel, INK, label, rect, UNITS_PER_MM, type Chart } from './frame';

export interface ContributorBar {
  label: string;
  kesMinor: number;
  /** The county's own money (organisations of category Government) or a partner's. */
  isCounty: boolean;
}

const COLOUR = { county: '#1F3864', partner: '#4a90b8', others: '#a6a6a6' } as const;

/** The largest contributors get a bar each; the rest share one, so the chart stays one readable size. */
export const CONTRIBUTOR_BARS = 12;

const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100));

/**
 * Who pays for the plan: one bar per contributor, largest first, in KES with its share of the total,
 * the county's bars dark and the partners' light. The amounts and shares are the "Totals by
 * contributor" table's (the same totals, rounding and percentages); contributors beyond the first
 * twelve are summed into one bar.
 */
export function costShareChart(contributors: readonly ContributorBar[], totalKesMinor: number): Chart {
  // One contributor past the limit gets its own bar rather than an "others" bar of one.
  const limit = contributors.length === CONTRIBUTOR_BARS + 1 ? CONTRIBUTOR_BARS + 1 : CONTRIBUTOR_BARS;
  const shown = contributors.slice(0, limit);
  const rest = contributors.slice(limit);
  const bars = [
    ...shown.map((c) => ({ ...c, colour: c.isCounty ? COLOUR.county : COLOUR.partner })),
    ...(rest.length === 0
      ? []
      : [{ label: `${rest.length} other contributors`, kesMinor: rest.reduce((sum, c) => sum + c.kesMinor, 0), isCounty: false, colour: COLOUR.others }]),
  ];
  const width = 800;
  const rowHeight = 26;
  const top = 8;
  const nameWidth = 230;
  const valueWidth = 190;
  const barWidth = width - nameWidth - valueWidth - 20;
  const largest = Math.max(1, ...bars.map((b) => b.kesMinor));
  const body: string[] = [];
  bars.forEach((bar, index) => {
    const y = top + index * rowHeight;
    const length = Math.max(1, (bar.kesMinor / largest) * barWidth);
    body.push(label(nameWidth - 8, y + 17, fitLabel(bar.label, nameWidth - 10, 8.5), { anchor: 'end', size: 8.5 }));
    body.push(rect(nameWidth, y + 4, length, rowHeight - 8, bar.colour));
    body.push(label(nameWidth + length + 8, y + 17, `KES ${formatShillings(bar.kesMinor)} (${share(bar.kesMinor, totalKesMinor)}%)`, { size: 8.5 }));
  });
  const legendY = top + bars.length * rowHeight + 24;
  body.push(rect(nameWidth, legendY - 11, 14, 14, COLOUR.county));
  body.push(label(nameWidth + 20, legendY, 'County government'));
  body.push(rect(nameWidth + 170, legendY - 11, 14, 14, COLOUR.partner));
  body.push(label(nameWidth + 190, legendY, 'Development partners and others'));
  body.push(label(width - 10, legendY, `Total KES ${formatShillings(totalKesMinor)}`, { anchor: 'end', bold: true, fill: INK.heading }));
  const height = legendY + 14;
  return chart(width / UNITS_PER_MM, height / UNITS_PER_MM, body.join(''));
}
