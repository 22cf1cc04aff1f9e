import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listImports, undoLastImport } from '../../main/bundles/index';
import { setIdentity } from '../../main/bundles/identity';
import { createAdminUnit, getAdminUnit, renameAdminUnit } from '../../main/services/admin-units';
import { readBundle } from '../../main/bundles/read';
import { cycleRecordNames } from '../../main/db/tables';
import { saveCloseOutNotes } from '../../main/lifecycle/close-out';
import { tickStep } from '../../main/lifecycle/phases';
import { approveVersion, listVersions, recordSignature } from '../../main/lifecycle/versions';
import { getAnalysisSettings, listStatutoryDates, setStatutoryDates, updateAnalysisSettings } from '../../main/services/analysis/settings';
import { registerServices as s } from '../../main/services/index';
import { loadDraftSample } from '../support/draft-sample';
import { inWriteTransaction } from '../../main/services/context';
import { parseHlc } from '../../shared/hlc';
import { dumpDatabase } from '../support/fault-injection';
import { contentOf, exportFull, exportPartner, importInto, peer, preview, tempDir, trust, type Peer } from './support';

/**
 * Three real databases — the county Secretariat and two partners — exchanging bundle files in
 * different orders, with edits made apart, deletions, re-sent and stale bundles.
 */

let tmp: ReturnType<typeof tempDir>;
let county: Peer;
let a: Peer;
let b: Peer;
let cycleId: string;
let orgA: string;
let orgB: string;

const org = (ctx: Peer, shortName: string) => s.organisation.list(ctx, { cycleId }).find((o) => o.shortName === shortName)?.id as string;
const activityOf = (ctx: Peer, orgId: string) => s.activity.list(ctx, { cycleId }).find((x) => x.leadOrgId === orgId) as ReturnType<typeof s.activity.get>;

/** Sends `bytes` to `to`, trusting the sender first if this is their first bundle there. */
function deliver(to: Peer, bytes: Uint8Array, resolve: Parameters<typeof importInto>[2] = {}) {
  if (preview(to, bytes).status === 'untrusted') trust(to, bytes);
  return importInto(to, bytes, resolve);
}

beforeEach(() => {
  tmp = tempDir('bundle-scenarios');
  county = peer('county', '0000000a', { file: path.join(tmp.dir, 'county', 'county.db') });
  a = peer('partner A', '000000aa', { file: path.join(tmp.dir, 'a', 'a.db'), start: '2026-11-25T09:00:00.000Z' });
  b = peer('partner B', '000000bb', { file: path.join(tmp.dir, 'b', 'b.db'), start: '2026-11-25T07:00:00.000Z' });
  // A draft: the tests below approve and sign it on one copy or another.
  cycleId = loadDraftSample(county).id;
  orgA = org(county, 'UDRA');
  orgB = org(county, 'MSDT');
  // The Secretariat sends each partner its part of the plan.
  expect(deliver(a, exportPartner(county, cycleId, orgA)).applied).toBe(true);
  expect(deliver(b, exportPartner(county, cycleId, orgB)).applied).toBe(true);
});

afterEach(() => {
  for (const p of [county, a, b]) p.close();
  tmp.remove();
});

