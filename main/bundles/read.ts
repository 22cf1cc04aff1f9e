import { createHash } from 'node:crypto';
import type { Row } from '../db/row-store';
import { textOf } from '../db/row-values';
import {
  CYCLE_ENTRY,
  MANIFEST,
  manifestSchema,
  rowsEntry,
  SIGNATURE,
  signatureSchema,
  TOMBSTONES_ENTRY,
  versionProbe,
  type BundleTombstone,
  type Manifest,
} from './format';
import { explainIssues } from '../../shared/api/explain';
import { fingerprintOf, verifyManifest } from './keys';
import { FORMAT_NAME, FORMAT_VERSION } from './limits';
import { BundleRefusal, refuse } from './refusal';
import { upgradeRows } from './upgrade-rows';
import { Problems, validateCycleRow, validateRegisterRows, validateTombstones } from './validate-rows';
import { readZip } from './zip';
import { AREA_UNITS_ENTRY, validateAreaUnits } from './area-units';
import { type ExchangeName, exchangeNames } from './exchange-tables';
import { validateWardBoundaries, WARD_BOUNDARIES_ENTRY } from './ward-boundaries';

/** A bundle whose container, signature, checksums and every row have been checked. */
export interface ParsedBundle {
  manifest: Manifest;
  publicKey: string;
  fingerprint: string;
  cycle: Row | null;
  rows: Map<ExchangeName, Row[]>;
  tombstones: BundleTombstone[];
  /** Wards and sub-counties people added or renamed (area-units.ts). */
  areaUnits: Row[];
  /** The county's ward boundaries (full bundles, format 3; ward-boundaries.ts). */
  wardBoundaries: Row | null;
  /** The latest clock stamp anywhere in the bundle. */
  maxHlc: string;
}

const decoder = new TextDecoder('utf-8', { fatal: true });
/** Clock readings compare as text (shared/hlc.ts). */
const later = (a: string, b: string) => (b > a ? b : a);

function parseJson(name: string, data: Uint8Array): unknown {
  try {
    const parsed: unknown = JSON.parse(decoder.decode(data));
    return parsed;
  } catch {
    return refuse(`The bundle is damaged: ${name} is not valid JSON.`);
  }
}

const knownEntries = new Map<string, ExchangeName | 'cycle' | 'tombstones' | 'areaUnits' | 'wardBoundaries'>([
  [CYCLE_ENTRY, 'cycle'],
  [WARD_BOUNDARIES_ENTRY, 'wardBoundaries'],
  [TOMBSTONES_ENTRY, 'tombstones'],
  [AREA_UNITS_ENTRY, 'areaUnits'],
  ...exchangeNames.map((register) => [rowsEntry(register), register] as const),
]);

/**
 * Opens a bundle file and checks it from the outside in: the zip container (zip-slip, zip bombs,
 * damage), the format version, the Ed25519 signature over the manifest, the SHA-256 of every
 * entry, and finally every row against its register's rules. Throws a BundleRefusal with a plain
 * message; nothing here touches a database.
 */
