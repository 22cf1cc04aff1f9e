import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../main/services/audit';
import { costShareReport } from '../../main/services/analysis/reports';
import { archiveCycle, deleteCycle, getCycle, listCycles, updateCycle } from '../../main/services/cycles';
import { registerServices as s } from '../../main/services/index';
import { loadSampleCycle } from '../../main/services/sample';
import { listBackups, backupsDirFor } from '../../main/db/backup';
import { ServiceError } from '../../shared/result';
import { dumpDatabase } from '../support/fault-injection';
import { seedCycle } from '../support/factories';
import { testApp } from '../support/test-app';

let opened: ReturnType<typeof testApp> | undefined;
afterEach(() => opened?.close());
const open = (options?: Parameters<typeof testApp>[0]) => (opened = testApp(options));

const refusal = (work: () => unknown): string => {
  try {
    work();
  } catch (error) {
    if (error instanceof ServiceError) return error.apiError.message;
    throw error;
  }
  throw new Error('The call was not refused.');
};

describe('cycle settings', () => {
  it('changes the exchange rate, every KES figure follows it, and the change is audited', () => {
    const app = open();
    const { cycle, activity, partner } = seedCycle(app);
    s.contribution.create(app, {
      cycleId: cycle.id,
      activityId: activity.id,
      component: 'Pumps',
      contributorOrgId: partner.id,
      amountMinor: 1_000_00,
      currency: 'USD',
    });
    const planned = () => costShareReport(app, cycle.id).overall.plannedKesMinor;
    expect(planned()).toBe(129_350_00);
    updateCycle(app, {
      id: cycle.id,
      changes: { kesPerUsdScaled: 1_400_000, exchangeRateDate: '2026-09-30', leadOrgId: partner.id, title: 'Isiolo JWP 2026/27 (revised)' },
    });
    expect(planned()).toBe(140_000_00);
    const [entry] = listAudit(app, { rowId: cycle.id, limit: 1 });
    expect(entry?.action).toBe('update');
    expect([Reflect.get(Object(entry?.before), 'kesPerUsdScaled'), Reflect.get(Object(entry?.after), 'kesPerUsdScaled')]).toEqual([1_293_500, 1_400_000]);
    expect(getCycle(app, cycle.id)).toMatchObject({
      leadOrgId: partner.id,
      exchangeRateDate: '2026-09-30',
      title: 'Isiolo JWP 2026/27 (revised)',
      source: 'created',
    });
  });

  it('archives a cycle and brings it back, changing nothing in it', () => {
    const app = open();
    const { cycle } = seedCycle(app);
    const archived = archiveCycle(app, { id: cycle.id, archived: true });
    expect(archived.archivedAt).not.toBeNull();
    expect(listCycles(app).find((c) => c.id === cycle.id)?.archivedAt).toBe(archived.archivedAt);
    expect(archiveCycle(app, { id: cycle.id, archived: false }).archivedAt).toBeNull();
    expect(listAudit(app, { rowId: cycle.id, limit: 2 }).map((e) => [e.tableName, e.action])).toEqual([
      ['cycle_marks', 'update'],
      ['cycle_marks', 'update'],
    ]);
  });

  it('marks the sample and refuses to load it twice, saying so and changing nothing', () => {
    const app = open();
    const sample = loadSampleCycle(app);
    expect(sample.source).toBe('sample');
    const dump = dumpDatabase(app);
    expect(refusal(() => loadSampleCycle(app))).toBe(
      `The sample cycle is already loaded: “${sample.title}” (FY ${sample.fiscalYear}). Open it from the list of cycles, or delete it first to load a fresh copy.`,
    );
    expect(dumpDatabase(app)).toBe(dump);
  });

  it('deletes a cycle only when its title is typed, after a verified backup that still holds it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamoja-cycle-delete-'));
    const app = open({ file: path.join(dir, 'pamoja.db') });
    const { cycle } = seedCycle(app);
    expect(refusal(() => deleteCycle(app, { id: cycle.id, confirmTitle: 'Isiolo' }))).toMatch(/type the title exactly \(Isiolo JWP FY 2026\/27\)/);
    expect(listBackups(backupsDirFor(app.db.$client.name))).toEqual([]);
    const result = deleteCycle(app, { id: cycle.id, confirmTitle: cycle.title });
    expect(listCycles(app)).toEqual([]);
    const [backup] = listBackups(backupsDirFor(app.db.$client.name));
    expect(backup?.reason).toBe('before-delete');
    expect(result.backupFile).toBe(path.basename(backup?.file ?? ''));
    app.close();
    opened = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
