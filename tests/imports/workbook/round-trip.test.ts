import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbookPreviewDto } from '../../../shared/api/methods/workbook-import';
import { activityStatuses, riskStatuses } from '../../../shared/domain/vocabulary';
import { applyWorkbook, previewWorkbook } from '../../../main/imports/workbook/index';
import { listAudit } from '../../../main/services/audit';
import { listCycles } from '../../../main/services/cycles';
import { registerServices as s } from '../../../main/services/index';
import { requireTool } from '../../support/external-tools';
import { openXlsx, sampleApp, soffice, toBuffer } from '../../exports/xlsx/support';
import { cellsOf, exportWorkbook, setCell } from './support';
import { REGISTER_ORDER } from '../../../shared/lifecycle/diff';

let env: ReturnType<typeof sampleApp>;
let exported: { buffer: Buffer; fileName: string };

beforeAll(async () => {
  env = sampleApp();
  exported = await exportWorkbook(env.app, env.cycle.id);
});
afterAll(() => env.app.close());

const fieldChanges = (preview: WorkbookPreviewDto) =>
  preview.sheets.flatMap((sheet) =>
    sheet.changed.flatMap((change) => change.fields.map((field) => `${sheet.sheet} · ${change.label} · ${field.column}: ${field.old} → ${field.new}`)),
  );
const counts = (preview: WorkbookPreviewDto) =>
  preview.sheets.reduce((sum, sheet) => ({ added: sum.added + sheet.added.length, removed: sum.removed + sheet.removed.length }), { added: 0, removed: 0 });

// Every register, in the order the readable diff lists them.
const registers = REGISTER_ORDER;

describe('the cycle workbook as an input', () => {
  it('imported untouched into its own cycle, has nothing to change', async () => {
    const preview = await previewWorkbook(env.app, exported, {});
    expect(preview.problems).toEqual([]);
    expect(preview.nothingToChange).toBe(true);
    expect(preview.sheets.map((sheet) => sheet.sheet)).toContain('Budget lines');
    expect(preview.notes.join(' ')).toMatch(/Summary, Budget, Coverage: worked out from the other sheets/);
  });

  it('creates a new cycle holding the same plan: exported again, every cell is the same, and so is every register', async () => {
    const result = await applyWorkbook(env.app, exported, { createNew: true }, { applyValidOnly: false });
    expect(result.preview.problems).toEqual([]);
    expect(result.applied).toBe(true);
    const created = listCycles(env.app).find((cycle) => cycle.id === result.cycleId);
    expect(created?.id).not.toBe(env.cycle.id);
    const again = await exportWorkbook(env.app, created?.id as string);
    const [before, after] = [await cellsOf(exported.buffer), await cellsOf(again.buffer)];
    expect(after.length).toBeGreaterThan(1000);
    expect(after).toEqual(before);

    // The registers themselves, field by field, ids and owners aside.
    const strip = (row: Record<string, unknown>) =>
      Object.fromEntries(
        Object.entries(row).filter(
          ([key]) => !['id', 'cycleId', 'createdAt', 'updatedAt', 'ownerOrgId'].includes(key) && !key.endsWith('Id') && !key.endsWith('Ids'),
        ),
      );
    for (const register of registers) {
      const list = (cycleId: string) => (s[register].list(env.app, { cycleId }) as Record<string, unknown>[]).map(strip);
      const original = list(env.cycle.id);
      const copy = list(created?.id as string);
      expect(copy.length, register).toBe(original.length);
      // A signatory's sort order is the Approvals sheet's row order, renumbered in a new cycle.
      const shown = (row: Record<string, unknown>) => {
        const { sortOrder: _order, ...rest } = row;
        return JSON.stringify(rest);
      };
      expect(copy.map(shown).sort(), register).toEqual(original.map(shown).sort());
    }
  });

  it('is recorded in the import history, and each change in the audit log', async () => {
    const file = await exportWorkbook(env.app, env.cycle.id);
    const workbook = await openXlsx(file.buffer);
    setCell(workbook, 'Risks', 1, 'Mitigation strategy', 'Pre-position spares at the sub-county office');
    const edited = { buffer: await toBuffer(workbook), fileName: 'edited.xlsx' };
    const auditBefore = listAudit(env.app, { cycleId: env.cycle.id, limit: 1000 }).length;
    const result = await applyWorkbook(env.app, edited, {}, { applyValidOnly: false });
    expect(result.applied).toBe(true);
    expect(result.import?.senderName).toMatch(/^Workbook edited\.xlsx/);
    expect(result.import?.counts.changes).toBe(1);
    const audit = listAudit(env.app, { cycleId: env.cycle.id, limit: 1000 });
    expect(audit.length).toBe(auditBefore + 1);
    expect(audit[0]?.tableName).toBe('risks');
  });
});

