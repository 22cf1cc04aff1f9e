import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../main/transport/dispatcher';
import { registerServices as s } from '../../main/services/index';
import { seedCycle } from '../support/factories';
import { testApp } from '../support/test-app';

describe('backups through the API', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamoja-backup-api-'));
  const app = testApp({ file: path.join(dir, 'pamoja.db') });
  const seed = seedCycle(app);
  const call = createDispatcher(app, () => undefined);
  afterAll(() => {
    app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('backs up, restores the earlier state, and records the restore', () => {
    const taken = call('backup:create', {});
    expect(taken.ok).toBe(true);
    const risk = s.risk.create(app, {
      cycleId: seed.cycle.id,
      description: 'Entered after the backup',
      likelihood: 'low',
      impact: 'low',
      responsibleOrgId: seed.county.id,
    });
    const fileName = taken.ok ? (taken.value as { fileName: string }).fileName : '';
    const restored = call('backup:restore', { fileName });
    expect(restored.ok, JSON.stringify(restored)).toBe(true);
    expect(() => s.risk.get(app, { id: risk.id })).toThrow(/No risk/);
    expect(s.activity.get(app, { id: seed.activity.id }).title).toBe('Rehabilitate boreholes');
    const list = call('backup:list', {});
    const reasons = list.ok ? (list.value as { backups: { reason: string }[] }).backups.map((b) => b.reason) : [];
    expect(reasons).toContain('before-restore');
    const audit = app.db.$client.prepare("SELECT action, row_id FROM audit_log WHERE action = 'restore'").all();
    expect(audit).toEqual([{ action: 'restore', row_id: fileName }]);
  });

  it('refuses a name that is not one of the listed backups', () => {
    expect(call('backup:restore', { fileName: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(call('backup:restore', { fileName: 'pamoja-nope.db' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('exports the whole database as one sound file', () => {
    const result = call('database:export', {});
    expect(result.ok).toBe(true);
    const bytes = Buffer.from(result.ok ? (result.value as { base64: string }).base64 : '', 'base64');
    expect(bytes.subarray(0, 15).toString()).toBe('SQLite format 3');
  });
});

describe('the on-demand integrity check', () => {
  it('reports a sound database as ok', () => {
    const app = testApp();
    expect(createDispatcher(app)('database:check', {})).toEqual({ ok: true, value: { ok: true, problems: [] } });
    app.close();
  });
});
