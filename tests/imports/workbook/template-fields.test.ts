import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityTypes, levels } from '../../../shared/domain/vocabulary';
import { applyWorkbook, previewWorkbook } from '../../../main/imports/workbook/index';
import { HEADER_ROW } from '../../../main/exports/xlsx/register-sheets';
import { ROW_ID_HEADER, SHEETS } from '../../../main/exports/xlsx/sheet-names';
import { registerServices as s } from '../../../main/services/index';
import { columnOf, openXlsx, sampleApp, sheet, toBuffer } from '../../exports/xlsx/support';
import { exportWorkbook } from './support';

/**
 * The manual's M&E and learning template fields (issue 16 item 5) in the cycle workbook: each is a
 * column of its register's sheet holding the database's value, and an edit there is imported.
 */

let env: ReturnType<typeof sampleApp>;
let workbook: ExcelJS.Workbook;

beforeAll(async () => {
  env = sampleApp();
  workbook = await openXlsx((await exportWorkbook(env.app, env.cycle.id)).buffer);
}, 120_000);
afterAll(() => env.app.close());

/** The cell of a row (found by its hidden Row ID) under a header. */
function cellOf(sheetName: string, rowId: string, header: string): ExcelJS.Cell {
  const worksheet = sheet(workbook, sheetName);
  const idColumn = columnOf(worksheet, HEADER_ROW, ROW_ID_HEADER);
  for (let row = HEADER_ROW + 1; row <= worksheet.rowCount; row++) {
    if (worksheet.getCell(row, idColumn).value === rowId) return worksheet.getCell(row, columnOf(worksheet, HEADER_ROW, header));
  }
  throw new Error(`${sheetName} has no row ${rowId}`);
}
const shown = (cell: ExcelJS.Cell) => (cell.value === null || cell.value === undefined ? '' : String(cell.value));

describe('the M&E and learning template fields in the cycle workbook', () => {
  it('are exported as the registers hold them', () => {
    const cycleId = env.cycle.id;
    const activities = s.activity.list(env.app, { cycleId });
    expect(activities.filter((a) => a.activityType !== null).length).toBeGreaterThan(20);
    for (const a of activities) expect(shown(cellOf(SHEETS.activities, a.id, 'Activity type'))).toBe(a.activityType ? activityTypes.label(a.activityType) : '');
    const indicators = s.indicator.list(env.app, { cycleId });
    expect(indicators.some((i) => i.sustainability !== '')).toBe(true);
    for (const i of indicators) expect(shown(cellOf(SHEETS.indicators, i.id, 'Sustainability'))).toBe(i.sustainability);
    for (const m of s.milestone.list(env.app, { cycleId })) {
      expect(m.format).not.toBe('');
      expect([shown(cellOf(SHEETS.milestones, m.id, 'Report format')), shown(cellOf(SHEETS.milestones, m.id, 'Audience'))]).toEqual([m.format, m.audience]);
    }
    for (const e of s.learningEntry.list(env.app, { cycleId })) {
      expect(e.captureMethods).not.toBe('');
      expect(['Methods to capture learning', 'Timing', 'Expected use'].map((header) => shown(cellOf(SHEETS.learning, e.id, header)))).toEqual([
        e.captureMethods,
        e.timing,
        e.expectedUse,
      ]);
    }
    for (const t of s.adaptiveTrigger.list(env.app, { cycleId })) {
      expect(t.priority).not.toBeNull();
      expect(shown(cellOf(SHEETS.triggers, t.id, 'Priority'))).toBe(t.priority ? levels.label(t.priority) : '');
    }
  });

  it('are read back: an edit in each column is previewed and applied, and an emptied choice is cleared', async () => {
    const cycleId = env.cycle.id;
    const [activity, untyped] = s.activity.list(env.app, { cycleId });
    const [indicator] = s.indicator.list(env.app, { cycleId });
    const [milestone] = s.milestone.list(env.app, { cycleId });
    const [entry] = s.learningEntry.list(env.app, { cycleId });
    const [trigger] = s.adaptiveTrigger.list(env.app, { cycleId });
    if (!activity || !untyped || !indicator || !milestone || !entry || !trigger) throw new Error('The sample lacks a row.');
    cellOf(SHEETS.activities, activity.id, 'Activity type').value = activityTypes.label('policy');
    cellOf(SHEETS.activities, untyped.id, 'Activity type').value = null;
    cellOf(SHEETS.indicators, indicator.id, 'Sustainability').value = 'Handed over to the water company in 2027';
    cellOf(SHEETS.milestones, milestone.id, 'Report format').value = 'Slide deck';
    cellOf(SHEETS.milestones, milestone.id, 'Audience').value = 'County Assembly committee';
    cellOf(SHEETS.learning, entry.id, 'Methods to capture learning').value = 'Most significant change stories';
    cellOf(SHEETS.learning, entry.id, 'Timing').value = 'Bi-annual';
    cellOf(SHEETS.learning, entry.id, 'Expected use').value = 'Update strategies';
    cellOf(SHEETS.triggers, trigger.id, 'Priority').value = 'low';
    const edited = { buffer: await toBuffer(workbook), fileName: 'edited.xlsx' };

    const preview = await previewWorkbook(env.app, edited, {});
    expect(preview.problems).toEqual([]);
    const columns = preview.sheets.flatMap((sheet) => sheet.changed.flatMap((change) => change.fields.map((field) => field.column)));
    expect(columns.sort()).toEqual(
      [
        'Activity type',
        'Activity type',
        'Audience',
        'Expected use',
        'Methods to capture learning',
        'Priority',
        'Report format',
        'Sustainability',
        'Timing',
      ].sort(),
    );

    const result = await applyWorkbook(env.app, edited, {}, { applyValidOnly: false });
    expect(result.applied).toBe(true);
    const byId = <T extends { id: string }>(rows: T[], id: string) => rows.find((row) => row.id === id);
    expect(byId(s.activity.list(env.app, { cycleId }), activity.id)?.activityType).toBe('policy');
    expect(byId(s.activity.list(env.app, { cycleId }), untyped.id)?.activityType).toBeNull();
    expect(byId(s.indicator.list(env.app, { cycleId }), indicator.id)?.sustainability).toBe('Handed over to the water company in 2027');
    expect(byId(s.milestone.list(env.app, { cycleId }), milestone.id)).toMatchObject({ format: 'Slide deck', audience: 'County Assembly committee' });
    expect(byId(s.learningEntry.list(env.app, { cycleId }), entry.id)).toMatchObject({
      captureMethods: 'Most significant change stories',
      timing: 'Bi-annual',
      expectedUse: 'Update strategies',
    });
    expect(byId(s.adaptiveTrigger.list(env.app, { cycleId }), trigger.id)?.priority).toBe('low');
    expect((await previewWorkbook(env.app, edited, {})).nothingToChange).toBe(true);
  });
});
