import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp } from '../../main/app-context';
import { backupsDirFor, createBackup, listBackups, quarantineDatabase, replaceDatabaseFile } from '../../main/db/backup';
import { closeDb, DatabaseDamagedError, openDb } from '../../main/db/open-db';
import { migrationsFolder, resourcesDir } from '../../main/resource-paths';
import { registerServices as s } from '../../main/services/index';
import { seedCycle } from '../support/factories';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamoja-backup-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function appAt(file: string, iso: string, dailyBackup = true) {
  const ctx = openApp({ file, resourcesDir, now: () => new Date(iso), dailyBackup });
  ctx.userName = 'Test Officer';
  return ctx;
}

describe('backups', () => {
  it('takes a verified daily backup on the first open of each day only', () => {
    const file = path.join(tempDir(), 'pamoja.db');
    closeDb(appAt(file, '2026-11-25T08:00:00Z').db);
    closeDb(appAt(file, '2026-11-25T17:00:00Z').db);
    closeDb(appAt(file, '2026-11-26T08:00:00Z').db);
    const backups = listBackups(backupsDirFor(file));
    expect(backups.map((b) => [b.takenAt.slice(0, 10), b.reason])).toEqual([
      ['2026-11-26', 'daily'],
      ['2026-11-25', 'daily'],
    ]);
    expect(backups.every((b) => b.sizeBytes > 0)).toBe(true);
  });

  it('keeps the newest 14 and a backup holds the data as it was', () => {
    const file = path.join(tempDir(), 'pamoja.db');
    const ctx = appAt(file, '2026-11-25T08:00:00Z', false);
    const seed = seedCycle(ctx);
    const dir = path.join(path.dirname(file), 'kept');
    for (let day = 1; day <= 16; day++) createBackup(ctx.db.$client, { dir, at: new Date(Date.UTC(2026, 10, day)), reason: 'manual', migrationsFolder });
    const kept = listBackups(dir);
    expect(kept).toHaveLength(14);
    expect(kept[0]?.takenAt).toBe('2026-11-16T00:00:00.000Z');
    s.risk.create(ctx, { cycleId: seed.cycle.id, description: 'After the backup', likelihood: 'low', impact: 'low', responsibleOrgId: seed.county.id });
    closeDb(ctx.db);
    const copy = openDb({ file: kept[0]?.file ?? '', migrationsFolder, readonly: true });
    expect(copy.$client.prepare('SELECT count(*) FROM risks').pluck().get()).toBe(0);
    expect(copy.$client.prepare('SELECT count(*) FROM activities').pluck().get()).toBe(1);
    closeDb(copy);
  });

  it('backs a database up before a migration changes it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'pamoja.db');
    closeDb(appAt(file, '2026-11-25T08:00:00Z', false).db);
    // A copy of the shipped migrations plus one more, as the next release would bring.
    const resources = path.join(dir, 'resources');
    fs.cpSync(resourcesDir, resources, { recursive: true });
    const journalFile = path.join(resources, 'migrations', 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as {
      entries: { idx: number; tag: string; when: number; version: string; breakpoints: boolean }[];
    };
    const last = journal.entries.at(-1);
    journal.entries.push({
      idx: (last?.idx ?? 0) + 1,
      tag: '9999_next_release',
      when: (last?.when ?? 0) + 1000,
      version: last?.version ?? '6',
      breakpoints: true,
    });
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    fs.writeFileSync(path.join(resources, 'migrations', '9999_next_release.sql'), 'CREATE TABLE next_release (id text PRIMARY KEY);');
    const upgraded = openApp({ file, resourcesDir: resources, now: () => new Date('2026-12-01T09:00:00Z') });
    expect(upgraded.db.$client.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'next_release'").pluck().get()).toBe(1);
    closeDb(upgraded.db);
    const [backup] = listBackups(backupsDirFor(file));
    expect(backup?.reason).toBe('before-migration');
    const before = openDb({ file: backup?.file ?? '', migrationsFolder, readonly: true });
    expect(before.$client.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'next_release'").pluck().get()).toBe(0);
    closeDb(before);
  });
});

describe('a damaged database', () => {
  function damagedCopy(): string {
    const file = path.join(tempDir(), 'pamoja.db');
    const ctx = appAt(file, '2026-11-25T08:00:00Z', false);
    seedCycle(ctx);
    closeDb(ctx.db);
    const fd = fs.openSync(file, 'r+');
    const size = fs.fstatSync(fd).size;
    fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, Math.floor(size / 2 / 4096) * 4096);
    fs.closeSync(fd);
    return file;
  }

  it('is refused on open, never written to', () => {
    const file = damagedCopy();
    const bytes = fs.readFileSync(file);
    expect(() => openDb({ file, migrationsFolder })).toThrow(DatabaseDamagedError);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('is set aside, never deleted, and a good backup restored in its place', () => {
    const good = path.join(tempDir(), 'good.db');
    const ctx = appAt(good, '2026-11-25T08:00:00Z', false);
    seedCycle(ctx);
    const backup = createBackup(ctx.db.$client, { dir: path.dirname(good), at: new Date(), reason: 'manual', migrationsFolder });
    closeDb(ctx.db);
    const file = damagedCopy();
    const aside = quarantineDatabase(file, new Date('2026-11-25T10:00:00Z'));
    expect(fs.existsSync(aside)).toBe(true);
    expect(fs.existsSync(file)).toBe(false);
    replaceDatabaseFile(file, backup.file, migrationsFolder);
    const restored = openApp({ file, resourcesDir });
    expect(restored.db.$client.prepare('SELECT count(*) FROM activities').pluck().get()).toBe(1);
    closeDb(restored.db);
  });

  it('is refused as a backup source for a restore', () => {
    const file = damagedCopy();
    expect(() => replaceDatabaseFile(path.join(tempDir(), 'target.db'), file, migrationsFolder)).toThrow(/not a sound database/);
  });
});
