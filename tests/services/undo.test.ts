import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../main/services/audit';
import { audited } from '../../main/services/audited-write';
import { registerServices as s } from '../../main/services/index';
import { restoreDeleted, undoChange } from '../../main/services/undo';
import { ServiceError } from '../../shared/result';
import { dumpDatabase } from '../support/fault-injection';
import { seedCycle } from '../support/factories';
import { testApp } from '../support/test-app';

let app: ReturnType<typeof testApp>;
beforeEach(() => {
  app = testApp();
});
afterEach(() => app.close());

/** The change number of the newest audit entry about a row: what the notice's Undo takes back. */
const lastChangeOf = (rowId: string) => {
  const [entry] = listAudit(app, { rowId, limit: 1 });
  if (!entry?.changeId) throw new Error(`No change recorded for ${rowId}`);
  return entry;
};

const tombstoneOf = (rowId: string) => app.db.$client.prepare('SELECT row_id FROM tombstones WHERE row_id = ?').get(rowId);
const withoutTime = <T extends { updatedAt: string }>({ updatedAt: _updatedAt, ...rest }: T) => rest;

const refusal = (work: () => unknown): string => {
  try {
    work();
  } catch (error) {
    if (error instanceof ServiceError) return error.apiError.message;
    throw error;
  }
  throw new Error('The call was not refused.');
};

describe('undo of a save or a delete', () => {
  it('takes an update back to the values before it, and the undo can itself be undone', () => {
    const { activity } = seedCycle(app);
    s.activity.update(app, { id: activity.id, changes: { title: 'Drill new boreholes', wardIds: ['ke-ward-0241'], completionPct: 40 } });
    const result = undoChange(app, { changeId: lastChangeOf(activity.id).changeId ?? 0 });
    expect(result.summary).toMatch(/^Undone: the activity “A1/);
    expect(withoutTime(s.activity.get(app, { id: activity.id }))).toEqual(withoutTime(activity));
    const undoEntry = lastChangeOf(activity.id);
    expect(undoEntry.action).toBe('update');
    expect(undoEntry.changeId).toBe(result.changeId);

    undoChange(app, { changeId: result.changeId ?? 0 });
    const redone = s.activity.get(app, { id: activity.id });
    expect([redone.title, redone.wardIds, redone.completionPct]).toEqual(['Drill new boreholes', ['ke-ward-0241'], 40]);
  });

  it('brings a deleted activity back under its id with its wards and supporting organisations, and lifts its tombstone', () => {
    const { activity } = seedCycle(app);
    s.activity.remove(app, { id: activity.id });
    expect(tombstoneOf(activity.id)).toBeDefined();
    const deletion = lastChangeOf(activity.id);
    expect(deletion.restorable).toBe(true);

    undoChange(app, { changeId: deletion.changeId ?? 0 });
    const back = s.activity.get(app, { id: activity.id });
    expect(withoutTime(back)).toEqual(withoutTime(activity));
    expect(back.wardIds.sort()).toEqual([...activity.wardIds].sort());
    expect(tombstoneOf(activity.id)).toBeUndefined();
    expect(lastChangeOf(activity.id).action).toBe('restore');
    // The deletion is listed as restorable no longer: the record is back.
    expect(listAudit(app, { rowId: activity.id, limit: 5 }).find((entry) => entry.id === deletion.id)?.restorable).toBe(false);
  });

  it('removes what a save created, and a bulk load is taken back whole', () => {
    const { cycle } = seedCycle(app);
    const ids = s.objective.createMany(app, [
      { cycleId: cycle.id, code: 'O2', statement: 'Improve livestock health', sector: 'agriculture_livestock' },
      { cycleId: cycle.id, code: 'O3', statement: 'Keep girls in school', sector: 'education' },
    ]);
    const result = undoChange(app, { changeId: lastChangeOf(ids[0] ?? '').changeId ?? 0 });
    expect(result.rows).toBe(2);
    expect(s.objective.list(app, { cycleId: cycle.id }).map((o) => o.code)).toEqual(['O1']);
  });

  it('refuses to undo over a later change of the same record, naming it, and changes nothing', () => {
    const { activity } = seedCycle(app);
    s.activity.update(app, { id: activity.id, changes: { title: 'First change' } });
    const first = lastChangeOf(activity.id);
    s.activity.update(app, { id: activity.id, changes: { title: 'Second change' } });
    const dump = dumpDatabase(app);
    expect(refusal(() => undoChange(app, { changeId: first.changeId ?? 0 }))).toMatch(/was changed again afterwards .* undo that change first/);
    expect(dumpDatabase(app)).toBe(dump);
  });

  it('refuses to take back a creation others now refer to, with the rule a delete has, and changes nothing', () => {
    const { cycle, partner } = seedCycle(app);
    const objective = s.objective.create(app, { cycleId: cycle.id, code: 'O9', statement: 'Feed schools', sector: 'education' });
    const creation = lastChangeOf(objective.id);
    s.activity.create(app, {
      cycleId: cycle.id,
      objectiveId: objective.id,
      code: 'A9',
      title: 'School meals',
      sector: 'education',
      leadOrgId: partner.id,
      startDate: '2026-08-01',
      endDate: '2027-03-31',
    });
    const dump = dumpDatabase(app);
    expect(refusal(() => undoChange(app, { changeId: creation.changeId ?? 0 }))).toMatch(
      /Cannot take back the change to the objective “O9 .*still named in 1 activity/,
    );
    expect(dumpDatabase(app)).toBe(dump);
  });

  it('does not take back a change to something other than a register, saying what to do instead', () => {
    const { cycle } = seedCycle(app);
    const [creation] = listAudit(app, { rowId: cycle.id, limit: 5 }).filter((entry) => entry.tableName === 'cycles');
    expect(refusal(() => undoChange(app, { changeId: creation?.changeId ?? 0 }))).toMatch(/undo does not take back; restore a backup/);
  });
});

