import { TextRun, type FileChild } from 'docx';
import { countNotValued, isCounted, NOT_VALUED_LABEL, notValuedNote } from '../../../shared/budget-lines';
import { formatRate, ROUNDING_NOTE } from '../../../shared/money';
import { contributionTypes, organisationCategories } from '../../../shared/domain/vocabulary';
import type { ContributionDto } from '../../../shared/api/schemas/budget';
import type { PlanData } from '../plan-data';
import { percentOf } from '../shared-data/budget-totals';
import { bullet, dataTable, para, type Column, type RowSpec } from './blocks';
import { displayDate, kes, money, orgLabel, percent, shillings } from './format';
import type { Orientation } from './theme';

/** Budget tables shared by the plan, the budget and the approval pack, so their totals agree. */

export function rateSentence(data: PlanData): string {
  const { cycle } = data;
  return `${ROUNDING_NOTE} Amounts in US dollars are shown as entered and converted at the cycle's rate of KES ${formatRate(cycle.kesPerUsdScaled)} per USD (rate of ${displayDate(cycle.exchangeRateDate)}), each line to the nearest shilling before any total.`;
}

/** A line's amount as entered, or "in-kind, not valued" (shared/budget-lines.ts). */
export const lineAmount = (line: ContributionDto): string => (isCounted(line) ? money(line.amountMinor, line.currency) : NOT_VALUED_LABEL);

/**
 * "2 in-kind lines not valued are not in these totals." under a table of totals, when there are
 * such lines; with `listLines`, each of them too (for a table that does not list lines itself).
 */
export function notValuedParagraphs(data: PlanData, options: { listLines?: boolean } = {}): FileChild[] {
  const note = notValuedNote(countNotValued(data.contributions));
  if (!note) return [];
  const lines = options.listLines ? data.contributions.filter((line) => !isCounted(line)) : [];
  return [
    para([new TextRun({ text: note, italics: true })]),
    ...lines.map((line) => {
      const activity = line.activityId ? data.activities.find((a) => a.id === line.activityId) : undefined;
      const what = [activity?.code, line.component || activity?.title].filter(Boolean).join(' ');
      return bullet(`${orgLabel(data.orgById.get(line.contributorOrgId))} · ${what} · ${NOT_VALUED_LABEL}`);
    }),
  ];
}

/** "UDRA · USD 120,000 = KES 15,522,000 · cash, off-budget" */
export function contributionLine(data: PlanData, line: ContributionDto): string {
  const amount = lineAmount(line);
  const converted = line.currency === 'KES' || !isCounted(line) ? '' : ` = ${kes(data.totals.lineKesMinor.get(line.id) ?? 0)}`;
  const kind = `${contributionTypes.label(line.type).toLowerCase()}, ${line.onBudget ? 'on-budget' : 'off-budget'}`;
  return `${orgLabel(data.orgById.get(line.contributorOrgId))} · ${amount}${converted} · ${kind}`;
}

/**
 * Totals by contributor: what each organisation puts in, in its currencies and in KES. The compact
 * variant (portrait, one page) shows the amounts as entered in one column.
 */
export function contributorTotalsTable(data: PlanData, orientation: Orientation, options: { compact?: boolean } = {}): FileChild[] {
  const { totals } = data;
  const compact = options.compact ?? false;
  const columns: Column[] = compact
    ? [
        { header: 'Contributor', weight: 2.4 },
        { header: 'Category', weight: 2 },
        { header: 'As entered', weight: 1.9, align: 'right' },
        { header: 'Total (KES)', weight: 2, align: 'right' },
        { header: 'Share', weight: 0.8, align: 'right' },
      ]
    : [
        { header: 'Contributor', weight: 3 },
        { header: 'Category', weight: 1.6 },
        { header: 'Lines', weight: 0.7, align: 'right' },
        { header: 'Entered in KES', weight: 1.7, align: 'right' },
        { header: 'Entered in USD', weight: 1.5, align: 'right' },
        { header: 'Total (KES)', weight: 1.8, align: 'right' },
        { header: 'Share', weight: 0.8, align: 'right' },
      ];
  const share = (kesMinor: number) => percent(percentOf(kesMinor, totals.totalKesMinor));
  const rows: RowSpec[] = totals.byContributor.map((c) => {
    const org = data.orgById.get(c.organisationId);
    const entered = (['KES', 'USD'] as const).filter((currency) => c.byCurrency[currency] !== 0).map((currency) => money(c.byCurrency[currency], currency));
    const name = orgLabel(org);
    const category = org ? organisationCategories.label(org.category) : '';
    return compact
      ? [name, category, entered, shillings(c.kesMinor), share(c.kesMinor)]
      : [
          name,
          category,
          String(c.lines),
          c.byCurrency.KES ? money(c.byCurrency.KES, 'KES') : '—',
          c.byCurrency.USD ? money(c.byCurrency.USD, 'USD') : '—',
          shillings(c.kesMinor),
          share(c.kesMinor),
        ];
  });
  const totalRow = (label: string, kesMinor: number, lines = ''): RowSpec => ({
    total: compact ? [label, '', '', shillings(kesMinor), share(kesMinor)] : [label, '', lines, '', '', shillings(kesMinor), share(kesMinor)],
  });
  if (rows.length > 0) {
    rows.push(totalRow('County government', totals.countyKesMinor));
    rows.push(totalRow('Development partners and others', totals.partnersKesMinor));
    rows.push(totalRow('Total', totals.totalKesMinor, String(data.contributions.length)));
  }
  return [
    ...dataTable({ orientation, columns, rows, empty: 'No contributions are recorded for this cycle yet, so there is no cost-share to show.' }),
    ...notValuedParagraphs(data),
  ];
}

const withNote = (note: string | null) => (note ? ` ${note}` : '');

/** One sentence with the budget's size and split, for overviews and the approval memo. */
export function costShareSentence(data: PlanData): FileChild {
  const { totals } = data;
  if (data.contributions.length === 0) return para('No contributions are recorded for this cycle yet.');
  return para(
    `The plan is costed at ${kes(totals.totalKesMinor)}: the county government contributes ${kes(totals.countyKesMinor)} (${percent(percentOf(totals.countyKesMinor, totals.totalKesMinor))}) and development partners and others ${kes(totals.partnersKesMinor)} (${percent(percentOf(totals.partnersKesMinor, totals.totalKesMinor))}). ${kes(totals.onBudgetKesMinor)} is appropriated through the county budget (on-budget) and ${kes(totals.offBudgetKesMinor)} is spent directly by partners (off-budget).${withNote(notValuedNote(countNotValued(data.contributions)))}`,
  );
}
