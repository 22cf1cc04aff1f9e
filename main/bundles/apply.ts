import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { BundleImportDto, BundlePreviewDto } from '../../shared/api/schemas/bundles';
import { parseHlc, receiveHlc, type Hlc } from '../../shared/hlc';
import { generated, linkStore, rowStore, type Row } from '../db/row-store';
import { expectNumber, textListOf, textOf, textOrNullOf } from '../db/row-values';
import { bundleImports } from '../db/schema';
import { recordAudit } from '../services/audit';
import { audited } from '../services/audited-write';
import { stamp, type AppContext, type WriteContext } from '../services/context';
import { writeAreaUnits } from './area-units';
import { writeWardBoundaries } from './ward-boundaries';
import { backupBeforeImport, importDto, maxAuditId } from './history';
import { exchangeTable, type ExchangeTable } from './exchange-tables';
import { setIdentity } from './identity';
import { insertRow } from './insert-row';
import type { Decision } from './merge';
import { buildPlan, type PlanOptions } from './plan';
import { rowToWrite, type ImportPlan, type PlanItem } from './plan-types';
import { previewOf, refusedPreview } from './preview';
import type { ParsedBundle } from './read';
import { forgetChecked, readChecked } from './checked-read';
import { BundleRefusal } from './refusal';
import { keepReceivedRows, receivedRowsList, type ReceivedRowsList } from './row-revisions';
import { seenRevisions } from './seen-revisions';
import { writeCycle } from './write-cycle';

export interface PreviewResult {
  preview: BundlePreviewDto;
  parsed: ParsedBundle | null;
  plan: ImportPlan | null;
}

/**
 * The last preview of each open database, reused by "apply" when nothing was written to the
 * database since (this connection's change count and SQLite's data version, for other
 * connections) and the file and choices are the same.
 */
const lastPreview = new WeakMap<object, { key: string; result: PreviewResult }>();

function stateKey(ctx: AppContext, file: Uint8Array, options: PlanOptions): string {
  const client = ctx.db.$client;
  const changes = expectNumber(client.prepare('SELECT total_changes()').pluck().get(), 'total_changes()');
  const version = expectNumber(client.pragma('data_version', { simple: true }), 'data_version');
  return `${createHash('sha256').update(file).digest('hex')}|${changes}|${version}|${JSON.stringify(options)}|${ctx.now().toISOString().slice(0, 13)}`;
}

/** Reads, checks and plans a bundle without writing anything. */
export function previewBundle(ctx: AppContext, file: Uint8Array, options: PlanOptions): PreviewResult {
  const key = stateKey(ctx, file, options);
  // Keyed by the connection: restoring a backup (undo) opens a new one, and nothing carries over.
  const cached = lastPreview.get(ctx.db.$client);
  if (cached?.key === key) return cached.result;
  const result = previewUncached(ctx, file, options);
  lastPreview.set(ctx.db.$client, { key, result });
  return result;
}

function previewUncached(ctx: AppContext, file: Uint8Array, options: PlanOptions): PreviewResult {
  let parsed: ParsedBundle;
  try {
    parsed = readChecked(ctx, file);
  } catch (error) {
    if (error instanceof BundleRefusal) return { preview: refusedPreview(error.message, error.problems, null), parsed: null, plan: null };
    // Reading touches no database: whatever else a hostile file provokes is still a refusal.
    const message = 'This file could not be read as a Pamoja JWP bundle; it may be damaged. Ask the sender to send it again.';
    return { preview: refusedPreview(message, [message], null), parsed: null, plan: null };
  }
  const result = buildPlan(ctx, parsed, options);
  return { preview: previewOf(ctx, parsed, result), parsed, plan: result.kind === 'plan' ? result.plan : null };
}

export interface ApplyResult {
  applied: boolean;
  preview: BundlePreviewDto;
  import: BundleImportDto | null;
}

