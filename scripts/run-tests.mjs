// `npm test`: the type checks, lint, the builds, the Node suites and the browser suites, ending
// with one plain line for CI: "N passed, N failed, N skipped". Every failure counts in that line:
// failed tests, a check or build that failed, errors outside a test (a file that cannot load, a
// failing hook), unhandled errors (a worker's RPC timeout) and a run that ended without its counts.
// The exit code is 0 exactly when the line says 0 failed.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];
const vitest = [
  process.execPath,
  path.join(root, 'node_modules', 'vitest', 'vitest.mjs'),
  'run',
  '--reporter=default',
  '--reporter=./scripts/test-summary-reporter.mjs',
];

// The checks and the build read the sources and write nothing the others read: they run side by
// side (each mostly on one core), their output printed whole as each ends. The suites run after
// them, one after the other, since the browser tests and the CLI's tests use the build.
const checks = [
  { name: 'type checks', command: [...npm, 'run', 'typecheck'] },
  { name: 'lint', command: [...npm, 'run', 'lint'] },
  { name: 'build', command: [...npm, 'run', 'build'] },
];
const steps = [
  { name: 'Node tests', command: vitest, suite: true },
  { name: 'browser tests', command: [...vitest, '--config', 'vitest.e2e.config.ts'], suite: true },
];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamoja-test-results-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const otherFailures = [];
const durations = [];
const files = [];
const started = Date.now();

const checksStarted = Date.now();
const checkResults = await Promise.all(checks.map(runCaptured));
for (const { step, status, ms } of checkResults) {
  durations.push(`${step.name} ${seconds(ms)}`);
  if (status !== 0) otherFailures.push(`${step.name} failed (exit ${status}; the messages above say why)`);
}
durations.push(`(side by side: ${seconds(Date.now() - checksStarted)})`);

for (const step of steps) {
  const summaryFile = path.join(dir, `${durations.length}.json`);
  const stepStarted = Date.now();
  const [command, ...args] = step.command;
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, PAMOJA_TEST_SUMMARY: summaryFile } });
  durations.push(`${step.name} ${seconds(Date.now() - stepStarted)}`);
  const status = result.status ?? `signal ${result.signal}`;
  if (!fs.existsSync(summaryFile)) {
    otherFailures.push(`the ${step.name} ended (exit ${status}) without counting their results`);
    continue;
  }
  const summary = JSON.parse(fs.readFileSync(summaryFile, 'utf8'));
  totals.passed += summary.passed;
  totals.failed += summary.failed;
  totals.skipped += summary.skipped;
  otherFailures.push(...summary.otherFailures.map((failure) => `${step.name}: ${failure}`));
  files.push(...summary.files);
  // vitest failed for a reason none of the counts above shows: it still counts.
  if (status !== 0 && summary.failed === 0 && summary.otherFailures.length === 0) {
    otherFailures.push(`the ${step.name} exited with ${status} although no test failed`);
  }
}
fs.rmSync(dir, { recursive: true, force: true });

const slowest = files.sort((a, b) => b.ms - a.ms).slice(0, 8);
console.log(`\nSlowest test files: ${slowest.map((f) => `${f.file} ${seconds(f.ms)}`).join(', ')}`);
console.log(
  `Took ${seconds(Date.now() - started)} (${durations.join(', ')}); load average at the end ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores.`,
);
if (otherFailures.length > 0) {
  console.log(`\nFailures besides failed tests (each counts as one failed):\n${otherFailures.map((failure) => `  - ${failure}`).join('\n')}`);
}
const failed = totals.failed + otherFailures.length;
console.log(`\n${totals.passed} passed, ${failed} failed, ${totals.skipped} skipped`);
process.exitCode = failed > 0 ? 1 : 0;

/** Runs a check with its output held back, then prints it under the check's name: three at once would interleave. */
function runCaptured(step) {
  const started = Date.now();
  const [command, ...args] = step.command;
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: process.env });
    const output = [];
    let finished = false;
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    // A command that cannot start reports 'error' and then 'close': it ends once.
    const finish = (status) => {
      if (finished) return;
      finished = true;
      process.stdout.write(`\n── ${step.name} (${seconds(Date.now() - started)}, exit ${status}) ──\n${Buffer.concat(output).toString()}`);
      resolve({ step, status, ms: Date.now() - started });
    };
    child.on('error', (error) => {
      output.push(Buffer.from(`${error.message}\n`));
      finish(`error ${error.code ?? ''}`.trim());
    });
    child.on('close', (code, signal) => finish(code ?? `signal ${signal}`));
  });
}

function seconds(ms) {
  const whole = Math.round(ms / 1000);
  return whole >= 60 ? `${Math.floor(whole / 60)} min ${whole % 60} s` : `${(ms / 1000).toFixed(1)} s`;
}
