import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp } from '../../main/app-context';
import { applyBundle, exportBundle, previewBundle, trustSender } from '../../main/bundles/index';
import { readCycleForBundles } from '../../main/bundles/export';
import { backupBeforeImport } from '../../main/bundles/history';
import { forgetChecked } from '../../main/bundles/checked-read';
import { readBundle } from '../../main/bundles/read';
import { closeDb } from '../../main/db/open-db';
import { resourcesDir } from '../../main/resource-paths';
import { measure, medianOf, type Measured } from './measure';
import type { BenchSection } from './sections';
import { copyImportedRows } from './sqlite-floor';

const RUNS = 5;

/**
 * Export and import (preview + apply) of a full bundle of the large plan, median of 5 runs, each
 * doing the whole work: the export keeps its copy of the sent rows anew (the copies of the run
 * before are removed), and each import goes into a new, empty copy. Phases measured on their own
 * (reading the rows; unzip + verify + validate; the rows apply wrote, copied by SQLite alone) are
 * shown under the step they belong to: together they say how much of a step is left to speed up.
 */
export const bundlesBench: BenchSection = {
  title: `Partner bundles (full bundle of the large plan, median of ${RUNS}; targets: export < 0.5 s, import preview + apply < 1.5 s)`,
  run({ ctx, cycleId, dir, line, fmt }) {
    const both = (t: Measured) => `${fmt(t.ms)} ms (CPU ${fmt(t.cpuMs)} ms)`;
    line('machine load (1-minute average)', `${fmt(os.loadavg()[0] ?? 0, 1)} on ${os.cpus().length} cores`);
    const client = ctx.db.$client;
    const forgetSent = client.prepare("DELETE FROM bundle_revision_snapshots WHERE cycle_id = ? AND source = 'sent'");
    const options = { resolutions: {}, resolveAll: null };
    const names = ['reading', 'exported', 'again', 'parsing', 'previewed', 'backup', 'applied', 'both', 'reimport', 'floor'] as const;
    const steps = Object.fromEntries(names.map((name) => [name, [] as Measured[]])) as Record<(typeof names)[number], Measured[]>;
    let bundle = exportBundle(ctx, { cycleId, kind: 'full', partnerOrgId: null });
    let added = 0;
    let copied = { rows: 0, tables: 0 };
    for (let run = 0; run < RUNS; run++) {
      steps.reading.push(measure(() => readCycleForBundles(ctx, cycleId)));
      forgetSent.run(cycleId);
      const exported = measure(() => exportBundle(ctx, { cycleId, kind: 'full', partnerOrgId: null }));
      steps.exported.push(exported);
      steps.again.push(measure(() => exportBundle(ctx, { cycleId, kind: 'full', partnerOrgId: null })));
      bundle = exported.value;
      steps.parsing.push(measure(() => readBundle(bundle.bytes)));

      const file = path.join(dir, `bundle-receiver-${run}.db`);
      const target = openApp({ file, resourcesDir });
      target.userName = 'benchmark receiver';
      trustSender(target, bundle.bytes, readBundle(bundle.bytes).fingerprint);
      // On screen the file is previewed before its sender is trusted: the preview timed here reads
      // and checks the file itself, as that first one does, not the reading trust just kept.
      forgetChecked(target);
      const previewed = measure(() => previewBundle(target, bundle.bytes, options).preview);
      if (previewed.value.status !== 'ready') throw new Error(`The benchmark bundle was not ready to import: ${previewed.value.message}`);
      steps.backup.push(measure(() => backupBeforeImport(target)));
      const applied = measure(() => applyBundle(target, bundle.bytes, options));
      if (!applied.value.applied) throw new Error(`The benchmark bundle was not applied: ${applied.value.preview.message}`);
      added = applied.value.preview.counts.adds;
      steps.previewed.push(previewed);
      steps.applied.push(applied);
      steps.both.push({ ms: previewed.ms + applied.ms, cpuMs: previewed.cpuMs + applied.cpuMs });
      steps.reimport.push(measure(() => previewBundle(target, bundle.bytes, options).preview));
      closeDb(target.db);
      const emptyFile = path.join(dir, `bundle-floor-${run}.db`);
      const empty = openApp({ file: emptyFile, resourcesDir });
      const floor = copyImportedRows(empty.db, file);
      steps.floor.push(floor);
      copied = floor.value;
      closeDb(empty.db);
      for (const suffix of ['', '-wal', '-shm']) for (const name of [file, emptyFile]) fs.rmSync(`${name}${suffix}`, { force: true });
    }
    const rows = Object.entries(bundle.counts)
      .filter(([key]) => key !== 'tombstones')
      .reduce((sum, [, n]) => sum + n, 0);
    const m = Object.fromEntries(Object.entries(steps).map(([key, list]) => [key, medianOf(list)])) as Record<(typeof names)[number], Measured>;
    line('export (read rows, sign, zip, keep sent copy)', `${both(m.exported)} for ${fmt(rows)} rows   (target < 500 ms)`);
    line('  reading every row as objects, as a partner bundle does (on its own)', both(m.reading));
    line('  export again, nothing changed', `${both(m.again)} (the same sent copy is kept once)`);
    line('bundle file size', `${fmt(bundle.sizeBytes / 1024 / 1024, 2)} MiB (${fmt(bundle.sizeBytes / rows, 0)} bytes a row)`);
    line('import: preview (unzip, verify, validate, plan)', both(m.previewed));
    line('  unzip, verify, validate rows (on its own)', both(m.parsing));
    line('import: apply (backup, write, audit, commit)', `${both(m.applied)}, ${fmt(added)} rows added`);
    line('  a backup like apply’s, into an empty copy', both(m.backup));
    line(
      '  the rows apply wrote, copied by SQLite alone (INSERT … SELECT: no JavaScript, no checks)',
      `${both(m.floor)} for ${fmt(copied.rows)} rows in ${copied.tables} tables`,
    );
    line('import: preview + apply', `${both(m.both)}   (target < 1,500 ms)`);
    line('re-import preview (nothing to do)', both(m.reimport));

    // The receiver above starts empty. A Secretariat importing a partner's return holds the plan:
    // its verified backup (VACUUM INTO, then an integrity check of the copy) is this large.
    const backup = measure(() => backupBeforeImport(ctx));
    const backupFile = backup.value === null ? null : path.join(path.dirname(client.name), 'backups', backup.value);
    const size = backupFile ? fs.statSync(backupFile).size : 0;
    line('verified backup of a copy holding the plan', `${both(backup)}, ${fmt(size / 1024 / 1024, 1)} MiB`);
  },
};
