import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiContract, type ApiMethod, type ApiOutput } from '../../shared/api/contract';
import { createDispatcher } from '../../main/transport/dispatcher';
import { dumpDatabase } from '../support/fault-injection';
import { testApp } from '../support/test-app';

/**
 * Undo of the cycle's records that are not registers (issue 17, item 3): a reporting round just
 * opened and a decision on a proposed trigger are taken back from their notice like a save.
 */
let app: ReturnType<typeof testApp>;
let cycleId: string;

function call<M extends ApiMethod>(method: M, input: unknown): ApiOutput<M> {
  const result = createDispatcher(app)(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return apiContract[method].output.parse(result.value) as ApiOutput<M>;
}
function refusal(method: ApiMethod, input: unknown): string {
  const result = createDispatcher(app)(method, input);
  if (result.ok) throw new Error(`${method} succeeded`);
  return result.error.message;
}
/** The change the notice's Undo takes back: the newest entry about the row. */
const changeOf = (rowId: string) => call('audit:list', { rowId, limit: 1 })[0]?.changeId ?? 0;
const tombstones = (rowIds: readonly string[]) =>
  rowIds.filter((rowId) => app.db.$client.prepare('SELECT 1 FROM tombstones WHERE row_id = ?').get(rowId) !== undefined).length;
/** The whole database but the audit log and the tombstones (which keep what the undo did) and the clock. */
const KEPT_APART = new Set(['audit_log', 'tombstones', 'installation']);
const plan = () => {
  const tables: [string, unknown][] = JSON.parse(dumpDatabase(app));
  return JSON.stringify(tables.filter(([table]) => !KEPT_APART.has(table)));
};

beforeEach(() => {
  app = testApp();
  cycleId = call('cycle:loadSample', {}).id;
});
afterEach(() => app.close());

describe('undoing a reporting round just opened', () => {
  it('removes the round and every organisation it asked, and the same period can be opened again', () => {
    const before = plan();
    const opened = call('round:open', { cycleId, periodKey: 'Q2', dueDate: '2027-01-15', message: '', asksLearningAndRisks: false });
    const round = opened.round;
    if (!round) throw new Error('no round');
    expect(opened.members.length).toBeGreaterThan(5);

    const undone = call('audit:undo', { changeId: changeOf(round.id), togetherWith: [] });
    expect(undone.summary).toBe(`Undone: ${opened.members.length + 1} records.`);
    // What undo deleted is made again by opening the round again, not by undoing the undo.
    expect(undone.changeId).toBeNull();
    expect(call('round:status', { cycleId }).round).toBeNull();
    expect(plan()).toBe(before);
    // The deletion travels in a full bundle like any other.
    const deleted = app.db.$client.prepare('SELECT table_name FROM tombstones WHERE cycle_id = ?').pluck().all(cycleId);
    expect(deleted.filter((table) => table === 'round_members')).toHaveLength(opened.members.length);
    expect(tombstones([round.id])).toBe(1);

    const again = call('round:open', { cycleId, periodKey: 'Q2', dueDate: '2027-01-15', message: '', asksLearningAndRisks: false });
    expect(again.round?.id).toBe(round.id);
    expect(tombstones([round.id])).toBe(0);
  });

  it('refuses once the round has been closed since, naming that change, and changes nothing', () => {
    const round = call('round:open', { cycleId, periodKey: 'Q2', dueDate: null, message: '', asksLearningAndRisks: false }).round;
    const opening = changeOf(round?.id ?? '');
    call('round:close', { cycleId });
    const before = plan();
    expect(refusal('audit:undo', { changeId: opening, togetherWith: [] })).toMatch(/^The reporting round was changed again afterwards \(.* by /);
    expect(plan()).toBe(before);
  });
});

describe('undoing a decision on a proposed trigger', () => {
  it('takes back an acceptance with the trigger it added, and the proposal is offered again', () => {
    const [proposal] = call('triggerProposal:list', { cycleId }).proposals;
    if (!proposal) throw new Error('no proposal');
    const before = plan();
    const { trigger, decision } = call('triggerProposal:accept', { cycleId, key: proposal.key, changes: {} });

    const undone = call('audit:undo', { changeId: changeOf(decision.id), togetherWith: [] });
    expect(undone.summary).toBe('Undone: 2 records.');
    expect(plan()).toBe(before);
    expect(call('adaptiveTrigger:list', { cycleId }).some((t) => t.id === trigger.id)).toBe(false);
    expect(call('triggerProposal:list', { cycleId }).proposals.map((p) => p.key)).toContain(proposal.key);
  });

  it('takes back a dismissal, naming it', () => {
    const [proposal] = call('triggerProposal:list', { cycleId }).proposals;
    if (!proposal) throw new Error('no proposal');
    const decision = call('triggerProposal:dismiss', { cycleId, key: proposal.key, note: 'Handled at the TWG' });
    const undone = call('audit:undo', { changeId: changeOf(decision.id), togetherWith: [] });
    expect(undone.summary).toBe('Undone: the decision on a proposed trigger.');
    expect(call('triggerProposal:list', { cycleId }).decided).toEqual([]);
    // Dismissed again later: the same record comes back, its tombstone lifted.
    expect(call('triggerProposal:dismiss', { cycleId, key: proposal.key, note: '' }).id).toBe(decision.id);
    expect(tombstones([decision.id])).toBe(0);
  });
});
