import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerServices as s } from '../../main/services/index';
import type { AppContext } from '../../main/services/context';
import type { ResolutionChoice, Resolutions } from '../../shared/api/schemas/bundles';
import { yieldToRunner } from '../support/yield-to-runner';
import { exportFull, exportPartner, importInto, peer, preview, smallWorld, type Peer } from './support';

/**
 * Issue 14 item 5 on real databases: the county and a partner copy change random fields of the
 * partner's rows, then exchange bundles, the county first or the partner first, with a random
 * choice for fields both changed. No field edit is lost unless the person chose the other side of a
 * field both copies changed, both copies end up agreeing, and the result does not depend on the
 * order. Each run starts from in-memory copies of one pair of databases, so a run costs a few imports.
 * `PAMOJA_PROPERTY_RUNS=1000 npx vitest run tests/bundles/field-merge.property.test.ts` runs 1,000.
 */

type Copy = 'county' | 'partner';
type Target = 'activity' | 'contribution' | 'indicator';
interface Edit {
  who: Copy;
  target: Target;
  field: string;
  value: string | number;
}
/** Whose value wins a field both copies changed; `later` is the suggested default (the later edit). */
type Winner = Copy | 'later';

const FIELDS: Record<Target, Record<string, fc.Arbitrary<string | number>>> = {
  activity: {
    title: fc.constantFrom('Drill', 'Repair', 'Train'),
    description: fc.constantFrom('Cherab', 'Oldonyiro', ''),
    challenges: fc.constantFrom('Insecurity', 'Rains'),
    completionPct: fc.integer({ min: 0, max: 100 }),
  },
  contribution: {
    component: fc.constantFrom('Pumps', 'Pipes', 'Tanks'),
    amountMinor: fc.integer({ min: 1, max: 3 }).map((n) => n * 1_000_000_00),
    comments: fc.constantFrom('Q1', 'Q2', ''),
  },
  indicator: {
    name: fc.constantFrom('Boreholes drilled', 'Boreholes repaired'),
    targetValue: fc.integer({ min: 1, max: 20 }),
    dataSource: fc.constantFrom('County reports', 'Partner reports', ''),
  },
};
const edit: fc.Arbitrary<Edit> = fc.oneof(
  ...Object.entries(FIELDS).flatMap(([target, fields]) =>
    Object.entries(fields).map(([field, value]) =>
      fc.record({ who: fc.constantFrom<Copy>('county', 'partner'), target: fc.constant(target as Target), field: fc.constant(field), value }),
    ),
  ),
);
const round = fc.record({
  edits: fc.array(edit, { maxLength: 8 }),
  winner: fc.constantFrom<Winner>('county', 'partner', 'later'),
});

interface Template {
  images: Record<Copy, Buffer>;
  cycleId: string;
  rpk: string;
  ids: Record<Target, string>;
}
let template: Template;

beforeAll(() => {
  const world = smallWorld();
  template = {
    images: { county: world.county.db.$client.serialize(), partner: world.partner.db.$client.serialize() },
    cycleId: world.cycleId,
    rpk: world.orgs.rpk,
    ids: { activity: world.rpkActivity.id, contribution: world.rpkLine.id, indicator: world.rpkIndicator.id },
  };
  world.county.close();
  world.partner.close();
});

/** Fresh in-memory copies of the pair; their new ids start with other digits than the template's. */
const copies = (): Record<Copy, Peer> => ({
  county: peer('county', '1000000a', { image: template.images.county }),
  partner: peer('partner', '100000aa', { image: template.images.partner }),
});

const rowOf = (ctx: AppContext, target: Target): Record<string, unknown> => s[target].get(ctx, { id: template.ids[target] });

/** The field values a person sees of the partner's three rows. */
const fieldsOf = (ctx: AppContext) =>
  Object.fromEntries((Object.keys(FIELDS) as Target[]).map((t) => [t, Object.fromEntries(Object.keys(FIELDS[t]).map((f) => [f, rowOf(ctx, t)[f]]))]));

