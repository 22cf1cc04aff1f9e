import { performance } from 'node:perf_hooks';
import { buildDocx, docxMeta, printedVersion, wardMapsFor } from '../../main/exports/docx/index';
import { localIsoDate } from '../../main/exports/docx/format';
import { loadPlanData } from '../../main/exports/plan-data';
import type { BenchSection } from './sections';

/** Issue 9: the Joint Work Plan of the large benchmark plan (5,000 activities), target < 2.5 s end to end with its charts (issue 16). */
export const docxBench: BenchSection = {
  title: 'Word deliverables (issue 9)',
  async run({ ctx, cycleId, line, fmt }) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const data = loadPlanData(ctx, cycleId);
    const loaded = performance.now();
    const version = printedVersion(ctx, data);
    const fingerprinted = performance.now();
    const buffer = await buildDocx(data, docxMeta(data, 'plan', version, localIsoDate(ctx.now())), { doc: 'plan' }, wardMapsFor(ctx, data, 'plan'));
    const done = performance.now();
    const cpu = process.cpuUsage(cpuStart);
    line(`Joint Work Plan, ${fmt(data.activities.length)} activities`, `${fmt(done - start)} ms end to end   (target < 2,500 ms)`);
    line(
      '  read the cycle / fingerprint + version / build + pack',
      `${fmt(loaded - start)} / ${fmt(fingerprinted - loaded)} / ${fmt(done - fingerprinted)} ms`,
    );
    // CPU time as well: on a shared machine the wall clock also counts other processes' turns.
    line('  CPU time (all threads, incl. garbage collection)', `${fmt((cpu.user + cpu.system) / 1000)} ms`);
    line('  file size', `${fmt(buffer.length / 1024 / 1024, 1)} MiB (.docx)`);
  },
};
