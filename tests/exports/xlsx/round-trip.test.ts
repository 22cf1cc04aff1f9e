import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, formatDisplayDate, parseIsoDate } from '../../../shared/dates';
import { exportXlsx } from '../../../main/exports/xlsx/index';
import { applyImport, previewImport } from '../../../main/imports/xlsx/index';
import { listAdminUnits } from '../../../main/services/admin-units';
import { registerServices as s } from '../../../main/services/index';
import { tableCounts } from '../../support/snapshot';
import { columnOf, headers, openXlsx, sampleApp, sheet, toBuffer } from './support';

/**
 * The partner round-trip as a partner does it: the Secretariat exports UDRA's template, UDRA edits
 * it in a spreadsheet, the Secretariat previews and applies it, and imports it again by mistake.
 */
const HEADER_ROW = 3;
let env: ReturnType<typeof sampleApp>;
let udra: { id: string; name: string };
let template: Buffer;

beforeAll(async () => {
  env = sampleApp();
  const org = s.organisation.list(env.app, { cycleId: env.cycle.id }).find((o) => o.shortName === 'UDRA');
  if (!org) throw new Error('The sample has no UDRA');
  udra = org;
  template = (await exportXlsx(env.app, { cycleId: env.cycle.id, doc: 'partner-template', partnerOrgId: 'udra' })).buffer;
});
afterAll(() => env.app.close());

const activities = () => s.activity.list(env.app, { cycleId: env.cycle.id });
const own = () => activities().filter((a) => a.ownerOrgId === udra.id);
const dmy = (iso: string) => {
  const { year, month, day } = parseIsoDate(iso);
  return `${day}/${month}/${year}`;
};

function lastRow(worksheet: ExcelJS.Worksheet): number {
  let last = HEADER_ROW;
  worksheet.eachRow((row, number) => {
    if (row.hasValues) last = number;
  });
  return last;
}

/** The edits: a value changed, a date typed as text, an activity added, a contribution that cannot be read. */
async function editAsPartner() {
  const workbook = await openXlsx(template);
  const acts = sheet(workbook, 'Activities');
  const col = (header: string) => columnOf(acts, HEADER_ROW, header);
  const [first, second] = own();
  if (!first || !second) throw new Error('UDRA needs two activities in the sample');
  const rowOf = (id: string) => {
    for (let row = HEADER_ROW + 1; row <= lastRow(acts); row++) if (acts.getCell(row, col('Row ID')).value === id) return row;
    throw new Error(`no row for ${id}`);
  };
  acts.getCell(rowOf(first.id), col('Status')).value = 'Completed';
  acts.getCell(rowOf(first.id), col('Completion %')).value = 100;
  const newEnd = addDays(second.endDate, 14);
  acts.getCell(rowOf(second.id), col('End date')).value = dmy(newEnd);

  const added = lastRow(acts) + 1;
  acts.getCell(added, col('Code')).value = 'A1.9';
  acts.getCell(added, col('Title')).value = 'Emergency water trucking to Cherab';
  acts.getCell(added, col('Objective')).value = acts.getCell(rowOf(first.id), col('Objective')).value;
  acts.getCell(added, col('Sector')).value = 'Water & WASH';
  acts.getCell(added, col('Start date')).value = new Date(Date.UTC(2026, 11, 1));
  acts.getCell(added, col('End date')).value = '31/03/2027';
  acts.getCell(added, col('Wards')).value = 'Cherab';
  acts.getCell(added, col('Status')).value = 'Planned';

  const contributions = sheet(workbook, 'Contributions');
  const bad = lastRow(contributions) + 1;
  contributions.getCell(bad, columnOf(contributions, HEADER_ROW, 'Budget component')).value = 'Generator fuel';
  contributions.getCell(bad, columnOf(contributions, HEADER_ROW, 'Amount')).value = 'lots';
  return { buffer: await toBuffer(workbook), first, second, newEnd, addedRow: added, badRow: bad, firstRow: rowOf(first.id), secondRow: rowOf(second.id) };
}

