import { createHash } from 'node:crypto';
import type { RoundReturnDto, RoundReturnPreviewDto } from '../../shared/api/schemas/rounds';
import { formatDisplayDate } from '../../shared/dates';
import { ServiceError } from '../../shared/result';
import { applyBundle, previewBundle } from '../bundles/apply';
import { maxAuditId } from '../bundles/history';
import { expectNumber } from '../db/row-values';
import { roundReturns } from '../db/schema';
import { META_SHEET } from '../exports/xlsx/sheet-names';
import { bindingHolds } from '../exports/xlsx/template-binding';
import { applyImport, previewImport } from '../imports/xlsx/index';
import { keyValueRows, openXlsx } from '../imports/sheet-reader/xlsx-file';
import type { ImportPreviewDto } from '../../shared/api/methods/xlsx';
import { recordAudit } from '../services/audit';
import { audited } from '../services/audited-write';
import type { AppContext } from '../services/context';
import { registerServices } from '../services/index';
import { newRowMeta } from '../services/record-meta';
import { requireOpenRound } from './open-close';
import { isLate, membersOf, returnDto, returnsOf, ROUND_TABLES, roundById, type RoundRow } from './store';

/**
 * A file an organisation sends back for the round (issue 19, item 3): its partner template or its
 * bundle. The round's own checks come first — the round is open, the file is for this round and
 * period, from an organisation in it, not taken before — each refusal a plain sentence with nothing
 * written. The file then goes through the existing preview and apply of templates and bundles, and
 * the round records which import answered it.
 */

export interface ReturnFile {
  fileName: string;
  buffer: Buffer;
}

interface Claim {
  round: RoundRow;
  organisationId: string;
  organisationName: string;
  kind: 'template' | 'bundle';
  sha256: string;
}

const refuse = (file: ReturnFile, why: string) =>
  new ServiceError({ code: 'invalid_input', message: `"${file.fileName}" was not taken in: ${why} Nothing was written.` });

const BUNDLE_OPTIONS = { resolutions: {}, resolveAll: null };
const isBundle = (file: ReturnFile) => file.fileName.toLowerCase().endsWith('.jwpb');

function closedOn(round: RoundRow): string {
  return round.closedOn ? ` on ${formatDisplayDate(round.closedOn.slice(0, 10))}` : '';
}

async function claimOf(ctx: AppContext, cycleId: string, file: ReturnFile): Promise<Claim> {
  const sha256 = createHash('sha256').update(file.buffer).digest('hex');
  const claim = isBundle(file) ? bundleClaim(ctx, cycleId, file) : await templateClaim(ctx, cycleId, file);
  const members = membersOf(ctx, claim.round.id);
  if (!members.some((m) => m.organisationId === claim.organisationId))
    throw refuse(
      file,
      `it comes from ${claim.organisationName}, which is not in the ${claim.round.periodKey} round. Add them to the round first if they should report.`,
    );
  const earlier = returnsOf(ctx, claim.round.id).find((r) => r.fileSha256 === sha256);
  if (earlier)
    throw refuse(
      file,
      `the same file was already taken in on ${formatDisplayDate(earlier.receivedAt.slice(0, 10))} as ${claim.organisationName}'s return (${earlier.fileName}).`,
    );
  return { ...claim, sha256 };
}

function organisationName(ctx: AppContext, id: string): string {
  try {
    const org = registerServices.organisation.get(ctx, { id });
    return org.shortName || org.name;
  } catch {
    return 'an organisation not in this cycle';
  }
}

async function templateClaim(ctx: AppContext, cycleId: string, file: ReturnFile): Promise<Omit<Claim, 'sha256'>> {
  const details = openXlsx(file.buffer, file.fileName, 'partner template').sheet(META_SHEET);
  const meta = details ? keyValueRows(details) : {};
  if (meta.kind !== 'partner-template') throw refuse(file, 'it is not a partner template of Pamoja JWP.');
  if (!bindingHolds(ctx, meta)) throw refuse(file, 'this template was not issued by this copy of Pamoja JWP, or it was altered.');
  if (meta.cycleId !== cycleId) throw refuse(file, 'it is a template for another cycle.');
  if (!meta.roundId) throw refuse(file, 'it is a partner template sent outside any reporting round. Import it under Import › Partner template instead.');
  const round = roundById(ctx, meta.roundId);
  if (!round) throw refuse(file, `it was sent for a ${meta.periodKey ?? ''} reporting round that is not in this database.`);
  const open = requireOpenRound(ctx, cycleId);
  if (round.id !== open.id) {
    throw refuse(
      file,
      round.status === 'closed'
        ? `it is the template of the ${round.periodKey} round, which was closed${closedOn(round)}; the round open now is ${open.periodKey}.`
        : `it is the template of the ${round.periodKey} round, not of the ${open.periodKey} round open now.`,
    );
  }
  const organisationId = meta.organisationId ?? '';
  return { round, organisationId, organisationName: organisationName(ctx, organisationId), kind: 'template' };
}