/** Ten cells across five sheets, as an officer would edit them. */
function editTenCells(workbook: ExcelJS.Workbook, app: typeof env.app, cycleId: string): string[] {
  const activities = s.activity.list(app, { cycleId });
  const lines = s.contribution.list(app, { cycleId });
  const risks = s.risk.list(app, { cycleId });
  const indicators = s.indicator.list(app, { cycleId });
  const periods = s.indicatorPeriod.list(app, { cycleId });
  const orgs = s.organisation.list(app, { cycleId });
  const otherStatus = (current: string, keys: readonly string[]) => keys.find((key) => key !== current) as string;
  const firstWithQ1 = indicators.findIndex((indicator) => periods.some((p) => p.indicatorId === indicator.id && p.periodKey === 'Q1'));
  const a2Status = otherStatus(activities[1]?.status ?? '', activityStatuses.keys);
  const r1Status = otherStatus(risks[0]?.status ?? '', riskStatuses.keys);
  setCell(workbook, 'Activities', 1, 'Completion %', 55);
  setCell(workbook, 'Activities', 2, 'Status', activityStatuses.label(a2Status as 'planned'));
  setCell(workbook, 'Activities', 3, 'Activity', `${activities[2]?.title ?? ''} (revised)`);
  setCell(workbook, 'Budget lines', 1, 'Amount', 'KES 1,250,000');
  setCell(workbook, 'Budget lines', 2, 'Comments', 'Checked by the finance officer');
  setCell(workbook, 'Risks', 1, 'Status', riskStatuses.label(r1Status as 'open'));
  setCell(workbook, 'Risks', 2, 'Mitigation strategy', 'Agree a joint response plan with NDMA');
  setCell(workbook, 'Indicators', firstWithQ1 + 1, 'Q1 actual', 4242);
  setCell(workbook, 'Indicators', 2, 'Unit', 'households reached');
  setCell(workbook, 'Stakeholders', 1, 'Remarks', 'Met the CEC on 3 Dec 2026');
  return [activities[0]?.code, activities[1]?.code, activities[2]?.code, lines[0]?.component, risks[0]?.code, orgs[0]?.name].map(String);
}

describe('ten cells changed across five sheets', () => {
  it('are exactly the ten changes of the preview, and the apply writes them', async () => {
    const app = sampleApp();
    try {
      const file = await exportWorkbook(app.app, app.cycle.id);
      const workbook = await openXlsx(file.buffer);
      editTenCells(workbook, app.app, app.cycle.id);
      const edited = { buffer: await toBuffer(workbook), fileName: 'edited.xlsx' };
      const preview = await previewWorkbook(app.app, edited, {});
      expect(preview.problems).toEqual([]);
      expect(counts(preview)).toEqual({ added: 0, removed: 0 });
      const changes = fieldChanges(preview);
      expect(changes, changes.join('\n')).toHaveLength(10);
      expect(changes.some((change) => /Budget lines .* Amount: .* → KES 1,250,000/.test(change))).toBe(true);

      const result = await applyWorkbook(app.app, edited, {}, { applyValidOnly: false });
      expect(result.applied).toBe(true);
      const activity = s.activity.list(app.app, { cycleId: app.cycle.id })[0];
      expect(activity?.completionPct).toBe(55);
      expect(s.contribution.list(app.app, { cycleId: app.cycle.id })[0]?.amountMinor).toBe(125_000_000);
      expect((await previewWorkbook(app.app, edited, {})).nothingToChange).toBe(true);
    } finally {
      app.app.close();
    }
  });

  const tools = requireTool('soffice', 're-save the edited workbook with LibreOffice');
  it.skipIf(!tools.available)('are still exactly ten when LibreOffice re-saved the file with its own writer', { timeout: 300_000 }, async () => {
    const app = sampleApp();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamoja-wb-lo-'));
    try {
      const file = await exportWorkbook(app.app, app.cycle.id);
      const workbook = await openXlsx(file.buffer);
      editTenCells(workbook, app.app, app.cycle.id);
      const input = path.join(dir, 'edited.xlsx');
      fs.writeFileSync(input, await toBuffer(workbook));
      const untouched = path.join(dir, 'untouched.xlsx');
      fs.writeFileSync(untouched, file.buffer);
      const outDir = path.join(dir, 'resaved');
      fs.mkdirSync(outDir);
      const [resavedEdited, resavedUntouched] = await soffice([input, untouched], 'xlsx', outDir);
      const untouchedPreview = await previewWorkbook(app.app, { buffer: fs.readFileSync(resavedUntouched as string), fileName: 'untouched.xlsx' }, {});
      expect(untouchedPreview.problems).toEqual([]);
      expect(fieldChanges(untouchedPreview)).toEqual([]);
      expect(untouchedPreview.nothingToChange).toBe(true);
      const preview = await previewWorkbook(app.app, { buffer: fs.readFileSync(resavedEdited as string), fileName: 'edited.xlsx' }, {});
      expect(preview.problems).toEqual([]);
      expect(counts(preview)).toEqual({ added: 0, removed: 0 });
      expect(fieldChanges(preview)).toHaveLength(10);
    } finally {
      app.app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
