import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkIntegrity } from '../../main/db/check';
import { closeDb, openDb } from '../../main/db/open-db';
import { migrationsFolder, repoRoot, resourcesDir } from '../../main/resource-paths';
import { createContext } from '../../main/services/context';
import { createDispatcher } from '../../main/transport/dispatcher';
import { seedCycle } from '../support/factories';
import { runTool } from '../support/external-tools';
import { testApp } from '../support/test-app';

const dirs: string[] = [];
function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamoja-storage-'));
  dirs.push(dir);
  return path.join(dir, 'pamoja.db');
}
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

const risk = (cycleId: string, orgId: string) => ({ cycleId, description: 'Late rains', likelihood: 'high', impact: 'high', responsibleOrgId: orgId });

describe('when storage fails under the app', () => {
  it.each(['deleted', 'moved'])('refuses writes to a database file %s while open, with a plain message', (what) => {
    const file = tempFile();
    const app = testApp({ file });
    const seed = seedCycle(app);
    if (what === 'deleted') fs.rmSync(file);
    else fs.renameSync(file, `${file}.moved`);
    const result = createDispatcher(app, () => undefined)('risk:create', risk(seed.cycle.id, seed.county.id));
    expect(result).toMatchObject({ ok: false, error: { code: 'storage', message: expect.stringMatching(/moved or deleted .* Nothing was saved/) } });
    app.close();
  });

  it('says the database is in use when another program holds it, and saves nothing', () => {
    const file = tempFile();
    const app = testApp({ file });
    const seed = seedCycle(app);
    app.db.$client.pragma('busy_timeout = 100');
    const other = openDb({ file, migrationsFolder });
    other.$client.exec('BEGIN EXCLUSIVE');
    const result = createDispatcher(app, () => undefined)('risk:create', risk(seed.cycle.id, seed.county.id));
    expect(result).toMatchObject({ ok: false, error: { code: 'storage', message: expect.stringMatching(/in use by another/) } });
    other.$client.exec('ROLLBACK');
    closeDb(other);
    expect(app.db.$client.prepare('SELECT count(*) FROM risks').pluck().get()).toBe(0);
    app.close();
  });

  it('says the database is read-only when it cannot be written, and changes nothing', () => {
    const file = tempFile();
    const app = testApp({ file });
    const seed = seedCycle(app);
    app.close();
    // As root, file modes do not stop writes; a read-only connection behaves as a read-only folder would.
    const readonly = createContext(openDb({ file, migrationsFolder, readonly: true }), { resourcesDir });
    const result = createDispatcher(readonly, () => undefined)('risk:create', risk(seed.cycle.id, seed.county.id));
    expect(result).toMatchObject({ ok: false, error: { code: 'storage', message: expect.stringMatching(/read-only/) } });
    closeDb(readonly.db);
  });

  it('says the disk is full, and leaves a sound database with nothing half-written', async () => {
    const file = tempFile();
    testApp({ file }).close();
    const limitKiB = Math.ceil(fs.statSync(file).size / 1024) + 256;
    // SIGXFSZ is ignored so the write fails with EFBIG, as it does on a full disk, instead of killing the process.
    // The child prints the API's answer and ends normally, whatever that answer is.
    const stdout = await runTool(
      'sh',
      ['-c', `trap '' XFSZ; ulimit -f ${limitKiB}; exec "${process.execPath}" --import tsx tests/reliability/fixtures/load-sample-child.ts "${file}"`],
      { cwd: repoRoot, timeoutMs: 60_000 },
    );
    const answer = JSON.parse(stdout) as { ok: boolean; error?: { code: string; message: string } };
    expect(answer.ok).toBe(false);
    expect(answer.error?.code).toBe('storage');
    expect(answer.error?.message).toMatch(/disk is full/);
    const db = openDb({ file, migrationsFolder });
    expect(checkIntegrity(db).ok).toBe(true);
    expect(db.$client.prepare('SELECT count(*) FROM cycles').pluck().get()).toBe(0);
    expect(db.$client.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(0);
    closeDb(db);
  }, 90_000);
});
