import { exportFileName } from '../../shared/export-file-name';
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { BundleExportDto, bundleExportInput } from '../../shared/api/schemas/bundles';
import { notFound, ServiceError } from '../../shared/result';
import { textOf } from '../db/row-values';
import { APP_VERSION } from '../services/app-info';
import { inWriteTransaction, stamp, type AppContext } from '../services/context';
import { getAdminUnit } from '../services/admin-units';
import { AREA_UNITS_ENTRY, readAreaUnits } from './area-units';
import { baseKey, readAllRows, readBases, readCycleRow, readTombstones, type RowsByRegister } from './cycle-rows';
import { exchangeTable, exchangeTables, type ExchangeTable } from './exchange-tables';
import { CYCLE_ENTRY, MANIFEST, rowsEntry, SIGNATURE, TOMBSTONES_ENTRY, type BundleTombstone, type Manifest } from './format';
import { identityFor, organisationFileName, organisationName, setIdentity } from './identity';
import { installationKey, signManifest } from './keys';
import { cycleRowOf } from './plan-cycle';
import { BUNDLE_MIME_TYPE, FORMAT_NAME, formatNeeded } from './limits';
import { readWardBoundaries, WARD_BOUNDARIES_ENTRY } from './ward-boundaries';
import { jsonListBytes } from './json-bytes';
import { keepSentRows } from './row-revisions';
import { rowShape, rowsJsonReader } from './row-json';
import { PERSONAL_DATA_REGISTERS, personalDataOf, selectFull, selectPartner, type Selection } from './selection';
import { packData, packEntry, writePackedZip, type PackedEntry } from './zip';

