import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { exportDocx } from '../../main/exports/docx/index';
import { loadPlanData } from '../../main/exports/plan-data';
import type { BenchSection } from './sections';
import { median } from './median';
import { measureAsync } from './measure';

const RUNS = 5;
/**
 * Issue 9: the Joint Work Plan of the large benchmark plan (5,000 activities) with its charts,
 * target < 2.5 s end to end (issue 16), median of 5. No ward boundaries are loaded yet at this point:
 * the plan with its ward maps as well is timed under "Ward maps" (issue 20).
 */
export const docxBench: BenchSection = {
  title: 'Word deliverables (issue 9)',
  async run({ ctx, cycleId, line, fmt }) {
    const runs: { total: number; cpu: number; steps: number[]; size: number }[] = [];
    for (let run = 0; run < RUNS; run++) {
      const marks = [performance.now()];
      const { value: file, ms, cpuMs } = await measureAsync(() => exportDocx(ctx, cycleId, { doc: 'plan' }, () => marks.push(performance.now())));
      runs.push({ total: ms, cpu: cpuMs, steps: marks.slice(1).map((at, i) => at - (marks[i] ?? at)), size: file.buffer.length });
    }
    const activities = loadPlanData(ctx, cycleId).activities.length;
    line(
      `Joint Work Plan, ${fmt(activities)} activities, 4 charts, no map`,
      `${fmt(median(runs.map((r) => r.total)))} ms end to end, median of ${RUNS}; runs ${runs.map((r) => fmt(r.total)).join(', ')}; load ${fmt(os.loadavg()[0] ?? 0, 1)}   (target < 2,500 ms)`,
    );
    line(
      '  read / start drawing the charts / fingerprint / sections, pictures, zip',
      `${[0, 1, 2, 3].map((i) => fmt(median(runs.map((r) => r.steps[i] ?? 0)))).join(' / ')} ms (medians)`,
    );
    line('  CPU time (all threads, incl. garbage collection)', `${fmt(median(runs.map((r) => r.cpu)))} ms (median)`);
    line('  file size', `${fmt((runs[0]?.size ?? 0) / 1024 / 1024, 1)} MiB (.docx)`);
  },
};
