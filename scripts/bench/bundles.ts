import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openApp } from '../../main/app-context';
import { applyBundle, exportBundle, previewBundle, trustSender } from '../../main/bundles/index';
import { readBundle } from '../../main/bundles/read';
import { closeDb } from '../../main/db/open-db';
import { resourcesDir } from '../../main/resource-paths';
import type { BenchSection } from './sections';

/** Wall-clock and CPU milliseconds of one piece of work (CPU shows what a busy machine hides). */
function timed<T>(work: () => T): { value: T; ms: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = work();
  const used = process.cpuUsage(cpu);
  return { value, ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

/** Export and import (preview + apply) of a full bundle of the large plan. Targets: export < 0.5 s, import < 1.5 s. */
export const bundlesBench: BenchSection = {
  title: 'Partner bundles (full bundle of the large plan; targets: export < 0.5 s, import < 1.5 s)',
  run({ ctx, cycleId, dir, line, fmt }) {
    const both = (t: { ms: number; cpuMs: number }) => `${fmt(t.ms)} ms (CPU ${fmt(t.cpuMs)} ms)`;
    line('machine load (1-minute average)', `${fmt(os.loadavg()[0] ?? 0, 1)} on ${os.cpus().length} cores`);
    const exported = timed(() => exportBundle(ctx, { cycleId, kind: 'full', partnerOrgId: null }));
    const bundle = exported.value;
    const rows = Object.entries(bundle.counts)
      .filter(([key]) => key !== 'tombstones')
      .reduce((sum, [, n]) => sum + n, 0);
    line('export (read rows, sign, zip)', `${both(exported)} for ${fmt(rows)} rows`);
    line('bundle file size', `${fmt(bundle.sizeBytes / 1024 / 1024, 2)} MiB (${fmt(bundle.sizeBytes / rows, 0)} bytes a row)`);

    const target = openApp({ file: path.join(dir, 'bundle-receiver.db'), resourcesDir });
    target.userName = 'benchmark receiver';
    trustSender(target, bundle.bytes, readBundle(bundle.bytes).fingerprint);
    const options = { resolutions: {}, resolveAll: null };
    const previewed = timed(() => previewBundle(target, bundle.bytes, options).preview);
    if (previewed.value.status !== 'ready') throw new Error(`The benchmark bundle was not ready to import: ${previewed.value.message}`);
    const applied = timed(() => applyBundle(target, bundle.bytes, options));
    if (!applied.value.applied) throw new Error(`The benchmark bundle was not applied: ${applied.value.preview.message}`);
    line('import: preview (unzip, verify, validate, plan)', both(previewed));
    line('import: apply (backup, write, audit, commit)', `${both(applied)}, ${fmt(applied.value.preview.counts.adds)} rows added`);
    line('import: preview + apply', both({ ms: previewed.ms + applied.ms, cpuMs: previewed.cpuMs + applied.cpuMs }));
    const again = timed(() => previewBundle(target, bundle.bytes, options).preview);
    line('re-import preview (nothing to do)', `${both(again)}, status ${again.value.status}`);
    closeDb(target.db);
  },
};
