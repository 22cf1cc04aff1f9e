import type ExcelJS from 'exceljs';
import { countNotValued, isCounted, NOT_VALUED_LABEL, notValuedNote } from '../../../shared/budget-lines';
import { formatDisplayDate } from '../../../shared/dates';
import { contributionTypes, sectors } from '../../../shared/domain/vocabulary';
import { formatRate, RATE_SCALE, roundToShilling, toKesMinor } from '../../../shared/money';
import type { CycleData } from './cycle-data';
import { rowSink, type XmlCell } from './row-xml';
import { cellOf, columnLetter, excelDate, letterOf, printSetup, writeTable, type ColumnSpec, type Formula, addSheet } from './sheet-kit';
import { FORMATS, styleHeaderRow, styleTitle, font, heightForLines, wrappedLines, sharedStyle } from './cell-style';
import { cellText } from './safe-text';
import { HEADER_ROW, rowIdColumn } from './register-sheets';
import { RATE_NAME, SHEETS } from './sheet-names';
import { isCountyGovernment } from '../../../shared/domain/organisations';
import { naturalCompare } from '../../../shared/natural-order';

type Contribution = CycleData['contributions'][number];

export const NO_ACTIVITY = 'Not tied to an activity';

/** The Budget's header row, frozen when the sheet is created. */
export const BUDGET_HEADER_ROW = 11;

/** Where the Budget sheet put things, for the Summary's formulas and for tests. */
export interface BudgetLayout {
  headerRow: number;
  firstDataRow: number;
  lastDataRow: number;
  totalRow: number;
  /** Contributor organisation id → column letter. */
  contributorColumns: Map<string, string>;
  totalColumn: string;
  rateCell: string;
}

export interface BudgetLinesLayout {
  firstDataRow: number;
  lastDataRow: number;
  contributorLetter: string;
  sectorLetter: string;
  onBudgetLetter: string;
  kesLetter: string;
}

/** The looks of the budget's body, shared by its thousands of cells (see sharedStyle). */
const LOOKS = {
  amount: sharedStyle({ numFmt: FORMATS.kes }),
  total: sharedStyle({ numFmt: FORMATS.kes, bold: true }),
  text: { plain: sharedStyle({ wrap: true }), text: sharedStyle({ wrap: true, numFmt: '@' }) },
  notValued: { plain: sharedStyle({ wrap: true, horizontal: 'right' }), text: sharedStyle({ wrap: true, horizontal: 'right', numFmt: '@' }) },
};

const WIDTHS = { code: 8, activity: 28, component: 28, description: 30, contributor: 13, total: 16, comments: 28 };

/** A contributor's share of a row in minor units: KES summed (each line rounded to the shilling), USD line by line. */
interface ContributorAmount {
  kes: number;
  usd: number[];
  /** The row has this contributor's in-kind support not valued (shown when it has no amount). */
  notValued: boolean;
}

/** One row of the budget template: a component of an activity (or a component on its own). */
interface BudgetRow {
  activity: CycleData['activities'][number] | undefined;
  component: string;
  descriptions: string[];
  comments: string[];
  /** Contributor id → KES and USD minor units. */
  amounts: Map<string, ContributorAmount>;
}

