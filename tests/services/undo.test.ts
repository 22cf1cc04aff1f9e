import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../main/services/audit';
import { audited } from '../../main/services/audited-write';
import { archiveCycle, getCycle, updateCycle } from '../../main/services/cycles';
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

  it('takes back a change of the cycle’s settings, and its archiving, through the cycle’s own rules', () => {
    const { cycle } = seedCycle(app);
    updateCycle(app, { id: cycle.id, changes: { title: 'Isiolo JWP 2026/27 (revised)', kesPerUsdScaled: 1_310_000 } });
    const settings = undoChange(app, { changeId: lastChangeOf(cycle.id).changeId ?? 0 });
    expect(settings.summary).toBe('Undone: the settings of “Isiolo JWP 2026/27 (revised)”.');
    expect(getCycle(app, cycle.id)).toMatchObject({ title: cycle.title, kesPerUsdScaled: cycle.kesPerUsdScaled });
    // The undo is a change like any other: undone in turn, the revised settings come back.
    undoChange(app, { changeId: settings.changeId ?? 0 });
    expect(getCycle(app, cycle.id).title).toBe('Isiolo JWP 2026/27 (revised)');

    archiveCycle(app, { id: cycle.id, archived: true });
    expect(undoChange(app, { changeId: lastChangeOf(cycle.id).changeId ?? 0 }).summary).toBe('Undone: the archiving of the cycle.');
    expect(getCycle(app, cycle.id).archivedAt).toBeNull();
  });

  it('does not take back a change to something other than a register, saying what to do instead', () => {
    const { cycle } = seedCycle(app);
    const [creation] = listAudit(app, { rowId: cycle.id, limit: 5 }).filter((entry) => entry.tableName === 'cycles');
    expect(refusal(() => undoChange(app, { changeId: creation?.changeId ?? 0 }))).toMatch(/undo does not take back; restore a backup/);
  });
});

describe('undoing what one action of the officer saved in several changes', () => {
  it('takes back a grid saved period by period as one change, and refuses it whole when one period was changed since', () => {
    const { indicator } = seedCycle(app);
    const saved = ['Q1', 'Q2'].map((periodKey, at) =>
      s.indicatorPeriod.create(app, { cycleId: indicator.cycleId, indicatorId: indicator.id, periodKey, target: 3 + at }),
    );
    const [first, second] = saved.map((period) => lastChangeOf(period.id).changeId ?? 0);
    const result = undoChange(app, { changeId: first ?? 0, togetherWith: [second ?? 0] });
    expect(result).toMatchObject({ rows: 2, summary: 'Undone: 2 records.' });
    expect(s.indicatorPeriod.list(app, { cycleId: indicator.cycleId })).toEqual([]);

    undoChange(app, { changeId: result.changeId ?? 0 });
    const [q1] = s.indicatorPeriod.list(app, { cycleId: indicator.cycleId }).filter((period) => period.periodKey === 'Q1');
    s.indicatorPeriod.update(app, { id: q1?.id ?? '', changes: { target: 9 } });
    const dump = dumpDatabase(app);
    expect(refusal(() => undoChange(app, { changeId: first ?? 0, togetherWith: [second ?? 0] }))).toMatch(/changed again afterwards/);
    expect(dumpDatabase(app)).toBe(dump);
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

  it('restores an activity with the budget lines deleted one by one just before it, to make way for it', () => {
    const { cycle, activity, partner } = seedCycle(app);
    const lines = ['Borehole parts', 'Pump house'].map((component) =>
      s.contribution.create(app, {
        cycleId: cycle.id,
        activityId: activity.id,
        component,
        contributorOrgId: partner.id,
        amountMinor: 90_000_00,
        currency: 'KES',
      }),
    );
    // Deleting the activity is refused while its lines name it: the officer deletes them first, each a change of its own.
    for (const line of lines) s.contribution.remove(app, { id: line.id });
    s.activity.remove(app, { id: activity.id });
    const result = restoreDeleted(app, { auditId: lastChangeOf(activity.id).id });
    expect(result.summary).toBe('Restored: the activity “A1 Rehabilitate boreholes” and 2 records deleted with it or just before it.');
    expect(
      s.contribution
        .list(app, { cycleId: cycle.id })
        .map((line) => line.component)
        .sort(),
    ).toEqual(['Borehole parts', 'Pump house']);
    // One restore, one undo.
    undoChange(app, { changeId: result.changeId ?? 0 });
    expect(s.contribution.list(app, { cycleId: cycle.id })).toEqual([]);
  });

  it('leaves deleted a line deleted before the activity was last changed, or restored since', () => {
    const { cycle, activity, partner } = seedCycle(app);
    const [early, restored, late] = ['Survey', 'Fencing', 'Pump house'].map((component) =>
      s.contribution.create(app, {
        cycleId: cycle.id,
        activityId: activity.id,
        component,
        contributorOrgId: partner.id,
        amountMinor: 10_000_00,
        currency: 'KES',
      }),
    );
    if (!early || !restored || !late) throw new Error('Three lines were made.');
    s.contribution.remove(app, { id: early.id });
    s.activity.update(app, { id: activity.id, changes: { title: 'Rehabilitate boreholes in Kinna' } });
    s.contribution.remove(app, { id: restored.id });
    restoreDeleted(app, { auditId: lastChangeOf(restored.id).id });
    s.contribution.remove(app, { id: restored.id });
    s.contribution.remove(app, { id: late.id });
    s.activity.remove(app, { id: activity.id });
    const result = restoreDeleted(app, { auditId: lastChangeOf(activity.id).id });
    // The fencing line's second deletion cleared the way; its first, restored since, is not replayed.
    expect(result.summary).toBe('Restored: the activity “A1 Rehabilitate boreholes in Kinna” and 2 records deleted with it or just before it.');
    expect(
      s.contribution
        .list(app, { cycleId: cycle.id })
        .map((line) => line.component)
        .sort(),
    ).toEqual(['Fencing', 'Pump house']);
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
