import { spawn, spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { repoRoot } from '../../main/resource-paths';
import { currentCliBuild } from '../cli-build.mjs';
import { rendererBuildIsCurrent } from '../renderer-build.mjs';
import { median } from './median';
import type { Measured } from './measure';

export const bin = path.join(repoRoot, 'bin', 'pamoja.mjs');
const RUNS = 5;

/**
 * Makes a child report, as it exits, the CPU time it used (on file descriptor 3): on a busy machine
 * its wall time includes waiting for a core, its CPU time does not.
 */
const REPORT_CPU = [
  '--import',
  `data:text/javascript,import fs from 'node:fs'; process.on('exit', () => { const u = process.cpuUsage(); fs.writeSync(3, String((u.user + u.system) / 1000)); });`,
];

/** Wall and CPU time of a whole process, from spawn to exit; it must succeed. */
export function processTiming(args: string[]): Measured {
  const start = performance.now();
  const result = spawnSync(process.execPath, [...REPORT_CPU, ...args], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${result.stderr}`);
  return { ms, cpuMs: Number(result.output[3]) };
}

/**
 * From spawning `pamoja serve` to its first answer over HTTP; then stops it (by its PID) and waits.
 * The CPU time is the server's, up to its stop.
 */
async function serveTiming(db: string): Promise<Measured> {
  const start = performance.now();
  const child = spawn(process.execPath, [...REPORT_CPU, bin, 'serve', '--db', db, '--port', '0'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
  let cpu = '';
  child.stdio[3]?.on('data', (chunk: Buffer) => (cpu += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  let ms = 0;
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
        output += chunk;
        const found = /running at (http:\/\/\S+\/)/.exec(output)?.[1];
        if (found) resolve(found);
      });
      child.once('exit', (code) => reject(new Error(`pamoja serve ended (exit ${code}) before it answered: ${output}`)));
    });
    const response = await fetch(url);
    if (!response.ok) throw new Error(`pamoja serve answered ${response.status}`);
    await response.text();
    ms = performance.now() - start;
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
  return { ms, cpuMs: Number(cpu) };
}

/**
 * Whole-process start-up times, median of 5, beside `node -e 0` (the floor any command pays on this
 * machine at this moment). The machine's load is printed with them: on a shared machine the wall
 * time includes waiting for a core.
 */
export async function startupBench(dir: string, line: (label: string, value: string) => void, fmt: (n: number, digits?: number) => string) {
  console.log('Start-up, whole process (median of 5; targets: --help < 0.3 s, stats < 0.6 s, serve answering < 1.5 s):');
  line('machine load (1-minute average)', `${fmt(os.loadavg()[0] ?? 0, 1)} on ${os.cpus().length} cores`);
  const built = currentCliBuild(repoRoot) !== null;
  const db = path.join(dir, 'sample.db');
  // Also the warm-up: builds the command first if a source is newer than its build.
  processTiming([bin, 'demo', '--db', db]);
  line('  pamoja build (out/cli)', built ? 'current' : 'was stale: rebuilt by the first run');
  line('  renderer build (out/renderer)', rendererBuildIsCurrent(repoRoot) ? 'current (npm run web skips it)' : 'stale (npm run web rebuilds it)');

  const timings: [string, () => Promise<Measured> | Measured][] = [
    ['node -e 0 (the floor)', () => processTiming(['-e', '0'])],
    ['pamoja --help', () => processTiming([bin, '--help'])],
    ['pamoja stats (sample cycle)', () => processTiming([bin, 'stats', '--db', db])],
    ['pamoja serve, until it answers', () => serveTiming(db)],
  ];
  for (const [label, run] of timings) {
    const samples: Measured[] = [];
    for (let i = 0; i < RUNS; i++) samples.push(await run());
    const wall = samples.map((sample) => sample.ms);
    line(`  ${label}`, `${fmt(median(wall))} ms (CPU ${fmt(median(samples.map((sample) => sample.cpuMs)))} ms)  runs: ${wall.map((ms) => fmt(ms)).join(', ')}`);
  }
}
