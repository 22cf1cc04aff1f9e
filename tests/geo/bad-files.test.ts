import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyWardImport, previewWardImport } from '../../main/geo/import-wards';
import { openApp } from '../../main/app-context';
import { closeDb } from '../../main/db/open-db';
import { repoRoot, resourcesDir } from '../../main/resource-paths';
import { badWardCases, makeBadWards, wardCorpusDir } from '../../scripts/make-bad-wards';
import { dumpDatabase } from '../support/fault-injection';
import { seedCycle } from '../support/factories';
import { testApp } from '../support/test-app';

/**
 * Every bad boundary file of the corpus is refused with its plain message, by the preview and by
 * the load alike, and nothing is written: every row of every table is as before (a full dump).
 */

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pamoja-bad-wards-'));
let files: Map<string, Uint8Array>;

beforeAll(() => {
  const ctx = testApp();
  files = makeBadWards(ctx);
  ctx.close();
  // The 200 MB file is sparse: refused by its size before a byte of it is read.
  const large = path.join(tmp, 'too-large.geojson');
  fs.writeFileSync(large, '{"type":"FeatureCollection","features":[');
  fs.truncateSync(large, 200 * 1024 * 1024);
}, 120_000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const pamoja = (...args: string[]) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'pamoja.mjs'), ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });

describe('the bad boundary-file corpus', () => {
  it('is what scripts/make-bad-wards.ts makes (run it after changing a case)', () => {
    for (const c of badWardCases.filter((c) => !c.large)) {
      expect(Buffer.compare(fs.readFileSync(path.join(wardCorpusDir, c.file)), Buffer.from(files.get(c.file) as Uint8Array)), c.file).toBe(0);
    }
    expect(files.size).toBe(badWardCases.filter((c) => !c.large).length);
  });

  for (const c of badWardCases.filter((c) => !c.large)) {
    it(`${c.file}: "${c.expect}", nothing written`, { timeout: 120_000 }, async () => {
      const ctx = testApp();
      const { cycle } = seedCycle(ctx);
      const dump = dumpDatabase(ctx);
      const file = { bytes: files.get(c.file) as Uint8Array, fileName: c.file, cycleId: cycle.id };
      await expect(previewWardImport(ctx, file)).rejects.toThrow(new RegExp(c.expect, 'i'));
      await expect(applyWardImport(ctx, file, { source: 'test' })).rejects.toThrow(new RegExp(c.expect, 'i'));
      expect(dumpDatabase(ctx)).toBe(dump);
      ctx.close();
    });
  }

  it('the CLI exits 2 with the reason, and the database file is unchanged', async () => {
    const db = path.join(tmp, 'cli.db');
    expect((await pamoja('demo', '--db', db)).status).toBe(0);
    const dumpOf = () => {
      const ctx = openApp({ file: db, resourcesDir });
      const dump = dumpDatabase(ctx);
      closeDb(ctx.db);
      return dump;
    };
    const before = dumpOf();
    const checks = [
      ...['zip-bomb.zip', 'shapefile-without-prj.zip', 'another-county.geojson', 'self-intersecting.geojson'].map((name) => {
        fs.writeFileSync(path.join(tmp, name), files.get(name) as Uint8Array);
        return name;
      }),
      'too-large.geojson',
    ];
    for (const name of checks) {
      const result = await pamoja('wards', 'import', '--db', db, path.join(tmp, name));
      expect(result.status, `${name}: ${result.stdout}${result.stderr}`).toBe(2);
      expect(result.stderr).toMatch(new RegExp(badWardCases.find((c) => c.file === name)?.expect ?? '', 'i'));
      expect(result.stderr).toMatch(/Nothing was (loaded|read)/);
    }
    expect(dumpOf()).toBe(before);
  }, 300_000);
});
