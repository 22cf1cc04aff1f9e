// Run by workbook.ts in a fresh process, so its peak memory is one step's alone (issue 15):
// `tsx workbook-child.ts DB CYCLE FILE export|preview|apply` exports the cycle workbook to FILE, or
// previews or applies FILE, and prints { ms, cpuMs, baselineMb, peakMb, outcome } as JSON.
import fs from 'node:fs';
import { openApp } from '../../main/app-context';
import { closeDb } from '../../main/db/open-db';
import { exportXlsx } from '../../main/exports/xlsx/index';
import { applyWorkbook, previewWorkbook } from '../../main/imports/workbook/index';
import { resourcesDir } from '../../main/resource-paths';
import { measureAsync } from './measure';
import { peakMemoryBytes } from './peak-memory';

const [dbFile = '', cycleId = '', workbookFile = '', step] = process.argv.slice(2);
const ctx = openApp({ file: dbFile, resourcesDir });
ctx.userName = 'benchmark';
// The target is in megabytes (10^6 bytes).
const megabytes = () => peakMemoryBytes() / 1e6;
const baselineMb = megabytes();

async function run(): Promise<string> {
  if (step === 'export') {
    const { buffer } = await exportXlsx(ctx, { cycleId, doc: 'workbook' });
    fs.writeFileSync(workbookFile, buffer);
    return `${(buffer.length / 1024 / 1024).toFixed(1)} MiB`;
  }
  const file = { buffer: fs.readFileSync(workbookFile), fileName: 'large-plan-workbook.xlsx' };
  if (step === 'preview') {
    const preview = await previewWorkbook(ctx, file, {});
    const changes = preview.sheets.reduce((sum, sheet) => sum + sheet.added.length + sheet.changed.length + sheet.removed.length, 0);
    return `${preview.nothingToChange ? 'nothing to change' : `${changes} changes (should be none)`}, ${preview.problems.length} problems`;
  }
  if (step === 'apply') return (await applyWorkbook(ctx, file, {}, { applyValidOnly: false })).applied ? 'WROTE CHANGES' : 'nothing written';
  throw new Error(`Unknown step ${step ?? ''}: export, preview or apply.`);
}

const { value: outcome, ms, cpuMs } = await measureAsync(run);
closeDb(ctx.db);
console.log(JSON.stringify({ ms, cpuMs, baselineMb, peakMb: megabytes(), outcome }));
