import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openApp } from '../../main/app-context';
import { createBackup } from '../../main/db/backup';
import { closeDb, openDb, sqliteVersion } from '../../main/db/open-db';
import { migrationsFolder, resourcesDir } from '../../main/resource-paths';
import { listAdminUnits } from '../../main/services/admin-units';
import { registerServices } from '../../main/services/index';
import { loadCycleFile } from '../../main/services/sample';
import { createDispatcher } from '../../main/transport/dispatcher';
import { generateLargePlan } from './large-plan';
import type { BenchSection } from './sections';

const LARGE_CYCLES = Number(process.env.PAMOJA_BENCH_CYCLES ?? 20);

/** Edits per second through the API, and a 1 GB-class database's open, check and backup times. */
export const reliabilityBench: BenchSection = {
  title: 'Reliability and load',
  run({ ctx, cycleId, dir, line, fmt }) {
    line('SQLite library', sqliteVersion(ctx.db));
    const dispatch = createDispatcher(ctx);
    const activities = registerServices.activity.list(ctx, { cycleId }).slice(0, 1000);
    let start = performance.now();
    for (let i = 0; i < 10_000; i++) {
      const activity = activities[i % activities.length];
      const result = dispatch('activity:update', { id: activity?.id, changes: { completionPct: (i * 7) % 100, status: 'ongoing' } });
      if (!result.ok) throw new Error(result.error.message);
    }
    const editMs = performance.now() - start;
    line(
      '10,000 edits through the API dispatcher',
      `${fmt(editMs)} ms = ${fmt(10_000 / (editMs / 1000))} edits/s (each its own transaction, synchronous=FULL)`,
    );

    const file = path.join(dir, 'big.db');
    const big = openApp({ file, resourcesDir });
    const county = listAdminUnits(big, { level: 'county' }).find((unit) => unit.name === 'Turkana');
    if (!county) throw new Error('Turkana County is missing.');
    const wards = listAdminUnits(big, { level: 'ward', withinId: county.id }).map((unit) => unit.id);
    start = performance.now();
    for (let i = 0; i < LARGE_CYCLES; i++) {
      const plan = generateLargePlan(county.id, wards);
      loadCycleFile(big, { ...plan, cycle: { ...plan.cycle, title: `Benchmark plan ${i + 1}` } });
    }
    closeDb(big.db);
    line(
      `${LARGE_CYCLES} cycles of the large plan written`,
      `${fmt((performance.now() - start) / 1000, 1)} s, ${fmt(fs.statSync(file).size / 1024 / 1024)} MiB on disk`,
    );

    start = performance.now();
    const reopened = openDb({ file, migrationsFolder });
    line('open (pragmas read back + quick_check + migrate)', `${fmt(performance.now() - start)} ms`);
    start = performance.now();
    reopened.$client.pragma('integrity_check');
    line('full integrity_check', `${fmt(performance.now() - start)} ms`);
    start = performance.now();
    const backup = createBackup(reopened.$client, { dir: path.join(dir, 'backups'), at: new Date(), reason: 'manual', migrationsFolder });
    line('verified backup (VACUUM INTO + integrity check)', `${fmt(performance.now() - start)} ms, ${fmt(backup.sizeBytes / 1024 / 1024)} MiB`);
    closeDb(reopened);
  },
};