describe('restoring a deleted record from the audit log', () => {
  it('restores a record with the rows deleted with it in the same change, parents first', () => {
    const { cycle, activity, partner } = seedCycle(app);
    const line = s.contribution.create(app, {
      cycleId: cycle.id,
      activityId: activity.id,
      component: 'Borehole parts',
      contributorOrgId: partner.id,
      amountMinor: 250_000_00,
      currency: 'USD',
    });
    // One change deleting a budget line and its activity, as a partner's bundle does.
    audited(app, { cycleId: cycle.id }, (tx) => {
      s.contribution.remove(tx, { id: line.id });
      s.activity.remove(tx, { id: activity.id });
    });
    const deletion = lastChangeOf(activity.id);
    const result = restoreDeleted(app, { auditId: deletion.id });
    expect(result.summary).toBe('Restored: the activity “A1 Rehabilitate boreholes” and 1 record deleted with it.');
    expect(withoutTime(s.activity.get(app, { id: activity.id }))).toEqual(withoutTime(activity));
    expect(withoutTime(s.contribution.get(app, { id: line.id }))).toEqual(withoutTime(line));
    expect(refusal(() => restoreDeleted(app, { auditId: deletion.id }))).toMatch(/is not deleted: there is nothing to restore|changed again afterwards/);
  });

  it('refuses a restore whose parent is gone, changing nothing', () => {
    const { cycle, activity, partner } = seedCycle(app);
    const line = s.contribution.create(app, {
      cycleId: cycle.id,
      activityId: activity.id,
      component: 'Pumps',
      contributorOrgId: partner.id,
      amountMinor: 100_00,
      currency: 'KES',
    });
    s.contribution.remove(app, { id: line.id });
    const deletion = lastChangeOf(line.id);
    s.activity.remove(app, { id: activity.id });
    const dump = dumpDatabase(app);
    expect(refusal(() => restoreDeleted(app, { auditId: deletion.id }))).toMatch(/^Cannot take back the change to the budget contribution “Pumps”: Activity/);
    expect(dumpDatabase(app)).toBe(dump);
  });
});
