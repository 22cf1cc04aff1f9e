import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { yieldToRunner } from '../support/yield-to-runner';
import { createCycle, updateCycle } from '../../main/services/cycles';
import { registerServices as s } from '../../main/services/index';
import { dumpDatabase } from '../support/fault-injection';
import { contentOf, exportFull, exportPartner, importInto, peer, preview, trust, type Peer } from './support';

/**
 * Random edit sequences on three copies (the Secretariat C, partners A and B), exchanged in random
 * orders: merging is idempotent, independent partners' bundles merge the same in either order,
 * and no edit is lost unless a person decided it in a recorded conflict.
 */

type Who = 'A' | 'B' | 'C';
type Edit =
  | { who: Who; kind: 'title'; target: number; value: string }
  | { who: Who; kind: 'amount'; target: number; value: number }
  | { who: Who; kind: 'create'; value: number }
  | { who: Who; kind: 'delete'; target: number }
  | { who: Who; kind: 'risk'; target: number; value: 'open' | 'closed' | 'occurred' };
type Exchange = { from: 'A' | 'B'; resolve: 'mine' | 'theirs' } | { to: 'A' | 'B'; resolve: 'mine' | 'theirs' };
type Step = { edit: Edit } | { exchange: Exchange };

interface World {
  peers: Record<Who, Peer>;
  cycleId: string;
  orgs: Record<'A' | 'B' | 'county', string>;
  /** Every edit applied: who changed which field of which row to what. */
  log: { who: Who; key: string; field: string; value: unknown }[];
  created: { who: Who; key: string }[];
  deleted: { who: Who; key: string }[];
}

const PREFIX: Record<Who, string> = { C: '0000000c', A: '000000aa', B: '000000bb' };

/** The same world every time (fixed ids and clocks), so two runs can be compared. */
function makeWorld(): World {
  const C = peer('C', PREFIX.C);
  const A = peer('A', PREFIX.A, { start: '2026-11-25T08:00:30.000Z' });
  const B = peer('B', PREFIX.B, { start: '2026-11-25T07:59:30.000Z' });
  const cycle = createCycle(C, {
    title: 'Property JWP',
    countyId: 'ke-county-011',
    fiscalYear: '2026/27',
    startDate: '2026-07-01',
    endDate: '2027-06-30',
    kesPerUsdScaled: 1_293_500,
    exchangeRateDate: '2026-07-01',
  });
  const county = s.organisation.create(C, { cycleId: cycle.id, name: 'County Secretariat', shortName: 'SEC', category: 'government' });
  const orgA = s.organisation.create(C, { cycleId: cycle.id, name: 'Partner A', shortName: 'PA', category: 'implementing_partner' });
  const orgB = s.organisation.create(C, { cycleId: cycle.id, name: 'Partner B', shortName: 'PB', category: 'civil_society' });
  updateCycle(C, { id: cycle.id, changes: { leadOrgId: county.id } });
  const objective = s.objective.create(C, { cycleId: cycle.id, code: 'O1', statement: 'Water', sector: 'water_wash' });
  for (const [org, code] of [
    [orgA, 'A'],
    [orgB, 'B'],
  ] as const) {
    for (const n of [1, 2]) {
      const activity = s.activity.create(C, {
        cycleId: cycle.id,
        objectiveId: objective.id,
        code: `${code}${n}`,
        title: `Activity ${code}${n}`,
        sector: 'water_wash',
        leadOrgId: org.id,
        startDate: '2026-08-01',
        endDate: '2027-03-31',
      });
      s.contribution.create(C, {
        cycleId: cycle.id,
        activityId: activity.id,
        component: `Line ${code}${n}`,
        contributorOrgId: org.id,
        amountMinor: 100_00 * n,
      });
    }
    s.risk.create(C, { cycleId: cycle.id, code: `R${code}`, description: `Risk of ${code}`, likelihood: 'low', impact: 'low', responsibleOrgId: org.id });
  }
  const world: World = { peers: { A, B, C }, cycleId: cycle.id, orgs: { A: orgA.id, B: orgB.id, county: county.id }, log: [], created: [], deleted: [] };
  for (const who of ['A', 'B'] as const) {
    const bundle = exportPartner(C, cycle.id, world.orgs[who]);
    trust(world.peers[who], bundle);
    expect(importInto(world.peers[who], bundle).applied).toBe(true);
    trust(C, exportPartner(world.peers[who], cycle.id, world.orgs[who]));
  }
  return world;
}

/** Rows a peer may edit: a partner its own, the Secretariat any. */
function ownRows<T extends { id: string }>(world: World, who: Who, rows: T[], owner: (row: T) => string): T[] {
  const mine = who === 'C' ? rows : rows.filter((row) => owner(row) === world.orgs[who]);
  return [...mine].sort((x, y) => x.id.localeCompare(y.id));
}

