import { describe, expect, it } from 'vitest';
import { applyWorkbook, previewWorkbook } from '../../../main/imports/workbook/index';
import { listAdminUnits } from '../../../main/services/admin-units';
import { registerServices as s } from '../../../main/services/index';
import { dumpDatabase } from '../../support/fault-injection';
import { openXlsx, sampleApp, sheet, toBuffer } from '../../exports/xlsx/support';
import { exportWorkbook, setCell } from './support';

/** What real plans hold, typed as people type it: abbreviated and prefixed amounts, Kenyan dates, ward lists. */
describe('a workbook typed as counties type it', () => {
  it('reads "1.25M", "USD 120,000", 1/7/2026 (day first), "1 Jul 2026" and wards separated by semicolons or new lines', async () => {
    const { app, cycle } = sampleApp();
    try {
      const workbook = await openXlsx((await exportWorkbook(app, cycle.id)).buffer);
      const activities = s.activity.list(app, { cycleId: cycle.id });
      const wardNames = ['Garbatulla', 'Kinna', 'Sericho'];
      setCell(workbook, 'Budget lines', 1, 'Amount', '1.25M');
      setCell(workbook, 'Budget lines', 1, 'Currency', 'KES');
      setCell(workbook, 'Budget lines', 2, 'Amount', 'USD 120,000');
      setCell(workbook, 'Budget lines', 2, 'Currency', null);
      setCell(workbook, 'Risks', 1, 'Review date', '1/7/2026');
      setCell(workbook, 'Risks', 2, 'Review date', '1 Jul 2026');
      setCell(workbook, 'Activities', 1, 'Wards', wardNames.join('; '));
      setCell(workbook, 'Activities', 2, 'Wards', wardNames.join('\n'));
      const result = await applyWorkbook(app, { buffer: await toBuffer(workbook), fileName: 'typed.xlsx' }, {}, { applyValidOnly: false });
      expect(result.preview.problems).toEqual([]);
      expect(result.applied).toBe(true);
      const [first, second] = s.contribution.list(app, { cycleId: cycle.id });
      expect([first?.amountMinor, first?.currency]).toEqual([125_000_000, 'KES']);
      expect([second?.amountMinor, second?.currency]).toEqual([12_000_000, 'USD']);
      const risks = s.risk.list(app, { cycleId: cycle.id });
      expect([risks[0]?.reviewDate, risks[1]?.reviewDate]).toEqual(['2026-07-01', '2026-07-01']);
      const wards = listAdminUnits(app, { level: 'ward', withinId: cycle.countyId });
      const ids = wardNames.map((name) => wards.find((ward) => ward.name === name)?.id);
      const after = s.activity.list(app, { cycleId: cycle.id }).filter((a) => a.id === activities[0]?.id || a.id === activities[1]?.id);
      for (const activity of after) expect([...activity.wardIds].sort()).toEqual([...ids].sort());
    } finally {
      app.close();
    }
  });

  it('refuses an amount typed in one currency with the other in the Currency column, naming the cell', async () => {
    const { app, cycle } = sampleApp();
    try {
      const workbook = await openXlsx((await exportWorkbook(app, cycle.id)).buffer);
      setCell(workbook, 'Budget lines', 1, 'Amount', 'USD 5,000');
      setCell(workbook, 'Budget lines', 1, 'Currency', 'KES');
      const result = await applyWorkbook(app, { buffer: await toBuffer(workbook), fileName: 'typed.xlsx' }, {}, { applyValidOnly: false });
      expect(result.applied).toBe(false);
      expect(result.preview.problems).toEqual([
        { sheet: 'Budget lines', row: 5, column: 'Amount', message: 'Amount: the amount is typed in USD but the Currency column says KES; make them agree.' },
      ]);
    } finally {
      app.close();
    }
  });
  it('reads "1,250,000", "KES 1,250,000" and Excel numbers, Excel dates and "2026-07-01", comma-separated wards, a baseline without its date', async () => {
    const { app, cycle } = sampleApp();
    try {
      const workbook = await openXlsx((await exportWorkbook(app, cycle.id)).buffer);
      setCell(workbook, 'Budget lines', 1, 'Amount', '1,250,000');
      setCell(workbook, 'Budget lines', 1, 'Currency', 'KES');
      setCell(workbook, 'Budget lines', 2, 'Amount', 'KES 1,250,000');
      setCell(workbook, 'Budget lines', 2, 'Currency', null);
      setCell(workbook, 'Budget lines', 3, 'Amount', 1_250_000);
      setCell(workbook, 'Budget lines', 3, 'Currency', 'KES');
      setCell(workbook, 'Risks', 1, 'Review date', new Date(Date.UTC(2026, 6, 1)));
      setCell(workbook, 'Risks', 2, 'Review date', '2026-07-01');
      setCell(workbook, 'Activities', 1, 'Wards', 'Garbatulla, Kinna, Sericho');
      setCell(workbook, 'Indicators', 1, 'Baseline', 42);
      setCell(workbook, 'Indicators', 1, 'Baseline date', null);
      const result = await applyWorkbook(app, { buffer: await toBuffer(workbook), fileName: 'typed.xlsx' }, {}, { applyValidOnly: false });
      expect(result.preview.problems).toEqual([]);
      const lines = s.contribution.list(app, { cycleId: cycle.id }).slice(0, 3);
      expect(lines.map((line) => [line.amountMinor, line.currency])).toEqual([
        [125_000_000, 'KES'],
        [125_000_000, 'KES'],
        [125_000_000, 'KES'],
      ]);
      const risks = s.risk.list(app, { cycleId: cycle.id });
      expect([risks[0]?.reviewDate, risks[1]?.reviewDate]).toEqual(['2026-07-01', '2026-07-01']);
      const wards = listAdminUnits(app, { level: 'ward', withinId: cycle.countyId });
      const first = s.activity.list(app, { cycleId: cycle.id })[0];
      expect(first?.wardIds.map((id) => wards.find((ward) => ward.id === id)?.name).sort()).toEqual(['Garbatulla', 'Kinna', 'Sericho']);
      const indicator = s.indicator.list(app, { cycleId: cycle.id })[0];
      expect([indicator?.baselineValue, indicator?.baselineDate]).toEqual([42, null]);
    } finally {
      app.close();
    }
  });

  it('accepts an activity outside the fiscal year with a warning in the preview, a budget line with no component, and a lead agency that is not a development partner', async () => {
    const { app, cycle } = sampleApp();
    try {
      const workbook = await openXlsx((await exportWorkbook(app, cycle.id)).buffer);
      setCell(workbook, 'Activities', 1, 'Start date', '1 Jun 2026');
      setCell(workbook, 'Budget lines', 1, 'Budget component', null);
      const county = s.organisation.list(app, { cycleId: cycle.id }).find((org) => org.category === 'government');
      if (!county) throw new Error('The sample has no county government organisation.');
      const general = sheet(workbook, 'General information');
      general.eachRow((row) => {
        if (row.getCell(1).value === 'Lead agency') row.getCell(2).value = county.name;
      });
      const result = await applyWorkbook(app, { buffer: await toBuffer(workbook), fileName: 'typed.xlsx' }, {}, { applyValidOnly: false });
      expect(result.preview.problems).toEqual([]);
      expect(result.applied).toBe(true);
      const activity = s.activity.list(app, { cycleId: cycle.id })[0];
      expect(activity?.startDate).toBe('2026-06-01');
      expect(s.contribution.list(app, { cycleId: cycle.id })[0]?.component).toBe('');
      expect(result.preview.notes.find((note) => note.startsWith('Activities, row 5: activity'))).toMatch(
        /starts before the fiscal year 2026\/27 \(1 Jul 2026 – 30 Jun 2027\); it is accepted, and its whole cost counts in this cycle's budget\./,
      );
      expect(s.organisation.list(app, { cycleId: cycle.id }).find((org) => org.id === county.id)?.category).toBe('government');
    } finally {
      app.close();
    }
  });

  it('accepts in-kind support not valued ("in-kind, not valued", or the amount left empty on an in-kind line), and exports it back unchanged', async () => {
    const { app, cycle } = sampleApp();
    try {
      const workbook = await openXlsx((await exportWorkbook(app, cycle.id)).buffer);
      const [first, second] = s.contribution.list(app, { cycleId: cycle.id });
      setCell(workbook, 'Budget lines', 1, 'Type', 'In kind');
      setCell(workbook, 'Budget lines', 1, 'Amount', 'in-kind, not valued');
      setCell(workbook, 'Budget lines', 2, 'Type', 'In kind');
      setCell(workbook, 'Budget lines', 2, 'Amount', null);
      const result = await applyWorkbook(app, { buffer: await toBuffer(workbook), fileName: 'typed.xlsx' }, {}, { applyValidOnly: false });
      expect(result.preview.problems).toEqual([]);
      expect(result.applied).toBe(true);
      for (const line of [first, second]) {
        expect(s.contribution.get(app, { id: line?.id ?? '' })).toMatchObject({ type: 'in_kind', valueNotEstimated: true, amountMinor: 0 });
      }
      // The workbook the app now exports says so, and imported untouched has nothing to change.
      const again = await exportWorkbook(app, cycle.id);
      expect((await previewWorkbook(app, again, {})).nothingToChange).toBe(true);
    } finally {
      app.close();
    }
  });

  it('refuses an empty amount on a cash line or "not valued" on a staff line, naming each cell, and writes nothing', async () => {
    const { app, cycle } = sampleApp();
    try {
      const workbook = await openXlsx((await exportWorkbook(app, cycle.id)).buffer);
      setCell(workbook, 'Budget lines', 1, 'Type', 'Cash');
      setCell(workbook, 'Budget lines', 1, 'Amount', null);
      setCell(workbook, 'Budget lines', 2, 'Type', 'Human resources');
      setCell(workbook, 'Budget lines', 2, 'Amount', 'not valued');
      const before = dumpDatabase(app);
      const result = await applyWorkbook(app, { buffer: await toBuffer(workbook), fileName: 'typed.xlsx' }, {}, { applyValidOnly: false });
      expect(result.applied).toBe(false);
      expect(result.preview.problems).toEqual([
        {
          sheet: 'Budget lines',
          row: 5,
          column: 'Amount',
          message: 'Amount: a cash line needs an amount; only in-kind support may be left empty or "in-kind, not valued".',
        },
        {
          sheet: 'Budget lines',
          row: 6,
          column: 'Amount',
          message: 'Amount: a human resources line needs an amount; only in-kind support may be left empty or "in-kind, not valued".',
        },
      ]);
      expect(dumpDatabase(app)).toBe(before);
    } finally {
      app.close();
    }
  });
});
