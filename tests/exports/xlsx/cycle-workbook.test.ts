import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityStatuses, activityTypes, levels, sectors } from '../../../shared/domain/vocabulary';
import { RATE_SCALE } from '../../../shared/money';
import { FORMATS } from '../../../main/exports/xlsx/cell-style';
import { exportXlsx } from '../../../main/exports/xlsx/index';
import { registerServices as s } from '../../../main/services/index';
import { columnOf, formulaOf, headers, openXlsx, resultOf, sampleApp, sheet } from './support';

let env: ReturnType<typeof sampleApp>;
let workbook: ExcelJS.Workbook;
let fileName: string;
const HEADER_ROW = 4;

beforeAll(async () => {
  env = sampleApp();
  const file = await exportXlsx(env.app, { cycleId: env.cycle.id, doc: 'workbook' });
  fileName = file.fileName;
  workbook = await openXlsx(file.buffer);
});
afterAll(() => env.app.close());

const list = <K extends keyof typeof s>(register: K) => s[register].list(env.app, { cycleId: env.cycle.id }) as ReturnType<(typeof s)[K]['list']>;
const dataRows = (worksheet: ExcelJS.Worksheet, from = HEADER_ROW + 1) => {
  let count = 0;
  worksheet.eachRow((row, number) => {
    if (number >= from && row.hasValues) count++;
  });
  return count;
};
/** The Budget's header row: the one starting "Code". */
const budgetHeaderRow = (budget: ExcelJS.Worksheet) => {
  for (let row = 1; row < 30; row++) if (budget.getCell(row, 1).value === 'Code') return row;
  throw new Error('The Budget has no header row');
};

