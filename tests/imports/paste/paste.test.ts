import { describe, expect, it } from 'vitest';
import { applyPaste, previewPaste } from '../../../main/imports/paste/index';
import { splitPastedText } from '../../../main/imports/paste/pasted-text';
import { listImports } from '../../../main/bundles/history';
import { listAdminUnits } from '../../../main/services/admin-units';
import { registerServices as s } from '../../../main/services/index';
import { sampleApp } from '../../exports/xlsx/support';
import { dumpDatabase } from '../../support/fault-injection';

const tsv = (rows: string[][]) => rows.map((row) => row.join('\t')).join('\r\n') + '\r\n';

const ACTIVITY_HEADER = ['Code', 'Activity', 'Objective', 'Sector', 'Lead organisation', 'Start date', 'End date', 'Wards'];

describe('rows pasted from Excel, through the workbook import', () => {
  it('splits the clipboard as Excel writes it: tabs, CRLF, quoted cells holding tabs, line breaks and quotes', () => {
    const lines = splitPastedText('A1\t"two\nlines"\t"say ""hi"""\r\n\r\n\tB2\t\r\n"5"" pipe"\t"Kinna" pans\tC3');
    expect(lines.map((line) => [line.rowNumber, line.cells])).toEqual([
      [1, ['A1', 'two\nlines', 'say "hi"']],
      [3, ['', 'B2', '']],
      // A quote typed at the start of a cell Excel did not quote is kept as typed.
      [4, ['5" pipe', '"Kinna" pans', 'C3']],
    ]);
    expect(lines[0]?.raw).toBe('A1\t"two\nlines"\t"say ""hi"""');
  });

  it('adds activities pasted with their header row: day-first dates, wards by commas or semicolons, in one import that can be undone', () => {
    const { app, cycle } = sampleApp();
    try {
      const before = s.activity.list(app, { cycleId: cycle.id }).length;
      const text = tsv([
        ACTIVITY_HEADER,
        ['A9.1', 'Desilting of Kinna pans', 'SO1', 'Water & WASH', 'CGI-WEC', '1/8/2026', '30 Sep 2026', 'Kinna, Garbatulla'],
        ['A9.2', 'Fodder bulking with Sericho farmers', 'SO2', 'Agriculture & livestock', 'NDMA Isiolo', '2026-10-01', '31/12/2026', 'Sericho; Chari'],
      ]);
      const preview = previewPaste(app, { cycleId: cycle.id, into: 'activities', text });
      expect(preview.problems).toEqual([]);
      expect(preview.sheets.map((sheet) => [sheet.sheet, sheet.added.map((a) => a.row), sheet.changed.length, sheet.removed.length])).toEqual([
        ['Pasted rows', [2, 3], 0, 0],
      ]);
      expect(s.activity.list(app, { cycleId: cycle.id })).toHaveLength(before);

      const result = applyPaste(app, { cycleId: cycle.id, into: 'activities', text, applyValidOnly: false });
      expect(result.applied).toBe(true);
      const added = s.activity.list(app, { cycleId: cycle.id }).filter((a) => a.code.startsWith('A9.'));
      const wards = new Map(listAdminUnits(app, { level: 'ward', withinId: cycle.countyId }).map((ward) => [ward.id, ward.name]));
      expect(added.map((a) => [a.code, a.startDate, a.endDate, a.wardIds.map((id) => wards.get(id)).sort()])).toEqual([
        ['A9.1', '2026-08-01', '2026-09-30', ['Garbatulla', 'Kinna']],
        ['A9.2', '2026-10-01', '2026-12-31', ['Chari', 'Sericho']],
      ]);
      const [history] = listImports(app, cycle.id);
      expect(history?.senderName).toMatch(/^Rows pasted into the action plan \(/);
      expect(history?.counts.adds).toBe(2);
      const audited = app.db.$client.prepare("SELECT count(*) FROM audit_log WHERE table_name = 'activities' AND action = 'create'").pluck().get();
      expect(audited).toBe(before + 2);
    } finally {
      app.close();
    }
  });

  it('reads rows pasted without a header in the workbook sheet’s column order, with amounts as officers type them', () => {
    const { app, cycle } = sampleApp();
    try {
      const lines = s.contribution.list(app, { cycleId: cycle.id }).length;
      // Activity code, Activity, Sector, Budget component, Description, Contributor, Type, On county budget, Amount, Currency.
      const text = tsv([
        ['A1.1', '', '', 'Pump spares', '', 'UDRA', 'Cash', 'No', '1,250,000', ''],
        ['A1.1', '', '', 'Technician training', '', 'MSDT', 'Cash', 'No', 'KES 1,250,000', 'KES'],
        ['A1.2', '', '', 'Water tanks', '', 'DCRF', 'Cash', 'No', '1.25M', ''],
      ]);
      const preview = previewPaste(app, { cycleId: cycle.id, into: 'budgetLines', text });
      expect(preview.problems).toEqual([]);
      expect(preview.notes[0]).toMatch(/^No header row was pasted, so the cells were read in this order: Activity code, Activity, Sector, Budget component/);
      const result = applyPaste(app, { cycleId: cycle.id, into: 'budgetLines', text, applyValidOnly: false });
      expect(result.applied).toBe(true);
      const after = s.contribution.list(app, { cycleId: cycle.id });
      expect(after).toHaveLength(lines + 3);
      const added = after.filter((line) => ['Pump spares', 'Technician training', 'Water tanks'].includes(line.component));
      expect(added.map((line) => [line.component, line.amountMinor, line.currency])).toEqual([
        ['Pump spares', 125_000_000, 'KES'],
        ['Technician training', 125_000_000, 'KES'],
        ['Water tanks', 125_000_000, 'KES'],
      ]);
    } finally {
      app.close();
    }
  });

  it('lists every problem of every row at once as "row N, column: message" and writes nothing', () => {
    const { app, cycle } = sampleApp();
    try {
      const dump = dumpDatabase(app);
      const text = tsv([
        ACTIVITY_HEADER,
        ['A9.1', 'Desilting of Kinna pans', 'SO9', 'Water & WASH', 'Nobody Ltd', '31/2/2026', '30 Sep 2026', 'Kinna'],
        ['A9.2', 'Fodder bulking', 'SO2', 'Agriculture & livestock', 'NDMA Isiolo', '1/10/2026', '31/12/2026', 'Atlantis'],
        ['A9.3', 'A good row', 'SO2', 'Agriculture & livestock', 'NDMA Isiolo', '1/10/2026', '31/12/2026', 'Kinna'],
      ]);
      const preview = previewPaste(app, { cycleId: cycle.id, into: 'activities', text });
      const places = preview.problems.map((p) => `row ${p.row}, ${p.column}`);
      expect(places).toEqual(['row 2, Objective', 'row 2, Lead organisation', 'row 2, Start date', 'row 3, Wards']);
      for (const problem of preview.problems) expect(problem.message.startsWith(`${problem.column}: `)).toBe(true);
      expect(preview.problems[0]?.message).toMatch(/SO9/);
      expect(preview.problems[3]?.message).toMatch(/Atlantis/);

      const refused = applyPaste(app, { cycleId: cycle.id, into: 'activities', text, applyValidOnly: false });
      expect(refused.applied).toBe(false);
      expect(refused.rejectedText).toBeNull();
      expect(dumpDatabase(app)).toBe(dump);
      expect(listImports(app, cycle.id)).toEqual([]);

      // The valid row alone, on request: the others come back with the header, to fix and paste again.
      const partly = applyPaste(app, { cycleId: cycle.id, into: 'activities', text, applyValidOnly: true });
      expect(partly.applied).toBe(true);
      expect(
        s.activity
          .list(app, { cycleId: cycle.id })
          .filter((a) => a.code.startsWith('A9.'))
          .map((a) => a.code),
      ).toEqual(['A9.3']);
      expect(partly.rejectedText?.split('\n').map((line) => line.split('\t')[0])).toEqual(['Code', 'A9.1', 'A9.2']);
    } finally {
      app.close();
    }
  });

  it('refuses a header row without a required column, naming it and the order to paste in, and writes nothing', () => {
    const { app, cycle } = sampleApp();
    try {
      const dump = dumpDatabase(app);
      const text = tsv([
        ['Code', 'Activity', 'Start date'],
        ['A9.1', 'Desilting of Kinna pans', '1/8/2026'],
      ]);
      const result = applyPaste(app, { cycleId: cycle.id, into: 'activities', text, applyValidOnly: true });
      expect(result.applied).toBe(false);
      expect(result.preview.problems).toEqual([
        expect.objectContaining({
          row: 1,
          column: 'Objective',
          message: expect.stringMatching(/^The column "Objective" is missing from the header row\..*Code, Activity, Description/),
        }),
      ]);
      expect(dumpDatabase(app)).toBe(dump);
    } finally {
      app.close();
    }
  });

  it('sets indicator targets by period, with or without a header, leaving actuals and the indicators as they are', () => {
    const { app, cycle } = sampleApp();
    try {
      const indicators = s.indicator.list(app, { cycleId: cycle.id });
      const periodOf = (code: string, key: string) => {
        const id = indicators.find((i) => i.code === code)?.id;
        return s.indicatorPeriod.list(app, { cycleId: cycle.id }).find((p) => p.indicatorId === id && p.periodKey === key);
      };
      const q1Actual = periodOf('I1.1', 'Q1')?.actual;
      const withHeader = tsv([
        ['Code', 'Q1 (Jul–Sep)', 'Q2', 'Q3 target', 'Q4'],
        ['I1.1', '59', '62', '64', '66'],
        ['I1.2', '', '1,200', '', ''],
      ]);
      const preview = previewPaste(app, { cycleId: cycle.id, into: 'indicatorTargets', text: withHeader });
      expect(preview.problems).toEqual([]);
      const changed = preview.sheets.flatMap((sheet) =>
        sheet.changed.map((c) => `row ${c.row}: ${c.fields.map((f) => `${f.column} ${f.old} → ${f.new}`).join('; ')}`),
      );
      expect(changed).toEqual([
        `row 2: Q2 ${periodOf('I1.1', 'Q2')?.target} → 62`,
        `row 2: Q3 target ${periodOf('I1.1', 'Q3')?.target} → 64`,
        `row 3: Q2 ${periodOf('I1.2', 'Q2')?.target} → 1200`,
      ]);
      expect(applyPaste(app, { cycleId: cycle.id, into: 'indicatorTargets', text: withHeader, applyValidOnly: false }).applied).toBe(true);
      expect([periodOf('I1.1', 'Q2')?.target, periodOf('I1.1', 'Q3')?.target, periodOf('I1.2', 'Q2')?.target]).toEqual([62, 64, 1200]);
      expect(periodOf('I1.1', 'Q1')?.actual).toBe(q1Actual);
      expect(s.indicator.list(app, { cycleId: cycle.id })).toEqual(indicators);

      // No header: the indicator, then each period's target in order.
      const noHeader = tsv([['Population in target wards with safe water within 5 km', '60', '62', '64', '67']]);
      expect(applyPaste(app, { cycleId: cycle.id, into: 'indicatorTargets', text: noHeader, applyValidOnly: false }).applied).toBe(true);
      expect([periodOf('I1.1', 'Q1')?.target, periodOf('I1.1', 'Q4')?.target]).toEqual([60, 67]);
    } finally {
      app.close();
    }
  });

  it('refuses targets for an unknown indicator, a negative target and an indicator named twice, all at once, writing nothing', () => {
    const { app, cycle } = sampleApp();
    try {
      const dump = dumpDatabase(app);
      const text = tsv([
        ['Indicator', 'Q1', 'Q2'],
        ['I9.9', '10', '20'],
        ['I1.1', '-4', 'lots'],
        ['I1.1', '5', '6'],
        ['', '5', '6'],
      ]);
      const preview = previewPaste(app, { cycleId: cycle.id, into: 'indicatorTargets', text });
      expect(preview.problems.map((p) => `row ${p.row}, ${p.column}`).sort()).toEqual([
        'row 2, Indicator',
        'row 3, Q1',
        'row 3, Q2',
        'row 4, Indicator',
        'row 5, Indicator',
      ]);
      expect(preview.problems.find((p) => p.row === 4)?.message).toBe('Indicator: "I1.1" is named again (first on row 3); give each one line.');
      expect(preview.problems.find((p) => p.row === 3 && p.column === 'Q1')?.message).toMatch(/below zero/);
      expect(applyPaste(app, { cycleId: cycle.id, into: 'indicatorTargets', text, applyValidOnly: false }).applied).toBe(false);
      expect(dumpDatabase(app)).toBe(dump);
    } finally {
      app.close();
    }
  });
});
