import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pamoja } from '../support/pamoja-cli';
import { readBundle } from '../../main/bundles/read';
import { recordTrust } from '../../main/bundles/keys';
import { inWriteTransaction } from '../../main/services/context';
import { badBundleCases, corpusDir, makeBadBundles, RECEIVER_INSTALLATION_ID, type Corpus } from '../../scripts/make-bad-bundles';
import { dumpDatabase } from '../support/fault-injection';
import { tableCounts } from '../support/snapshot';
import { importInto, peer, preview, tempDir, type Peer } from './support';

/**
 * Every bad file of the corpus gives its plain message, writes nothing (row counts and every row
 * of every table unchanged) and never throws.
 */

let corpus: Corpus;
const tmp = tempDir('bad-bundles');

/** A copy that trusts the corpus's Secretariat key and RPK's for the corpus cycle (and, if asked, holds the cycle). */
function receiver(withCycle: boolean, file?: string): Peer {
  const ctx = peer('receiver', '0000000c', file ? { file } : {});
  expect(ctx.installationId).toBe(RECEIVER_INSTALLATION_ID);
  const good = readBundle(corpus.good);
  inWriteTransaction(ctx, (tx) =>
    recordTrust(tx, {
      cycleId: corpus.cycleId,
      publicKey: good.publicKey,
      fingerprint: good.fingerprint,
      role: 'secretariat',
      orgId: null,
      label: good.manifest.sender.orgName,
    }),
  );
  inWriteTransaction(ctx, (tx) => recordTrust(tx, { cycleId: corpus.cycleId, ...corpus.partner, role: 'partner', label: 'Resilience Partners Kenya' }));
  if (withCycle) expect(importInto(ctx, corpus.good).applied).toBe(true);
  return ctx;
}

beforeAll(() => {
  corpus = makeBadBundles({ large: true });
  for (const [name, data] of corpus.files) fs.writeFileSync(path.join(tmp.dir, name), data);
}, 120_000);
let refusedCount = 0;
afterAll(() => {
  tmp.remove();
  // The corpus's size in the suite's output, so a case dropped by mistake shows.
  const counted = refusedCount === badBundleCases.length ? `${refusedCount} files, all refused` : `${refusedCount} of ${badBundleCases.length} files refused`;
  console.log(`hostile bundle corpus: ${counted} (nothing imported, every row of the database unchanged after each)`);
});

describe('the bad-bundle corpus', () => {
  it('is what scripts/make-bad-bundles.ts makes (run it after changing the format)', () => {
    expect(Buffer.compare(fs.readFileSync(path.join(corpusDir, 'good-full.jwpb')), Buffer.from(corpus.good))).toBe(0);
    for (const c of badBundleCases.filter((c) => !c.large)) {
      expect(Buffer.compare(fs.readFileSync(path.join(corpusDir, c.file)), Buffer.from(corpus.files.get(c.file) as Uint8Array)), c.file).toBe(0);
    }
    expect(corpus.files.size).toBe(badBundleCases.length);
  });

  it('the good bundle of the corpus imports', () => {
    const ctx = receiver(false);
    expect(preview(ctx, corpus.good).status).toBe('ready');
    ctx.close();
  });

  for (const c of badBundleCases) {
    it(`${c.file}: ${c.status}, "${c.expect}", nothing written`, () => {
      const ctx = receiver(c.needsCycle ?? false);
      const counts = tableCounts(ctx);
      const dump = dumpDatabase(ctx);
      const result = importInto(ctx, corpus.files.get(c.file) as Uint8Array, { all: 'theirs' });
      expect(result.applied).toBe(false);
      expect(result.preview.status).toBe(c.status);
      const said = [result.preview.message, ...result.preview.problems, ...result.preview.refused.map((r) => `${r.registerLabel} “${r.label}”: ${r.reason}`)];
      expect(said.join('\n')).toMatch(new RegExp(c.expect, 'i'));
      expect(tableCounts(ctx)).toEqual(counts);
      expect(dumpDatabase(ctx)).toBe(dump);
      ctx.close();
      refusedCount++;
    });
  }

  it('a byte flipped anywhere in the file is caught', async () => {
    const ctx = receiver(false);
    const dump = dumpDatabase(ctx);
    const missed: number[] = [];
    for (let at = 0; at < corpus.good.length; at++) {
      // Tens of thousands of previews: let the test runner's worker answer between them on a busy machine.
      if (at % 2000 === 0) await new Promise((resolve) => setImmediate(resolve));
      const copy = Uint8Array.from(corpus.good);
      copy[at] = (copy[at] as number) ^ 0x10;
      if (preview(ctx, copy).status !== 'refused') missed.push(at);
    }
    expect(missed).toEqual([]);
    expect(dumpDatabase(ctx)).toBe(dump);
    ctx.close();
  });

  it('a file cut short at any length is refused', () => {
    const ctx = receiver(false);
    for (let length = 0; length < corpus.good.length; length += 37)
      expect(preview(ctx, corpus.good.subarray(0, length)).status, `cut at ${length}`).toBe('refused');
    ctx.close();
  });

  it('the CLI exits 2 for a refused bundle and the database is unchanged (pamoja stats)', async () => {
    const db = path.join(tmp.dir, 'cli.db');
    receiver(true, db).close();
    const stats = (await pamoja('stats', '--db', db, '--json')).stdout;
    for (const file of ['zip-slip-parent.jwpb', 'negative-amount.jwpb', 'signed-by-stranger.jwpb', 'other-county.jwpb']) {
      const result = await pamoja('bundle', 'import', '--db', db, path.join(tmp.dir, file));
      expect(result.status, `${file}: ${result.stdout}${result.stderr}`).toBe(2);
      expect(result.stdout).toMatch(/Nothing was written/);
    }
    const json = await pamoja('bundle', 'import', '--db', db, '--json', path.join(tmp.dir, 'end-before-start.jwpb'));
    expect(json.status).toBe(2);
    expect((JSON.parse(json.stdout) as { preview: { status: string } }).preview.status).toBe('refused');
    expect((await pamoja('stats', '--db', db, '--json')).stdout).toBe(stats);
  }, 300_000);
});
