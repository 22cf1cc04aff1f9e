import { asc, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { approveInput, SignatureDto, signInput, VersionDto, WorkingStateDto } from '../../shared/api/schemas/lifecycle';
import { formatDisplayDate } from '../../shared/dates';
import { isRecord } from '../../shared/guards';
import { APPROVAL_STEP, SIGNATURES_STEP } from '../../shared/lifecycle/checklists';
import { diffSnapshots, type PlanSnapshot } from '../../shared/lifecycle/diff';
import { invalidField, notFound, ServiceError } from '../../shared/result';
import { planVersions, versionSignatures } from '../db/schema';
import { canonicalJson, contentHash, cycleContent, planOnly } from '../exports/fingerprint';
import { recordAudit } from '../services/audit';
import { audited } from '../services/audited-write';
import type { AppContext } from '../services/context';
import { getCycle } from '../services/cycles';
import { tickIfOpen } from './checklist-store';
import { newRowMeta, todayOf, writeTombstone } from '../services/record-meta';
import { naturalCompare } from '../../shared/natural-order';

export type VersionRow = typeof planVersions.$inferSelect;

export interface ContentState {
  snapshot: PlanSnapshot;
  /** SHA-256 (hex) of the snapshot's canonical JSON. */
  hash: string;
  /** Its first 8 hex digits: what the approval pack prints. */
  fingerprint: string;
}

/** Checks a value has the snapshot's shape: stored JSON and the fingerprint's content both pass here. */
export function asSnapshot(value: unknown): PlanSnapshot {
  if (!isRecord(value) || !isRecord(value.cycle) || !isRecord(value.registers)) throw new Error('Not a plan snapshot.');
  const registers: PlanSnapshot['registers'] = {};
  for (const [name, rows] of Object.entries(value.registers)) {
    if (!Array.isArray(rows) || !rows.every(isRecord)) throw new Error(`Not a plan snapshot: register ${name} is not a list of rows.`);
    registers[name] = rows;
  }
  return { cycle: value.cycle, registers };
}

/**
 * The working plan's content and fingerprint, computed by the Word exports' own function
 * (main/exports/fingerprint.ts), so a version's fingerprint is the one its approval pack prints.
 */
export function workingContent(ctx: AppContext, cycleId: string): ContentState {
  const snapshot = asSnapshot(cycleContent(ctx, cycleId));
  const hash = contentHash(snapshot);
  return { snapshot, hash, fingerprint: hash.slice(0, 8) };
}

/** A version's frozen plan, cut to what the fingerprint covers today (see `planOnly`). */
export function versionSnapshot(row: VersionRow): PlanSnapshot {
  return planOnly(asSnapshot(JSON.parse(row.snapshotJson)));
}

/**
 * The working plan is the version's plan: the same hash, or, for a version frozen while the
 * fingerprint still covered monitoring, the same plan once its snapshot is cut to the plan.
 */
function holdsSamePlan(row: VersionRow, working: ContentState): boolean {
  return row.contentHash === working.hash || contentHash(versionSnapshot(row)) === working.hash;
}

export const versionLabel = (row: Pick<VersionRow, 'number' | 'approvedOn'>) => `version ${row.number} (approved ${formatDisplayDate(row.approvedOn)})`;

export function versionRows(ctx: AppContext, cycleId: string): VersionRow[] {
  return ctx.db.select().from(planVersions).where(eq(planVersions.cycleId, cycleId)).orderBy(asc(planVersions.number)).all();
}

export function latestVersionRow(ctx: AppContext, cycleId: string): VersionRow | undefined {
  return ctx.db.select().from(planVersions).where(eq(planVersions.cycleId, cycleId)).orderBy(desc(planVersions.number)).limit(1).get();
}

export function versionByNumber(ctx: AppContext, cycleId: string, number: number, field: string): VersionRow {
  const row = versionRows(ctx, cycleId).find((version) => version.number === number);
  if (row) return row;
  const count = versionRows(ctx, cycleId).length;
  const have = count === 0 ? 'no approved version yet' : count === 1 ? 'only version 1' : `versions 1–${count}`;
  throw invalidField(field, `Version: this cycle has ${have}; there is no version ${number}.`);
}

function signatureRows(ctx: AppContext, versionId: string) {
  return ctx.db
    .select()
    .from(versionSignatures)
    .where(eq(versionSignatures.versionId, versionId))
    .orderBy(asc(versionSignatures.signedOn), asc(versionSignatures.name))
    .all();
}

const toSignatureDto = (row: typeof versionSignatures.$inferSelect): SignatureDto => ({
  id: row.id,
  versionId: row.versionId,
  signatoryId: row.signatoryId,
  name: row.name,
  title: row.title,
  organisationName: row.organisationName,
  role: row.role,
  signedOn: row.signedOn,
});

/** The signatories of a frozen plan, with their organisation's name as it stood then. */
function frozenSignatories(snapshot: PlanSnapshot) {
  const orgNames = new Map((snapshot.registers.organisation ?? []).map((org) => [String(org.id), String(org.name ?? '')]));
  return (snapshot.registers.signatory ?? [])
    .map((row) => ({
      signatoryId: String(row.id),
      name: String(row.name ?? ''),
      title: String(row.title ?? ''),
      organisationName: orgNames.get(String(row.organisationId)) ?? '',
      role: String(row.role ?? 'other'),
      sortOrder: typeof row.sortOrder === 'number' ? row.sortOrder : 0,
    }))
    .sort((a, b) => a.sortOrder - b.sortOrder || naturalCompare(a.name, b.name));
}

export function toVersionDto(ctx: AppContext, row: VersionRow): VersionDto {
  const snapshot = versionSnapshot(row);
  const signatures = signatureRows(ctx, row.id).map(toSignatureDto);
  const signed = new Set(signatures.map((s) => s.signatoryId));
  return {
    id: row.id,
    cycleId: row.cycleId,
    number: row.number,
    fingerprint: row.fingerprint,
    contentHash: row.contentHash,
    approvedBy: row.approvedBy,
    approvedOn: row.approvedOn,
    recordedAt: row.createdAt,
    note: row.note,
    label: versionLabel(row),
    counts: Object.fromEntries(Object.entries(snapshot.registers).map(([name, rows]) => [name, rows.length])),
    signatures,
    unsigned: frozenSignatories(snapshot)
      .filter((s) => !signed.has(s.signatoryId))
      .map(({ sortOrder: _sortOrder, ...rest }) => rest),
  };
}

/** How the working plan stands against its latest approved version. */
export function workingState(ctx: AppContext, cycleId: string, working: ContentState = workingContent(ctx, cycleId)): WorkingStateDto {
  const latest = latestVersionRow(ctx, cycleId);
  const base = { workingFingerprint: working.fingerprint };
  if (!latest) {
    return { ...base, state: 'draft', latestVersion: null, latestFingerprint: null, changesSinceLatest: 0, versionLabel: 'Working draft (not yet approved)' };
  }
  const latestRef = { latestVersion: latest.number, latestFingerprint: latest.fingerprint };
  if (holdsSamePlan(latest, working)) {
    return {
      ...base,
      ...latestRef,
      state: 'approved',
      changesSinceLatest: 0,
      versionLabel: `Version ${latest.number} (approved ${formatDisplayDate(latest.approvedOn)})`,
    };
  }
  const { totals } = diffSnapshots(versionSnapshot(latest), working.snapshot);
  return {
    ...base,
    ...latestRef,
    state: 'revision',
    changesSinceLatest: totals.added + totals.removed + totals.changed,
    versionLabel: `Revision of version ${latest.number} in progress (not approved)`,
  };
}

/**
 * For documents (the Word approval pack): the label to print as the version and the fingerprint
 * of the data being printed, which is the approved version's own when nothing changed since.
 */
export function documentVersion(
  ctx: AppContext,
  cycleId: string,
): { versionLabel: string; fingerprint: string; version: number | null; state: WorkingStateDto['state'] } {
  const state = workingState(ctx, cycleId);
  return {
    versionLabel: state.versionLabel,
    // An approved plan prints the fingerprint it was approved and signed under.
    fingerprint: state.state === 'approved' && state.latestFingerprint !== null ? state.latestFingerprint : state.workingFingerprint,
    version: state.state === 'approved' ? state.latestVersion : null,
    state: state.state,
  };
}

export function listVersions(ctx: AppContext, cycleId: string) {
  getCycle(ctx, cycleId);
  return { cycleId, versions: versionRows(ctx, cycleId).map((row) => toVersionDto(ctx, row)), working: workingState(ctx, cycleId) };
}

/**
 * Freezes the working plan as the next numbered version: a snapshot of every register, written once
 * and never updated, with its content hash. Approving a plan identical to the latest version is
 * refused: a version number always means a different plan.
 */
export function approveVersion(ctx: AppContext, input: z.output<typeof approveInput>): VersionDto {
  const { cycleId } = input;
  return audited(ctx, { cycleId }, (tx) => {
    getCycle(tx, cycleId);
    const working = workingContent(tx, cycleId);
    const latest = latestVersionRow(tx, cycleId);
    if (latest && holdsSamePlan(latest, working)) {
      throw new ServiceError({
        code: 'invalid_input',
        message: `Version ${latest.number} (fingerprint ${latest.fingerprint}) already holds exactly this plan. Change the plan before approving a new version.`,
      });
    }
    const approvedOn = input.approvedOn ?? todayOf(tx);
    if (approvedOn > todayOf(tx))
      throw invalidField('approvedOn', `Date approved: ${formatDisplayDate(approvedOn)} is in the future; record an approval once it has happened.`);
    if (latest && approvedOn < latest.approvedOn) {
      throw invalidField(
        'approvedOn',
        `Date approved: version ${latest.number} was approved on ${formatDisplayDate(latest.approvedOn)}; version ${latest.number + 1} cannot be approved before it.`,
      );
    }
    const number = (latest?.number ?? 0) + 1;
    const { at, meta } = newRowMeta(tx, cycleId);
    const fields = { number, fingerprint: working.fingerprint, contentHash: working.hash, approvedBy: input.approvedBy, approvedOn, note: input.note };
    tx.db
      .insert(planVersions)
      .values({ ...meta, ...fields, snapshotJson: canonicalJson(working.snapshot) })
      .run();
    // The snapshot itself stays out of the audit log: it is in the version row, which never changes.
    recordAudit(tx, at, { action: 'create', tableName: 'plan_versions', rowId: meta.id, cycleId, after: fields });
    tickIfOpen(tx, cycleId, APPROVAL_STEP, { doneOn: approvedOn, doneBy: input.approvedBy, note: `Version ${number} approved` });
    return toVersionDto(tx, versionById(tx, meta.id));
  });
}

function versionById(ctx: AppContext, id: string): VersionRow {
  const row = ctx.db.select().from(planVersions).where(eq(planVersions.id, id)).get();
  if (!row) throw notFound('plan version', id);
  return row;
}

/** Records who signed an approved version and when; a signatory of the frozen plan signs once. */
export function recordSignature(ctx: AppContext, input: z.output<typeof signInput>): SignatureDto {
  const version = versionById(ctx, input.versionId);
  return audited(ctx, { cycleId: version.cycleId }, (tx) => {
    const signatories = frozenSignatories(versionSnapshot(version));
    let person: { signatoryId: string | null; name: string; title: string; organisationName: string; role: string };
    if (input.signatoryId !== undefined) {
      const found = signatories.find((s) => s.signatoryId === input.signatoryId);
      if (!found) throw invalidField('signatoryId', `Signatory: choose one of the signatories of version ${version.number}.`);
      const already = signatureRows(tx, version.id).find((s) => s.signatoryId === found.signatoryId);
      if (already)
        throw invalidField('signatoryId', `Signatory: ${found.name} already signed version ${version.number} on ${formatDisplayDate(already.signedOn)}.`);
      person = { signatoryId: found.signatoryId, name: found.name, title: found.title, organisationName: found.organisationName, role: found.role };
    } else {
      if (!input.name) throw invalidField('name', 'Name: give the name of the person who signed, or choose one of the signatories.');
      person = { signatoryId: null, name: input.name, title: input.title ?? '', organisationName: input.organisationName ?? '', role: input.role ?? 'other' };
    }
    if (input.signedOn < version.approvedOn) {
      throw invalidField(
        'signedOn',
        `Date signed: version ${version.number} was approved on ${formatDisplayDate(version.approvedOn)}; it cannot be signed before that.`,
      );
    }
    if (input.signedOn > todayOf(tx)) throw invalidField('signedOn', `Date signed: ${formatDisplayDate(input.signedOn)} is in the future.`);
    const { at, meta } = newRowMeta(tx, version.cycleId);
    const row = { ...meta, versionId: version.id, ...person, signedOn: input.signedOn };
    tx.db.insert(versionSignatures).values(row).run();
    const dto = toSignatureDto(row);
    recordAudit(tx, at, { action: 'create', tableName: 'version_signatures', rowId: meta.id, cycleId: version.cycleId, after: dto });

    // When every signatory of the frozen plan has signed, the planning checklist's last step is done.
    const signedIds = new Set(signatureRows(tx, version.id).map((s) => s.signatoryId));
    if (signatories.length > 0 && signatories.every((s) => signedIds.has(s.signatoryId))) {
      const lastDate = signatureRows(tx, version.id).reduce((latest, s) => (s.signedOn > latest ? s.signedOn : latest), version.approvedOn);
      tickIfOpen(tx, version.cycleId, SIGNATURES_STEP, {
        doneOn: lastDate,
        doneBy: tx.userName,
        note: `Version ${version.number} signed by all signatories`,
      });
    }
    return dto;
  });
}

export function removeSignature(ctx: AppContext, { id }: { id: string }): { id: string; deleted: true } {
  const row = ctx.db.select().from(versionSignatures).where(eq(versionSignatures.id, id)).get();
  if (!row) throw notFound('signature', id);
  return audited(ctx, { cycleId: row.cycleId }, (tx) => {
    const at = writeTombstone(tx, 'version_signatures', id, row.cycleId);
    tx.db.delete(versionSignatures).where(eq(versionSignatures.id, id)).run();
    recordAudit(tx, at, { action: 'delete', tableName: 'version_signatures', rowId: id, cycleId: row.cycleId, before: toSignatureDto(row) });
    return { id, deleted: true as const };
  });
}
