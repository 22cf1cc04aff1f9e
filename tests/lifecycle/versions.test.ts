import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentHash, cycleContent, cycleFingerprint } from '../../main/exports/fingerprint';
import { lifecycleStatus, setPhase, tickStep } from '../../main/lifecycle/phases';
import { approveVersion, listVersions, recordSignature, removeSignature, versionRows, workingState } from '../../main/lifecycle/versions';
import { registerServices as s } from '../../main/services/index';
import { seedCycle, KINNA } from '../support/factories';
import { testApp } from '../support/test-app';

let app: ReturnType<typeof testApp>;
let seed: ReturnType<typeof seedCycle>;
beforeEach(() => {
  app = testApp();
  seed = seedCycle(app);
});
afterEach(() => app.close());

const approve = (by = 'Amina Wario', approvedOn?: string) => approveVersion(app, { cycleId: seed.cycle.id, approvedBy: by, approvedOn, note: '' });
const frozen = () => app.db.$client.prepare('SELECT * FROM plan_versions ORDER BY number').all();

/** Rewrites every register table with its rows in reverse order: same content, another row order. */
function reverseRowOrder(): void {
  const client = app.db.$client;
  client.pragma('foreign_keys = OFF');
  for (const table of ['organisations', 'objectives', 'activities', 'activity_wards', 'activity_supporters', 'indicators']) {
    client.exec(
      `CREATE TEMP TABLE copy AS SELECT * FROM "${table}" ORDER BY rowid DESC; DELETE FROM "${table}"; INSERT INTO "${table}" SELECT * FROM copy; DROP TABLE copy;`,
    );
  }
  client.pragma('foreign_keys = ON');
}

describe('approving freezes a numbered version', () => {
  it('freezes version 1 with the fingerprint the Word exports print', () => {
    const fingerprint = cycleFingerprint(app, seed.cycle.id);
    const version = approve();
    expect(version).toMatchObject({ number: 1, fingerprint, approvedBy: 'Amina Wario', approvedOn: '2026-11-25', label: 'version 1 (approved 25 Nov 2026)' });
    expect(version.contentHash).toBe(contentHash(cycleContent(app, seed.cycle.id)));
    expect(version.counts).toMatchObject({ organisation: 2, objective: 1, activity: 1, indicator: 1 });
    expect(workingState(app, seed.cycle.id)).toMatchObject({
      state: 'approved',
      latestVersion: 1,
      workingFingerprint: fingerprint,
      versionLabel: 'Version 1 (approved 25 Nov 2026)',
    });
  });

  it('never changes a frozen version when the working plan changes', () => {
    approve();
    const before = frozen();
    s.activity.update(app, { id: seed.activity.id, changes: { status: 'ongoing', completionPct: 30, wardIds: [KINNA] } });
    s.organisation.update(app, { id: seed.partner.id, changes: { name: 'Resilience Partners Kenya Ltd' } });
    s.objective.create(app, { cycleId: seed.cycle.id, code: 'O2', statement: 'Improve nutrition', sector: 'health_nutrition' });
    expect(frozen()).toEqual(before);
    // The stored snapshot still hashes to the stored hash: it is the plan that was approved.
    const [row] = versionRows(app, seed.cycle.id);
    expect(contentHash(JSON.parse(row?.snapshotJson ?? 'null'))).toBe(row?.contentHash);
    const state = workingState(app, seed.cycle.id);
    expect(state).toMatchObject({
      state: 'revision',
      latestVersion: 1,
      changesSinceLatest: 3,
      versionLabel: 'Revision of version 1 in progress (not approved)',
    });
    expect(state.workingFingerprint).not.toBe(row?.fingerprint);
  });

  it('makes the next version on re-approval, and refuses to approve an unchanged plan', () => {
    const first = approve();
    expect(() => approve()).toThrow(`Version 1 (fingerprint ${first.fingerprint}) already holds exactly this plan`);
    s.activity.update(app, { id: seed.activity.id, changes: { title: 'Rehabilitate 12 boreholes' } });
    const second = approve('Hassan Dida');
    expect(second.number).toBe(2);
    expect(second.fingerprint).not.toBe(first.fingerprint);
    expect(listVersions(app, seed.cycle.id).versions.map((v) => [v.number, v.approvedBy])).toEqual([
      [1, 'Amina Wario'],
      [2, 'Hassan Dida'],
    ]);
    // Undoing the edit makes the working plan match version 1 again, but version 2 is the latest.
    s.activity.update(app, { id: seed.activity.id, changes: { title: 'Rehabilitate boreholes' } });
    expect(workingState(app, seed.cycle.id).state).toBe('revision');
  });

  it('refuses an approval date in the future or before the previous version', () => {
    expect(() => approve('Amina Wario', '2026-12-01')).toThrow(/in the future/);
    approve('Amina Wario', '2026-11-20');
    s.activity.update(app, { id: seed.activity.id, changes: { title: 'Changed' } });
    expect(() => approve('Amina Wario', '2026-11-01')).toThrow(/version 1 was approved on 20 Nov 2026/);
  });

  it('ticks the planning checklist step "approved by the CEC" with the approval date', () => {
    approve('Amina Wario', '2026-11-20');
    const planning = lifecycleStatus(app, seed.cycle.id).phases.find((p) => p.phase === 'planning');
    expect(planning?.steps.find((step) => step.key === 'cec_approval')).toMatchObject({ doneOn: '2026-11-20', doneBy: 'Amina Wario' });
  });
});