describe('partner bundles between three copies', () => {
  it('a partner receives only its part, with its own and the Secretariat’s contacts and no signatories', () => {
    const contactsAtA = s.contact.list(a, { cycleId });
    const lead = s.organisation.list(county, { cycleId }).find((o) => o.shortName === 'CGI-FEP')?.id;
    expect(contactsAtA.length).toBeGreaterThan(0);
    expect(new Set(contactsAtA.map((c) => c.organisationId))).toEqual(new Set([orgA, lead]));
    expect(s.signatory.list(a, { cycleId })).toEqual([]);
    expect(s.activity.list(a, { cycleId }).filter((x) => x.leadOrgId === orgA).length).toBe(
      s.activity.list(county, { cycleId }).filter((x) => x.leadOrgId === orgA).length,
    );
  });

  it('round trip with edits made apart: a conflict is resolved field by field, and all three copies end the same', () => {
    const actA = activityOf(a, orgA);
    const actB = activityOf(b, orgB);
    // Partner A: renames its activity, starts it, adds a budget line, removes a disbursement.
    s.activity.update(a, { id: actA.id, changes: { title: 'Borehole rehabilitation (revised by UDRA)', status: 'ongoing', completionPct: 20 } });
    const newLine = s.contribution.create(a, {
      cycleId,
      activityId: actA.id,
      component: 'Solar pumps',
      contributorOrgId: orgA,
      amountMinor: 450_000_00,
      currency: 'KES',
    });
    const disbursementA = s.disbursement.list(a, { cycleId }).find((d) => d.ownerOrgId === orgA);
    expect(disbursementA).toBeDefined();
    s.disbursement.remove(a, { id: disbursementA?.id as string });
    // Partner B: its own activity and a new risk.
    s.activity.update(b, { id: actB.id, changes: { description: 'Water trucking to Merti during the dry season.' } });
    s.risk.create(b, { cycleId, code: 'R-MSDT-1', description: 'Fuel prices rise', likelihood: 'medium', impact: 'medium', responsibleOrgId: orgB });
    // Meanwhile the Secretariat renames A's activity too, and edits an objective.
    s.activity.update(county, { id: actA.id, changes: { title: 'Rehabilitate 12 boreholes (Secretariat wording)' } });
    const objective = s.objective.list(county, { cycleId })[0];
    s.objective.update(county, { id: objective?.id as string, changes: { priorityArea: 'Water security' } });

    const fromA = exportPartner(a, cycleId, orgA);
    const fromB = exportPartner(b, cycleId, orgB);
    // B's bundle first this time.
    expect(deliver(county, fromB).preview.counts).toMatchObject({ adds: 1, changes: 1, conflicts: 0, refused: 0 });

    const first = preview(county, fromA);
    if (first.status === 'untrusted') trust(county, fromA);
    const seen = preview(county, fromA);
    expect(seen.status).toBe('conflicts');
    expect(seen.counts).toMatchObject({ adds: 1, deletions: 1, conflicts: 1, refused: 0 });
    const conflict = seen.conflicts[0];
    expect(conflict?.kind).toBe('edited-both');
    expect(conflict?.fields.map((f) => f.field).sort()).toEqual(['completionPct', 'status', 'title']);
    // A's laptop clock runs an hour ahead of the county's: its edit is the later one.
    expect(conflict?.recommended).toBe('theirs');
    // Unresolved: nothing is written.
    const before = dumpDatabase(county);
    expect(importInto(county, fromA).applied).toBe(false);
    expect(dumpDatabase(county)).toBe(before);
    // Resolved field by field: the Secretariat's title, A's status and progress.
    const result = importInto(county, fromA, { rows: { [conflict?.key as string]: { fields: { title: 'mine', status: 'theirs', completionPct: 'theirs' } } } });
    expect(result.applied).toBe(true);
    const merged = s.activity.get(county, { id: actA.id });
    expect(merged).toMatchObject({ title: 'Rehabilitate 12 boreholes (Secretariat wording)', status: 'ongoing', completionPct: 20 });
    expect(s.contribution.get(county, { id: newLine.id }).component).toBe('Solar pumps');
    expect(() => s.disbursement.get(county, { id: disbursementA?.id as string })).toThrow(/No disbursement/);
    const history = listImports(county, cycleId)[0];
    expect(history?.counts).toMatchObject({ adds: 1, deletions: 1, conflictsResolved: 1 });

    // The consolidated plan goes back out; A's edit was decided on, so A takes the result quietly.
    const consolidated = exportFull(county, cycleId);
    const atA = deliver(a, consolidated);
    expect(atA.preview.counts.conflicts).toBe(0);
    expect(atA.applied).toBe(true);
    expect(deliver(b, consolidated).applied).toBe(true);
    expect(s.activity.get(a, { id: actA.id })).toMatchObject({ title: 'Rehabilitate 12 boreholes (Secretariat wording)', status: 'ongoing' });

    const expected = contentOf(county, cycleId);
    expect(contentOf(a, cycleId)).toEqual(expected);
    expect(contentOf(b, cycleId)).toEqual(expected);

    // Re-sent and stale bundles change nothing anywhere.
    for (const [to, bytes] of [
      [county, fromA],
      [county, fromB],
      [a, consolidated],
      [b, consolidated],
    ] as const) {
      const dump = dumpDatabase(to);
      const again = importInto(to, bytes);
      expect(again.preview.status).toBe('nothing');
      expect(dumpDatabase(to)).toBe(dump);
    }
    expect(contentOf(a, cycleId)).toEqual(expected);
  });

  it('a partner’s unsent local edits show as conflicts when the Secretariat’s full bundle arrives, and survive if kept', () => {
    const actA = activityOf(a, orgA);
    s.activity.update(a, { id: actA.id, changes: { description: 'UDRA: drilling starts in January.' } });
    s.activity.update(county, { id: actA.id, changes: { description: 'Secretariat: to start after the rains.' } });
    const full = exportFull(county, cycleId);
    const seen = preview(a, full);
    expect(seen.status).toBe('conflicts');
    expect(seen.conflicts.map((c) => c.id)).toEqual([actA.id]);
    expect(seen.conflicts[0]?.fields[0]).toMatchObject({
      field: 'description',
      mine: 'UDRA: drilling starts in January.',
      theirs: 'Secretariat: to start after the rains.',
    });
    expect(importInto(a, full, { all: 'mine' }).applied).toBe(true);
    expect(s.activity.get(a, { id: actA.id }).description).toBe('UDRA: drilling starts in January.');
    // The kept edit is newer than both: it reaches the Secretariat as a plain change.
    const back = exportPartner(a, cycleId, orgA);
    const atCounty = deliver(county, back);
    expect(atCounty.preview.counts.conflicts).toBe(0);
    expect(s.activity.get(county, { id: actA.id }).description).toBe('UDRA: drilling starts in January.');
  });

  it('a conflict on an amount shows each side in its currency', () => {
    const line = s.contribution.list(a, { cycleId }).find((c) => c.ownerOrgId === orgA);
    expect(line).toBeDefined();
    const currency = line?.currency as string;
    s.contribution.update(a, { id: line?.id as string, changes: { amountMinor: 1_250_000_00 } });
    s.contribution.update(county, { id: line?.id as string, changes: { amountMinor: 1_100_000_00 } });
    const bytes = exportPartner(a, cycleId, orgA);
    if (preview(county, bytes).status === 'untrusted') trust(county, bytes);
    const field = preview(county, bytes).conflicts[0]?.fields.find((f) => f.field === 'amountMinor');
    expect(field).toMatchObject({ mine: `${currency} 1,100,000`, theirs: `${currency} 1,250,000` });
  });

  it('a partner may change only its own rows: the rest is refused and listed, the rest applied', () => {
    const objective = s.objective.list(a, { cycleId })[0];
    const orgRow = s.organisation.list(a, { cycleId }).find((o) => o.id === orgB);
    s.objective.update(a, { id: objective?.id as string, changes: { statement: 'UDRA rewrites the objective' } });
    s.organisation.update(a, { id: orgRow?.id as string, changes: { remarks: 'UDRA notes about MSDT' } });
    const ownObjective = s.objective.create(a, { cycleId, code: 'O-UDRA', statement: 'An objective UDRA made up', sector: 'water_wash' });
    s.activity.create(a, {
      cycleId,
      objectiveId: ownObjective.id,
      code: 'UDRA-9',
      title: 'Activity under the made-up objective',
      sector: 'water_wash',
      leadOrgId: orgA,
      startDate: '2026-09-01',
      endDate: '2026-12-31',
    });
    const fine = s.activity.update(a, { id: activityOf(a, orgA).id, changes: { challenges: 'Spare parts are late.' } });
    const bundle = exportBundleFull(a);
    const result = deliver(county, bundle);
    expect(result.applied).toBe(true);
    const refused = result.preview.refused.map((r) => `${r.register}: ${r.reason}`);
    expect(refused).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^objective: This objective belongs to the Secretariat/),
        expect.stringMatching(/^organisation: This organisation belongs to the Secretariat/),
        expect.stringMatching(/^activity: It names objective .* which was not accepted/),
      ]),
    );
    expect(result.preview.refused).toHaveLength(4);
    expect(s.objective.get(county, { id: objective?.id as string }).statement).not.toBe('UDRA rewrites the objective');
    expect(s.activity.get(county, { id: fine.id }).challenges).toBe('Spare parts are late.');
    // The refusals are recorded with the import.
    expect(listImports(county, cycleId)[0]?.counts.refused).toBe(4);
  });

  it('a partner’s key cannot pass itself off as the Secretariat', () => {
    const first = exportPartner(a, cycleId, orgA);
    trust(county, first);
    inWriteTransaction(a, (tx) => setIdentity(tx, cycleId, 'secretariat', null));
    const forged = exportFull(a, cycleId);
    const result = importInto(county, forged);
    expect(result.applied).toBe(false);
    expect(result.preview.status).toBe('refused');
    expect(result.preview.message).toMatch(/claims to come from .*Secretariat.*signed with the key you trusted for Ustahimilivu/);
  });

  it('deletions travel and are never undone by an older bundle; edit against deletion is a conflict', () => {
    const oldPartnerBundle = exportPartner(county, cycleId, orgA);
    const milestone = s.milestone.list(county, { cycleId })[0];
    s.milestone.remove(county, { id: milestone?.id as string });
    const atA = deliver(a, exportFull(county, cycleId));
    expect(atA.preview.deletions.map((d) => d.id)).toContain(milestone?.id);
    expect(s.milestone.list(a, { cycleId }).map((m) => m.id)).not.toContain(milestone?.id);
    // The older bundle still holds the milestone: it does not come back.
    const stale = importInto(a, oldPartnerBundle);
    expect(stale.preview.status).toBe('nothing');
    expect(s.milestone.list(a, { cycleId }).map((m) => m.id)).not.toContain(milestone?.id);
    // B never heard of the deletion; its bundle's copy of the milestone does not resurrect it either.
    expect(deliver(county, exportPartner(b, cycleId, orgB)).preview.counts.adds).toBe(0);
    expect(s.milestone.list(county, { cycleId }).map((m) => m.id)).not.toContain(milestone?.id);

    // A deletes its own budget line while the Secretariat edits it.
    const line = s.contribution.create(a, { cycleId, activityId: activityOf(a, orgA).id, component: 'Pipes', contributorOrgId: orgA, amountMinor: 10_000_00 });
    deliver(county, exportPartner(a, cycleId, orgA));
    s.contribution.remove(a, { id: line.id });
    s.contribution.update(county, { id: line.id, changes: { comments: 'Secretariat: please confirm the amount' } });
    const seen = preview(county, exportPartner(a, cycleId, orgA));
    expect(seen.conflicts).toHaveLength(1);
    expect(seen.conflicts[0]).toMatchObject({ kind: 'deleted-there', recommended: 'mine' });
    expect(importInto(county, exportPartner(a, cycleId, orgA), { all: 'theirs' }).applied).toBe(true);
    expect(() => s.contribution.get(county, { id: line.id })).toThrow();
  });

  it('an older bundle after a newer one rolls nothing back', () => {
    const objective = s.objective.list(county, { cycleId })[0]?.id as string;
    s.objective.update(county, { id: objective, changes: { cidpLink: 'CIDP 2023–27, programme 4' } });
    const older = exportFull(county, cycleId);
    s.objective.update(county, { id: objective, changes: { cidpLink: 'CIDP 2023–27, programme 4.2' } });
    const newer = exportFull(county, cycleId);
    expect(deliver(a, newer).applied).toBe(true);
    const late = importInto(a, older);
    expect(late.preview.status).toBe('nothing');
    expect(late.preview.warnings.join(' ')).toMatch(/older than one already imported/);
    expect(s.objective.get(a, { id: objective }).cidpLink).toBe('CIDP 2023–27, programme 4.2');
  });

  it('importing a bundle this copy made changes nothing', () => {
    const own = exportFull(county, cycleId);
    const dump = dumpDatabase(county);
    const result = importInto(county, own);
    expect(result.applied).toBe(false);
    expect(result.preview.status).toBe('nothing');
    expect(result.preview.message).toMatch(/made by this copy/);
    expect(dumpDatabase(county)).toBe(dump);
  });

  it('undo restores exactly the state before the import, and keeps the history', () => {
    s.activity.update(county, { id: activityOf(county, orgA).id, changes: { expectedOutput: '12 boreholes working' } });
    s.milestone.remove(county, { id: s.milestone.list(county, { cycleId })[1]?.id as string });
    const plan = (ctx: Peer) =>
      dumpDatabase(ctx)
        .replace(/\["audit_log",.*?\]\](?=,\[")/s, '')
        .replace(/\["(bundle_imports|bundle_keys|bundle_trusted_keys|installation)",\[.*?\]\](?=,\[|\]$)/gs, '');
    const before = plan(a);
    const full = exportFull(county, cycleId);
    const applied = deliver(a, full);
    expect(applied.applied).toBe(true);
    expect(plan(a)).not.toBe(before);
    const clock = a.clock.last;
    const undone = undoLastImport(a);
    expect(undone.undoneAt).not.toBeNull();
    expect(plan(a)).toBe(before);
    expect(a.clock.last).toEqual(clock);
    expect(listImports(a, cycleId).map((i) => Boolean(i.undoneAt))).toEqual([true, false]);
    // The same bundle can be imported again after the undo.
    expect(importInto(a, full).applied).toBe(true);
    expect(s.activity.get(a, { id: activityOf(county, orgA).id }).expectedOutput).toBe('12 boreholes working');
  });

  it('undo is refused once something changed after the import', () => {
    deliver(a, exportFull(county, cycleId));
    s.activity.update(a, { id: activityOf(a, orgA).id, changes: { challenges: 'New edit after the import' } });
    expect(() => undoLastImport(a)).toThrow(/Changes were made after this import/);
    expect(listImports(a, cycleId)[0]?.canUndo).toBe(false);
  });

  // A clock more than a day ahead is refused (tests/bundles/clock.test.ts); within the day it is taken.
  it('a bundle from a laptop whose clock is hours ahead is taken, and the receiver’s clock moves past it', () => {
    b.shiftClock(20 * 3_600_000);
    s.activity.update(b, { id: activityOf(b, orgB).id, changes: { actionsTaken: 'Agreed new routes' } });
    const fromB = exportPartner(b, cycleId, orgB);
    trust(county, fromB);
    expect(preview(county, fromB).status).toBe('ready');
    expect(importInto(county, fromB).applied).toBe(true);
    const bStamp = s.activity.get(b, { id: activityOf(b, orgB).id }) && b.clock.last;
    expect(county.clock.last && bStamp && county.clock.last.wallMs >= bStamp.wallMs - 1000).toBe(true);
    const stored = county.db.$client.prepare('SELECT last_hlc FROM installation').pluck().get() as string;
    expect(parseHlc(stored)?.wallMs).toBe(county.clock.last?.wallMs);
    // The next edit at the county is stamped later than anything it merged.
    s.activity.update(county, { id: activityOf(county, orgB).id, changes: { actionsTaken: 'Secretariat follow-up' } });
    const row = county.db.$client.prepare('SELECT hlc FROM activities WHERE id = ?').pluck().get(activityOf(county, orgB).id) as string;
    expect(row > (b.db.$client.prepare('SELECT hlc FROM activities WHERE id = ?').pluck().get(activityOf(b, orgB).id) as string)).toBe(true);
  });

  it('every change an import makes is in the audit log', () => {
    const before = county.db.$client.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
    s.activity.update(a, { id: activityOf(a, orgA).id, changes: { challenges: 'Audited change' } });
    s.contribution.create(a, { cycleId, activityId: activityOf(a, orgA).id, component: 'Audited line', contributorOrgId: orgA, amountMinor: 1_000_00 });
    const result = deliver(county, exportPartner(a, cycleId, orgA));
    const entries = county.db.$client
      .prepare('SELECT action, table_name AS t, before_json AS b, after_json AS a FROM audit_log WHERE id > ? ORDER BY id')
      .all(before) as { action: string; t: string; b: string | null; a: string | null }[];
    expect(entries.map((e) => `${e.action} ${e.t}`).sort()).toEqual(['create contributions', 'update activities']);
    expect(result.preview.counts).toMatchObject({ adds: 1, changes: 1 });
    expect(JSON.parse(entries.find((e) => e.action === 'update')?.a ?? '{}')).toMatchObject({ challenges: 'Audited change' });
  });
});

