import { describe, expect, it } from 'vitest';
import { changesAnnex } from '../../shared/lifecycle/annex';
import { readableDiff } from '../../shared/lifecycle/describe';
import { diffSnapshots, sameValue, type PlanSnapshot } from '../../shared/lifecycle/diff';

const CYCLE = 'c0000000-0000-4000-8000-000000000001';
const ORG_A = 'a0000000-0000-4000-8000-000000000001';
const ORG_B = 'a0000000-0000-4000-8000-000000000002';
const OBJ = 'b0000000-0000-4000-8000-000000000001';
const ACT_1 = 'd0000000-0000-4000-8000-000000000001';
const ACT_2 = 'd0000000-0000-4000-8000-000000000002';
const ACT_3 = 'd0000000-0000-4000-8000-000000000003';
const LINE = 'e0000000-0000-4000-8000-000000000001';

const org = (id: string, name: string) => ({ id, cycleId: CYCLE, ownerOrgId: null, name, shortName: '', category: 'implementing_partner' });
const activity = (id: string, code: string, title: string, fields: Record<string, unknown> = {}) => ({
  id,
  cycleId: CYCLE,
  ownerOrgId: ORG_A,
  objectiveId: OBJ,
  code,
  title,
  leadOrgId: ORG_A,
  status: 'planned',
  completionPct: 0,
  startDate: '2026-08-01',
  endDate: '2027-03-31',
  wardIds: ['ke-ward-0248'],
  supportingOrgIds: [],
  challenges: '',
  ...fields,
});

/** Version 1 of a small plan, built by hand so every expected change is known. */
function v1(): PlanSnapshot {
  return {
    cycle: { id: CYCLE, title: 'Isiolo JWP FY 2026/27', fiscalYear: '2026/27', kesPerUsdScaled: 1_293_500 },
    registers: {
      organisation: [org(ORG_A, 'Resilience Partners Kenya'), org(ORG_B, 'County Water Department')],
      objective: [{ id: OBJ, cycleId: CYCLE, ownerOrgId: null, code: 'O1', statement: 'Safe water for all' }],
      activity: [activity(ACT_1, 'A1', 'Rehabilitate boreholes'), activity(ACT_2, 'A2', 'Train water committees')],
      contribution: [
        {
          id: LINE,
          cycleId: CYCLE,
          ownerOrgId: ORG_A,
          activityId: ACT_1,
          component: 'Borehole parts',
          contributorOrgId: ORG_A,
          amountMinor: 150_000_000,
          currency: 'KES',
        },
      ],
    },
  };
}

function setAmount(snapshot: PlanSnapshot, amountMinor: number): void {
  const [line] = snapshot.registers.contribution ?? [];
  if (line) line.amountMinor = amountMinor;
}