export function readBundle(file: Uint8Array): ParsedBundle {
  const entries = readZip(file);
  const manifestBytes = entries.get(MANIFEST);
  if (!manifestBytes) refuse('This file is not a Pamoja JWP bundle: it has no manifest.');
  const rawManifest = parseJson(MANIFEST, manifestBytes);
  const probe = versionProbe.safeParse(rawManifest);
  if (!probe.success || probe.data.format !== FORMAT_NAME) refuse('This file is not a Pamoja JWP bundle: its manifest does not say so.');
  const version = probe.data?.formatVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > FORMAT_VERSION) {
    refuse(
      `This bundle was made by a newer version of Pamoja JWP (bundle format ${version}; this copy reads format ${FORMAT_VERSION}). Update Pamoja JWP on this computer, then import it again.`,
    );
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    refuse(`This bundle's format version (${JSON.stringify(version)}) is not one Pamoja JWP has ever written.`);

  const signatureBytes = entries.get(SIGNATURE);
  if (!signatureBytes)
    refuse('This bundle is not signed, so nobody can tell who made it or whether it was changed. Ask the sender to export it again from Pamoja JWP.');
  const signature = signatureSchema.safeParse(parseJson(SIGNATURE, signatureBytes));
  if (!signature.success) refuse('This bundle’s signature is not in the form Pamoja JWP writes; it was refused.');
  const { publicKey, signature: signatureText } = signature.data;
  if (!verifyManifest(publicKey, manifestBytes, signatureText)) {
    refuse(
      'The bundle’s signature does not match its contents: the file was changed after it was signed, or damaged on the way. Ask the sender to send it again.',
    );
  }
  const manifest = manifestSchema.safeParse(rawManifest);
  if (!manifest.success) refuse(`The bundle’s manifest is not valid: ${explainIssues(manifest.error.issues).message}`);
  const m = manifest.data;
  const fingerprint = fingerprintOf(publicKey);
  if (m.sender.fingerprint !== fingerprint) refuse('The bundle names a different key from the one it is signed with; it was refused.');

  checkEntries(m, entries);
  const problems = new Problems();
  const cycleData = entries.get(CYCLE_ENTRY);
  const cycle = cycleData ? validateCycleRow(parseJson(CYCLE_ENTRY, cycleData), m.cycle, problems) : null;
  const rows = new Map<ExchangeName, Row[]>();
  for (const register of exchangeNames) {
    const data = entries.get(rowsEntry(register));
    const rowsData = data ? upgradeRows(register, parseJson(rowsEntry(register), data), m.formatVersion) : null;
    rows.set(register, rowsData ? validateRegisterRows(register, rowsData, m.cycle.id, problems) : []);
  }
  const unitData = entries.get(AREA_UNITS_ENTRY);
  const areaUnits = unitData ? validateAreaUnits(parseJson(AREA_UNITS_ENTRY, unitData), problems) : [];
  const boundaryData = entries.get(WARD_BOUNDARIES_ENTRY);
  const wardBoundaries = boundaryData ? validateWardBoundaries(parseJson(WARD_BOUNDARIES_ENTRY, boundaryData), m.cycle.countyId, problems) : null;
  const tombstoneData = entries.get(TOMBSTONES_ENTRY);
  const tombstones = tombstoneData ? validateTombstones(parseJson(TOMBSTONES_ENTRY, tombstoneData), problems) : [];
  for (const tombstone of tombstones) {
    if (rows.get(tombstone.register)?.some((row) => row.id === tombstone.rowId)) problems.add(`The bundle both holds and deletes ${tombstone.rowId}.`);
  }
  if (problems.count > 0) {
    throw new BundleRefusal(`The bundle holds data Pamoja JWP would not accept: ${problems.list[0]}`, problems.list);
  }
  for (const register of exchangeNames) {
    if ((m.counts[register] ?? 0) !== (rows.get(register)?.length ?? 0))
      refuse(`The bundle’s manifest counts ${m.counts[register] ?? 0} rows of ${register} but it holds ${rows.get(register)?.length ?? 0}.`);
  }
  let maxHlc = m.senderClock;
  for (const list of rows.values()) for (const row of list) maxHlc = later(maxHlc, textOf(row, 'hlc'));
  for (const tombstone of tombstones) if (tombstone.hlc > maxHlc) maxHlc = tombstone.hlc;
  if (cycle) maxHlc = later(maxHlc, textOf(cycle, 'hlc'));
  for (const unit of areaUnits) maxHlc = later(maxHlc, textOf(unit, 'hlc'));
  if (wardBoundaries) maxHlc = later(maxHlc, textOf(wardBoundaries, 'hlc'));
  return { manifest: m, publicKey, fingerprint, cycle, rows, tombstones, areaUnits, wardBoundaries, maxHlc };
}

/** Every entry is listed in the signed manifest with its SHA-256, and nothing else is in the file. */
function checkEntries(manifest: Manifest, entries: Map<string, Uint8Array>): void {
  const listed = new Set<string>();
  for (const entry of manifest.entries) {
    if (!knownEntries.has(entry.path)) refuse(`The bundle lists a file Pamoja JWP does not know (${JSON.stringify(entry.path)}): unknown tables are refused.`);
    if (listed.has(entry.path)) refuse(`The bundle lists ${entry.path} twice.`);
    listed.add(entry.path);
    const data = entries.get(entry.path);
    if (!data) refuse(`The bundle is incomplete: ${entry.path} is missing.`);
    const digest = createHash('sha256').update(data).digest('hex');
    if (digest !== entry.sha256 || data.length !== entry.bytes) {
      refuse(`The bundle is damaged or was changed after it was signed: ${entry.path} does not match its checksum. Ask the sender to send it again.`);
    }
  }
  for (const name of entries.keys()) {
    if (name !== MANIFEST && name !== SIGNATURE && !listed.has(name)) refuse(`The bundle holds a file its manifest does not list (${name}).`);
  }
}