function bundleClaim(ctx: AppContext, cycleId: string, file: ReturnFile): Omit<Claim, 'sha256'> {
  const { preview, parsed } = previewBundle(ctx, file.buffer, BUNDLE_OPTIONS);
  if (!parsed) throw refuse(file, preview.message);
  const { manifest } = parsed;
  if (manifest.cycle.id !== cycleId) throw refuse(file, `it is a bundle of another cycle ("${manifest.cycle.title}").`);
  const round = requireOpenRound(ctx, cycleId);
  if (manifest.sender.role !== 'partner' || !manifest.sender.orgId)
    throw refuse(file, `it was made by the Secretariat (${manifest.sender.orgName}), not by a partner.`);
  if (manifest.createdAt < round.openedOn) {
    throw refuse(
      file,
      `it was made on ${formatDisplayDate(manifest.createdAt.slice(0, 10))}, before the ${round.periodKey} round opened (${formatDisplayDate(round.openedOn.slice(0, 10))}): it is not a return for this round.`,
    );
  }
  return { round, organisationId: manifest.sender.orgId, organisationName: organisationName(ctx, manifest.sender.orgId), kind: 'bundle' };
}

const templateProblems = (preview: ImportPreviewDto) =>
  preview.errors.map((e) => [e.sheet, e.row === null ? null : `row ${e.row}`, e.column].filter(Boolean).join(', ') + `: ${e.message}`);

/** What taking the file in would do; writes nothing. */
export async function previewReturn(ctx: AppContext, cycleId: string, file: ReturnFile): Promise<RoundReturnPreviewDto> {
  const claim = await claimOf(ctx, cycleId, file);
  const base = {
    organisationId: claim.organisationId,
    organisationName: claim.organisationName,
    kind: claim.kind,
    fileName: file.fileName,
    late: isLate(ctx.now().toISOString(), claim.round.dueDate),
  };
  if (claim.kind === 'template') {
    const preview = await previewImport(ctx, { buffer: file.buffer, fileName: file.fileName, cycleId });
    const problems = templateProblems(preview);
    return { ...base, adds: preview.adds.length, changes: preview.changes.length, problems, canApply: problems.length === 0 };
  }
  const { preview } = previewBundle(ctx, file.buffer, BUNDLE_OPTIONS);
  const problems = bundleProblems(preview);
  return {
    ...base,
    adds: preview.counts.adds,
    changes: preview.counts.changes,
    problems,
    canApply: preview.status === 'ready' || preview.status === 'nothing',
  };
}

function bundleProblems(preview: ReturnType<typeof previewBundle>['preview']): string[] {
  const conflicts = preview.counts.conflicts
    ? [`${preview.counts.conflicts} conflicting change(s): resolve them under Import › Bundle, then take the file in again.`]
    : [];
  const refused = preview.refused.map((r) => `${r.label}: ${r.reason}`);
  const whole = preview.status === 'refused' || preview.status === 'untrusted' ? [preview.message, ...preview.problems] : [];
  return [...whole, ...conflicts, ...refused];
}

/**
 * Takes the file in: the import applies it as it would from the Import screen (a template with
 * errors writes nothing), then the round records the return — which file, when, what it changed,
 * the problems found, and the import that answered (bundle import id, audit change).
 */
export async function applyReturn(ctx: AppContext, cycleId: string, file: ReturnFile): Promise<RoundReturnDto> {
  const claim = await claimOf(ctx, cycleId, file);
  const before = maxAuditId(ctx);
  let outcome: { applied: boolean; added: number; changed: number; problems: string[]; bundleImportId: string | null };
  if (claim.kind === 'template') {
    const summary = await applyImport(ctx, { buffer: file.buffer, fileName: file.fileName, cycleId }, { applyValidOnly: false });
    outcome = {
      applied: summary.applied || templateProblems(summary.preview).length === 0,
      added: summary.added,
      changed: summary.changed,
      problems: templateProblems(summary.preview),
      bundleImportId: null,
    };
  } else {
    const result = applyBundle(ctx, file.buffer, BUNDLE_OPTIONS);
    const nothingNew = result.preview.status === 'nothing';
    outcome = {
      applied: result.applied || nothingNew,
      added: result.preview.counts.adds,
      changed: result.preview.counts.changes,
      problems: bundleProblems(result.preview),
      bundleImportId: result.import?.id ?? null,
    };
    if (!result.applied) outcome.added = outcome.changed = 0;
  }
  const changeId = firstChangeAfter(ctx, before);
  const row = audited(ctx, { cycleId }, (tx) => {
    const { at, meta } = newRowMeta(tx, cycleId);
    const { problems, ...counts } = outcome;
    const stored = {
      ...meta,
      roundId: claim.round.id,
      organisationId: claim.organisationId,
      kind: claim.kind,
      fileName: file.fileName,
      fileSha256: claim.sha256,
      receivedAt: at,
      ...counts,
      problemsJson: JSON.stringify(problems),
      changeId,
    };
    tx.db.insert(roundReturns).values(stored).run();
    recordAudit(tx, at, { action: 'create', tableName: ROUND_TABLES.return, rowId: stored.id, cycleId, after: stored });
    return stored;
  });
  return returnDto(row, claim.round.dueDate);
}

/** The change number of the first audit entry written after `auditId`; null when nothing was written. */
function firstChangeAfter(ctx: AppContext, auditId: number): number | null {
  const value: unknown = ctx.db.$client.prepare("SELECT min(coalesce(change_id, id)) FROM audit_log WHERE id > ? AND action != 'restore'").pluck().get(auditId);
  return value === null || value === undefined ? null : expectNumber(value, 'change_id');
}
