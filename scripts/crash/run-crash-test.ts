import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp } from '../../main/app-context';
import { checkIntegrity } from '../../main/db/check';
import { closeDb } from '../../main/db/open-db';
import { repoRoot, resourcesDir } from '../../main/resource-paths';
import { createCycle } from '../../main/services/cycles';
import { registerServices as s } from '../../main/services/index';
import { REQUIRE_BANNER } from '../cli-build.mjs';

export interface CrashReport {
  kills: number;
  committedSingles: number;
  committedBatches: number;
  /** Transactions the child reported as committed but that were missing after the kill. */
  lost: string[];
  /** Bulk loads that were found half-written, or writes found without their audit entry. */
  partial: string[];
  integrityProblems: string[];
}

/**
 * Kills a writing child process with SIGKILL at random moments, reopens the database after each
 * kill and checks: it is intact, everything reported committed is there, nothing half-done is.
 */
export async function runCrashTest(options: { kills: number; seed?: number; log?: (line: string) => void }): Promise<CrashReport> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamoja-crash-'));
  const file = path.join(dir, 'crash.db');
  let seed = options.seed ?? 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const report: CrashReport = { kills: 0, committedSingles: 0, committedBatches: 0, lost: [], partial: [], integrityProblems: [] };
  const singles = new Set<string>();
  const batches = new Map<string, number>();

  const child = await bundleChild();
  const setup = openApp({ file, resourcesDir });
  const cycle = createCycle(setup, {
    title: 'Crash test',
    countyId: 'ke-county-011',
    fiscalYear: '2026/27',
    startDate: '2026-07-01',
    endDate: '2027-06-30',
    kesPerUsdScaled: 1_293_500,
    exchangeRateDate: '2026-07-01',
  });
  const org = s.organisation.create(setup, { cycleId: cycle.id, name: 'County', category: 'government' });
  closeDb(setup.db);

  try {
    for (let kill = 0; kill < options.kills; kill++) {
      await runAndKill(child, [file, cycle.id, org.id, kill % 2 === 0 ? 'batch-first' : 'single-first'], 40 + random() * 700, (line) => {
        const [kind, id, size] = line.split(' ');
        if (kind === 'single' && id) singles.add(id);
        if (kind === 'batch' && id) batches.set(id, Number(size));
      });
      report.kills++;
      const ctx = openApp({ file, resourcesDir });
      try {
        report.integrityProblems.push(...checkIntegrity(ctx.db).problems);
        const client = ctx.db.$client;
        const present = new Set(client.prepare('SELECT id FROM risks').pluck().all() as string[]);
        for (const id of singles) if (!present.has(id)) report.lost.push(`risk ${id}`);
        const batchCounts = client
          .prepare(
            "SELECT substr(description, 7, instr(substr(description, 7), ' ') - 1) AS batch, count(*) AS n FROM risks WHERE description LIKE 'batch %' GROUP BY batch",
          )
          .all() as { batch: string; n: number }[];
        for (const { batch, n } of batchCounts) if (n !== 400) report.partial.push(`bulk load ${batch} has ${n} of 400 rows`);
        for (const [batch] of batches) if (!batchCounts.some((b) => b.batch === batch)) report.lost.push(`bulk load ${batch}`);
        const unaudited = client
          .prepare("SELECT count(*) FROM risks r WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.row_id = r.id AND a.action = 'create')")
          .pluck()
          .get() as number;
        if (unaudited > 0) report.partial.push(`${unaudited} risks without their audit entry`);
      } finally {
        closeDb(ctx.db);
      }
      options.log?.(`kill ${kill + 1}/${options.kills}: ${singles.size} single and ${batches.size} bulk transactions reported committed so far`);
      if (report.lost.length || report.partial.length || report.integrityProblems.length) break;
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(child, { force: true });
  }
  report.committedSingles = singles.size;
  report.committedBatches = batches.size;
  return report;
}

/**
 * The writing child, bundled once per run by esbuild (as the pamoja command is): started through
 * tsx, each of the kills would first spend seconds compiling. It is written inside the checkout so
 * that it finds the resources and the database driver as the sources do.
 */
async function bundleChild(): Promise<string> {
  const { build } = await import('esbuild');
  const outfile = path.join(repoRoot, 'out', 'crash-test', `child-${process.pid}-${Date.now()}.mjs`);
  await build({
    entryPoints: [path.join(repoRoot, 'scripts', 'crash', 'child.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3'],
    banner: { js: REQUIRE_BANNER },
    logLevel: 'error',
  });
  return outfile;
}

function runAndKill(childScript: string, args: string[], afterMs: number, onCommitted: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, ...args], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buffer = '';
    let errors = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') timer ??= setTimeout(() => child.kill('SIGKILL'), afterMs);
        else onCommitted(line);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`The writing process ended by itself instead of being killed: ${errors.slice(0, 500)}`));
    });
  });
}
