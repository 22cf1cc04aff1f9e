import { afterEach, describe, expect, it } from 'vitest';
import { readTombstones } from '../../main/bundles/cycle-rows';
import { readBundle } from '../../main/bundles/read';
import { createDispatcher } from '../../main/transport/dispatcher';
import { registerServices as s } from '../../main/services/index';
import { dumpDatabase } from '../support/fault-injection';
import { exportFull, exportPartner, importInto, preview, resign, rowsIn, smallWorld, type Peer } from './support';

/**
 * Issue 14's smaller gaps, end to end between two copies: a partner's deletion of a row the county
 * never had is not kept (nor sent on), rows that claim this copy made them are refused, and a budget
 * line has a ceiling the message names.
 */
const opened: Peer[] = [];
afterEach(() => opened.splice(0).forEach((p) => p.close()));

describe('deletions of rows the receiver never had', () => {
  it('are neither kept nor sent on, and an older bundle of the sender cannot bring the row back', () => {
    const world = smallWorld();
    opened.push(world.county, world.partner);
    const { county, partner, cycleId } = world;
    // The partner adds a risk and sends it (bundle 1), then deletes it and sends again (bundle 2).
    const risk = s.risk.create(partner, { cycleId, code: 'R5', description: 'Pump theft', likelihood: 'low', impact: 'low', responsibleOrgId: world.orgs.rpk });
    const older = exportPartner(partner, cycleId, world.orgs.rpk);
    s.risk.remove(partner, { id: risk.id });
    s.activity.update(partner, { id: world.rpkActivity.id, changes: { title: 'Deep boreholes' } });
    const newer = exportPartner(partner, cycleId, world.orgs.rpk);
    // The newer arrives first: the deletion is of a row the county never had.
    expect(importInto(county, newer).applied).toBe(true);
    expect(readTombstones(county.db.$client, cycleId).get('risk')?.has(risk.id)).toBe(false);
    expect(readBundle(exportFull(county, cycleId)).tombstones.map((t) => t.rowId)).not.toContain(risk.id);
    // The older arrives late: the risk its sender has since deleted stays out.
    const late = preview(county, older);
    expect(late.adds.map((a) => a.id)).not.toContain(risk.id);
    importInto(county, older);
    expect(s.risk.list(county, { cycleId }).map((r) => r.id)).not.toContain(risk.id);
  });

  it('a partner cannot plant a deletion of another organisation’s row before it arrives', () => {
    const world = smallWorld();
    opened.push(world.county, world.partner);
    const { county, partner, cycleId } = world;
    const planted = resign(exportPartner(partner, cycleId, world.orgs.rpk), partner, (json) => {
      json.set('tombstones.json', [
        {
          register: 'activity',
          rowId: '000000bb-0000-4000-8000-000000000042',
          ownerOrgId: world.orgs.rpk,
          deletedAt: '2026-11-25T09:00:00.000Z',
          hlc: '001764061200000:00000:000000aa0000',
          origin: partner.installationId,
          baseHlc: null,
        },
      ]);
    });
    const dump = dumpDatabase(county);
    const result = importInto(county, planted);
    expect(result.preview.status).toBe('nothing');
    expect(dumpDatabase(county)).toBe(dump);
  });
});

describe('revisions in this copy’s name', () => {
  it('a new row that claims this copy made it is refused and listed', () => {
    const world = smallWorld();
    opened.push(world.county, world.partner);
    const { county, partner, cycleId } = world;
    s.risk.create(partner, { cycleId, code: 'R7', description: 'Locusts', likelihood: 'low', impact: 'low', responsibleOrgId: world.orgs.rpk });
    const forged = resign(exportPartner(partner, cycleId, world.orgs.rpk), partner, (json) => {
      for (const row of rowsIn(json, 'risk')) row.origin = county.installationId;
    });
    const dump = dumpDatabase(county);
    const result = importInto(county, forged);
    expect(result.preview.refused).toEqual([
      expect.objectContaining({ register: 'risk', reason: expect.stringMatching(/claims to have been made by this copy/) }),
    ]);
    expect(dumpDatabase(county)).toBe(dump);
  });
});

describe('the ceiling of one budget line', () => {
  it('KES 9 trillion is refused with the ceiling named; KES 100 billion is accepted', () => {
    const world = smallWorld();
    opened.push(world.county, world.partner);
    const dispatch = createDispatcher(world.county, () => undefined);
    const line = (amountMinor: number) =>
      dispatch('contribution:create', { cycleId: world.cycleId, component: 'Dam', contributorOrgId: world.orgs.krcs, activityId: null, amountMinor });
    expect(line(9_000_000_000_000 * 100)).toMatchObject({
      ok: false,
      error: { field: 'amountMinor', message: 'Amount: at most 100 billion (100,000,000,000) on one line; split a larger amount over several lines.' },
    });
    expect(line(100_000_000_000 * 100)).toMatchObject({ ok: true });
  });
});
