import { afterEach, describe, expect, it } from 'vitest';
import { registerServices, registerServices as s } from '../../main/services/index';
import type { Rules } from '../../main/services/rules';
import { dumpDatabase } from '../support/fault-injection';
import { exportFull, exportPartner, importInto, preview, resign, rowsIn, smallWorld, type Peer } from './support';

/**
 * A partner writes only under its own rows. A row's owner, for the check, comes from this copy's
 * parent, never from the bundle's copy of it: a bundle carrying another organisation's
 * contribution (or indicator), unchanged in its stamp but with the sender as its contributor (or
 * responsible), plus a new disbursement (or period) under it, gets the new row refused and listed,
 * and the database stays exactly as it was.
 */
const opened: Peer[] = [];
afterEach(() => opened.splice(0).forEach((p) => p.close()));

type Row = Record<string, unknown>;

/** The children whose owner is their parent's, with how to forge a parent copy and a new child under it. */
const childCases = [
  {
    child: 'disbursement',
    parent: 'contribution',
    ownerField: 'contributorOrgId',
    parentOf: (w: ReturnType<typeof smallWorld>) => w.krcsLine.id,
    newChild: (w: ReturnType<typeof smallWorld>, parentId: string, meta: Row): Row => ({
      ...meta,
      cycleId: w.cycleId,
      contributionId: parentId,
      periodKey: 'Q2',
      amountMinor: 500_000_00,
      date: '2026-11-02',
      notes: 'Paid by RPK',
    }),
  },
  {
    child: 'indicatorPeriod',
    parent: 'indicator',
    ownerField: 'responsibleOrgId',
    parentOf: (w: ReturnType<typeof smallWorld>) => w.krcsIndicator.id,
    newChild: (w: ReturnType<typeof smallWorld>, parentId: string, meta: Row): Row => ({
      ...meta,
      cycleId: w.cycleId,
      indicatorId: parentId,
      periodKey: 'Q2',
      target: 4,
      actual: 0,
      actualNote: 'Reported by RPK',
      evaluationCriterion: null,
      evaluatedOn: null,
    }),
  },
] as const;

describe('ownership comes from this copy’s parent', () => {
  it('covers every register whose owner is another row’s (a new one must join the cases here)', () => {
    const parents = new Map<string, string>();
    for (const [register, service] of Object.entries(registerServices)) {
      const recording = {
        rowInCycle: (parent: string) => {
          parents.set(register, parent);
          return { contributorOrgId: 'x', responsibleOrgId: 'x', leadOrgId: 'x' };
        },
      } as unknown as Rules;
      service.rowRules.owner({}, recording);
    }
    expect(Object.fromEntries(parents)).toEqual(Object.fromEntries(childCases.map((c) => [c.child, c.parent])));
  });

  for (const c of childCases) {
    it(`a new ${c.child} under another organisation’s ${c.parent}, relabelled in the file, is refused and nothing is written`, () => {
      const world = smallWorld();
      opened.push(world.county, world.partner);
      const { county, partner, cycleId } = world;
      const parentId = c.parentOf(world);
      // The attacker has seen the county's full plan, so it has the other organisation's row as the county holds it.
      const full = exportFull(county, cycleId);
      let countyCopy: Row | undefined;
      resign(full, county, (json) => {
        countyCopy = rowsIn(json, c.parent).find((row) => row.id === parentId);
      });
      if (!countyCopy) throw new Error(`the county's ${c.parent} is missing`);
      const forged = resign(exportPartner(partner, cycleId, world.orgs.rpk), partner, (json) => {
        const parentRow = { ...(countyCopy as Row), [c.ownerField]: world.orgs.rpk };
        json.set(`rows/${c.parent}.json`, [...(rowsIn(json, c.parent) ?? []), parentRow]);
        const meta = {
          id: '000000aa-0000-4000-8000-0000000000f1',
          ownerOrgId: world.orgs.rpk,
          createdAt: '2026-11-25T09:00:00.000Z',
          updatedAt: '2026-11-25T09:00:00.000Z',
        };
        const stamp = { hlc: '001764061200000:00000:000000aa0000', origin: partner.installationId, baseHlc: null };
        json.set(`rows/${c.child}.json`, [...(rowsIn(json, c.child) ?? []), c.newChild(world, parentId, { ...meta, ...stamp })]);
      });
      const dump = dumpDatabase(county);
      const result = importInto(county, forged, { all: 'theirs' });
      expect(result.applied).toBe(false);
      expect(result.preview.refused).toEqual([
        expect.objectContaining({
          register: c.child,
          id: '000000aa-0000-4000-8000-0000000000f1',
          reason: expect.stringMatching(/belongs to Kenya Red Cross Society; Resilience Partners Kenya may change only its own rows/),
        }),
      ]);
      expect(dumpDatabase(county)).toBe(dump);
    });
  }

  it('the rest of such a bundle is applied, and the forged child never is', () => {
    const world = smallWorld();
    opened.push(world.county, world.partner);
    const { county, partner, cycleId } = world;
    s.activity.update(partner, { id: world.rpkActivity.id, changes: { title: 'Deep boreholes at Garbatulla' } });
    const full = exportFull(county, cycleId);
    let line: Row | undefined;
    resign(full, county, (json) => {
      line = rowsIn(json, 'contribution').find((row) => row.id === world.krcsLine.id);
    });
    const forged = resign(exportPartner(partner, cycleId, world.orgs.rpk), partner, (json) => {
      json.set('rows/contribution.json', [...rowsIn(json, 'contribution'), { ...(line as Row), contributorOrgId: world.orgs.rpk }]);
      const disbursement = childCases[0].newChild(world, world.krcsLine.id, {
        id: '000000aa-0000-4000-8000-0000000000f2',
        ownerOrgId: world.orgs.rpk,
        createdAt: '2026-11-25T09:00:00.000Z',
        updatedAt: '2026-11-25T09:00:00.000Z',
        hlc: '001764061200000:00000:000000aa0000',
        origin: partner.installationId,
        baseHlc: null,
      });
      json.set('rows/disbursement.json', [disbursement]);
    });
    expect(preview(county, forged).refused.map((r) => r.register)).toEqual(['disbursement']);
    expect(importInto(county, forged).applied).toBe(true);
    expect(s.activity.get(county, { id: world.rpkActivity.id }).title).toBe('Deep boreholes at Garbatulla');
    expect(s.disbursement.list(county, { cycleId })).toEqual([]);
    expect(s.contribution.get(county, { id: world.krcsLine.id }).contributorOrgId).toBe(world.orgs.krcs);
  });
});
