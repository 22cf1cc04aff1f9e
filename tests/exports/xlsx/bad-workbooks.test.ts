import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyImport, previewImport } from '../../../main/imports/xlsx/index';
import type { AppContext } from '../../../main/services/context';
import { closeDb } from '../../../main/db/open-db';
import { buildLargeCorpus, corpus, corpusContext, corpusDir, seedCorpusCycle } from '../../../scripts/make-bad-workbooks';
import { dumpDatabase } from '../../support/fault-injection';

/**
 * The bad-workbook corpus (tests/fixtures/xlsx, written by scripts/make-bad-workbooks.ts against
 * the same fixed-id database built here; the large zip bomb is made here, in memory): each file
 * gives its own plain message and leaves every row of the database exactly as it was, whether
 * previewed or applied.
 */
let ctx: AppContext;
const large = new Map<string, Buffer>();
let checked = 0;

beforeAll(async () => {
  ctx = corpusContext();
  const { cycle } = seedCorpusCycle(ctx);
  for (const [file, buffer] of await buildLargeCorpus(ctx, cycle.id)) large.set(file, buffer);
}, 120_000);
afterAll(() => {
  closeDb(ctx.db);
  // The corpus's size in the suite's output, so a case dropped by mistake shows.
  console.log(`bad-workbook corpus: ${checked} of ${corpus.length} files checked, none imported, database unchanged after each`);
});

describe('the bad-workbook corpus', () => {
  it('has every file the script writes', () => {
    expect(fs.readdirSync(corpusDir).sort()).toEqual(
      corpus
        .filter((entry) => !entry.large)
        .map((entry) => entry.file)
        .sort(),
    );
  });

  for (const entry of corpus) {
    it(`${entry.file}: ${entry.what}`, async () => {
      const buffer = large.get(entry.file) ?? fs.readFileSync(path.join(corpusDir, entry.file));
      const file = { buffer, fileName: entry.file };
      const before = dumpDatabase(ctx);
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
      expect(dumpDatabase(ctx)).toBe(before);
      checked++;
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