function budgetRows(data: CycleData): BudgetRow[] {
  const rows = new Map<string, BudgetRow>();
  for (const line of data.contributions) {
    const key = `${line.activityId ?? ''}\u0000${line.component.trim().toLowerCase()}`;
    let row = rows.get(key);
    if (!row) {
      row = { activity: data.names.activityRow(line.activityId), component: line.component, descriptions: [], comments: [], amounts: new Map() };
      rows.set(key, row);
    }
    if (line.description && !row.descriptions.includes(line.description)) row.descriptions.push(line.description);
    if (line.comments && !row.comments.includes(line.comments)) row.comments.push(line.comments);
    const amount: ContributorAmount = row.amounts.get(line.contributorOrgId) ?? { kes: 0, usd: [], notValued: false };
    if (!isCounted(line)) amount.notValued = true;
    else if (line.currency === 'USD') amount.usd.push(line.amountMinor);
    else amount.kes += roundToShilling(line.amountMinor);
    row.amounts.set(line.contributorOrgId, amount);
  }
  // Activities in natural code order (A2 before A10), ranked once: a collator is too slow to call
  // for every comparison of 20,000 rows.
  const ranked = [...data.activities].sort((x, y) => naturalCompare(x.code, y.code) || naturalCompare(x.title, y.title));
  const rank = new Map(ranked.map((activity, index) => [activity.id, index]));
  const keyed = [...rows.values()].map((row) => ({
    row,
    rank: row.activity ? (rank.get(row.activity.id) ?? 0) : Number.MAX_SAFE_INTEGER,
    component: row.component.toLowerCase(),
  }));
  keyed.sort((x, y) => x.rank - y.rank || (x.component < y.component ? -1 : x.component > y.component ? 1 : 0));
  return keyed.map((entry) => entry.row);
}

/**
 * "1850000" or "1850000+ROUND(120000*KES_per_USD,0)": amounts stay visible in the formula bar, and
 * each USD line is rounded to the shilling as the app rounds it (shared/money.ts).
 */
function matrixCell(amount: ContributorAmount | undefined, kesPerUsdScaled: number): number | string | (Formula & { result: number }) | null {
  if (!amount) return null;
  // Text, which the SUMs pass over: the line is listed, not counted (shared/budget-lines.ts).
  if (amount.notValued && amount.kes === 0 && amount.usd.length === 0) return NOT_VALUED_LABEL;
  const kes = amount.kes / 100;
  if (amount.usd.length === 0) return kes;
  const terms = amount.usd.map((minor) => `ROUND(${minor / 100}*${RATE_NAME},0)`);
  const result = kes + amount.usd.reduce((sum, minor) => sum + toKesMinor({ amountMinor: minor, currency: 'USD' }, kesPerUsdScaled) / 100, 0);
  return { formula: `${kes === 0 ? '' : `${kes}+`}${terms.join('+')}`, result };
}

/**
 * The manual's budget template: one row per component, one column per contributor (the county's
 * departments first, then partners), a total column and a total row of live SUMs. USD amounts are
 * multiplied by the named exchange-rate cell, so changing the rate moves every total.
 */
