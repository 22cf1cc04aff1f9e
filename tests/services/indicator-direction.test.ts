import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDb, openDb } from '../../main/db/open-db';
import { upgradeRows } from '../../main/bundles/upgrade-rows';
import { migrationsFolder } from '../../main/resource-paths';
import { registerServices as s } from '../../main/services/index';
import { seedCycle } from '../support/factories';
import { testApp } from '../support/test-app';

/** Issue 16: an indicator's desired direction is a field of its own, defaulting to the old inference. */
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe("an indicator's desired direction", () => {
  it('is inferred from baseline and target when an indicator is created without one, and kept when given', () => {
    const app = testApp();
    const { cycle, partner } = seedCycle(app);
    const base = { cycleId: cycle.id, type: 'outcome' as const, unit: '%', responsibleOrgId: partner.id, baselineDate: '2026-06-30' };
    const gam = s.indicator.create(app, { ...base, code: 'G', name: 'GAM', baselineValue: 15.1, targetValue: 12 });
    const coverage = s.indicator.create(app, { ...base, code: 'C', name: 'Coverage', baselineValue: 58, targetValue: 66 });
    const price = s.indicator.create(app, {
      ...base,
      code: 'P',
      name: 'Water price',
      baselineValue: 5,
      targetValue: 5,
      direction: 'range',
      rangeMin: 3,
      rangeMax: 6,
    });
    expect([gam.direction, coverage.direction, price.direction]).toEqual(['decrease', 'increase', 'range']);
    const stored = app.db.$client.prepare('SELECT code, direction, range_min AS rangeMin, range_max AS rangeMax FROM indicators ORDER BY code').all();
    expect(stored).toEqual([
      { code: 'C', direction: 'increase', rangeMin: null, rangeMax: null },
      { code: 'G', direction: 'decrease', rangeMin: null, rangeMax: null },
      { code: 'I1', direction: 'increase', rangeMin: null, rangeMax: null },
      { code: 'P', direction: 'range', rangeMin: 3, rangeMax: 6 },
    ]);
    // Changed on the screen: the stored direction is the one the rule follows from then on.
    expect(s.indicator.update(app, { id: coverage.id, changes: { direction: 'decrease' } }).direction).toBe('decrease');
    app.close();
  });

  it('is set by migration 0008 to the inference for indicators recorded before it existed', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamoja-direction-'));
    dirs.push(dir);
    // The migrations up to 0007, as a database made before this field had them.
    const older = path.join(dir, 'migrations');
    fs.cpSync(migrationsFolder, older, { recursive: true });
    fs.rmSync(path.join(older, '0008_indicator_direction.sql'));
    const journalFile = path.join(older, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
    journal.entries = journal.entries.filter((entry) => entry.tag < '0008');
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    const file = path.join(dir, 'old.db');
    const db = openDb({ file, migrationsFolder: older });
    expect(db.$client.prepare("SELECT count(*) FROM pragma_table_info('indicators') WHERE name = 'direction'").pluck().get()).toBe(0);
    db.$client.pragma('foreign_keys = OFF');
    const insert = db.$client.prepare(
      `INSERT INTO indicators (id, cycle_id, created_at, updated_at, hlc, origin, code, name, type, unit, baseline_value, baseline_date, target_value, responsible_org_id)
       VALUES (?, 'c', 't', 't', 'h', 'o', ?, ?, 'outcome', '%', ?, ?, ?, 'org')`,
    );
    insert.run('a', 'GAM', 'GAM', 15.1, '2026-06-30', 12);
    insert.run('b', 'COV', 'Coverage', 58, '2026-06-30', 66);
    insert.run('c', 'NEW', 'No baseline', null, null, 10);
    closeDb(db);

    const migrated = openDb({ file, migrationsFolder });
    expect(migrated.$client.prepare('SELECT code, direction FROM indicators ORDER BY code').all()).toEqual([
      { code: 'COV', direction: 'increase' },
      { code: 'GAM', direction: 'decrease' },
      { code: 'NEW', direction: 'increase' },
    ]);
    closeDb(migrated);
  });

  it('is given to indicators of an older bundle format as the same inference; format 4 rows are read as written', () => {
    const rows = [
      { id: 'a', baselineValue: 15.1, targetValue: 12 },
      { id: 'b', baselineValue: null, targetValue: 10 },
    ];
    expect(upgradeRows('indicator', rows, 2)).toEqual([
      { id: 'a', baselineValue: 15.1, targetValue: 12, direction: 'decrease', rangeMin: null, rangeMax: null, sustainability: '' },
      { id: 'b', baselineValue: null, targetValue: 10, direction: 'increase', rangeMin: null, rangeMax: null, sustainability: '' },
    ]);
    expect(upgradeRows('indicator', rows, 3)).toEqual(upgradeRows('indicator', rows, 2));
    // Format 4 rows keep their direction; format 6 (the M&E template fields) adds what they lack.
    expect(upgradeRows('indicator', rows, 4)).toEqual(rows.map((row) => ({ ...row, sustainability: '' })));
    expect(upgradeRows('indicator', rows, 6)).toEqual(rows);
    expect(upgradeRows('indicator', rows, 8)).toBe(rows);
    expect(upgradeRows('risk', rows, 2)).toEqual(rows);
  });
});
