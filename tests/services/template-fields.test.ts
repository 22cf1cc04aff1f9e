import { describe, expect, it } from 'vitest';
import { FIELDS_ADDED_IN_0011 } from '../../main/db/added-fields';
import { contentHash } from '../../main/exports/fingerprint';
import { latestVersionRow, workingState } from '../../main/lifecycle/versions';
import { registerServices as s } from '../../main/services/index';
import { loadSampleCycle } from '../../main/services/sample';
import { createDispatcher } from '../../main/transport/dispatcher';
import { isRecord } from '../../shared/guards';
import { seedCycle } from '../support/factories';
import { tableCounts } from '../support/snapshot';
import { testApp } from '../support/test-app';

/**
 * The manual's M&E and learning template fields (issue 16 item 5), saved as the screens' forms
 * save them: through the API contract, each checked and named in a refusal.
 */

describe('the M&E and learning template fields', () => {
  it('are saved on create and on edit through the API, as the forms send them', () => {
    const app = testApp();
    const dispatch = createDispatcher(app, () => undefined);
    const { cycle, partner, activity, indicator } = seedCycle(app);
    const ok = <T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T => {
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      return result.value;
    };
    ok(dispatch('activity:update', { id: activity.id, changes: { activityType: 'infrastructure' } }));
    ok(dispatch('indicator:update', { id: indicator.id, changes: { sustainability: 'Committees pay for repairs from tariffs' } }));
    ok(
      dispatch('milestone:create', {
        cycleId: cycle.id,
        title: 'Q1 progress report',
        kind: 'progress_report',
        dueDate: '2026-10-15',
        format: 'Written report and presentation',
        audience: 'TWG members',
      }),
    );
    ok(
      dispatch('learningEntry:create', {
        cycleId: cycle.id,
        entryDate: '2026-10-16',
        session: 'pause_and_reflect',
        responsibleOrgId: partner.id,
        captureMethods: 'Focus group discussions',
        timing: 'Quarterly',
        expectedUse: 'Inform adaptation',
      }),
    );
    ok(
      dispatch('adaptiveTrigger:create', {
        cycleId: cycle.id,
        kind: 'other',
        trigger: 'Two partners in one ward',
        proposedAction: 'Joint site verification',
        responsibleOrgId: partner.id,
        priority: 'high',
      }),
    );
    const cycleId = cycle.id;
    expect(s.activity.list(app, { cycleId })[0]?.activityType).toBe('infrastructure');
    expect(s.indicator.list(app, { cycleId })[0]?.sustainability).toBe('Committees pay for repairs from tariffs');
    expect(s.milestone.list(app, { cycleId })[0]).toMatchObject({ format: 'Written report and presentation', audience: 'TWG members' });
    expect(s.learningEntry.list(app, { cycleId })[0]).toMatchObject({
      captureMethods: 'Focus group discussions',
      timing: 'Quarterly',
      expectedUse: 'Inform adaptation',
    });
    const [trigger] = s.adaptiveTrigger.list(app, { cycleId });
    expect(trigger?.priority).toBe('high');

    // Cleared again (the forms' "not said" choice is null).
    ok(dispatch('activity:update', { id: activity.id, changes: { activityType: null } }));
    ok(dispatch('adaptiveTrigger:update', { id: trigger?.id ?? '', changes: { priority: null } }));
    expect([s.activity.list(app, { cycleId })[0]?.activityType, s.adaptiveTrigger.list(app, { cycleId })[0]?.priority]).toEqual([null, null]);

    // A value outside the list, or too long, is refused naming the field, and nothing changes.
    const before = tableCounts(app);
    const refused = dispatch('adaptiveTrigger:update', { id: trigger?.id ?? '', changes: { priority: 'urgent' } });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/^Priority:/);
    const tooLong = dispatch('milestone:create', { cycleId, title: 'x', dueDate: '2026-10-15', audience: 'a'.repeat(301) });
    expect(tooLong.ok).toBe(false);
    if (!tooLong.ok) expect(tooLong.error.message).toMatch(/^Audience:/);
    expect(tableCounts(app)).toEqual(before);
    app.close();
  });

  it('left empty, keep a version approved before they existed approved', () => {
    const app = testApp();
    const cycle = loadSampleCycle(app);
    const cycleId = cycle.id;
    for (const activity of s.activity.list(app, { cycleId })) s.activity.update(app, { id: activity.id, changes: { activityType: null } });
    for (const milestone of s.milestone.list(app, { cycleId })) s.milestone.update(app, { id: milestone.id, changes: { format: '', audience: '' } });
    // The version as a copy without the fields froze it: its snapshot holds none of them.
    const latest = latestVersionRow(app, cycleId);
    if (!latest) throw new Error('The sample has no approved version.');
    const snapshot: unknown = JSON.parse(latest.snapshotJson);
    if (!isRecord(snapshot) || !isRecord(snapshot.registers)) throw new Error('Not a snapshot.');
    for (const [register, fields] of Object.entries(FIELDS_ADDED_IN_0011)) {
      const rows = snapshot.registers[register];
      if (!Array.isArray(rows)) continue;
      for (const row of rows) for (const field of Object.keys(fields ?? {})) if (isRecord(row)) Reflect.deleteProperty(row, field);
    }
    const hash = contentHash(snapshot);
    app.db.$client.prepare(`UPDATE plan_versions SET snapshot_json = ?, content_hash = ? WHERE id = ?`).run(JSON.stringify(snapshot), hash, latest.id);
    expect(workingState(app, cycleId).state).toBe('approved');
    // Filling one in is a change to the plan the CEC approved.
    const [first] = s.activity.list(app, { cycleId });
    s.activity.update(app, { id: first?.id ?? '', changes: { activityType: 'infrastructure' } });
    expect(workingState(app, cycleId)).toMatchObject({ state: 'revision', changesSinceLatest: 1 });
    app.close();
  });
});
