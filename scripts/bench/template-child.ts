// Run by template-rows.ts in a fresh process, so its peak memory is this import's alone:
// `tsx template-child.ts DB FILE preview|apply` prints { ms, baselineMb, peakMb, adds, errors } as JSON.
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { openApp } from '../../main/app-context';
import { closeDb } from '../../main/db/open-db';
import { applyImport, previewImport } from '../../main/imports/xlsx/index';
import { resourcesDir } from '../../main/resource-paths';
import { peakMemoryBytes } from './peak-memory';

const [dbFile, templateFile, mode] = process.argv.slice(2);
const ctx = openApp({ file: dbFile ?? '', resourcesDir });
ctx.userName = 'benchmark';
const file = { buffer: fs.readFileSync(templateFile ?? ''), fileName: 'returned.xlsx' };
const baselineMb = peakMemoryBytes() / 1024 / 1024;
const start = performance.now();
const preview = mode === 'apply' ? (await applyImport(ctx, file, { applyValidOnly: false })).preview : await previewImport(ctx, file);
const ms = performance.now() - start;
closeDb(ctx.db);
console.log(JSON.stringify({ ms, baselineMb, peakMb: peakMemoryBytes() / 1024 / 1024, adds: preview.adds.length, errors: preview.errors.length }));