export function addBudget(workbook: ExcelJS.Workbook, data: CycleData, exportedOn: string): BudgetLayout {
  // Title, six lines of the template's header, a blank row, the contributor groups, the header.
  const sheet = addSheet(workbook, SHEETS.budget, { rows: BUDGET_HEADER_ROW, columns: 2 });
  const rate = data.cycle.kesPerUsdScaled / RATE_SCALE;
  const contributing = new Set(data.contributions.map((c) => c.contributorOrgId));
  const county = data.organisations.filter((o) => contributing.has(o.id) && isCountyGovernment(o));
  const partners = data.organisations.filter((o) => contributing.has(o.id) && !isCountyGovernment(o));
  const contributors = [...county, ...partners];
  const rows = budgetRows(data);

  styleTitle(sheet, 'Cost-share budget', `${data.cycle.countyName} County · FY ${data.cycle.fiscalYear}`);
  const info: [string, string | Date | number][] = [
    ['Project title', data.cycle.title],
    ['County', `${data.cycle.countyName} County`],
    ['Implementing partner(s)', partners.map((o) => o.name).join(', ') || '—'],
    ['Budget year', `FY ${data.cycle.fiscalYear}`],
    ['Date of submission', excelDate(exportedOn)],
    ['Exchange rate (KES per USD)', rate],
  ];
  const lastColumn = 4 + contributors.length + 2;
  info.forEach(([label, value], index) => {
    const row = 3 + index;
    sheet.mergeCells(`A${row}:B${row}`);
    sheet.getCell(`A${row}`).value = label;
    sheet.getCell(`A${row}`).font = font({ bold: true });
    sheet.getCell(`A${row}`).alignment = { vertical: 'top' };
    const cell = sheet.getCell(`C${row}`);
    cell.value = typeof value === 'string' ? cellText(value) : value;
    cell.alignment = { horizontal: 'left', vertical: 'top', wrapText: typeof value === 'string' };
    if (value instanceof Date) cell.numFmt = FORMATS.date;
    if (typeof value === 'string') {
      // A long value (the partners' names) spreads over the columns to the right and wraps there.
      sheet.mergeCells(row, 3, row, Math.max(4, Math.min(lastColumn, 10)));
      const lines = wrappedLines(value, 28 * 2 + 30 + 13 * Math.max(0, Math.min(lastColumn, 10) - 4));
      if (lines > 1) sheet.getRow(row).height = heightForLines(lines);
    }
  });
  const rateRow = 3 + info.length - 1;
  const rateCell = sheet.getCell(`C${rateRow}`);
  sheet.workbook.definedNames.add(`${SHEETS.budget}!$C$${rateRow}`, RATE_NAME);
  rateCell.numFmt = '0.00##';
  rateCell.alignment = { horizontal: 'left', vertical: 'top' };
  rateCell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
  rateCell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  sheet.getCell(`D${rateRow}`).value = `Rate of ${formatDisplayDate(data.cycle.exchangeRateDate)}. Change it and every USD line and total is converted again.`;
  sheet.getCell(`D${rateRow}`).font = font({ italic: true, color: { argb: 'FF555555' } });

  const groupRow = rateRow + 2;
  const headerRow = groupRow + 1;
  if (headerRow !== BUDGET_HEADER_ROW) throw new Error('The Budget header moved; update BUDGET_HEADER_ROW.');
  const firstContributor = 5;
  const totalColumnNumber = firstContributor + contributors.length;
  const headers = [
    'Code',
    'Activity',
    'Budget component',
    'Description',
    ...contributors.map((o) => o.shortName || o.name),
    'Total estimated cost (KES)',
    'Comments',
  ];
  headers.forEach((header, index) => (sheet.getRow(headerRow).getCell(index + 1).value = cellText(header)));
  styleHeaderRow(sheet.getRow(headerRow), 1, headers.length);
  const group = (from: number, count: number, label: string) => {
    if (count === 0) return;
    if (count > 1) sheet.mergeCells(groupRow, from, groupRow, from + count - 1);
    sheet.getCell(groupRow, from).value = label;
  };
  group(firstContributor, county.length, 'County government');
  group(firstContributor + county.length, partners.length, 'Development partners');
  styleHeaderRow(sheet.getRow(groupRow), firstContributor, totalColumnNumber - 1);
  sheet.getRow(groupRow).height = 18;

  const contributorColumns = new Map(contributors.map((o, index) => [o.id, columnLetter(firstContributor + index)]));
  const firstLetter = columnLetter(firstContributor);
  const lastContributorLetter = columnLetter(Math.max(firstContributor, totalColumnNumber - 1));
  const totalLetter = columnLetter(totalColumnNumber);
  const firstDataRow = headerRow + 1;
  const columnTotals = new Array<number>(contributors.length + 1).fill(0);

  // Widths before the first row: a streamed sheet writes its columns out with that row.
  const widths = [
    WIDTHS.code,
    WIDTHS.activity,
    WIDTHS.component,
    WIDTHS.description,
    ...contributors.map(() => WIDTHS.contributor),
    WIDTHS.total,
    WIDTHS.comments,
  ];
  widths.forEach((width, index) => (sheet.getColumn(index + 1).width = width));
  // Written out row by row as sheet XML (row-xml.ts): nothing changes a row once it is complete.
  const sink = rowSink(sheet);
  rows.forEach((budgetRow, index) => {
    const rowNumber = firstDataRow + index;
    const cells: XmlCell[] = [
      cellOf(1, 'text', budgetRow.activity?.code ?? '', LOOKS.text),
      cellOf(2, 'text', budgetRow.activity?.title ?? NO_ACTIVITY, LOOKS.text),
      cellOf(3, 'text', budgetRow.component, LOOKS.text),
      cellOf(4, 'text', budgetRow.descriptions.join('; '), LOOKS.text),
    ];
    let rowTotal = 0;
    contributors.forEach((org, column) => {
      const value = matrixCell(budgetRow.amounts.get(org.id), data.cycle.kesPerUsdScaled);
      if (value === null) return;
      if (typeof value === 'string') {
        cells.push(cellOf(firstContributor + column, 'text', value, LOOKS.notValued));
        return;
      }
      const result = typeof value === 'number' ? value : value.result;
      rowTotal += result;
      columnTotals[column] = (columnTotals[column] ?? 0) + result;
      cells.push({ column: firstContributor + column, value: typeof value === 'number' ? value : { formula: value.formula, result }, style: LOOKS.amount });
    });
    columnTotals[contributors.length] = (columnTotals[contributors.length] ?? 0) + rowTotal;
    cells.push(
      {
        column: totalColumnNumber,
        value: { formula: `SUM(${firstLetter}${rowNumber}:${lastContributorLetter}${rowNumber})`, result: rowTotal },
        style: LOOKS.total,
      },
      cellOf(totalColumnNumber + 1, 'text', budgetRow.comments.join('; '), LOOKS.text),
    );
    const lines = Math.max(
      wrappedLines(budgetRow.activity?.title ?? NO_ACTIVITY, WIDTHS.activity),
      wrappedLines(budgetRow.component, WIDTHS.component),
      wrappedLines(budgetRow.descriptions.join('; '), WIDTHS.description),
      wrappedLines(budgetRow.comments.join('; '), WIDTHS.comments),
    );
    sink.row(rowNumber, cells, lines > 1 ? heightForLines(lines) : undefined);
  });
  sink.end();

  const lastDataRow = firstDataRow + Math.max(rows.length, 1) - 1;
  const totalRow = lastDataRow + 1;
  const totals = sheet.getRow(totalRow);
  totals.getCell(2).value = 'Total';
  for (let column = firstContributor; column <= totalColumnNumber; column++) {
    const letter = columnLetter(column);
    const cell = totals.getCell(column);
    cell.value = {
      formula: `SUM(${letter}${firstDataRow}:${letter}${lastDataRow})`,
      result: columnTotals[column - firstContributor] ?? 0,
    };
    cell.numFmt = FORMATS.kes;
  }
  for (let column = 1; column <= headers.length; column++) {
    const cell = totals.getCell(column);
    cell.font = font({ bold: true });
    cell.border = { top: { style: 'thin' }, bottom: { style: 'double' } };
  }

  const note = notValuedNote(countNotValued(data.contributions));
  if (note) {
    sheet.getCell(`B${totalRow + 1}`).value = note;
    sheet.getCell(`B${totalRow + 1}`).font = font({ italic: true });
  }
  addSignatureLines(
    sheet,
    totalRow + (note ? 3 : 2),
    partners.map((o) => o.name),
  );

  sheet.autoFilter = `A${headerRow}:${columnLetter(headers.length)}${lastDataRow}`;
  printSetup(sheet, `${groupRow}:${headerRow}`);
  return { headerRow, firstDataRow, lastDataRow, totalRow, contributorColumns, totalColumn: totalLetter, rateCell: `$C$${rateRow}` };
}