describe('the content fingerprint', () => {
  it('is the same for the same data whatever the row order', () => {
    const before = cycleFingerprint(app, seed.cycle.id);
    const order = () => s.organisation.list(app, { cycleId: seed.cycle.id }).map((o) => o.id);
    const orderBefore = order();
    reverseRowOrder();
    expect(order()).toEqual([...orderBefore].reverse());
    expect(cycleFingerprint(app, seed.cycle.id)).toBe(before);
  });

  it('changes on any content change, and returns when the change is undone', () => {
    const base = cycleFingerprint(app, seed.cycle.id);
    const seen = new Set([base]);
    const expectNew = () => {
      const next = cycleFingerprint(app, seed.cycle.id);
      expect(seen.has(next)).toBe(false);
      seen.add(next);
    };
    s.activity.update(app, { id: seed.activity.id, changes: { endDate: '2027-04-30' } });
    expectNew();
    // Progress reported against the plan is monitoring, not a change of plan.
    s.activity.update(app, { id: seed.activity.id, changes: { completionPct: 40 } });
    expect(seen.has(cycleFingerprint(app, seed.cycle.id))).toBe(true);
    s.activity.update(app, { id: seed.activity.id, changes: { wardIds: [KINNA] } });
    expectNew();
    s.indicator.update(app, { id: seed.indicator.id, changes: { targetValue: 13 } });
    expectNew();
    const extra = s.objective.create(app, { cycleId: seed.cycle.id, code: 'O9', statement: 'Extra', sector: 'education' });
    expectNew();
    s.objective.remove(app, { id: extra.id });
    s.indicator.update(app, { id: seed.indicator.id, changes: { targetValue: 12 } });
    s.activity.update(app, {
      id: seed.activity.id,
      changes: { endDate: seed.activity.endDate, wardIds: [seed.activity.wardIds[0] as string, seed.activity.wardIds[1] as string] },
    });
    expect(cycleFingerprint(app, seed.cycle.id)).toBe(base);
  });

  it('does not change with the phase, the checklist or signatures', () => {
    const base = cycleFingerprint(app, seed.cycle.id);
    setPhase(app, { cycleId: seed.cycle.id, phase: 'implementation' });
    tickStep(app, { cycleId: seed.cycle.id, phase: 'planning', key: 'twg_review', doneOn: '2026-11-01', note: '' });
    expect(cycleFingerprint(app, seed.cycle.id)).toBe(base);
  });
});

