import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { benchChildLines } from './child';
import type { BenchSection } from './sections';

const figureLine = z.tuple([z.string(), z.string()]);

/**
 * Joint-planning intelligence over the large plan (5,000 activities, 20,000 budget lines), target
 * < 100 ms each for overlap:list, coverage:matrix and costShare:summary. Measured in a fresh process
 * (analysis-child.ts) on a copy of the plan's database, holding that one plan as the app does, not
 * in this one, which holds it several times over. Timings are printed, never asserted.
 */
export const analysisBench: BenchSection = {
  title:
    'Joint-planning analysis on the large plan, in a fresh process holding one database as the app does (median of 5, milliseconds; target < 100 ms for overlap:list, coverage:matrix, costShare:summary)',
  run({ ctx, cycleId, dir, line, fmt }) {
    const database = path.join(dir, 'analysis.db');
    fs.writeFileSync(database, ctx.db.$client.serialize());
    const load = os.loadavg()[0] ?? 0;
    for (const [label, value] of benchChildLines('analysis-child.ts', [database, cycleId], figureLine)) line(label, value);
    line('  load average when it started', fmt(load, 1));
  },
};