describe('the partner round-trip', () => {
  it('exports a template of the partner’s own rows, with hidden row ids, a protected lookup sheet and instructions first', async () => {
    const workbook = await openXlsx(template);
    expect(workbook.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Instructions', 'visible'],
      ['Activities', 'visible'],
      ['Contributions', 'visible'],
      ['Disbursements', 'visible'],
      ['Indicators', 'visible'],
      ['Indicator periods', 'visible'],
      // Hidden, so it does not print; its lists feed the drop-downs.
      ['Lists', 'hidden'],
      ['pamoja-meta', 'veryHidden'],
      ['pamoja-base', 'veryHidden'],
    ]);
    const acts = sheet(workbook, 'Activities');
    expect(headers(acts, HEADER_ROW)[0]).toBe('Row ID');
    expect(acts.getColumn(1).hidden).toBe(true);
    expect(lastRow(acts) - HEADER_ROW).toBe(own().length);
    const ids = new Set<string>();
    for (let row = HEADER_ROW + 1; row <= lastRow(acts); row++) ids.add(String(acts.getCell(row, 1).value));
    expect(ids).toEqual(new Set(own().map((a) => a.id)));
    const contributions = s.contribution.list(env.app, { cycleId: env.cycle.id }).filter((c) => c.contributorOrgId === udra.id);
    expect(lastRow(sheet(workbook, 'Contributions')) - HEADER_ROW).toBe(contributions.length);
    const indicators = s.indicator.list(env.app, { cycleId: env.cycle.id }).filter((i) => i.responsibleOrgId === udra.id);
    expect(lastRow(sheet(workbook, 'Indicator periods')) - HEADER_ROW).toBe(indicators.length * 4);

    const lists = sheet(workbook, 'Lists') as ExcelJS.Worksheet & { sheetProtection?: { sheet?: boolean } };
    expect(lists.sheetProtection?.sheet).toBe(true);
    // "Your indicators" lists the partner's own, the ones its Indicator periods sheet reports.
    const yours = columnOf(lists, 1, 'Your indicators');
    const listed: string[] = [];
    for (let row = 2; lists.getCell(row, yours).text !== ''; row++) listed.push(lists.getCell(row, yours).text);
    expect(listed).toEqual(indicators.map((i) => `${i.code} – ${i.name}`));
    // Amounts as entered print in whole units, as the documents do.
    const amounts = sheet(workbook, 'Contributions');
    const amountCell = amounts.getCell(HEADER_ROW + 1, columnOf(amounts, HEADER_ROW, 'Amount'));
    expect(amountCell.numFmt).toBe(Number.isInteger(amountCell.value) ? '#,##0' : '#,##0.00');
    expect(workbook.definedNames.model.map((n) => n.name)).toEqual(
      expect.arrayContaining(['List_Objectives', 'List_Sectors', 'List_Statuses', 'List_Activities', 'List_Periods']),
    );
    expect(acts.getCell(HEADER_ROW + 1, columnOf(acts, HEADER_ROW, 'Sector')).dataValidation).toMatchObject({ type: 'list', formulae: ['List_Sectors'] });
    // Drop-downs reach the empty rows below, where partners add activities.
    expect(acts.getCell(HEADER_ROW + own().length + 200, columnOf(acts, HEADER_ROW, 'Status')).dataValidation).toMatchObject({ formulae: ['List_Statuses'] });
    // Each indicator's desired direction, shown for reference (grey, never read back).
    const periods = sheet(workbook, 'Indicator periods');
    const directionColumn = columnOf(periods, HEADER_ROW, 'Desired direction');
    const indicatorColumn = columnOf(periods, HEADER_ROW, 'Indicator');
    for (let row = HEADER_ROW + 1; row <= lastRow(periods); row++) {
      const indicator = indicators.find((i) => `${i.code} – ${i.name}` === periods.getCell(row, indicatorColumn).text);
      expect(periods.getCell(row, directionColumn).text).toBe(
        { increase: 'Increase', decrease: 'Decrease', range: 'Keep within a range' }[indicator?.direction ?? 'increase'],
      );
    }
    expect(periods.getCell(HEADER_ROW + 1, directionColumn).fill).toMatchObject({ fgColor: { argb: 'FFEFEFEF' } });
    const instructions = sheet(workbook, 'Instructions');
    expect(String(instructions.getCell('A1').value)).toBe(`Partner template: ${udra.name}`);
    // The names typed in the Wards and Supporting organisations columns, on the sheet that prints.
    const namesOf = (label: string) => {
      for (let row = 1; row <= instructions.rowCount; row++)
        if (String(instructions.getCell(row, 1).value).startsWith(label)) return String(instructions.getCell(row, 2).value);
      return '';
    };
    const wards = listAdminUnits(env.app, { withinId: env.cycle.countyId }).filter((u) => u.level === 'ward');
    expect(wards.length).toBeGreaterThan(3);
    expect(namesOf('Wards of Isiolo').split(', ').sort()).toEqual(wards.map((w) => w.name).sort());
    expect(namesOf('Organisations').split(', ')).toEqual(s.organisation.list(env.app, { cycleId: env.cycle.id }).map((o) => o.shortName || o.name));
  });

  it('imports an unchanged template as "nothing to do"', async () => {
    const preview = await previewImport(env.app, { buffer: template, fileName: 'udra.xlsx' });
    expect({ adds: preview.adds, changes: preview.changes, errors: preview.errors }).toEqual({ adds: [], changes: [], errors: [] });
    expect(preview.unchanged).toBeGreaterThan(20);
    expect(preview.organisationName).toBe(udra.name);
  });

  it('previews exactly the edits and the bad row, writes them only when applied, and changes nothing the second time', async () => {
    const edited = await editAsPartner();
    const file = { buffer: edited.buffer, fileName: 'udra-returned.xlsx', cycleId: env.cycle.id };
    const before = tableCounts(env.app);

    const preview = await previewImport(env.app, file);
    expect(tableCounts(env.app)).toEqual(before);
    expect(preview.adds).toEqual([
      {
        sheet: 'Activities',
        row: edited.addedRow,
        register: 'activity',
        label: 'A1.9 – Emergency water trucking to Cherab',
        fields: [
          { column: 'Code', value: 'A1.9' },
          { column: 'Title', value: 'Emergency water trucking to Cherab' },
          { column: 'Objective', value: expect.stringMatching(/^SO1 – /) },
          { column: 'Sector', value: 'Water & WASH' },
          { column: 'Start date', value: '1 Dec 2026' },
          { column: 'End date', value: '31 Mar 2027' },
          { column: 'Wards', value: 'Cherab' },
          { column: 'Status', value: 'Planned' },
        ],
      },
    ]);
    expect(preview.changes.map((c) => [c.row, c.id, c.matchedBy, c.fields])).toEqual([
      [
        edited.firstRow,
        edited.first.id,
        'id',
        [
          { column: 'Status', old: expect.any(String), new: 'Completed' },
          { column: 'Completion %', old: `${edited.first.completionPct} %`, new: '100 %' },
        ],
      ],
      [
        edited.secondRow,
        edited.second.id,
        'id',
        [{ column: 'End date', old: formatDisplayDate(edited.second.endDate), new: formatDisplayDate(edited.newEnd) }],
      ],
    ]);
    expect(preview.errors).toEqual([
      {
        sheet: 'Contributions',
        row: edited.badRow,
        column: 'Amount',
        message: 'Amount: "lots" is not an amount; type a number such as 1,200,000 or 1200000.50.',
      },
    ]);

    // With an error in the file, applying writes nothing unless the user chooses the valid rows only.
    const refused = await applyImport(env.app, file, { applyValidOnly: false, expectedDigest: preview.digest });
    expect(refused).toMatchObject({ applied: false, added: 0, changed: 0, rowsWithErrors: 1 });
    expect(tableCounts(env.app)).toEqual(before);

    const applied = await applyImport(env.app, file, { applyValidOnly: true, expectedDigest: preview.digest });
    expect(applied).toMatchObject({ applied: true, added: 1, changed: 2, rowsWithErrors: 1 });
    const after = tableCounts(env.app);
    const grew = Object.fromEntries(
      Object.keys(after)
        .filter((t) => after[t] !== before[t])
        .map((t) => [t, (after[t] ?? 0) - (before[t] ?? 0)]),
    );
    expect(grew).toEqual({ activities: 1, activity_wards: 1, audit_log: 3 });
    expect(s.activity.get(env.app, { id: edited.first.id })).toMatchObject({ status: 'completed', completionPct: 100 });
    expect(s.activity.get(env.app, { id: edited.second.id }).endDate).toBe(edited.newEnd);
    const created = own().find((a) => a.code === 'A1.9');
    expect(created).toMatchObject({
      title: 'Emergency water trucking to Cherab',
      leadOrgId: udra.id,
      ownerOrgId: udra.id,
      startDate: '2026-12-01',
      endDate: '2027-03-31',
      status: 'planned',
    });

    // The same file again: nothing to add or change, nothing written.
    const again = await previewImport(env.app, file);
    expect({ adds: again.adds.length, changes: again.changes.length, errors: again.errors.length }).toEqual({ adds: 0, changes: 0, errors: 1 });
    const reapplied = await applyImport(env.app, file, { applyValidOnly: true });
    expect(reapplied).toMatchObject({ applied: false, added: 0, changed: 0 });
    expect(tableCounts(env.app)).toEqual(after);
  });

  it('refuses an apply when the plan changed since the preview', async () => {
    const edited = await editAsPartner();
    const file = { buffer: edited.buffer, fileName: 'udra-returned.xlsx' };
    const before = tableCounts(env.app);
    await expect(applyImport(env.app, file, { applyValidOnly: true, expectedDigest: 'not-the-preview' })).rejects.toThrow(
      /changed since this file was previewed/,
    );
    expect(tableCounts(env.app)).toEqual(before);
  });

  it('never changes rows of other organisations, even when their Row ID is pasted in', async () => {
    const workbook = await openXlsx(template);
    const acts = sheet(workbook, 'Activities');
    const other = activities().find((a) => a.ownerOrgId !== udra.id);
    if (!other) throw new Error('no activity of another organisation');
    acts.getCell(HEADER_ROW + 1, 1).value = other.id;
    acts.getCell(HEADER_ROW + 1, columnOf(acts, HEADER_ROW, 'Title')).value = 'Taken over';
    const before = tableCounts(env.app);
    const summary = await applyImport(env.app, { buffer: await toBuffer(workbook), fileName: 'udra.xlsx' }, { applyValidOnly: true });
    expect(summary.preview.errors).toEqual([
      {
        sheet: 'Activities',
        row: HEADER_ROW + 1,
        column: null,
        message: expect.stringMatching(/^This activity belongs to .+, so a template for Ustahimilivu .+ cannot change it/),
      },
    ]);
    expect(s.activity.get(env.app, { id: other.id }).title).toBe(other.title);
    expect(tableCounts(env.app)).toEqual(before);
  });

  it('keeps what the Secretariat changed since the export, and reports a field both sides changed', async () => {
    const own0 = own();
    const [first, second] = own0;
    if (!first || !second) throw new Error('UDRA needs two activities');
    const fresh = (await exportXlsx(env.app, { cycleId: env.cycle.id, doc: 'partner-template', partnerOrgId: udra.id })).buffer;
    // After the export, the Secretariat edits both activities in the app.
    s.activity.update(env.app, { id: first.id, changes: { challenges: 'Noted by the Secretariat' } });
    s.activity.update(env.app, { id: second.id, changes: { expectedOutput: 'Secretariat wording' } });

    const workbook = await openXlsx(fresh);
    const acts = sheet(workbook, 'Activities');
    const col = (h: string) => columnOf(acts, HEADER_ROW, h);
    const rowOf = (id: string) => {
      for (let row = HEADER_ROW + 1; row <= lastRow(acts); row++) if (acts.getCell(row, 1).value === id) return row;
      throw new Error('missing row');
    };
    acts.getCell(rowOf(first.id), col('Actions taken')).value = 'Partner: pumps ordered';
    acts.getCell(rowOf(second.id), col('Expected output / outcome')).value = 'Partner wording';
    const summary = await applyImport(env.app, { buffer: await toBuffer(workbook), fileName: 'udra.xlsx' }, { applyValidOnly: true });

    expect(summary.preview.changes.map((c) => [c.id, c.fields.map((f) => f.column)])).toEqual([[first.id, ['Actions taken']]]);
    expect(summary.preview.errors).toEqual([
      {
        sheet: 'Activities',
        row: rowOf(second.id),
        column: 'Expected output / outcome',
        message: expect.stringMatching(
          /^Expected output \/ outcome: changed both in the plan since this template was made \(now Secretariat wording\) and in this file \(Partner wording\)/,
        ),
      },
    ]);
    expect(s.activity.get(env.app, { id: first.id })).toMatchObject({ challenges: 'Noted by the Secretariat', actionsTaken: 'Partner: pumps ordered' });
    expect(s.activity.get(env.app, { id: second.id }).expectedOutput).toBe('Secretariat wording');
  });
});