function applyEdit(world: World, edit: Edit): void {
  const ctx = world.peers[edit.who];
  const cycleId = world.cycleId;
  const pick = <T>(list: T[], index: number) => (list.length === 0 ? undefined : list[index % list.length]);
  const record = (key: string, field: string, value: unknown) => world.log.push({ who: edit.who, key, field, value });
  if (edit.kind === 'title') {
    const activity = pick(
      ownRows(world, edit.who, s.activity.list(ctx, { cycleId }), (x) => x.leadOrgId),
      edit.target,
    );
    if (!activity) return;
    const value = `${edit.value} (${edit.who})`;
    s.activity.update(ctx, { id: activity.id, changes: { title: value } });
    record(`activity:${activity.id}`, 'title', value);
  } else if (edit.kind === 'amount' || edit.kind === 'delete') {
    const line = pick(
      ownRows(world, edit.who, s.contribution.list(ctx, { cycleId }), (x) => x.contributorOrgId),
      edit.target,
    );
    if (!line) return;
    if (edit.kind === 'delete') {
      s.contribution.remove(ctx, { id: line.id });
      world.deleted.push({ who: edit.who, key: `contribution:${line.id}` });
    } else {
      s.contribution.update(ctx, { id: line.id, changes: { amountMinor: edit.value } });
      record(`contribution:${line.id}`, 'amountMinor', edit.value);
    }
  } else if (edit.kind === 'create') {
    const org = edit.who === 'C' ? world.orgs.A : world.orgs[edit.who];
    const activity = ownRows(world, edit.who, s.activity.list(ctx, { cycleId }), (x) => x.leadOrgId).find((x) => x.leadOrgId === org);
    if (!activity) return;
    const line = s.contribution.create(ctx, {
      cycleId,
      activityId: activity.id,
      component: `New line ${world.created.length}`,
      contributorOrgId: org,
      amountMinor: edit.value,
    });
    world.created.push({ who: edit.who, key: `contribution:${line.id}` });
  } else {
    const risk = pick(
      ownRows(world, edit.who, s.risk.list(ctx, { cycleId }), (x) => x.responsibleOrgId),
      edit.target,
    );
    if (!risk) return;
    s.risk.update(ctx, { id: risk.id, changes: { status: edit.value } });
    record(`risk:${risk.id}`, 'status', edit.value);
  }
}

function applyExchange(world: World, exchange: Exchange): void {
  const { C } = world.peers;
  const [bytes, to] =
    'from' in exchange
      ? [exportPartner(world.peers[exchange.from], world.cycleId, world.orgs[exchange.from]), C]
      : [exportFull(C, world.cycleId), world.peers[exchange.to]];
  const result = importInto(to, bytes, { all: exchange.resolve });
  expect(['ready', 'nothing'], result.preview.message).toContain(result.preview.status);
  expect(result.preview.refused).toEqual([]);
  // Idempotence: the same bundle again changes nothing.
  const dump = dumpDatabase(to);
  expect(preview(to, bytes).status).toBe('nothing');
  expect(importInto(to, bytes).applied).toBe(false);
  expect(dumpDatabase(to)).toBe(dump);
}

/** The final round every run ends with: partners send, the Secretariat sends the consolidated plan back. */
function settle(world: World, resolve: 'mine' | 'theirs'): void {
  applyExchange(world, { from: 'A', resolve });
  applyExchange(world, { from: 'B', resolve });
  applyExchange(world, { to: 'A', resolve: 'theirs' });
  applyExchange(world, { to: 'B', resolve: 'theirs' });
}

function decidedKeys(world: World): Set<string> {
  const keys = new Set<string>();
  for (const ctx of Object.values(world.peers)) {
    for (const json of ctx.db.$client.prepare('SELECT summary_json FROM bundle_imports').pluck().all() as string[]) {
      for (const decision of (JSON.parse(json) as { decisions: { key: string }[] }).decisions) keys.add(decision.key);
    }
  }
  return keys;
}

/**
 * A partner's copy as it must agree with the Secretariat's. A partner may keep the deletion of a
 * row it created and deleted before ever sending it: the Secretariat never had the row and does
 * not keep such a deletion (see settleUnknownDeletions), so it only ever concerns that partner's
 * own new rows, and it is checked to be exactly that.
 */
function agreedContent(world: World, who: 'A' | 'B', atC: Record<string, unknown>): Record<string, unknown> {
  const content = contentOf(world.peers[who], world.cycleId);
  for (const key of Object.keys(content)) {
    if (!key.endsWith(':deleted')) continue;
    const register = key.slice(0, -':deleted'.length);
    const known = new Set([...(atC[key] as string[]), ...(atC[register] as { id: string }[]).map((row) => row.id)]);
    const [kept, ownOnly] = [(content[key] as string[]).filter((id) => known.has(id)), (content[key] as string[]).filter((id) => !known.has(id))];
    for (const id of ownOnly) {
      const rowKey = `${register}:${id}`;
      expect(
        world.created.some((c) => c.key === rowKey && c.who === who) && world.deleted.some((d) => d.key === rowKey && d.who === who),
        `${rowKey} deleted only at ${who}`,
      ).toBe(true);
    }
    content[key] = kept;
  }
  return content;
}

