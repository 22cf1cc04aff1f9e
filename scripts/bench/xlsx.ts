import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { openApp } from '../../main/app-context';
import { closeDb } from '../../main/db/open-db';
import { loadCycleData } from '../../main/exports/xlsx/cycle-data';
import { writeCycleWorkbook } from '../../main/exports/xlsx/cycle-workbook';
import { exportXlsx } from '../../main/exports/xlsx/index';
import { applyImport, previewImport } from '../../main/imports/xlsx/index';
import { resourcesDir } from '../../main/resource-paths';
import { registerServices } from '../../main/services/index';
import type { BenchSection } from './sections';
import { cpuMsSince, measureAsync } from './measure';

/** Rows of the returned template in the import benchmark, across its three sheets. */
const TEMPLATE_ROWS = 5_000;

/**
 * Issue 4: the cycle workbook of the large benchmark plan (target < 3 s) and the import of a
 * 5,000-row partner template (target < 3 s). The import runs on a copy of the database, so the
 * sections after this one see the plan unchanged.
 */
export const xlsxBench: BenchSection = {
  title: 'Excel workbook and partner round-trip (issue 4)',
  async run({ ctx, cycleId, dir, line, fmt }) {
    line('machine load (1-minute average)', `${fmt(os.loadavg()[0] ?? 0, 1)} on ${os.cpus().length} cores`);
    let start = performance.now();
    const cpu = process.cpuUsage();
    const data = loadCycleData(ctx, cycleId);
    const loaded = performance.now();
    const meta = {
      kind: 'cycle-workbook',
      version: 1,
      cycleId,
      organisationId: null,
      exportedAt: ctx.now().toISOString(),
      exportedBy: 'benchmark',
      appVersion: 'bench',
    } as const;
    const workbook = await writeCycleWorkbook(data, meta);
    line(
      'cycle workbook, large plan',
      `${fmt(performance.now() - start)} ms (CPU ${fmt(cpuMsSince(cpu))} ms)   (target < 3,000 ms), ${fmt(workbook.length / 1024 / 1024, 1)} MiB`,
    );
    line('  read the cycle / build + pack', `${fmt(loaded - start)} / ${fmt(performance.now() - loaded)} ms`);

    const partner = registerServices.organisation.list(ctx, { cycleId })[1];
    if (!partner) throw new Error('The benchmark plan has no partner.');
    start = performance.now();
    const template = await exportXlsx(ctx, { cycleId, doc: 'partner-template', partnerOrgId: partner.id });
    line(`partner template for ${partner.shortName}`, `${fmt(performance.now() - start)} ms`);

    // The partner's own rows, a tenth of their activities edited, and new activities up to 5,000 rows.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.buffer.buffer.slice(template.buffer.byteOffset, template.buffer.byteOffset + template.buffer.byteLength) as ArrayBuffer);
    const activities = book.getWorksheet('Activities') as ExcelJS.Worksheet;
    const header = activities.getRow(3).values as unknown[];
    const col = (name: string) => header.indexOf(name);
    let existing = 0;
    for (const name of ['Activities', 'Contributions', 'Indicator periods']) {
      book.getWorksheet(name)?.eachRow((row, number) => {
        if (number > 3 && row.hasValues) existing++;
      });
    }
    let last = 3;
    activities.eachRow((row, number) => {
      if (row.hasValues) last = number;
    });
    let edited = 0;
    for (let row = 4; row <= last; row += 10) {
      activities.getCell(row, col('Challenges')).value = 'Fuel prices rose; schedule revised';
      edited++;
    }
    const objective = activities.getCell(4, col('Objective')).value;
    const added = TEMPLATE_ROWS - existing;
    for (let i = 0; i < added; i++) {
      const row = activities.getRow(last + 1 + i);
      row.getCell(col('Code')).value = `P${i + 1}`;
      row.getCell(col('Title')).value = `Partner activity ${i + 1}`;
      row.getCell(col('Objective')).value = objective;
      row.getCell(col('Sector')).value = 'Water & WASH';
      row.getCell(col('Start date')).value = '1/9/2026';
      row.getCell(col('End date')).value = new Date(Date.UTC(2027, 2, 31));
      row.getCell(col('Status')).value = 'Planned';
    }
    const returned = Buffer.from(await book.xlsx.writeBuffer());

    // A copy of the database, so the import's writes stay out of the plan other sections measure.
    const copy = path.join(dir, 'xlsx-import.db');
    fs.writeFileSync(copy, ctx.db.$client.serialize());
    const target = openApp({ file: copy, resourcesDir });
    target.userName = 'benchmark';
    try {
      const file = { buffer: returned, fileName: 'returned.xlsx' };
      const { value: preview, ...previewed } = await measureAsync(() => previewImport(target, file));
      const { value: summary, ...applied } = await measureAsync(() => applyImport(target, file, { applyValidOnly: false }));
      line(
        `import preview, ${fmt(TEMPLATE_ROWS)}-row template`,
        `${fmt(previewed.ms)} ms (CPU ${fmt(previewed.cpuMs)} ms)   (target < 3,000 ms): ${fmt(preview.adds.length)} to add, ${fmt(preview.changes.length)} to change, ${fmt(preview.unchanged)} unchanged, ${preview.errors.length} errors`,
      );
      line(
        'import apply, same file',
        `${fmt(applied.ms)} ms (CPU ${fmt(applied.cpuMs)} ms)   (target < 3,000 ms): ${fmt(summary.added)} added, ${fmt(summary.changed)} changed (${fmt(edited)} edited rows expected)`,
      );
    } finally {
      closeDb(target.db);
    }
  },
};
