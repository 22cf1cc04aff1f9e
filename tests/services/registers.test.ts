import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiContract } from '../../shared/api/contract';
import { listAudit } from '../../main/services/audit';
import { registerServices as s } from '../../main/services/index';
import { GARBATULLA, KINNA, WABERA, seedCycle } from '../support/factories';
import { testApp } from '../support/test-app';

let app: ReturnType<typeof testApp>;
let seed: ReturnType<typeof seedCycle>;

beforeEach(() => {
  app = testApp();
  seed = seedCycle(app);
});
afterEach(() => app.close());

describe('a register service', () => {
  it('creates a row with sync metadata, owner and links, in the contract shape', () => {
    const activity = s.activity.get(app, { id: seed.activity.id });
    expect(apiContract['activity:get'].output.parse(activity)).toEqual(activity);
    expect(activity.ownerOrgId).toBe(seed.partner.id);
    expect(activity.wardIds).toEqual([GARBATULLA, KINNA]);
    expect(activity.supportingOrgIds).toEqual([seed.county.id]);
    const stored = app.db.$client.prepare('SELECT hlc, origin FROM activities WHERE id = ?').get(activity.id) as { hlc: string; origin: string };
    expect(stored.origin).toBe(app.installationId);
    expect(stored.hlc).toMatch(new RegExp(`^\\d{15}:\\d{5}:${app.nodeId}$`));
  });

  it('updates only the fields given, re-derives the owner and advances the clock', () => {
    const before = app.db.$client.prepare('SELECT hlc FROM activities WHERE id = ?').pluck().get(seed.activity.id) as string;
    const updated = s.activity.update(app, { id: seed.activity.id, changes: { leadOrgId: seed.county.id, supportingOrgIds: [], wardIds: [WABERA] } });
    expect(updated.title).toBe('Rehabilitate boreholes');
    expect(updated.ownerOrgId).toBe(seed.county.id);
    expect(updated.wardIds).toEqual([WABERA]);
    const after = app.db.$client.prepare('SELECT hlc FROM activities WHERE id = ?').pluck().get(seed.activity.id) as string;
    expect(after > before).toBe(true);
  });

  it('lists a cycle with every row linked, in one call', () => {
    s.activity.create(app, {
      cycleId: seed.cycle.id,
      objectiveId: seed.objective.id,
      title: 'Second',
      sector: 'education',
      leadOrgId: seed.county.id,
      startDate: '2026-07-01',
      endDate: '2026-07-31',
      wardIds: [WABERA],
    });
    const list = s.activity.list(app, { cycleId: seed.cycle.id });
    expect(list.map((a) => [a.title, a.wardIds])).toEqual([
      ['Rehabilitate boreholes', [GARBATULLA, KINNA]],
      ['Second', [WABERA]],
    ]);
  });

  it('refuses to delete a row other rows name, and says which', () => {
    expect(() => s.organisation.remove(app, { id: seed.partner.id })).toThrow(/still named in 1 activity, 1 indicator/);
    expect(() => s.objective.remove(app, { id: seed.objective.id })).toThrow(/still named in 1 activity/);
    expect(s.organisation.get(app, { id: seed.partner.id }).id).toBe(seed.partner.id);
  });

  it('deletes with a tombstone that a bundle can carry', () => {
    s.indicator.remove(app, { id: seed.indicator.id });
    expect(() => s.indicator.get(app, { id: seed.indicator.id })).toThrow(/No indicator/);
    const tombstone = app.db.$client.prepare('SELECT * FROM tombstones WHERE row_id = ?').get(seed.indicator.id) as Record<string, string>;
    expect(tombstone).toMatchObject({ table_name: 'indicators', cycle_id: seed.cycle.id, owner_org_id: seed.partner.id, origin: app.installationId });
  });

  it('deleting an activity takes its ward and supporter links with it', () => {
    s.indicator.remove(app, { id: seed.indicator.id });
    s.activity.remove(app, { id: seed.activity.id });
    expect(app.db.$client.prepare('SELECT count(*) FROM activity_wards').pluck().get()).toBe(0);
    expect(app.db.$client.prepare('SELECT count(*) FROM activity_supporters').pluck().get()).toBe(0);
  });
});

describe('the audit log', () => {
  it('records who, when, which row, and before/after for every write', () => {
    const risk = s.risk.create(app, {
      cycleId: seed.cycle.id,
      description: 'Late exchequer releases',
      likelihood: 'high',
      impact: 'high',
      responsibleOrgId: seed.county.id,
    });
    s.risk.update(app, { id: risk.id, changes: { status: 'mitigated' } });
    s.risk.remove(app, { id: risk.id });
    const entries = listAudit(app, { rowId: risk.id, limit: 10 }).reverse();
    expect(entries.map((e) => e.action)).toEqual(['create', 'update', 'delete']);
    expect(entries.every((e) => e.userName === 'Test Officer' && e.tableName === 'risks' && e.cycleId === seed.cycle.id)).toBe(true);
    expect(entries[0]?.before).toBeNull();
    expect(entries[0]?.after).toMatchObject({ status: 'open' });
    expect(entries[1]?.before).toMatchObject({ status: 'open' });
    expect(entries[1]?.after).toMatchObject({ status: 'mitigated' });
    expect(entries[2]?.before).toMatchObject({ status: 'mitigated' });
    expect(entries[2]?.after).toBeNull();
    expect(String(entries[0]?.at) < String(entries[2]?.at)).toBe(true);
  });

  it('writes nothing for a save that changes nothing', () => {
    const count = () => app.db.$client.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const before = count();
    s.activity.update(app, { id: seed.activity.id, changes: { title: 'Rehabilitate boreholes', wardIds: [GARBATULLA, KINNA] } });
    expect(count()).toBe(before);
  });

  it('rolls the audit entry back with a refused write', () => {
    const count = () => app.db.$client.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const before = count();
    expect(() => s.activity.update(app, { id: seed.activity.id, changes: { endDate: '2026-01-01' } })).toThrow();
    expect(count()).toBe(before);
  });
});

describe('the installation clock', () => {
  it('keeps its last reading across a restart, so stamps never repeat', () => {
    const stored = app.db.$client.prepare('SELECT last_hlc FROM installation').pluck().get() as string;
    const newest = app.db.$client.prepare('SELECT max(hlc) FROM activities').pluck().get() as string;
    expect(stored >= newest).toBe(true);
  });
});

describe('the audit log is append-only', () => {
  it('refuses to change or delete an entry, inside SQLite itself', () => {
    const count = app.db.$client.prepare('SELECT count(*) FROM audit_log').pluck().get();
    expect(() => app.db.$client.prepare("UPDATE audit_log SET user_name = 'someone else'").run()).toThrow(/append-only/);
    expect(() => app.db.$client.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(app.db.$client.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(count);
  });
});
