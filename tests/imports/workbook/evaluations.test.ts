import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evaluationCriteria } from '../../../shared/domain/vocabulary';
import { formatDisplayDate } from '../../../shared/dates';
import { EVALUATION_HEADERS as H } from '../../../main/exports/xlsx/evaluations-sheet';
import { HEADER_ROW } from '../../../main/exports/xlsx/register-sheets';
import { SHEETS } from '../../../main/exports/xlsx/sheet-names';
import { applyWorkbook, previewWorkbook } from '../../../main/imports/workbook/index';
import { registerServices as s } from '../../../main/services/index';
import { columnOf, openXlsx, sampleApp, sheet, toBuffer } from '../../exports/xlsx/support';
import { dumpDatabase as dumpOf } from '../../support/fault-injection';
import { exportWorkbook, setCell } from './support';

let env: ReturnType<typeof sampleApp>;
beforeEach(() => {
  env = sampleApp();
});
afterEach(() => env.app.close());

/** The sample's indicator periods in the sheet's order: indicators as listed, then periods in the calendar's order. */
function periodsInSheetOrder() {
  const indicators = s.indicator.list(env.app, { cycleId: env.cycle.id });
  const periods = s.indicatorPeriod.list(env.app, { cycleId: env.cycle.id });
  return indicators.flatMap((indicator) =>
    periods
      .filter((p) => p.indicatorId === indicator.id)
      .sort((a, b) => a.periodKey.localeCompare(b.periodKey))
      .map((p) => ({ indicator, period: p })),
  );
}

describe('the Indicator results sheet of the cycle workbook', () => {
  it('lists every indicator period with its note, evaluation criterion and date as the database holds them', async () => {
    const workbook = await openXlsx((await exportWorkbook(env.app, env.cycle.id)).buffer);
    const results = sheet(workbook, SHEETS.evaluations);
    const at = (row: number, header: string) => results.getCell(HEADER_ROW + row, columnOf(results, HEADER_ROW, header)).value;
    const expected = periodsInSheetOrder();
    expect(expected.length).toBeGreaterThan(10);
    expected.forEach(({ indicator, period }, index) => {
      expect(at(index + 1, H.indicator)).toBe(indicator.code);
      expect(at(index + 1, H.period)).toBe(period.periodKey);
      expect(at(index + 1, H.target)).toBe(period.target);
      expect(at(index + 1, H.note) ?? '').toBe(period.actualNote);
      expect(at(index + 1, H.criterion) ?? null).toBe(period.evaluationCriterion ? evaluationCriteria.label(period.evaluationCriterion) : null);
      const on = at(index + 1, H.evaluatedOn);
      expect(on instanceof Date ? on.toISOString().slice(0, 10) : (on ?? null)).toBe(period.evaluatedOn);
    });
    expect(at(expected.length + 1, H.indicator) ?? null).toBeNull();
  });

  it('brings back a changed note, criterion and date typed day first as exactly those changes', async () => {
    const workbook = await openXlsx((await exportWorkbook(env.app, env.cycle.id)).buffer);
    const [first] = periodsInSheetOrder();
    if (!first) throw new Error('The sample has no indicator periods');
    const criterion = evaluationCriteria.keys.find((key) => key !== first.period.evaluationCriterion) ?? 'impact';
    setCell(workbook, SHEETS.evaluations, 1, H.note, 'Figure from the SMART survey, confirmed by the county nutritionist');
    setCell(workbook, SHEETS.evaluations, 1, H.criterion, evaluationCriteria.label(criterion));
    setCell(workbook, SHEETS.evaluations, 1, H.evaluatedOn, '15/10/2026');
    const edited = { buffer: await toBuffer(workbook), fileName: 'evaluated.xlsx' };
    const preview = await previewWorkbook(env.app, edited, {});
    expect(preview.problems).toEqual([]);
    const changes = preview.sheets.flatMap((sheetPreview) =>
      sheetPreview.changed.flatMap((change) => change.fields.map((field) => `${sheetPreview.sheet} · ${field.column} → ${field.new}`)),
    );
    expect(changes).toEqual([
      `${SHEETS.evaluations} · ${H.note} → Figure from the SMART survey, confirmed by the county nutritionist`,
      `${SHEETS.evaluations} · ${H.criterion} → ${evaluationCriteria.label(criterion)}`,
      `${SHEETS.evaluations} · ${H.evaluatedOn} → ${formatDisplayDate('2026-10-15')}`,
    ]);
    const result = await applyWorkbook(env.app, edited, {}, { applyValidOnly: false });
    expect(result.applied).toBe(true);
    const after = s.indicatorPeriod.list(env.app, { cycleId: env.cycle.id }).find((p) => p.id === first.period.id);
    expect(after).toMatchObject({
      actualNote: 'Figure from the SMART survey, confirmed by the county nutritionist',
      evaluationCriterion: criterion,
      evaluatedOn: '2026-10-15',
      target: first.period.target,
      actual: first.period.actual,
    });
    expect((await previewWorkbook(env.app, edited, {})).nothingToChange).toBe(true);
  });

  it('refuses a row for a period that has no target and a criterion that is not one, naming the cells, and writes nothing', async () => {
    // The first indicator's Q4 target is removed, so a row noting its Q4 result names no period.
    const [first] = periodsInSheetOrder();
    if (!first) throw new Error('The sample has no indicator periods');
    const q4 = s.indicatorPeriod.list(env.app, { cycleId: env.cycle.id }).find((p) => p.indicatorId === first.indicator.id && p.periodKey === 'Q4');
    if (q4) s.indicatorPeriod.remove(env.app, { id: q4.id });
    const missing = 'Q4';
    const rows = periodsInSheetOrder();
    const workbook = await openXlsx((await exportWorkbook(env.app, env.cycle.id)).buffer);
    const added = rows.length + 1;
    setCell(workbook, SHEETS.evaluations, added, H.indicator, first.indicator.code);
    setCell(workbook, SHEETS.evaluations, added, H.period, missing);
    setCell(workbook, SHEETS.evaluations, added, H.note, 'Noted before the target was set');
    setCell(workbook, SHEETS.evaluations, 1, H.criterion, 'Relevancy');
    const edited = { buffer: await toBuffer(workbook), fileName: 'bad-evaluations.xlsx' };
    const before = dumpOf(env.app);
    const result = await applyWorkbook(env.app, edited, {}, { applyValidOnly: false });
    expect(result.applied).toBe(false);
    const problems = result.preview.problems.map((p) => `${p.sheet}, row ${p.row ?? '-'}, ${p.column ?? '-'}: ${p.message}`);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(new RegExp(`^${SHEETS.evaluations}, row ${HEADER_ROW + 1}, ${H.criterion}: ${H.criterion}: .*Relevancy`));
    expect(problems[1]).toContain(`${SHEETS.evaluations}, row ${HEADER_ROW + added}, ${H.period}: `);
    expect(problems[1]).toContain(`has no ${missing}`);
    expect(problems[1]).toContain('enter it on the Indicators sheet');
    expect(dumpOf(env.app)).toEqual(before);
  });
});