/** Imports a bundle, answering every question for `winner`'s side. */
function exchange(to: Copy, peers: Record<Copy, Peer>, winner: Winner): void {
  const bytes = to === 'county' ? exportPartner(peers.partner, template.cycleId, template.rpk) : exportFull(peers.county, template.cycleId);
  const rows: Resolutions = {};
  for (const conflict of preview(peers[to], bytes).conflicts) {
    const side: ResolutionChoice = winner === 'later' ? conflict.recommended : winner === to ? 'mine' : 'theirs';
    rows[conflict.key] = side;
  }
  const result = importInto(peers[to], bytes, { rows });
  expect(['ready', 'nothing'], result.preview.message).toContain(result.preview.status);
  expect(result.preview.refused).toEqual([]);
}

/** One round: edits on both copies, then bundles both ways in the given order, then one more so both agree. */
function playRound(peers: Record<Copy, Peer>, r: { edits: Edit[]; winner: Winner }, countyFirst: boolean) {
  const before = fieldsOf(peers.county);
  for (const e of r.edits) s[e.target].update(peers[e.who], { id: template.ids[e.target], changes: { [e.field]: e.value } });
  const edited = { county: fieldsOf(peers.county), partner: fieldsOf(peers.partner) };
  if (countyFirst) exchange('partner', peers, r.winner);
  exchange('county', peers, r.winner);
  exchange('partner', peers, r.winner);
  return { before, edited };
}

const RUNS = Number(process.env.PAMOJA_PROPERTY_RUNS ?? 40);
const SEED = process.env.PAMOJA_PROPERTY_SEED === undefined ? {} : { seed: Number(process.env.PAMOJA_PROPERTY_SEED) };

// A run takes a fraction of a second here, several on a loaded machine: the time allowed grows with the runs.
describe('field-by-field merging between two copies (fast-check)', { timeout: Math.max(300_000, RUNS * 3_000) }, () => {
  it('no field edit is lost without a choice, both copies agree, and the order of the imports does not matter', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(round, { minLength: 1, maxLength: 2 }), async (rounds) => {
        await yieldToRunner();
        const results: unknown[] = [];
        for (const countyFirst of [true, false]) {
          const peers = copies();
          try {
            for (const r of rounds) {
              const { before, edited } = playRound(peers, r, countyFirst);
              const after = fieldsOf(peers.county);
              expect(fieldsOf(peers.partner)).toEqual(after);
              for (const target of Object.keys(FIELDS) as Target[]) {
                for (const field of Object.keys(FIELDS[target])) {
                  const [base, atCounty, atPartner] = [before, edited.county, edited.partner].map((v) => (v[target] as Record<string, unknown>)[field]);
                  const got = (after[target] as Record<string, unknown>)[field];
                  const where = `${target}.${field}: was ${String(base)}, county ${String(atCounty)}, partner ${String(atPartner)}`;
                  if (atCounty === base) expect(got, where).toEqual(atPartner);
                  else if (atPartner === base || atPartner === atCounty) expect(got, where).toEqual(atCounty);
                  else if (r.winner === 'later') expect([atCounty, atPartner], where).toContain(got);
                  else expect(got, where).toEqual(r.winner === 'county' ? atCounty : atPartner);
                }
              }
            }
            results.push(fieldsOf(peers.county));
          } finally {
            peers.county.close();
            peers.partner.close();
          }
        }
        // The suggested default is the later edit, and a copy's clock moves with each exchange: after a
        // first round in another order, the second round's edits carry other stamps. So the order is
        // compared for people's choices in any number of rounds, and for the default in one round.
        if (rounds.length === 1 || rounds.every((r) => r.winner !== 'later')) expect(results[1]).toEqual(results[0]);
      }),
      { numRuns: RUNS, ...SEED },
    );
  });
});