describe('signatures against a version', () => {
  function withSignatories() {
    const cs = s.signatory.create(app, {
      cycleId: seed.cycle.id,
      name: 'Dr. Abdi Hassan',
      title: 'County Secretary',
      organisationId: seed.county.id,
      role: 'county_secretary',
      sortOrder: 1,
    });
    const partner = s.signatory.create(app, {
      cycleId: seed.cycle.id,
      name: 'Jane Mwangi',
      title: 'Country Director',
      organisationId: seed.partner.id,
      role: 'partner_leadership',
      sortOrder: 2,
    });
    return { cs, partner, version: approve('Amina Wario', '2026-11-20') };
  }

  it('copies who signed from the frozen plan, even if the register changes later', () => {
    const { cs, version } = withSignatories();
    expect(version.unsigned.map((u) => u.name)).toEqual(['Dr. Abdi Hassan', 'Jane Mwangi']);
    s.signatory.update(app, { id: cs.id, changes: { name: 'Someone Else' } });
    const signature = recordSignature(app, { versionId: version.id, signatoryId: cs.id, signedOn: '2026-11-21' });
    expect(signature).toMatchObject({
      name: 'Dr. Abdi Hassan',
      title: 'County Secretary',
      organisationName: 'County Department of Finance & Economic Planning',
      role: 'county_secretary',
    });
    expect(() => recordSignature(app, { versionId: version.id, signatoryId: cs.id, signedOn: '2026-11-22' })).toThrow(
      /already signed version 1 on 21 Nov 2026/,
    );
    const listed = listVersions(app, seed.cycle.id).versions[0];
    expect(listed?.signatures.map((x) => x.name)).toEqual(['Dr. Abdi Hassan']);
    expect(listed?.unsigned.map((x) => x.name)).toEqual(['Jane Mwangi']);
  });

  it('refuses a signature before the approval or in the future, and a stranger without a name', () => {
    const { partner, version } = withSignatories();
    expect(() => recordSignature(app, { versionId: version.id, signatoryId: partner.id, signedOn: '2026-11-19' })).toThrow(/approved on 20 Nov 2026/);
    expect(() => recordSignature(app, { versionId: version.id, signatoryId: partner.id, signedOn: '2026-11-26' })).toThrow(/in the future/);
    expect(() => recordSignature(app, { versionId: version.id, signedOn: '2026-11-21' })).toThrow(/Name: give the name/);
    expect(recordSignature(app, { versionId: version.id, name: 'Observer', title: 'Witness', signedOn: '2026-11-21' })).toMatchObject({
      signatoryId: null,
      role: 'other',
    });
  });

  it('ticks "signatures" when every signatory has signed; a signature can be taken back', () => {
    const { cs, partner, version } = withSignatories();
    recordSignature(app, { versionId: version.id, signatoryId: cs.id, signedOn: '2026-11-21' });
    const step = () =>
      lifecycleStatus(app, seed.cycle.id)
        .phases.find((p) => p.phase === 'planning')
        ?.steps.find((x) => x.key === 'signatures');
    expect(step()?.doneOn).toBeNull();
    const last = recordSignature(app, { versionId: version.id, signatoryId: partner.id, signedOn: '2026-11-23' });
    expect(step()?.doneOn).toBe('2026-11-23');
    removeSignature(app, { id: last.id });
    expect(listVersions(app, seed.cycle.id).versions[0]?.unsigned.map((x) => x.name)).toEqual(['Jane Mwangi']);
    expect(app.db.$client.prepare("SELECT count(*) FROM tombstones WHERE table_name = 'version_signatures'").pluck().get()).toBe(1);
  });
});

describe('phases and checklists', () => {
  it('shows the current phase and every phase’s checklist from the manual', () => {
    const status = lifecycleStatus(app, seed.cycle.id);
    expect(status.phase).toBe('planning');
    expect(status.phases.map((p) => [p.phase, p.isCurrent])).toEqual([
      ['preparatory', false],
      ['planning', true],
      ['implementation', false],
      ['monitoring', false],
      ['close_out', false],
    ]);
    expect(status.phases[1]?.steps.map((step) => step.key)).toEqual([
      'adp_approved',
      'sector_plans',
      'co_creation_workshop',
      'plans_consolidated',
      'twg_review',
      'cec_approval',
      'signatures',
    ]);
    expect(status.working.state).toBe('draft');
    expect(status.readOnly).toBeNull();
  });

  it('ticks a step with its date, unticks it, and refuses unknown steps and future dates', () => {
    const cycleId = seed.cycle.id;
    let status = tickStep(app, { cycleId, phase: 'planning', key: 'co_creation_workshop', doneOn: '2026-10-14', note: 'Held in Isiolo town' });
    expect(status.phases[1]).toMatchObject({ done: 1, total: 7 });
    expect(status.phases[1]?.steps[2]).toMatchObject({ doneOn: '2026-10-14', doneBy: 'Test Officer', note: 'Held in Isiolo town' });
    status = tickStep(app, { cycleId, phase: 'planning', key: 'co_creation_workshop', doneOn: null, note: '' });
    expect(status.phases[1]?.done).toBe(0);
    expect(() => tickStep(app, { cycleId, phase: 'planning', key: 'party', doneOn: '2026-10-14', note: '' })).toThrow(/planning checklist has no step "party"/);
    expect(() => tickStep(app, { cycleId, phase: 'planning', key: 'twg_review', doneOn: '2027-01-01', note: '' })).toThrow(/in the future/);
    expect(setPhase(app, { cycleId, phase: 'implementation' }).phaseLabel).toBe('Implementation');
  });
});