/**
 * Applies a bundle whose preview is ready (every conflict resolved): after a verified backup, in
 * one transaction, with every change in the audit log and the import in the history.
 */
export function applyBundle(ctx: AppContext, file: Uint8Array, options: PlanOptions): ApplyResult {
  const { preview, plan } = previewBundle(ctx, file, options);
  if (!plan || preview.status !== 'ready') return { applied: false, preview, import: null };
  const backupFile = backupBeforeImport(ctx);
  const record = audited(ctx, { cycleId: plan.parsed.manifest.cycle.id }, (tx) => writePlan(tx, plan, preview, backupFile));
  forgetChecked(ctx);
  lastPreview.delete(ctx.db.$client);
  return { applied: true, preview, import: importDto(ctx, record) };
}

const SYNC_HIDDEN = new Set(['hlc', 'origin', 'baseHlc']);
const KEPT = new Set<Decision>(['add', 'take', 'conflict', 'converged']);
/**
 * A row as the audit keeps it: its columns but the clock ones, then its link lists. Made by a
 * function generated from the table's own keys (never from input), one object literal of one
 * shape for JSON.stringify: an import of a county plan audits 36,000 rows.
 */
const auditShapes = new WeakMap<ExchangeTable, (row: Row) => Row>();
function auditShape(t: ExchangeTable, row: Row): Row {
  let shape = auditShapes.get(t);
  if (!shape) {
    const fields = [...t.columns.map(([key]) => key).filter((key) => !SYNC_HIDDEN.has(key)), ...t.links.map((link) => link.field)];
    shape = generated<(row: Row) => Row>(['row'], `return { ${fields.map((field) => `${JSON.stringify(field)}: row[${JSON.stringify(field)}]`).join(', ')} };`);
    auditShapes.set(t, shape);
  }
  return shape(row);
}

/**
 * Their row as written, in the audit's JSON (its columns but the clock ones, and its link lists),
 * with its stamp: the revision kept, without writing the row's JSON twice. Merging reads a kept
 * revision's fields, id and stamp only; the audit image has them all.
 */
const revisionFromAudit = (hlc: string, auditJson: string) => [`{"hlc":${JSON.stringify(hlc)},`, auditJson.slice(1)];