const who = fc.constantFrom<Who>('A', 'B', 'C');
const partner = fc.constantFrom<'A' | 'B'>('A', 'B');
const resolve = fc.constantFrom<'mine' | 'theirs'>('mine', 'theirs');
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ who, kind: fc.constant('title' as const), target: fc.nat(3), value: fc.constantFrom('Drill', 'Repair', 'Train', 'Survey') }),
  fc.record({ who, kind: fc.constant('amount' as const), target: fc.nat(3), value: fc.integer({ min: 1, max: 9_999_999 }) }),
  fc.record({ who, kind: fc.constant('create' as const), value: fc.integer({ min: 1, max: 9_999_999 }) }),
  fc.record({ who, kind: fc.constant('delete' as const), target: fc.nat(3) }),
  fc.record({ who, kind: fc.constant('risk' as const), target: fc.nat(3), value: fc.constantFrom('open' as const, 'closed' as const, 'occurred' as const) }),
);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: edit.map((e) => ({ edit: e })) },
  { weight: 1, arbitrary: fc.oneof(fc.record({ from: partner, resolve }), fc.record({ to: partner, resolve })).map((x) => ({ exchange: x as Exchange })) },
);

const close = (world: World) => Object.values(world.peers).forEach((p) => p.close());
const RUNS = Number(process.env.PAMOJA_PROPERTY_RUNS ?? 12);
// A failure prints its seed: PAMOJA_PROPERTY_SEED=<seed> replays it.
const SEED = process.env.PAMOJA_PROPERTY_SEED === undefined ? {} : { seed: Number(process.env.PAMOJA_PROPERTY_SEED) };

// Minutes on a busy machine: the runs are many, each builds and merges three databases; each run
// first lets the worker answer vitest.
describe('merge properties (fast-check)', { timeout: 300_000 }, () => {
  it('after any edits and exchanges, one last round makes all three copies agree, and no edit is lost without a recorded decision', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 14 }), resolve, async (steps, last) => {
        await yieldToRunner();
        const world = makeWorld();
        try {
          for (const st of steps) {
            if ('edit' in st) applyEdit(world, st.edit);
            else applyExchange(world, st.exchange);
          }
          settle(world, last);
          const atC = contentOf(world.peers.C, world.cycleId);
          for (const who of ['A', 'B'] as const) expect(agreedContent(world, who, atC)).toEqual(atC);

          const decided = decidedKeys(world);
          const rows = new Map<string, Record<string, unknown>>();
          for (const [register, list] of Object.entries(atC))
            if (Array.isArray(list))
              for (const row of list as Record<string, unknown>[]) if (typeof row === 'object') rows.set(`${register}:${String(row.id)}`, row);
          const deletedByDecision = (key: string) => decided.has(key);
          // An edit no conflict touched: the last value of the only copy that changed the field stands.
          const byField = new Map<string, { whos: Set<Who>; value: unknown }>();
          for (const e of world.log) {
            const k = `${e.key}|${e.field}`;
            const entry = byField.get(k) ?? { whos: new Set<Who>(), value: undefined };
            entry.whos.add(e.who);
            entry.value = e.value;
            byField.set(k, entry);
          }
          for (const [k, { whos, value }] of byField) {
            const [key, field] = k.split('|') as [string, string];
            if (whos.size > 1 || decided.has(key) || world.deleted.some((d) => d.key === key)) continue;
            expect(rows.get(key)?.[field], `${k} edited only by ${[...whos].join()}`).toEqual(value);
          }
          for (const { key } of world.created)
            if (!world.deleted.some((d) => d.key === key) && !deletedByDecision(key)) expect(rows.has(key), `${key} created`).toBe(true);
          for (const { key } of world.deleted) if (!decided.has(key)) expect(rows.has(key), `${key} deleted`).toBe(false);
        } finally {
          close(world);
        }
      }),
      { numRuns: RUNS, ...SEED },
    );
  });

  it('independent partners’ bundles merge to the same plan in either order', async () => {
    const partnerEdit = edit.filter((e) => e.who !== 'C');
    await fc.assert(
      fc.asyncProperty(
        fc.array(partnerEdit, { maxLength: 8 }),
        fc.array(
          edit.filter((e) => e.who === 'C' && e.kind !== 'delete'),
          { maxLength: 3 },
        ),
        resolve,
        async (edits, countyEdits, choice) => {
          await yieldToRunner();
          const results: unknown[] = [];
          for (const order of [
            ['A', 'B'],
            ['B', 'A'],
          ] as const) {
            const world = makeWorld();
            try {
              for (const e of [...edits, ...countyEdits]) applyEdit(world, e);
              for (const from of order) applyExchange(world, { from, resolve: choice });
              results.push(contentOf(world.peers.C, world.cycleId));
            } finally {
              close(world);
            }
          }
          expect(results[1]).toEqual(results[0]);
        },
      ),
      { numRuns: RUNS, ...SEED },
    );
  });
});
