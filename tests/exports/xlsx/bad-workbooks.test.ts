import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyImport, previewImport } from '../../../main/imports/xlsx/index';
import type { AppContext } from '../../../main/services/context';
import { closeDb } from '../../../main/db/open-db';
import { corpus, corpusContext, corpusDir, seedCorpusCycle } from '../../../scripts/make-bad-workbooks';
import { tableCounts } from '../../support/snapshot';

/**
 * The bad-workbook corpus (tests/fixtures/xlsx, written by scripts/make-bad-workbooks.ts against
 * the same fixed-id database built here): each file gives its own plain message and leaves the
 * database exactly as it was, whether previewed or applied.
 */
let ctx: AppContext;

beforeAll(() => {
  ctx = corpusContext();
  seedCorpusCycle(ctx);
});
afterAll(() => closeDb(ctx.db));

describe('the bad-workbook corpus', () => {
  it('has every file the script writes', () => {
    expect(fs.readdirSync(corpusDir).sort()).toEqual(corpus.map((entry) => entry.file).sort());
  });

  for (const entry of corpus) {
    it(`${entry.file}: ${entry.what}`, async () => {
      const buffer = fs.readFileSync(path.join(corpusDir, entry.file));
      const file = { buffer, fileName: entry.file };
      const before = tableCounts(ctx);
      const started = performance.now();
      if ('refused' in entry.expect) {
        await expect(previewImport(ctx, file)).rejects.toThrow(entry.expect.refused);
        await expect(applyImport(ctx, file, { applyValidOnly: false })).rejects.toThrow(entry.expect.refused);
      } else {
        const preview = await previewImport(ctx, file);
        const summary = await applyImport(ctx, file, { applyValidOnly: false });
        expect(summary.applied).toBe(false);
        if ('nothingToImport' in entry.expect) {
          expect({ adds: preview.adds, changes: preview.changes, errors: preview.errors }).toEqual({ adds: [], changes: [], errors: [] });
        } else {
          const pattern = entry.expect.previewError;
          expect(
            preview.errors.map((e) => e.message).some((message) => pattern.test(message)),
            JSON.stringify(preview.errors, null, 1),
          ).toBe(true);
          for (const error of preview.errors) expect(error.sheet).toBeTruthy();
        }
      }
      expect(tableCounts(ctx)).toEqual(before);
      // Even the 100,000-row file is read in seconds.
      expect(performance.now() - started).toBeLessThan(20_000);
    });
  }

  it('names the columns and rows at fault in a template with formulas typed into text cells', async () => {
    const preview = await previewImport(ctx, { buffer: fs.readFileSync(path.join(corpusDir, 'formula-injection.xlsx')), fileName: 'formula-injection.xlsx' });
    expect(preview.errors.map((e) => [e.sheet, e.row, e.column])).toEqual([
      ['Activities', 4, 'Title'],
      ['Activities', 4, 'Description'],
    ]);
  });
});