function writePlan(tx: WriteContext, plan: ImportPlan, preview: BundlePreviewDto, backupFile: string | null): typeof bundleImports.$inferSelect {
  const client = tx.db.$client;
  // Rows arrive in any order (a cycle and its organisations name each other): the foreign keys
  // are checked once, at commit.
  client.pragma('defer_foreign_keys = ON');
  const auditFrom = maxAuditId(tx);
  const { manifest } = plan.parsed;
  tx.clock.last = receiveHlc(tx.clock.last, parseHlc(plan.parsed.maxHlc) as Hlc, tx.now().getTime(), tx.nodeId);
  const at = tx.now().toISOString();
  const cycleId = manifest.cycle.id;
  const seen = seenRevisions(client, plan.local, cycleId, manifest.sender.installationId);
  writeAreaUnits(tx, plan.areaUnits, at);
  writeWardBoundaries(tx, plan.wardBoundaries, at);
  writeCycle(tx, plan, at, seen);
  if (plan.createsCycle) setIdentity(tx, cycleId, 'partner', manifest.kind === 'partner' ? manifest.partnerOrgId : null);

  const s = statements(client);
  const keptRevisions = new Map<string, ReceivedRowsList>();
  // Refused rows are not remembered as seen: re-sent, they are judged (and listed) again.
  for (const item of plan.items) {
    if (item.refused) continue;
    const written = writeItem(tx, plan, item, s, at);
    // The sender holds this revision: its next edit may be made on it (field-merge.ts). A stale
    // row is old news, and never vouched for by the checks a new one passes: it is not kept.
    const tableName = exchangeTable[item.register].tableName;
    if (item.theirs && KEPT.has(item.decision)) {
      let kept = keptRevisions.get(tableName);
      if (!kept) keptRevisions.set(tableName, (kept = receivedRowsList()));
      if (written === null) kept.add(JSON.stringify(item.theirs));
      else kept.add(...revisionFromAudit(item.theirsHlc, written));
    }
    if (item.outcome === 'none') seen.shown(tableName, item.id, item.theirsHlc);
    else seen.took(tableName, item.id, item.theirsHlc);
  }
  for (const [tableName, kept] of keptRevisions) {
    const list = kept.finish();
    if (list) keepReceivedRows(client, { cycleId, tableName, at, list });
  }
  if (plan.parsed.cycle) seen.shown('cycles', cycleId, textOf(plan.parsed.cycle, 'hlc'));
  seen.write();
  s.peer.run({ c: cycleId, p: manifest.sender.installationId, clock: manifest.senderClock, b: manifest.bundleId, at });

  const record: typeof bundleImports.$inferInsert = {
    id: tx.newId(),
    cycleId,
    bundleId: manifest.bundleId,
    kind: manifest.kind,
    senderRole: plan.authority.role,
    senderOrgId: plan.authority.orgId,
    senderName: manifest.sender.orgName,
    senderInstallationId: manifest.sender.installationId,
    senderFingerprint: plan.parsed.fingerprint,
    bundleCreatedAt: manifest.createdAt,
    importedAt: at,
    userName: tx.userName || 'unknown user',
    backupFile,
    summaryJson: JSON.stringify({
      counts: preview.counts,
      decisions: plan.items
        .filter((item) => item.conflict && !item.refused)
        .map((item) => ({ key: item.key, choice: item.conflict?.choice ?? item.conflict?.recommended })),
      refused: preview.refused.map(({ register, id, label, reason }) => ({ register, id, label, reason })),
      warnings: preview.warnings,
    }),
    auditFrom,
    auditTo: 0,
    undoneAt: null,
  };
  record.auditTo = maxAuditId(tx);
  tx.db.insert(bundleImports).values(record).run();
  return { ...record, auditTo: record.auditTo, backupFile, undoneAt: null } as typeof bundleImports.$inferSelect;
}

function statements(client: Database.Database) {
  return {
    tombstone: client.prepare(
      'INSERT INTO tombstones (table_name, row_id, cycle_id, owner_org_id, deleted_at, hlc, origin) VALUES (?, ?, ?, ?, ?, ?, ?) ' +
        'ON CONFLICT (table_name, row_id) DO UPDATE SET owner_org_id = excluded.owner_org_id, deleted_at = excluded.deleted_at, hlc = excluded.hlc, origin = excluded.origin',
    ),
    untomb: client.prepare('DELETE FROM tombstones WHERE table_name = ? AND row_id = ?'),
    peer: client.prepare(
      'INSERT INTO bundle_peers (cycle_id, peer_id, last_clock, last_bundle_id, last_imported_at) VALUES (@c, @p, @clock, @b, @at) ' +
        'ON CONFLICT (cycle_id, peer_id) DO UPDATE SET last_clock = excluded.last_clock, last_bundle_id = excluded.last_bundle_id, last_imported_at = excluded.last_imported_at WHERE excluded.last_clock > bundle_peers.last_clock',
    ),
  };
}

type Statements = ReturnType<typeof statements>;

/** A revision of this copy's own, for a row it settles (a resolution newer than both sides). */
function freshRevision(tx: WriteContext, at: string) {
  const { hlc } = stamp(tx);
  return { hlc, origin: tx.installationId, updatedAt: at };
}

/**
 * One item's audit entry; returns the after image as written (JSON), or null for a deletion.
 * Module-level helpers, not closures made per item: an import of a county plan writes 36,000.
 */
