import { describe, expect, it } from 'vitest';
import { applyWorkbook } from '../../../main/imports/workbook/index';
import { listAdminUnits } from '../../../main/services/admin-units';
import { registerServices as s } from '../../../main/services/index';
import { openXlsx, sampleApp, toBuffer } from '../../exports/xlsx/support';
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
});
