import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { benchChildResult } from './child';
import type { BenchSection } from './sections';
import { median } from './median';

const stepRun = z.object({ ms: z.number(), cpuMs: z.number(), baselineMb: z.number(), peakMb: z.number(), outcome: z.string() });
type StepRun = z.infer<typeof stepRun>;

const RUNS = 5;
/** One step in a fresh process (workbook-child.ts) that opens the plan's database file and does that step alone. */
function runStep(database: string, cycleId: string, file: string, step: 'export' | 'preview' | 'apply'): StepRun {
  return benchChildResult('workbook-child.ts', [database, cycleId, file, step], stepRun);
}

/**
 * Issue 15: the whole-workbook export of the large plan (target < 2.5 s), then its untouched
 * import previewed and applied (targets < 3 s each; it must report nothing to change), each step
 * in its own process on the plan's database file, so the peak memory printed (VmHWM, target
 * < 400 MB) is that step's alone and not the benchmark's, which holds the whole plan. Five runs
 * of each: the median wall time and CPU time, the highest peak. Nothing is written, so the
 * sections after this one see the plan unchanged. Timings are printed, never asserted.
 */
export const workbookBench: BenchSection = {
  title: 'The cycle workbook as an input (issue 15), each step in its own process',
  run({ ctx, cycleId, dir, line, fmt }) {
    const database = path.join(dir, 'workbook-steps.db');
    fs.writeFileSync(database, ctx.db.$client.serialize());
    const file = path.join(dir, 'large-plan-workbook.xlsx');
    const targets = { export: 2_500, preview: 3_000, apply: 3_000 } as const;
    const labels = {
      export: 'whole-workbook export',
      preview: 'import preview of the untouched export',
      apply: 'import apply of the untouched export',
    } as const;
    for (const step of ['export', 'preview', 'apply'] as const) {
      const load = os.loadavg()[0] ?? 0;
      const runs = Array.from({ length: RUNS }, () => runStep(database, cycleId, file, step));
      const peak = Math.max(...runs.map((run) => run.peakMb));
      line(
        labels[step],
        `${fmt(median(runs.map((run) => run.ms)))} ms (median of ${RUNS}; CPU ${fmt(median(runs.map((run) => run.cpuMs)))} ms)   (target < ${fmt(targets[step])} ms), ${runs[0]?.outcome ?? ''}; load ${fmt(load, 1)}`,
      );
      line(
        `  peak memory of the ${step} process`,
        `${fmt(peak)} MB   (target < 400 MB; Node and the app alone ${fmt(Math.max(...runs.map((run) => run.baselineMb)))} MB)`,
      );
    }
  },
};