/** The template's signature lines: the county's representative and each partner's. */
function addSignatureLines(sheet: ExcelJS.Worksheet, startRow: number, partnerNames: string[]): void {
  sheet.getCell(`B${startRow}`).value = 'Signatures';
  sheet.getCell(`B${startRow}`).font = font({ bold: true });
  const header = sheet.getRow(startRow + 1);
  ['For', 'Name', 'Signature', 'Date'].forEach((label, index) => {
    header.getCell(index + 2).value = label;
    header.getCell(index + 2).font = font({ bold: true });
  });
  ['County Government representative', ...partnerNames.map((name) => `${name} representative`)].forEach((label, index) => {
    const row = sheet.getRow(startRow + 2 + index);
    // Room to sign, and for a long organisation name to wrap.
    row.height = Math.max(30, heightForLines(wrappedLines(label, WIDTHS.activity)));
    row.getCell(2).value = cellText(label);
    row.getCell(2).alignment = { vertical: 'bottom', wrapText: true };
    for (const column of [3, 4, 5]) row.getCell(column).border = { bottom: { style: 'thin' } };
  });
}

/** The budget register line by line, with each line's KES value as a live formula. */
export function addBudgetLines(workbook: ExcelJS.Workbook, data: CycleData): BudgetLinesLayout {
  const sheet = addSheet(workbook, SHEETS.budgetLines, { rows: HEADER_ROW, columns: 2 });
  const rate = data.cycle.kesPerUsdScaled / RATE_SCALE;
  styleTitle(
    sheet,
    'Budget lines (contributions)',
    [
      `${data.cycle.title} · ${data.contributions.length} lines · USD converted at the Budget sheet's exchange rate (KES ${formatRate(data.cycle.kesPerUsdScaled)})`,
      notValuedNote(countNotValued(data.contributions)),
    ]
      .filter(Boolean)
      .join(' · '),
  );
  const yesNo = (value: boolean) => (value ? 'Yes' : 'No');
  const columns: ColumnSpec<Contribution>[] = [
    { header: 'Activity code', kind: 'text', value: (c) => data.names.activityRow(c.activityId)?.code ?? '' },
    { header: 'Activity', kind: 'text', value: (c) => data.names.activityRow(c.activityId)?.title ?? NO_ACTIVITY },
    { header: 'Sector', kind: 'text', value: (c) => sectorOf(data, c) },
    { header: 'Budget component', kind: 'text', value: (c) => c.component },
    { header: 'Description', kind: 'longText', value: (c) => c.description },
    { header: 'Contributor', kind: 'text', value: (c) => data.names.orgShort(c.contributorOrgId) },
    { header: 'Type', kind: 'text', value: (c) => contributionTypes.label(c.type), choices: contributionTypes.keys.map((k) => contributionTypes.label(k)) },
    { header: 'On county budget', kind: 'text', value: (c) => yesNo(c.onBudget), choices: ['Yes', 'No'] },
    // In-kind support not valued says so where its amount would be, and has no KES value to add up.
    { header: 'Amount', kind: 'amount', value: (c) => (isCounted(c) ? c.amountMinor / 100 : NOT_VALUED_LABEL) },
    { header: 'Currency', kind: 'text', value: (c) => c.currency, choices: ['KES', 'USD'] },
    {
      header: 'Amount (KES)',
      kind: 'kes',
      value: (c, row) => {
        if (!isCounted(c)) return null;
        const amount = letterOf(columns, 'Amount');
        // Each line to the nearest shilling, as the app's totals add them up (shared/money.ts).
        const result = toKesMinor(c, Math.round(rate * RATE_SCALE)) / 100;
        return { formula: `ROUND(IF(${letterOf(columns, 'Currency')}${row}="USD",${amount}${row}*${RATE_NAME},${amount}${row}),0)`, result };
      },
    },
    { header: 'Utilisation plan', kind: 'longText', value: (c) => c.utilisationPlan },
    { header: 'Comments', kind: 'longText', value: (c) => c.comments },
    rowIdColumn<Contribution>(),
  ];
  const layout = writeTable(sheet, { headerRow: HEADER_ROW, columns, rows: data.contributions, freezeColumns: 2, commitRows: true });
  return {
    firstDataRow: layout.firstDataRow,
    lastDataRow: layout.lastDataRow,
    contributorLetter: layout.letter('Contributor'),
    sectorLetter: layout.letter('Sector'),
    onBudgetLetter: layout.letter('On county budget'),
    kesLetter: layout.letter('Amount (KES)'),
  };
}

export function sectorOf(data: CycleData, line: Contribution): string {
  const activity = data.names.activityRow(line.activityId);
  return activity ? sectors.label(activity.sector) : NO_ACTIVITY;
}