export interface ExportedBundle extends Omit<BundleExportDto, 'base64'> {
  bytes: Uint8Array;
  manifest: Manifest;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const ROUND_RECORDS = new Set<string>(['reportingRound', 'roundMember', 'roundReturn']);
const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** A cycle's rows, deletions and bases as bundles read them: read once for many partner bundles. */
export interface CycleForBundles {
  all: RowsByRegister;
  deletions: ReturnType<typeof readTombstones>;
  bases: ReturnType<typeof readBases>;
}

/** Reads the cycle's rows (of `tables`, every register by default), deletions and bases. */
export function readCycleForBundles(ctx: AppContext, cycleId: string, tables: readonly ExchangeTable[] = exchangeTables): CycleForBundles {
  const client = ctx.db.$client;
  return { all: readAllRows(client, cycleId, tables), deletions: readTombstones(client, cycleId), bases: readBases(client, cycleId) };
}

/**
 * What a full bundle reads as rows: the registers SQLite cannot write as JSON (row-json.ts), and
 * those personal data is counted from. SQLite writes the rest whole (the budget lines, activities…).
 */
const readForFull = (client: Database.Database) =>
  exchangeTables.filter((t) => rowsJsonReader(client, t) === null || PERSONAL_DATA_REGISTERS.some((register) => register === t.register));

/** A register's rows chosen for a partner, or read for a full bundle, as the bundle's JSON. */
function rowsJsonOf(t: ExchangeTable, selection: Selection, bases: CycleForBundles['bases']): { count: number; json: Uint8Array } {
  const rows = [...(selection.rows.get(t.register)?.values() ?? [])];
  const shape = rowShape(t);
  return { count: rows.length, json: jsonListBytes(rows, (row) => shape(row, bases.get(baseKey(t.tableName, textOf(row, 'id')))?.hlc ?? null)) };
}

/**
 * Makes a signed bundle of one cycle: the whole of it (`full`) or one partner's part. The file is
 * self-describing (manifest with counts and a SHA-256 of every entry, signed with this
 * installation's key) and states what personal data it carries. A reporting round making a bundle
 * for each of many partners passes the cycle read once (`read`); otherwise it is read here.
 */
export function exportBundle(ctx: AppContext, input: z.output<typeof bundleExportInput>, read?: CycleForBundles): ExportedBundle {
  const client = ctx.db.$client;
  const cycle = readCycleRow(client, input.cycleId);
  if (!cycle) throw notFound('JWP cycle', input.cycleId);
  const { title, countyId, fiscalYear, leadOrgId } = cycleRowOf(cycle);
  const partnerOrgId = input.kind === 'partner' ? input.partnerOrgId : null;
  if (input.kind === 'partner' && partnerOrgId === null)
    throw new ServiceError({ code: 'invalid_input', field: 'partnerOrgId', message: 'Partner: choose whose part of the plan goes in the bundle.' });
  const partnerOrgName = organisationName(ctx, partnerOrgId);
  if (partnerOrgId !== null && partnerOrgName === null)
    throw new ServiceError({ code: 'invalid_input', field: 'partnerOrgId', message: 'Partner: choose an organisation of this cycle.' });

  return inWriteTransaction(ctx, (tx) => {
    let identity = identityFor(tx, input.cycleId);
    if (identity.role === 'partner' && partnerOrgId !== null && identity.orgId !== partnerOrgId) {
      if (identity.orgId !== null) {
        throw new ServiceError({
          code: 'invalid_input',
          field: 'partnerOrgId',
          message: `This copy of the plan speaks for ${identity.orgName}; it can send only ${identity.orgName}'s part, or the full plan.`,
        });
      }
      // A copy made from a full bundle speaks for nobody until its first partner bundle says whom.
      setIdentity(tx, input.cycleId, 'partner', partnerOrgId);
      identity = identityFor(tx, input.cycleId);
    }
    const key = installationKey(tx);
    const { at, hlc: senderClock } = stamp(tx);
    const { all, deletions, bases } = read ?? readCycleForBundles(ctx, input.cycleId, partnerOrgId === null ? readForFull(client) : exchangeTables);
    const selection =
      partnerOrgId === null
        ? selectFull(all, deletions)
        : selectPartner(all, deletions, {
            partnerOrgId,
            leadOrgId,
            senderIsSecretariat: identity.role === 'secretariat',
          });
    const personalData = personalDataOf(selection.rows, input.kind);

    const entries = new Map<string, Uint8Array>();
    /** Entries packed as they are made: a register's rows are packed once, for the bundle and for the copy kept here. */
    const packed = new Map<string, PackedEntry>();
    const counts: Record<string, number> = {};
    if (identity.role === 'secretariat') {
      entries.set(CYCLE_ENTRY, utf8(JSON.stringify({ ...cycle, baseHlc: bases.get(baseKey('cycles', input.cycleId))?.hlc ?? null })));
    }
    for (const t of exchangeTables) {
      // A full bundle carries a register whole: SQLite writes its JSON where it can (row-json.ts).
      const inSql = partnerOrgId === null ? rowsJsonReader(client, t) : null;
      const { count, json: data } = inSql ? inSql(input.cycleId) : rowsJsonOf(t, selection, bases);
      counts[t.register] = count;
      if (count === 0) continue;
      const name = rowsEntry(t.register);
      const entry = packEntry(name, data);
      entries.set(name, data);
      packed.set(name, entry);
      // The receiver may edit what it gets and send it back: this copy keeps what it sent (field-merge.ts).
      keepSentRows(client, { cycleId: input.cycleId, tableName: t.tableName, at, packed: entry.method === 8 ? entry.packed : packData(data) });
    }
    const tombstones: BundleTombstone[] = [...selection.tombstones].flatMap(([register, list]) =>
      list.map((tombstone) => ({ register, ...tombstone, baseHlc: bases.get(baseKey(exchangeTable[register].tableName, tombstone.rowId))?.hlc ?? null })),
    );
    counts.tombstones = tombstones.length;
    const areaUnits = readAreaUnits(client, countyId);
    counts.areaUnits = areaUnits.length;
    if (areaUnits.length > 0) entries.set(AREA_UNITS_ENTRY, utf8(JSON.stringify(areaUnits)));
    if (tombstones.length > 0) entries.set(TOMBSTONES_ENTRY, utf8(JSON.stringify(tombstones)));
    // Boundaries go with the whole plan only: a partner's part is about its own rows.
    const boundaries = input.kind === 'full' ? readWardBoundaries(client, countyId) : null;
    if (boundaries) {
      counts.wardBoundaries = 1;
      entries.set(WARD_BOUNDARIES_ENTRY, utf8(JSON.stringify(boundaries)));
    }

    const manifest: Manifest = {
      format: FORMAT_NAME,
      formatVersion: formatNeeded({
        registers: Object.entries(counts).flatMap(([register, n]) => (n !== undefined && n > 0 ? [register] : [])),
        boundaries: boundaries !== null,
        // Format 7 readers know the reporting rounds (their rows and deletions) with what they ask for.
        rounds:
          (counts.reportingRound ?? 0) + (counts.roundMember ?? 0) + (counts.roundReturn ?? 0) > 0 || tombstones.some((t) => ROUND_RECORDS.has(t.register)),
      }),
      appVersion: APP_VERSION,
      bundleId: tx.newId(),
      kind: input.kind,
      partnerOrgId,
      partnerOrgName,
      cycle: {
        id: input.cycleId,
        title,
        countyId,
        countyName: getAdminUnit(tx, countyId).name,
        fiscalYear,
      },
      sender: { installationId: tx.installationId, role: identity.role, orgId: identity.orgId, orgName: identity.orgName, fingerprint: key.fingerprint },
      createdAt: at,
      senderClock,
      personalData: personalData.summary,
      counts,
      entries: [...entries].map(([path, data]) => ({ path, sha256: sha256(data), bytes: data.length })),
    };
    const manifestBytes = utf8(JSON.stringify(manifest, null, 2));
    const signature = { algorithm: 'Ed25519', publicKey: key.publicKey, signature: signManifest(key, manifestBytes) };
    const bytes = writePackedZip([
      packEntry(MANIFEST, manifestBytes),
      packEntry(SIGNATURE, utf8(JSON.stringify(signature, null, 2))),
      ...[...entries].map(([name, data]) => packed.get(name) ?? packEntry(name, data)),
    ]);
    return {
      bytes,
      manifest,
      fileName: exportFileName({
        cycle: manifest.cycle,
        document: partnerOrgId ? 'partner-bundle' : 'full-bundle',
        organisation: partnerOrgId === null ? null : organisationFileName(ctx, partnerOrgId),
        tag: at.slice(0, 10),
        extension: 'jwpb',
      }),
      mimeType: BUNDLE_MIME_TYPE,
      sizeBytes: bytes.length,
      bundleId: manifest.bundleId,
      kind: input.kind,
      counts,
      personalData,
      fingerprint: key.fingerprint,
    };
  });
}
