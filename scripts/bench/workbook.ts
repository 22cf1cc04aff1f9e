import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { exportXlsx } from '../../main/exports/xlsx/index';
import { applyWorkbook, previewWorkbook } from '../../main/imports/workbook/index';
import type { BenchSection } from './sections';

/** The process's resident memory, sampled while `work` runs: the highest reading, in MiB. */
async function peakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakMiB: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, peakMiB: peak / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Issue 15: the whole-workbook export of the large plan (target < 2.5 s), then its untouched
 * import previewed and applied (targets < 3 s each; it must report nothing to change), and the
 * peak memory (target < 400 MB). Nothing is written, so the sections after this one see the plan
 * unchanged. Timings are printed, never asserted.
 */
export const workbookBench: BenchSection = {
  title: 'The cycle workbook as an input (issue 15)',
  async run({ ctx, cycleId, line, fmt }) {
    line('machine load (1-minute average)', `${fmt(os.loadavg()[0] ?? 0, 1)} on ${os.cpus().length} cores`);
    let start = performance.now();
    const exported = await peakRss(() => exportXlsx(ctx, { cycleId, doc: 'workbook' }));
    line(
      'whole-workbook export, large plan',
      `${fmt(performance.now() - start)} ms   (target < 2,500 ms), ${fmt(exported.result.buffer.length / 1024 / 1024, 1)} MiB, peak RSS ${fmt(exported.peakMiB)} MiB`,
    );
    const file = { buffer: exported.result.buffer, fileName: exported.result.fileName };
    start = performance.now();
    const preview = await peakRss(() => previewWorkbook(ctx, file, {}));
    const changes = preview.result.sheets.reduce((sum, sheet) => sum + sheet.added.length + sheet.changed.length + sheet.removed.length, 0);
    line(
      'import preview of the untouched export',
      `${fmt(performance.now() - start)} ms   (target < 3,000 ms), ${preview.result.nothingToChange ? 'nothing to change' : `${fmt(changes)} changes (should be none)`}, ${fmt(preview.result.problems.length)} problems, peak RSS ${fmt(preview.peakMiB)} MiB`,
    );
    start = performance.now();
    const applied = await peakRss(() => applyWorkbook(ctx, file, {}, { applyValidOnly: false }));
    line(
      'import apply of the untouched export',
      `${fmt(performance.now() - start)} ms   (target < 3,000 ms), ${applied.result.applied ? 'WROTE CHANGES' : 'nothing written'}, peak RSS ${fmt(applied.peakMiB)} MiB   (target < 400 MB)`,
    );
  },
};
