import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { buildDocx, docxMeta, printedVersion, wardMapsFor } from '../../main/exports/docx/index';
import { localIsoDate } from '../../main/exports/docx/format';
import { loadPlanData } from '../../main/exports/plan-data';
import type { BenchSection } from './sections';

const RUNS = 5;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/**
 * Issue 9: the Joint Work Plan of the large benchmark plan (5,000 activities) with its charts,
 * target < 2.5 s end to end (issue 16), median of 5. No ward boundaries are loaded yet at this point:
 * the plan with its ward maps as well is timed under "Ward maps" (issue 20).
 */
export const docxBench: BenchSection = {
  title: 'Word deliverables (issue 9)',
  async run({ ctx, cycleId, line, fmt }) {
    const runs: { total: number; cpu: number; steps: number[]; size: number; activities: number }[] = [];
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      const data = loadPlanData(ctx, cycleId);
      const loaded = performance.now();
      const version = printedVersion(ctx, data);
      const fingerprinted = performance.now();
      const buffer = await buildDocx(data, docxMeta(data, 'plan', version, localIsoDate(ctx.now())), { doc: 'plan' }, wardMapsFor(ctx, data, 'plan'));
      const done = performance.now();
      const cpu = process.cpuUsage(cpuStart);
      runs.push({
        total: done - start,
        // CPU time as well: on a shared machine the wall clock also counts other processes' turns.
        cpu: (cpu.user + cpu.system) / 1000,
        steps: [loaded - start, fingerprinted - loaded, done - fingerprinted],
        size: buffer.length,
        activities: data.activities.length,
      });
    }
    const activities = runs[0]?.activities ?? 0;
    line(
      `Joint Work Plan, ${fmt(activities)} activities, 4 charts, no map`,
      `${fmt(median(runs.map((r) => r.total)))} ms end to end, median of ${RUNS}; runs ${runs.map((r) => fmt(r.total)).join(', ')}; load ${fmt(os.loadavg()[0] ?? 0, 1)}   (target < 2,500 ms)`,
    );
    line(
      '  read the cycle / fingerprint + version / build + pack',
      `${[0, 1, 2].map((i) => fmt(median(runs.map((r) => r.steps[i] ?? 0)))).join(' / ')} ms (medians)`,
    );
    line('  CPU time (all threads, incl. garbage collection)', `${fmt(median(runs.map((r) => r.cpu)))} ms (median)`);
    line('  file size', `${fmt((runs[0]?.size ?? 0) / 1024 / 1024, 1)} MiB (.docx)`);
  },
};
