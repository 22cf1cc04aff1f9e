// npm run crash-test -- --kills 200: SIGKILL a writing process again and again; count the losses.
import { parseArgs } from 'node:util';
import { runCrashTest } from './crash/run-crash-test';

const { values } = parseArgs({ options: { kills: { type: 'string', default: '50' }, seed: { type: 'string', default: '42' } } });
const report = await runCrashTest({ kills: Number(values.kills), seed: Number(values.seed), log: (line) => console.log(line) });
console.log(`\nkills: ${report.kills}`);
console.log(`transactions reported committed and checked: ${report.committedSingles} single, ${report.committedBatches} bulk loads of 400 rows`);
console.log(`lost: ${report.lost.length}  partial: ${report.partial.length}  integrity problems: ${report.integrityProblems.length}`);
for (const problem of [...report.lost, ...report.partial, ...report.integrityProblems]) console.log(`  ${problem}`);
process.exitCode = report.lost.length + report.partial.length + report.integrityProblems.length === 0 ? 0 : 1;
