// A vitest reporter that counts every failure, not only failed tests: errors outside a test (a
// file that cannot load, a failing beforeAll or afterAll) and unhandled errors (such as a worker's
// `Timeout calling "onTaskUpdate"`) too. scripts/run-tests.mjs prints its closing line from this.
// It writes its counts as JSON to the file named by PAMOJA_TEST_SUMMARY.
import fs from 'node:fs';
import path from 'node:path';

/** One line naming an error that is not a failed test. */
function describeError(where, error) {
  const message = String(error?.message ?? error).split('\n')[0];
  return where ? `${where}: ${message}` : message;
}

export default class TestSummaryReporter {
  onInit(vitest) {
    this.root = vitest.config.root;
  }

  onTestRunEnd(testModules, unhandledErrors, reason) {
    const summary = { passed: 0, failed: 0, skipped: 0, otherFailures: [], files: [] };
    for (const module of testModules) {
      const file = path.relative(this.root, module.moduleId);
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        // A test still pending when the run ended never finished: it counts as failed.
        if (state === 'passed') summary.passed++;
        else if (state === 'skipped') summary.skipped++;
        else summary.failed++;
      }
      for (const entity of [module, ...module.children.allSuites()]) {
        for (const error of entity.errors()) summary.otherFailures.push(describeError(entity === module ? file : `${file} > ${entity.fullName}`, error));
      }
      summary.files.push({ file, ms: Math.round(module.diagnostic().duration) });
    }
    for (const error of unhandledErrors) summary.otherFailures.push(describeError('unhandled error', error));
    if (reason === 'interrupted') summary.otherFailures.push('the run was interrupted before every file had run');
    fs.writeFileSync(process.env.PAMOJA_TEST_SUMMARY, JSON.stringify(summary));
  }
}
