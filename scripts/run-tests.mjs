// Runs the Node suites, then the browser suites, and ends with one plain line for CI:
// "N passed, N failed, N skipped" over both. The exit code is non-zero if either run failed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamoja-test-results-'));
const runs = [
  { name: 'node', args: [] },
  { name: 'browser', args: ['--config', 'vitest.e2e.config.ts'] },
];
const totals = { passed: 0, failed: 0, skipped: 0 };
let failedRun = false;

for (const run of runs) {
  const report = path.join(dir, `${run.name}.json`);
  const result = spawnSync(
    process.execPath,
    ['node_modules/vitest/vitest.mjs', 'run', ...run.args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    {
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) failedRun = true;
  if (!fs.existsSync(report)) {
    failedRun = true;
    continue;
  }
  const json = JSON.parse(fs.readFileSync(report, 'utf8'));
  totals.passed += json.numPassedTests;
  totals.failed += json.numFailedTests;
  totals.skipped += json.numPendingTests + json.numTodoTests;
}
fs.rmSync(dir, { recursive: true, force: true });

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exitCode = failedRun || totals.failed > 0 ? 1 : 0;
