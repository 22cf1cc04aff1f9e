import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getTableName, is } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDb, openDb } from '../../main/db/open-db';
import * as schema from '../../main/db/schema';
import { migrationsFolder } from '../../main/resource-paths';
import { testApp } from '../support/test-app';

const dirs: string[] = [];
const tempFile = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamoja-migrate-'));
  dirs.push(dir);
  return path.join(dir, 'nested', 'pamoja.db');
};
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe('opening a database', () => {
  it('creates every table of the schema in an empty file', () => {
    const db = openDb({ file: tempFile(), migrationsFolder });
    const tables = new Set(db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    const expected = Object.values(schema)
      .filter((value) => is(value, SQLiteTable))
      .map((table) => getTableName(table));
    expect(expected.length).toBeGreaterThanOrEqual(20);
    for (const name of expected) expect(tables.has(name), name).toBe(true);
    closeDb(db);
  });

  it('sets WAL, full sync and foreign keys on every connection', () => {
    const db = openDb({ file: tempFile(), migrationsFolder });
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.$client.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.$client.pragma('busy_timeout', { simple: true })).toBe(5000);
    closeDb(db);
  });

  it('applies each migration once and keeps the data on reopen', () => {
    const file = tempFile();
    const first = testApp({ file });
    const installationId = first.installationId;
    first.close();
    const again = testApp({ file });
    expect(again.installationId).toBe(installationId);
    const applied = again.db.$client.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get();
    expect(applied).toBe(fs.readdirSync(migrationsFolder).filter((name) => name.endsWith('.sql')).length);
    again.close();
  });

  it("seeds Kenya's counties, constituencies and wards with IEBC codes", () => {
    const app = testApp();
    const count = (level: string) => app.db.$client.prepare('SELECT count(*) FROM admin_units WHERE level = ?').pluck().get(level);
    expect([count('county'), count('sub_county'), count('ward')]).toEqual([47, 290, 1448]);
    const isioloWards = app.db.$client
      .prepare("SELECT w.name FROM admin_units w JOIN admin_units c ON c.id = w.parent_id WHERE c.parent_id = 'ke-county-011' ORDER BY w.name")
      .pluck()
      .all();
    expect(isioloWards).toEqual(['Bulla Pesa', 'Burat', 'Chari', 'Cherab', 'Garbatulla', 'Kinna', 'Ngare Mara', 'Oldonyiro', 'Sericho', 'Wabera']);
    app.close();
  });

  it('refuses to write through a read-only open', () => {
    const file = tempFile();
    testApp({ file }).close();
    const db = openDb({ file, migrationsFolder, readonly: true });
    expect(() => db.$client.prepare('DELETE FROM admin_units').run()).toThrow(/readonly/);
    closeDb(db);
  });
});
