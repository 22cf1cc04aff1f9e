import { describe, expect, it } from 'vitest';
import { FIELDS_ADDED_IN_0014 } from '../../main/db/added-fields';
import { contentHash } from '../../main/exports/fingerprint';
import { latestVersionRow, workingState } from '../../main/lifecycle/versions';
import { registerServices as s } from '../../main/services/index';
import { loadSampleCycle } from '../../main/services/sample';
import { createDispatcher } from '../../main/transport/dispatcher';
import { isRecord } from '../../shared/guards';
import { dumpDatabase } from '../support/fault-injection';
import { seedCycle } from '../support/factories';
import { testApp } from '../support/test-app';

/**
 * A budget line may be in-kind support whose value was not estimated (issue 15 item 4), saved as
 * the budget-line form saves it: through the API contract. A cash line always needs its amount.
 */

describe('budget lines not valued', () => {
  it('an in-kind line is saved without an amount; a cash or staff line without one is refused naming the amount, and nothing is written', () => {
    const app = testApp();
    const dispatch = createDispatcher(app, () => undefined);
    const { cycle, partner, activity } = seedCycle(app);
    const line = { cycleId: cycle.id, activityId: activity.id, component: 'Vehicles for outreach', contributorOrgId: partner.id };
    const saved = dispatch('contribution:create', { ...line, type: 'in_kind', valueNotEstimated: true });
    expect(saved).toMatchObject({ ok: true, value: { type: 'in_kind', valueNotEstimated: true, amountMinor: 0 } });
    const id = saved.ok && isRecord(saved.value) ? saved.value.id : undefined;
    if (typeof id !== 'string') throw new Error('The line was not saved.');

    const before = dumpDatabase(app);
    const refusals = [
      dispatch('contribution:create', { ...line, type: 'cash', valueNotEstimated: true }),
      dispatch('contribution:create', { ...line, type: 'cash' }),
      dispatch('contribution:create', { ...line, type: 'human_resources', valueNotEstimated: true }),
      dispatch('contribution:create', { ...line, type: 'in_kind', valueNotEstimated: true, amountMinor: 50_000_00 }),
      dispatch('contribution:update', { id, changes: { type: 'cash' } }),
    ];
    expect(refusals.map((r) => (r.ok ? 'saved' : `${r.error.field ?? ''}: ${r.error.message}`))).toEqual([
      'amountMinor: Amount: a cash line needs an amount; only in-kind support may be left not valued.',
      'amountMinor: Amount: enter an amount greater than zero (or, for in-kind support whose value was not estimated, tick "value not estimated").',
      'amountMinor: Amount: a human resources line needs an amount; only in-kind support may be left not valued.',
      'amountMinor: Amount: leave it empty for in-kind support whose value was not estimated, or untick "value not estimated".',
      'amountMinor: Amount: a cash line needs an amount; only in-kind support may be left not valued.',
    ]);
    expect(dumpDatabase(app)).toBe(before);

    // Valued later: the amount and the flag change together.
    const valued = dispatch('contribution:update', { id, changes: { valueNotEstimated: false, amountMinor: 80_000_00 } });
    expect(valued).toMatchObject({ ok: true, value: { valueNotEstimated: false, amountMinor: 80_000_00 } });
    app.close();
  });

  it('a plan approved before lines could go unvalued stays approved (its snapshot has no such field)', () => {
    const app = testApp();
    const cycleId = loadSampleCycle(app).id;
    const latest = latestVersionRow(app, cycleId);
    if (!latest) throw new Error('The sample has no approved version.');
    const snapshot: unknown = JSON.parse(latest.snapshotJson);
    if (!isRecord(snapshot) || !isRecord(snapshot.registers)) throw new Error('Not a snapshot.');
    for (const [register, fields] of Object.entries(FIELDS_ADDED_IN_0014)) {
      const rows = snapshot.registers[register];
      if (!Array.isArray(rows) || rows.length === 0) throw new Error(`The snapshot has no ${register} rows.`);
      for (const row of rows) for (const field of Object.keys(fields ?? {})) if (isRecord(row)) Reflect.deleteProperty(row, field);
    }
    app.db.$client
      .prepare(`UPDATE plan_versions SET snapshot_json = ?, content_hash = ? WHERE id = ?`)
      .run(JSON.stringify(snapshot), contentHash(snapshot), latest.id);
    expect(workingState(app, cycleId).state).toBe('approved');
    // Recording a line as not valued is a change to the plan the CEC approved.
    const line = s.contribution.list(app, { cycleId }).find((c) => c.type === 'in_kind');
    if (!line) throw new Error('The sample has no in-kind line.');
    s.contribution.update(app, { id: line.id, changes: { valueNotEstimated: true, amountMinor: 0 } });
    expect(workingState(app, cycleId)).toMatchObject({ state: 'revision', changesSinceLatest: 1 });
    app.close();
  });
});