describe('the Secretariat’s cycle records travel with the plan', () => {
  const approveAndSign = (at: Peer) => {
    const version = approveVersion(at, { cycleId, approvedBy: `${at.name} officer`, note: '' });
    const signatory = s.signatory.list(at, { cycleId })[0];
    if (signatory) recordSignature(at, { versionId: version.id, signatoryId: signatory.id, signedOn: version.approvedOn });
    return version;
  };

  it('a full bundle carries approvals, signatures, thresholds, statutory dates, checklist steps and close-out notes; a partner bundle none', () => {
    const version = approveAndSign(county);
    updateAnalysisSettings(county, { cycleId, onTrackPct: 85, atRiskPct: 50 });
    setStatutoryDates(county, {
      cycleId,
      dates: [{ key: 'budget_estimates', title: 'Budget estimates to the County Assembly', month: 4, day: 30, description: '' }],
    });
    tickStep(county, { cycleId, phase: 'preparatory', key: 'inception_team', doneOn: '2026-07-15', note: 'Gazetted' });
    saveCloseOutNotes(county, { cycleId, summary: 'Mid-cycle notes', recommendations: ['Start the next JWP in January'] });

    const partnerPart = readBundle(exportPartner(county, cycleId, orgA));
    expect(cycleRecordNames.map((name) => partnerPart.rows.get(name)?.length ?? 0)).toEqual(cycleRecordNames.map(() => 0));

    expect(deliver(a, exportFull(county, cycleId)).applied).toBe(true);
    const atA = listVersions(a, cycleId);
    expect(atA.versions.map((v) => [v.number, v.fingerprint, v.signatures.length])).toEqual([[1, version.fingerprint, 1]]);
    // The partner now holds the whole plan: its working plan is exactly the approved version 1.
    expect(atA.working).toMatchObject({ state: 'approved', latestVersion: 1, workingFingerprint: version.fingerprint });
    expect(getAnalysisSettings(a, cycleId)).toMatchObject({ onTrackPct: 85, atRiskPct: 50, isDefault: false });
    expect(listStatutoryDates(a, cycleId).dates.map((d) => d.title)).toEqual(['Budget estimates to the County Assembly']);
    expect(a.db.$client.prepare('SELECT done_on, note FROM phase_checklist_items WHERE item_key = ?').get('inception_team')).toEqual({
      done_on: '2026-07-15',
      note: 'Gazetted',
    });
    expect(a.db.$client.prepare('SELECT summary FROM close_out_notes WHERE cycle_id = ?').pluck().get(cycleId)).toBe('Mid-cycle notes');
    // Sent again, nothing changes.
    expect(preview(a, exportFull(county, cycleId)).status).toBe('nothing');
  });

  it('a copy’s own version 1 is kept; the Secretariat’s version 1 and its signature are refused and listed, the rest applied', () => {
    const own = approveVersion(a, { cycleId, approvedBy: 'partner A officer', note: 'approved on the partner’s laptop by mistake' });
    approveAndSign(county);
    s.objective.update(county, { id: s.objective.list(county, { cycleId })[0]?.id as string, changes: { cidpLink: 'CIDP 2023–27, programme 7' } });
    const bytes = exportFull(county, cycleId);
    // Approving ticks the CEC approval step on each copy: the same step, so one row ticked apart — a conflict.
    const seen = preview(a, bytes);
    expect(seen.conflicts.map((c) => [c.register, c.label])).toEqual([['phaseChecklistItem', 'Plan approved by the County Executive Committee']]);
    const result = deliver(a, bytes, { all: 'theirs' });
    expect(result.applied).toBe(true);
    expect(result.preview.refused.map((r) => [r.register, r.reason])).toEqual([
      ['planVersion', expect.stringMatching(/already has its own approved plan version \(“version 1 \(fingerprint .{8}\)”\), which is kept/)],
      ['versionSignature', expect.stringMatching(/names approved plan version .* was not accepted from this bundle/)],
    ]);
    expect(listVersions(a, cycleId).versions.map((v) => [v.id, v.signatures.length])).toEqual([[own.id, 0]]);
    expect(s.objective.list(a, { cycleId })[0]?.cidpLink).toBe('CIDP 2023–27, programme 7');
    expect(a.db.$client.prepare("SELECT done_by FROM phase_checklist_items WHERE item_key = 'cec_approval'").pluck().get()).toBe('county officer');
  });

  it('thresholds set on both copies are one record: the same values agree quietly, different ones are a conflict', () => {
    updateAnalysisSettings(a, { cycleId, onTrackPct: 85, atRiskPct: 50 });
    updateAnalysisSettings(county, { cycleId, onTrackPct: 85, atRiskPct: 50 });
    const same = preview(a, exportFull(county, cycleId));
    expect(same.conflicts).toEqual([]);
    expect(same.refused).toEqual([]);
    updateAnalysisSettings(county, { cycleId, onTrackPct: 95, atRiskPct: 70 });
    updateAnalysisSettings(a, { cycleId, onTrackPct: 80, atRiskPct: 50 });
    const apart = preview(a, exportFull(county, cycleId));
    expect(apart.conflicts.map((c) => [c.register, c.fields.map((f) => [f.field, f.mine, f.theirs])])).toEqual([
      [
        'analysisSetting',
        [
          ['onTrackPct', 80, 95],
          ['atRiskPct', 50, 70],
        ],
      ],
    ]);
    expect(deliver(a, exportFull(county, cycleId), { all: 'theirs' }).applied).toBe(true);
    expect(getAnalysisSettings(a, cycleId)).toMatchObject({ onTrackPct: 95, atRiskPct: 70 });
  });

  it('cycle records sent by a partner are refused: approvals are the Secretariat’s', () => {
    approveVersion(a, { cycleId, approvedBy: 'partner A officer', note: '' });
    updateAnalysisSettings(a, { cycleId, onTrackPct: 70, atRiskPct: 40 });
    const result = deliver(county, exportFull(a, cycleId));
    const refused = new Set(result.preview.refused.map((r) => r.register));
    expect(refused.has('planVersion') && refused.has('analysisSetting')).toBe(true);
    expect(listVersions(county, cycleId).versions).toEqual([]);
    expect(getAnalysisSettings(county, cycleId).isDefault).toBe(true);
  });
});

