import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson, cycleFingerprint } from '../../../main/exports/fingerprint';
import { registerServices } from '../../../main/services/index';
import { archiveCycle, getCycle, updateCycle } from '../../../main/services/cycles';
import { loadSampleCycle } from '../../../main/services/sample';
import { testApp } from '../../support/test-app';

/** The fingerprint printed on every deliverable, so a signed paper copy can be matched to its data. */
let app: ReturnType<typeof testApp>;
let cycleId: string;

beforeEach(() => {
  app = testApp();
  cycleId = loadSampleCycle(app).id;
});

/** The rule as the brief states it, written again here: rows by id, keys sorted, no timestamps or clock. */
function independentFingerprint(): string {
  const dropped = new Set(['createdAt', 'updatedAt', 'hlc', 'origin']);
  const clean = (row: Record<string, unknown>, extra: string[] = []) =>
    Object.fromEntries(
      Object.entries(row)
        .filter(([key]) => !dropped.has(key) && !extra.includes(key))
        .map(([key, value]) => [key, Array.isArray(value) ? [...value].sort() : value]),
    );
  // The plan, not its monitoring: what is reported against the plan once approved stays out.
  const monitoring: Record<string, string[]> = {
    signatory: ['signedOn'],
    activity: ['status', 'completionPct', 'challenges', 'actionsTaken'],
    indicator: ['sustainability'],
    indicatorPeriod: ['actual', 'actualNote', 'evaluationCriterion', 'evaluatedOn'],
    risk: ['status'],
    milestone: ['status', 'progressNotes'],
    adaptiveTrigger: ['status', 'priority'],
  };
  const registers: Record<string, unknown[]> = {};
  for (const [name, service] of Object.entries(registerServices)) {
    if (name === 'disbursement' || name === 'learningEntry') continue;
    const rows = (service.list(app, { cycleId }) as Record<string, unknown>[]).map((row) => clean(row, monitoring[name] ?? []));
    registers[name] = rows.sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1));
  }
  const content = { cycle: clean(getCycle(app, cycleId) as unknown as Record<string, unknown>, ['phase', 'countyName', 'source', 'archivedAt']), registers };
  const sorted = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(sorted)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .sort(([a], [b]) => (a < b ? -1 : 1))
              .map(([k, v]) => [k, sorted(v)]),
          )
        : value;
  return createHash('sha256')
    .update(JSON.stringify(sorted(content)))
    .digest('hex')
    .slice(0, 8);
}

describe('the content fingerprint', () => {
  it('is the first 8 hex digits of a SHA-256 over the canonical content', () => {
    const fingerprint = cycleFingerprint(app, cycleId);
    expect(fingerprint).toMatch(/^[0-9a-f]{8}$/);
    expect(fingerprint).toBe(independentFingerprint());
    expect(cycleFingerprint(app, cycleId)).toBe(fingerprint);
  });

  it('changes when the plan changes, and not when only timestamps, the phase, a signing date or the monitoring against the plan change', () => {
    const before = cycleFingerprint(app, cycleId);
    const [activity] = registerServices.activity.list(app, { cycleId });
    if (!activity) throw new Error('the sample has activities');

    registerServices.activity.update(app, { id: activity.id, changes: { title: `${activity.title} (revised)` } });
    const changed = cycleFingerprint(app, cycleId);
    expect(changed).not.toBe(before);

    // Back to the same content: new timestamps and clock stamps, same fingerprint.
    registerServices.activity.update(app, { id: activity.id, changes: { title: activity.title } });
    expect(cycleFingerprint(app, cycleId)).toBe(before);

    registerServices.activity.update(app, { id: activity.id, changes: { wardIds: [...activity.wardIds].reverse() } });
    expect(cycleFingerprint(app, cycleId)).toBe(before);

    updateCycle(app, { id: cycleId, changes: { phase: 'close_out' } });
    archiveCycle(app, { id: cycleId, archived: true });
    const [signatory] = registerServices.signatory.list(app, { cycleId });
    if (signatory) registerServices.signatory.update(app, { id: signatory.id, changes: { signedOn: '2026-08-27' } });
    expect(cycleFingerprint(app, cycleId)).toBe(before);

    // Reporting a quarter against the plan: actuals, completion, money disbursed, lessons.
    const [period] = registerServices.indicatorPeriod.list(app, { cycleId });
    if (period) registerServices.indicatorPeriod.update(app, { id: period.id, changes: { actual: 99, actualNote: 'Reported late' } });
    registerServices.activity.update(app, { id: activity.id, changes: { status: 'completed', completionPct: 100, challenges: 'Rains' } });
    const [line] = registerServices.contribution.list(app, { cycleId });
    if (line) registerServices.disbursement.create(app, { cycleId, contributionId: line.id, periodKey: 'Q2', amountMinor: 1_000_00, date: '2026-11-02' });
    registerServices.learningEntry.create(app, {
      cycleId,
      entryDate: '2026-11-20',
      session: 'pause_and_reflect',
      whatWorked: 'Joint visits',
      responsibleOrgId: activity.leadOrgId,
    });
    expect(cycleFingerprint(app, cycleId)).toBe(before);
    // A period's target is planned: changing it changes the plan.
    if (period) registerServices.indicatorPeriod.update(app, { id: period.id, changes: { target: period.target + 1 } });
    expect(cycleFingerprint(app, cycleId)).not.toBe(before);
    if (period) registerServices.indicatorPeriod.update(app, { id: period.id, changes: { target: period.target } });

    updateCycle(app, { id: cycleId, changes: { kesPerUsdScaled: 1_300_000 } });
    expect(cycleFingerprint(app, cycleId)).not.toBe(before);
  });

  it('writes canonical JSON with keys sorted at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[2,{"e":null,"f":1}]},"b":1}');
  });
});
