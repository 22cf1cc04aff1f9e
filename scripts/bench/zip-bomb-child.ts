// Run by zip-bombs.ts in a fresh process, so its peak memory is this refusal's alone:
// `tsx zip-bomb-child.ts xlsx|jwpb FILE` prints { ms, baselineMb, peakMb, refusal } as JSON.
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { readBundle } from '../../main/bundles/read';
import { openXlsx } from '../../main/imports/sheet-reader/xlsx-file';
import { peakMemoryBytes } from './peak-memory';

const [kind, file] = process.argv.slice(2);
const bytes = fs.readFileSync(file as string);
const baselineMb = peakMemoryBytes() / 1024 / 1024;
const start = performance.now();
let refusal = 'NOT REFUSED';
try {
  if (kind === 'xlsx') openXlsx(bytes, 'bomb.xlsx', 'partner template');
  else readBundle(bytes);
} catch (error) {
  refusal = error instanceof Error ? error.message : String(error);
}
const ms = performance.now() - start;
console.log(JSON.stringify({ ms, baselineMb, peakMb: peakMemoryBytes() / 1024 / 1024, refusal }));