describe('wards people added travel with the rows that name them', () => {
  const subCountyOf = (ctx: Peer, wardId: string) => getAdminUnit(ctx, wardId).parentId as string;
  const wardsOf = (ctx: Peer, id: string) => s.activity.get(ctx, { id }).wardIds;

  it('a ward a partner added reaches the Secretariat with the activity in it, and back out to another partner', () => {
    const activity = activityOf(a, orgA);
    const newWard = createAdminUnit(a, { level: 'ward', name: 'Kulamawe', parentId: subCountyOf(a, activity.wardIds[0] as string), code: '' });
    s.activity.update(a, { id: activity.id, changes: { wardIds: [...activity.wardIds, newWard.id] } });
    const result = deliver(county, exportPartner(a, cycleId, orgA));
    expect(result.applied).toBe(true);
    expect(result.preview.addsByRegister.adminUnit).toBe(1);
    expect(getAdminUnit(county, newWard.id)).toMatchObject({ name: 'Kulamawe', level: 'ward' });
    expect(wardsOf(county, activity.id)).toContain(newWard.id);
    // The Secretariat's next full bundle gives partner B the ward too.
    expect(deliver(b, exportFull(county, cycleId)).applied).toBe(true);
    expect(getAdminUnit(b, newWard.id).name).toBe('Kulamawe');
  });

  it('only the Secretariat renames a ward: a partner’s rename is refused and listed, the Secretariat’s is taken', () => {
    const ward = activityOf(county, orgA).wardIds[0] as string;
    const original = getAdminUnit(county, ward).name;
    renameAdminUnit(a, { id: ward, name: `${original} (partner spelling)` });
    const fromA = deliver(county, exportPartner(a, cycleId, orgA));
    expect(fromA.preview.refused).toEqual([
      expect.objectContaining({ register: 'adminUnit', reason: expect.stringMatching(/Only the Secretariat can rename/) }),
    ]);
    expect(getAdminUnit(county, ward).name).toBe(original);

    renameAdminUnit(county, { id: ward, name: `${original} Central` });
    const fromCounty = deliver(b, exportFull(county, cycleId));
    expect(fromCounty.preview.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ register: 'adminUnit', fields: [expect.objectContaining({ mine: original, theirs: `${original} Central` })] }),
      ]),
    );
    expect(getAdminUnit(b, ward).name).toBe(`${original} Central`);
  });
});

function exportBundleFull(from: Peer): Uint8Array {
  return exportFull(from, cycleId);
}