describe('the cycle workbook', () => {
  it('has one sheet per register, the Budget and the Summary, in order, and a very hidden details sheet', () => {
    expect(fileName).toBe('isiolo-jwp-2026-27-workbook.xlsx');
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'General information',
      'Summary',
      'Stakeholders',
      'Contacts',
      'Objectives',
      'Activities',
      'Budget',
      'Budget lines',
      'Coverage',
      'Disbursements',
      'Indicators',
      'Indicator results',
      'Risks',
      'Milestones',
      'Learning log',
      'Adaptive triggers',
      'Approvals',
      'pamoja-meta',
    ]);
    expect(sheet(workbook, 'pamoja-meta').state).toBe('veryHidden');
  });

  it('holds every row of each register, with the values in the database', () => {
    const counts: [string, number][] = [
      ['Stakeholders', list('organisation').length],
      ['Contacts', list('contact').length],
      ['Objectives', list('objective').length],
      ['Activities', list('activity').length],
      ['Budget lines', list('contribution').length],
      // …and the Disbursements sheet its total row.
      ['Disbursements', list('disbursement').length + 1],
      ['Indicators', list('indicator').length],
      ['Risks', list('risk').length],
      ['Milestones', list('milestone').length],
      ['Learning log', list('learningEntry').length],
      ['Adaptive triggers', list('adaptiveTrigger').length],
      ['Approvals', list('signatory').length],
    ];
    for (const [name, count] of counts) {
      expect(count, name).toBeGreaterThan(0);
      expect(dataRows(sheet(workbook, name)), name).toBe(count);
    }

    const activities = sheet(workbook, 'Activities');
    expect(headers(activities, HEADER_ROW)).toEqual([
      'Code',
      'Activity',
      'Description',
      'Objective',
      'Sector',
      'Activity type',
      'Lead organisation',
      'Supporting organisations',
      'Start date',
      'End date',
      'Wards',
      'Expected output / outcome',
      'Status',
      'Completion %',
      'Challenges',
      'Actions taken',
      'Row ID',
    ]);
    // The row id column is hidden: an import finds the row again by it.
    expect(activities.getColumn(17).hidden).toBe(true);
    list('activity').forEach((activity, index) => {
      const row = activities.getRow(HEADER_ROW + 1 + index);
      expect(row.getCell(17).value).toBe(activity.id);
      expect(row.getCell(1).value).toBe(activity.code);
      expect(row.getCell(2).value).toBe(activity.title);
      expect(row.getCell(5).value).toBe(sectors.label(activity.sector));
      expect(row.getCell(6).value ?? '').toBe(activity.activityType ? activityTypes.label(activity.activityType) : '');
      // Real dates, at midnight UTC so no time zone moves the day.
      expect(row.getCell(9).value).toEqual(new Date(`${activity.startDate}T00:00:00.000Z`));
      expect(row.getCell(10).value).toEqual(new Date(`${activity.endDate}T00:00:00.000Z`));
      expect(row.getCell(9).numFmt).toBe('d mmm yyyy');
      expect(row.getCell(13).value).toBe(activityStatuses.label(activity.status));
      expect(row.getCell(14).value).toBe(activity.completionPct);
    });

    const stakeholders = sheet(workbook, 'Stakeholders');
    list('organisation').forEach((org, index) => {
      const row = stakeholders.getRow(HEADER_ROW + 1 + index);
      expect([row.getCell(1).value, row.getCell(5).value, row.getCell(6).value]).toEqual([org.name, levels.label(org.interest), levels.label(org.influence)]);
    });

    const lines = sheet(workbook, 'Budget lines');
    const amount = columnOf(lines, HEADER_ROW, 'Amount');
    const currency = columnOf(lines, HEADER_ROW, 'Currency');
    list('contribution').forEach((line, index) => {
      const row = lines.getRow(HEADER_ROW + 1 + index);
      expect(row.getCell(amount).value).toBe(line.amountMinor / 100);
      expect(row.getCell(currency).value).toBe(line.currency);
    });
  });

  it('lays out the Budget like the manual: components × contributors, live SUMs, USD through the named rate', () => {
    const budget = sheet(workbook, 'Budget');
    const rateName = workbook.definedNames.model.find((name) => name.name === 'KES_per_USD');
    expect(rateName?.ranges).toEqual(['Budget!$C$8']);
    expect(budget.getCell('C8').value).toBe(env.cycle.kesPerUsdScaled / RATE_SCALE);

    const headerRow = budgetHeaderRow(budget);
    expect(headerRow).toBe(11);
    const header = headers(budget, headerRow);
    expect(header.slice(0, 4)).toEqual(['Code', 'Activity', 'Budget component', 'Description']);
    const totalColumn = header.indexOf('Total estimated cost (KES)') + 1;
    expect(header[totalColumn]).toBe('Comments');
    const contributorColumns = header.slice(4, totalColumn - 1);
    const contributors = new Set(list('contribution').map((c) => c.contributorOrgId));
    expect(contributorColumns).toHaveLength(contributors.size);
    // Column widths survive the streaming writer (it writes them with the first row).
    expect(budget.getColumn(2).width).toBeGreaterThan(20);
    expect(budget.getColumn(5).width).toBeGreaterThanOrEqual(13);
    expect(budget.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: headerRow });
    // The county's departments come first, under one group heading.
    expect(budget.getCell(headerRow - 1, 5).value).toBe('County government');

    const first = headerRow + 1;
    let last = first;
    while (budget.getCell(last + 1, 2).value !== 'Total') last++;
    const totalRow = last + 1;
    const lastContributor = String.fromCharCode(64 + totalColumn - 1);
    const totalLetter = String.fromCharCode(64 + totalColumn);
    for (let row = first; row <= last; row++) {
      expect(formulaOf(budget.getCell(row, totalColumn))).toBe(`SUM(E${row}:${lastContributor}${row})`);
    }
    for (let column = 5; column <= totalColumn; column++) {
      const letter = String.fromCharCode(64 + column);
      expect(formulaOf(budget.getCell(totalRow, column))).toBe(`SUM(${letter}${first}:${letter}${last})`);
    }
    // Every USD amount goes through the rate cell; KES amounts are plain numbers.
    const usdFormulas: string[] = [];
    for (let row = first; row <= last; row++) {
      for (let column = 5; column < totalColumn; column++) {
        const formula = formulaOf(budget.getCell(row, column));
        if (formula) usdFormulas.push(formula);
        else expect(['number', 'object'].includes(typeof budget.getCell(row, column).value)).toBe(true);
      }
    }
    expect(usdFormulas.length).toBeGreaterThan(0);
    // Each USD line is converted and rounded to the shilling on its own, as the app does.
    for (const formula of usdFormulas) expect(formula).toMatch(/^(\d+(\.\d+)?\+)?ROUND\(\d+(\.\d+)?\*KES_per_USD,0\)(\+ROUND\(\d+(\.\d+)?\*KES_per_USD,0\))*$/);
    expect(budget.getCell(totalRow, totalColumn).numFmt).toBe('#,##0');
    expect(totalLetter).toBeTruthy();
    // A signature line for the county and for each partner below the totals.
    const texts: string[] = [];
    budget.eachRow((row, number) => {
      if (number > totalRow) texts.push(String(row.getCell(2).value ?? ''));
    });
    expect(texts).toContain('County Government representative');
  });

  it('gives each indicator a direction and, per period, a target, actual, variance, progress and status, as formulas', () => {
    const indicators = sheet(workbook, 'Indicators');
    const header = headers(indicators, HEADER_ROW);
    for (const key of ['Q1', 'Q2', 'Q3', 'Q4']) {
      expect(header).toEqual(expect.arrayContaining([`${key} target`, `${key} actual`, `${key} variance (+ better)`, `${key} progress`, `${key} status`]));
    }
    expect(indicators.getCell(HEADER_ROW - 1, header.indexOf('Q1 target') + 1).value).toBe('Q1 (Jul–Sep)');
    const t = header.indexOf('Q1 target') + 1;
    const letter = (column: number) => String.fromCharCode(64 + column);
    const row = HEADER_ROW + 1;
    const cell = (name: string) => `${letter(header.indexOf(name) + 1)}${row}`;
    const [direction, from, to] = [cell('Direction'), cell('Range from'), cell('Range to')];
    const [target, actual] = [`${letter(t)}${row}`, `${letter(t + 1)}${row}`];
    const rangeVariance = `IF(AND(ISNUMBER(${from}),${actual}<${from}),${actual}-${from},IF(AND(ISNUMBER(${to}),${actual}>${to}),${to}-${actual},0))`;
    expect(formulaOf(indicators.getCell(row, t + 2))).toBe(
      `IF(ISNUMBER(${actual}),IF(${direction}="Keep within a range",${rangeVariance},IF(${direction}="Decrease",N(${target})-${actual},${actual}-N(${target}))),"")`,
    );
    // The direction is a drop-down: changing it moves the formulas.
    expect(indicators.getCell(direction).dataValidation?.formulae).toEqual(['"Increase,Decrease,Keep within a range"']);
    // Progress reads the baseline and the direction; LibreOffice recalculates it in libreoffice.test.ts.
    expect(formulaOf(indicators.getCell(row, t + 3))).toContain(`(${letter(t + 1)}${row}-${letter(header.indexOf('Baseline') + 1)}${row})`);
    expect(formulaOf(indicators.getCell(row, t + 4))).toContain('"Off track"');
    const first = list('indicator')[0];
    const q1 = list('indicatorPeriod').find((p) => p.indicatorId === first?.id && p.periodKey === 'Q1');
    expect(indicators.getCell(row, t).value).toBe(q1?.target);
    expect(indicators.getCell(row, t + 1).value).toBe(q1?.actual);
  });

  it('prints indicator values with thousands separators from 1,000 up and keeps their decimals (issue 16, item 9)', () => {
    const indicators = sheet(workbook, 'Indicators');
    const header = headers(indicators, HEADER_ROW);
    const columns = ['Baseline', 'Annual target', 'Q1 target', 'Q1 actual'].map((name) => header.indexOf(name) + 1);
    let whole = 0;
    let fractions = 0;
    for (let row = HEADER_ROW + 1; row <= HEADER_ROW + list('indicator').length; row++) {
      for (const column of columns) {
        const cell = indicators.getCell(row, column);
        if (typeof cell.value !== 'number') continue;
        if (Number.isInteger(cell.value)) whole++;
        else fractions++;
        expect(cell.numFmt, `${cell.address} ${cell.value}`).toBe(Number.isInteger(cell.value) ? FORMATS.measure : FORMATS.measureFraction);
      }
    }
    // The sample has both: 214,500 animals vaccinated and GAM at 15.6 %.
    expect(whole).toBeGreaterThan(10);
    expect(fractions).toBeGreaterThan(0);
    expect(FORMATS.measure).toMatch(/^\[>=1000\]#,##0;/);
  });

  it('sums by contributor and by sector with formulas over the other sheets', () => {
    const summary = sheet(workbook, 'Summary');
    const formulas: string[] = [];
    summary.eachRow((row) => row.eachCell((cell) => formulaOf(cell) && formulas.push(formulaOf(cell) as string)));
    expect(formulas.some((f) => /^Budget!\$?[A-Z]+\$?\d+$/.test(f))).toBe(true);
    expect(formulas.some((f) => f.startsWith("SUMPRODUCT(('Budget lines'!$F$5:$F$"))).toBe(true);
    expect(formulas.some((f) => f.startsWith("SUMIF('Budget lines'!$C$5:$C$"))).toBe(true);
    expect(formulas.some((f) => f.startsWith('COUNTIF(Activities!$E$5:$E$'))).toBe(true);
  });

  it('freezes headers, filters, fits columns, offers drop-downs and prints landscape one page wide', () => {
    for (const name of ['Stakeholders', 'Activities', 'Budget lines', 'Risks', 'Milestones']) {
      const worksheet = sheet(workbook, name);
      expect(worksheet.views[0], name).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
      expect(String(worksheet.autoFilter), name).toMatch(new RegExp(`^A${HEADER_ROW}:[A-Z]+\\d+$`));
      expect(worksheet.pageSetup, name).toMatchObject({ orientation: 'landscape', fitToPage: true, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}` });
      worksheet.columns.forEach((column) => expect(column.width, `${name} ${column.letter}`).toBeGreaterThanOrEqual(6));
    }
    // Written as one range per column; exceljs reads them back cell by cell.
    const stakeholders = sheet(workbook, 'Stakeholders');
    for (let row = HEADER_ROW + 1; row <= HEADER_ROW + list('organisation').length; row++) {
      for (const column of ['E', 'F']) {
        expect(stakeholders.getCell(`${column}${row}`).dataValidation, `${column}${row}`).toMatchObject({ type: 'list', formulae: ['"High,Medium,Low"'] });
      }
      expect(stakeholders.getCell(`D${row}`).dataValidation).toBeUndefined();
    }
    const activities = sheet(workbook, 'Activities');
    expect(activities.getCell(HEADER_ROW + 1, 13).dataValidation?.formulae).toEqual([
      `"${activityStatuses.keys.map((k) => activityStatuses.label(k)).join(',')}"`,
    ]);
    expect(activities.getCell(HEADER_ROW + 1, 6).dataValidation?.formulae).toEqual([`"${activityTypes.keys.map((k) => activityTypes.label(k)).join(',')}"`]);
    for (const [name, column] of [
      ['Risks', 'C'],
      ['Risks', 'D'],
      ['Risks', 'G'],
      ['Milestones', 'G'],
      ['Adaptive triggers', 'G'],
      ['Adaptive triggers', 'H'],
    ] as const) {
      expect(sheet(workbook, name).getCell(`${column}${HEADER_ROW + 1}`).dataValidation?.type, `${name} ${column}`).toBe('list');
    }
  });

  it('ends the Disbursements sheet with a live total in KES, the USD lines through the rate', () => {
    const disbursements = sheet(workbook, 'Disbursements');
    const columns = headers(disbursements, HEADER_ROW);
    const totalRow = HEADER_ROW + 1 + list('disbursement').length;
    const kesColumn = columns.indexOf('Amount (KES)') + 1;
    expect(disbursements.getCell(totalRow, columns.indexOf('Currency') + 1).value).toBe('Total');
    const letter = disbursements.getColumn(kesColumn).letter;
    expect(disbursements.getCell(totalRow, kesColumn).formula).toBe(`SUM(${letter}${HEADER_ROW + 1}:${letter}${totalRow - 1})`);
    const rate = env.cycle.kesPerUsdScaled / RATE_SCALE;
    const currencyOf = new Map(list('contribution').map((c) => [c.id, c.currency]));
    const expected = list('disbursement').reduce(
      (sum, d) => sum + (currencyOf.get(d.contributionId) === 'USD' ? (d.amountMinor / 100) * rate : d.amountMinor / 100),
      0,
    );
    expect(expected).toBeGreaterThan(0);
    expect(resultOf(disbursements.getCell(totalRow, kesColumn))).toBeCloseTo(expected, 2);
  });

  it('stores the results of its formulas, so viewers that do not recalculate show the totals', () => {
    const budget = sheet(workbook, 'Budget');
    let totalRow = budgetHeaderRow(budget) + 1;
    while (budget.getCell(totalRow, 2).value !== 'Total') totalRow++;
    const rate = env.cycle.kesPerUsdScaled / RATE_SCALE;
    const expected = list('contribution').reduce((sum, c) => sum + (c.currency === 'USD' ? (c.amountMinor / 100) * rate : c.amountMinor / 100), 0);
    const totalColumn = headers(budget, budgetHeaderRow(budget)).indexOf('Total estimated cost (KES)') + 1;
    expect(resultOf(budget.getCell(totalRow, totalColumn))).toBeCloseTo(expected, 2);
  });
});