describe('diffSnapshots on hand-built cases', () => {
  it('finds nothing between a snapshot and itself, or a copy with rows and keys in another order', () => {
    const a = v1();
    const b = v1();
    b.registers.activity = [...(b.registers.activity ?? [])].reverse();
    b.registers.organisation = (b.registers.organisation ?? []).map((row) => Object.fromEntries(Object.entries(row).reverse()));
    expect(diffSnapshots(a, a).identical).toBe(true);
    const diff = diffSnapshots(a, b);
    expect(diff).toEqual({ identical: true, cycle: [], registers: [], totals: { added: 0, removed: 0, changed: 0 } });
  });

  it('reports added, removed and changed rows, field by field, old → new', () => {
    const before = v1();
    const after = v1();
    after.registers.activity = [
      activity(ACT_1, 'A1', 'Rehabilitate boreholes', { status: 'ongoing', completionPct: 40, wardIds: ['ke-ward-0248', 'ke-ward-0249'] }),
      activity(ACT_3, 'A3', 'Drill a new borehole'),
    ];
    const diff = diffSnapshots(before, after);
    expect(diff.identical).toBe(false);
    expect(diff.totals).toEqual({ added: 1, removed: 1, changed: 1 });
    expect(diff.registers.map((r) => r.register)).toEqual(['activity']);
    const [changes] = diff.registers;
    expect(changes?.rows.map((r) => [r.kind, r.id])).toEqual([
      ['added', ACT_3],
      ['changed', ACT_1],
      ['removed', ACT_2],
    ]);
    const changed = changes?.rows.find((r) => r.kind === 'changed');
    expect(changed?.fields).toEqual([
      { field: 'wardIds', old: ['ke-ward-0248'], new: ['ke-ward-0248', 'ke-ward-0249'] },
      { field: 'status', old: 'planned', new: 'ongoing' },
      { field: 'completionPct', old: 0, new: 40 },
    ]);
    // An added row lists its non-empty fields in the form's order; identity and owner are never reported.
    const added = changes?.rows.find((r) => r.kind === 'added');
    expect(added?.fields.map((f) => f.field)).toEqual([
      'objectiveId',
      'code',
      'title',
      'leadOrgId',
      'wardIds',
      'startDate',
      'endDate',
      'status',
      'completionPct',
    ]);
    expect(added?.fields.every((f) => f.old === null)).toBe(true);
    const removed = changes?.rows.find((r) => r.kind === 'removed');
    expect(removed?.fields.every((f) => f.new === null)).toBe(true);
  });

  it('ignores the derived owner and reports a field that appears or disappears', () => {
    const before = v1();
    const after = v1();
    const line = after.registers.contribution?.[0] ?? {};
    line.ownerOrgId = ORG_B; // derived from the contributor: not a change people made
    line.comments = 'Co-funded';
    const diff = diffSnapshots(before, after);
    expect(diff.registers[0]?.rows[0]?.fields).toEqual([{ field: 'comments', old: null, new: 'Co-funded' }]);
  });

  it('reports the cycle’s general information and lists registers in the plan’s order', () => {
    const before = v1();
    const after = v1();
    after.cycle.title = 'Isiolo JWP FY 2026/27 (revised)';
    setAmount(after, 175_000_000);
    after.registers.organisation = [org(ORG_A, 'Resilience Partners Kenya Ltd'), org(ORG_B, 'County Water Department')];
    const diff = diffSnapshots(before, after);
    expect(diff.cycle).toEqual([{ field: 'title', old: 'Isiolo JWP FY 2026/27', new: 'Isiolo JWP FY 2026/27 (revised)' }]);
    expect(diff.registers.map((r) => r.register)).toEqual(['organisation', 'contribution']);
    expect(diff.totals.changed).toBe(3);
  });

  it('compares values structurally', () => {
    expect(sameValue({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue(null, 0)).toBe(false);
    expect(sameValue('1', 1)).toBe(false);
  });
});

describe('the readable diff and the Word annex', () => {
  const before = v1();
  const after = v1();
  after.registers.organisation = [org(ORG_A, 'Resilience Partners Kenya Ltd'), org(ORG_B, 'County Water Department')];
  after.registers.activity = [
    activity(ACT_1, 'A1', 'Rehabilitate boreholes', { status: 'ongoing', leadOrgId: ORG_B, wardIds: ['ke-ward-0248', 'ke-ward-0249'], endDate: '2027-05-31' }),
    activity(ACT_3, 'A3', 'Drill a new borehole'),
  ];
  setAmount(after, 175_000_050);
  const units = new Map([
    ['ke-ward-0248', 'Garbatulla'],
    ['ke-ward-0249', 'Kinna'],
  ]);
  const diff = readableDiff(
    { ref: { version: 1, label: 'version 1 (approved 1 Oct 2026)', fingerprint: 'aaaa1111' }, snapshot: before },
    { ref: { version: null, label: 'the working plan', fingerprint: 'bbbb2222' }, snapshot: after },
    units,
  );

  it('names rows, fields and values as people read them', () => {
    expect(diff.summary).toBe('1 added, 1 removed, 3 changed');
    const activities = diff.registers.find((r) => r.register === 'activity');
    expect(activities?.heading).toBe('Joint activities (action plan)');
    expect(activities?.rows.map((r) => `${r.kind} ${r.label}`)).toEqual([
      'added A3 Drill a new borehole',
      'changed A1 Rehabilitate boreholes',
      'removed A2 Train water committees',
    ]);
    const changed = activities?.rows[1]?.fields.map((f) => `${f.label}: ${f.old} → ${f.new}`);
    expect(changed).toEqual([
      'Lead organisation: Resilience Partners Kenya Ltd → County Water Department',
      'Wards: Garbatulla → Garbatulla; Kinna',
      'End date: 31 Mar 2027 → 31 May 2027',
      'Status: Planned → Ongoing',
    ]);
    const money = diff.registers.find((r) => r.register === 'contribution')?.rows[0];
    expect(money?.label).toBe('Borehole parts (Resilience Partners Kenya Ltd)');
    expect(money?.fields[0]).toMatchObject({ label: 'Amount', old: 'KES 1,500,000', new: 'KES 1,750,000.50', oldValue: 150_000_000, newValue: 175_000_050 });
  });

  it('becomes the annex "Changes since version 1", one section per register', () => {
    const annex = changesAnnex(diff);
    expect(annex.title).toBe('Changes since version 1');
    expect(annex.noChanges).toBe(false);
    expect(annex.intro).toContain('version 1 (approved 1 Oct 2026) (fingerprint aaaa1111) to the working plan (fingerprint bbbb2222)');
    expect(annex.sections.map((s) => s.heading)).toEqual(['Stakeholders (organisations)', 'Joint activities (action plan)', 'Budget contributions']);
    const activities = annex.sections[1]?.rows ?? [];
    expect(activities.map((r) => r.change)).toEqual(['Added', 'Changed', 'Removed']);
    expect(activities[1]?.details).toContain('Status: Planned → Ongoing');
    expect(activities[0]?.details).toContain('Activity: Drill a new borehole');
    expect(activities[2]?.details).toContain('Activity: Train water committees');
  });

  it('says so when nothing changed', () => {
    const same = readableDiff(
      { ref: { version: 1, label: 'version 1', fingerprint: 'aaaa1111' }, snapshot: v1() },
      { ref: { version: 2, label: 'version 2', fingerprint: 'aaaa1111' }, snapshot: v1() },
    );
    const annex = changesAnnex(same);
    expect(same.summary).toBe('No changes');
    expect(annex).toMatchObject({ noChanges: true, sections: [] });
    expect(annex.intro).toMatch(/^Version 2 \(fingerprint aaaa1111\) holds exactly the plan of version 1/);
  });
});
