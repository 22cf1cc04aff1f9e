import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runRollover } from '../../main/lifecycle/rollover';
import { updateAnalysisSettings } from '../../main/services/analysis/settings';
import { listAudit, recordAudit } from '../../main/services/audit';
import { audited } from '../../main/services/audited-write';
import { stamp } from '../../main/services/context';
import { registerServices as s } from '../../main/services/index';
import { cycles } from '../../main/db/schema';
import { dumpDatabase } from '../support/fault-injection';
import { seedCycle } from '../support/factories';
import { testApp } from '../support/test-app';

let app: ReturnType<typeof testApp>;
beforeEach(() => {
  app = testApp();
});
afterEach(() => app.close());

const changesOf = (cycleId: string) => {
  const entries = listAudit(app, { cycleId, limit: 1000 }).reverse();
  return { entries, changeIds: [...new Set(entries.map((entry) => entry.changeId))] };
};

describe('one audited write', () => {
  it('numbers each change by its first audit entry: a save is one change, a bulk load is one change', () => {
    const { cycle, partner } = seedCycle(app);
    const before = changesOf(cycle.id).entries.length;
    const risk = s.risk.create(app, {
      cycleId: cycle.id,
      description: 'Drought delays works',
      likelihood: 'high',
      impact: 'medium',
      mitigation: 'Plan works for the short rains',
      responsibleOrgId: partner.id,
    });
    s.objective.createMany(app, [
      { cycleId: cycle.id, code: 'O2', statement: 'Improve livestock health', sector: 'agriculture_livestock' },
      { cycleId: cycle.id, code: 'O3', statement: 'Keep girls in school', sector: 'education' },
    ]);
    const entries = changesOf(cycle.id).entries.slice(before);
    expect(entries.map((entry) => [entry.tableName, entry.action])).toEqual([
      ['risks', 'create'],
      ['objectives', 'create'],
      ['objectives', 'create'],
    ]);
    const [save, first, second] = entries;
    expect(save?.rowId).toBe(risk.id);
    expect(save?.changeId).toBe(save?.id);
    expect(first?.changeId).toBe(first?.id);
    expect(second?.changeId).toBe(first?.id);
  });

  it('a change made of other changes is one change: a roll-over, with every row it carries', () => {
    const { cycle } = seedCycle(app);
    const seeded = listAudit(app, { limit: 1 })[0]?.id ?? 0;
    const result = runRollover(app, { cycleId: cycle.id, toFiscalYear: '2027/28' });
    const entries = listAudit(app, { limit: 1000 }).filter((entry) => entry.id > seeded);
    // The old cycle moves to close-out, the new one is made and filled, the roll-over is recorded.
    expect(entries.some((entry) => entry.cycleId === cycle.id && entry.tableName === 'cycles')).toBe(true);
    expect(entries.filter((entry) => entry.cycleId === result.cycle.id).length).toBeGreaterThan(5);
    expect(entries.some((entry) => entry.tableName === 'cycle_rollovers')).toBe(true);
    expect(new Set(entries.map((entry) => entry.changeId))).toEqual(new Set([seeded + 1]));
  });

  it('refuses any write into a rolled-over cycle before it starts, and writes nothing', () => {
    const { cycle } = seedCycle(app);
    runRollover(app, { cycleId: cycle.id, toFiscalYear: '2027/28' });
    const dump = dumpDatabase(app);
    // Analysis settings had no read-only check of their own: the wrapper gives every write one.
    expect(() => updateAnalysisSettings(app, { cycleId: cycle.id, onTrackPct: 90, atRiskPct: 40 })).toThrow(/rolled over into FY 2027\/28/);
    expect(() => s.objective.create(app, { cycleId: cycle.id, code: 'O9', statement: 'Late objective', sector: 'education' })).toThrow(/read-only/);
    expect(dumpDatabase(app)).toEqual(dump);
  });

  it('takes everything back when the work fails half-way, clock reading included', () => {
    const { cycle } = seedCycle(app);
    const dump = dumpDatabase(app);
    const clock = app.clock.last;
    expect(() =>
      audited(app, { cycleId: cycle.id }, (tx) => {
        const { at } = stamp(tx);
        tx.db.update(cycles).set({ title: 'Renamed' }).run();
        recordAudit(tx, at, { action: 'update', tableName: 'cycles', rowId: cycle.id, cycleId: cycle.id });
        throw new Error('power cut');
      }),
    ).toThrow('power cut');
    expect(dumpDatabase(app)).toEqual(dump);
    expect(app.clock.last).toEqual(clock);
  });
});