function auditItem(
  tx: WriteContext,
  at: string,
  t: ExchangeTable,
  item: PlanItem,
  cycleId: string,
  change: { action: 'create' | 'update' | 'delete'; before?: Row; after?: Row },
): string | null {
  const afterJson = change.after ? JSON.stringify(auditShape(t, change.after)) : undefined;
  const before = change.before && auditShape(t, change.before);
  recordAudit(tx, at, { action: change.action, tableName: t.tableName, rowId: item.id, cycleId, before, afterJson });
  return afterJson ?? null;
}

function writeTombstone(
  s: Statements,
  t: ExchangeTable,
  id: string,
  cycleId: string,
  mark: { hlc: string; origin: string; deletedAt: string; owner: string | null },
): void {
  s.tombstone.run(t.tableName, id, cycleId, mark.owner, mark.deletedAt, mark.hlc, mark.origin);
}

/** Writes one item; for their row written as it came, returns its audit image (JSON). */
function writeItem(tx: WriteContext, plan: ImportPlan, item: PlanItem, s: Statements, at: string): string | null {
  const t = exchangeTable[item.register];
  const store = rowStore(tx.db.$client, t.table);
  const cycleId = plan.parsed.manifest.cycle.id;

  switch (item.outcome) {
    case 'write-theirs':
    case 'merge': {
      const source = rowToWrite(item);
      const row: Row = { ...source, ownerOrgId: plan.owners.get(item.key) ?? null, ...(item.restamp ? freshRevision(tx, at) : {}) };
      let image: string | null;
      if (item.mine) {
        store.update(tx, row);
        for (const link of t.links) linkStore(tx.db.$client, link).replace(tx, item.id, textListOf(row, link.field));
        image = auditItem(tx, at, t, item, cycleId, { action: 'update', before: item.mine, after: row });
      } else {
        insertRow(tx.db.$client, t, row);
        for (const link of t.links) linkStore(tx.db.$client, link).add(tx, item.id, textListOf(row, link.field));
        if (item.mineTombstone) s.untomb.run(t.tableName, item.id);
        image = auditItem(tx, at, t, item, cycleId, { action: 'create', after: row });
      }
      // A merged row is not theirs: its revision is kept from their row itself.
      return item.outcome === 'write-theirs' ? image : null;
    }
    case 'delete': {
      const { mine } = item;
      if (!mine) throw new Error('A deletion of a row this copy does not have.');
      const theirs = item.theirsTombstone;
      const revision = item.restamp || !theirs ? freshRevision(tx, at) : { hlc: theirs.hlc, origin: theirs.origin, updatedAt: theirs.deletedAt };
      store.remove(tx, item.id);
      writeTombstone(s, t, item.id, cycleId, { ...revision, deletedAt: revision.updatedAt, owner: textOrNullOf(mine, 'ownerOrgId') });
      auditItem(tx, at, t, item, cycleId, { action: 'delete', before: mine });
      return null;
    }
    case 'tombstone': {
      const theirs = item.theirsTombstone;
      if (theirs) writeTombstone(s, t, item.id, cycleId, { ...theirs, owner: item.mineTombstone?.ownerOrgId ?? theirs.ownerOrgId });
      return null;
    }
    case 'keep-mine':
    case 'meta': {
      // Only clock marks change: a resolution newer than both sides, or the later of two equal versions.
      const later = item.outcome === 'meta' && item.theirsHlc > (item.mine?.hlc ?? item.mineTombstone?.hlc ?? '');
      if (!item.restamp && !later) return null;
      const revision = item.restamp
        ? freshRevision(tx, at)
        : { hlc: item.theirsHlc, origin: item.theirsOrigin, updatedAt: item.theirs ? textOf(item.theirs, 'updatedAt') : at };
      if (item.mine) store.update(tx, { ...item.mine, ...revision });
      else if (item.mineTombstone)
        writeTombstone(s, t, item.id, cycleId, { ...revision, deletedAt: item.mineTombstone.deletedAt, owner: item.mineTombstone.ownerOrgId });
      return null;
    }
    case 'none':
      return null;
  }
}
