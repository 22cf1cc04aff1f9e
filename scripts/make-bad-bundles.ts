// npx tsx scripts/make-bad-bundles.ts: writes the bad-bundle corpus to tests/fixtures/bundles/.
// Each file is something a USB stick, a mail system, a hand edit or an attacker does to a bundle;
// tests/bundles/bad-files.test.ts checks each is refused with its plain message and writes nothing.
// Everything is deterministic (fixed clock, ids and signing key), so running it again gives the
// same bytes; the test regenerates the corpus and compares.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { createHash } from 'node:crypto';
import { openApp } from '../main/app-context';
import { exportBundle } from '../main/bundles/export';
import type { Manifest } from '../main/bundles/format';
import { privateKeyFromSeed, signManifest, storeInstallationKey, type InstallationKey } from '../main/bundles/keys';
import { FORMAT_VERSION } from '../main/bundles/limits';
import { readZip, withChecksum, writePackedZip, writeZip } from '../main/bundles/zip';
import { crc32, deflateRawSync } from 'node:zlib';
import { zerosBomb } from './zip-bomb';
import { approveVersion, recordSignature } from '../main/lifecycle/versions';
import { resourcesDir } from '../main/resource-paths';
import { inWriteTransaction, type AppContext } from '../main/services/context';
import { createCycle, updateCycle } from '../main/services/cycles';
import { registerServices as s } from '../main/services/index';

export const corpusDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures', 'bundles');

/**
 * The installation id of the receiving copy in tests/bundles/bad-files.test.ts (its first id): files
 * that pretend to come from it, or to carry its changes, name it.
 */
export const RECEIVER_INSTALLATION_ID = '0000000c-0000-4000-8000-000000000001';

/** The Secretariat key every corpus file is signed with (the test trusts it); a stranger's key. */
export const corpusKeySeed = Uint8Array.from({ length: 32 }, (_, i) => i + 1);
const strangerSeed = Uint8Array.from({ length: 32 }, (_, i) => 200 - i);
/** The partner RPK's key: the test trusts it as RPK, for the files a partner signs. */
const partnerSeed = Uint8Array.from({ length: 32 }, (_, i) => 100 + i);

export interface BadBundleCase {
  file: string;
  /** What the refusal says (a regular expression, case-insensitive). */
  expect: string;
  /** `nothing`: a trusted partner's bundle of which every row is refused and listed. */
  status: 'refused' | 'untrusted' | 'nothing';
  /** Signed by the partner RPK (trusted as RPK) instead of the Secretariat. */
  signer?: 'partner';
  /** The cycle must be in the database first (the good bundle is imported before this one). */
  needsCycle?: boolean;
  /** Too large to keep in git: made only in the test's temporary folder. */
  large?: boolean;
}

export const badBundleCases: BadBundleCase[] = [
  { file: 'not-a-bundle.jwpb', expect: 'not a Pamoja JWP bundle', status: 'refused' },
  { file: 'empty.jwpb', expect: 'not a Pamoja JWP bundle', status: 'refused' },
  { file: 'truncated.jwpb', expect: 'damaged.*cut short', status: 'refused' },
  { file: 'flipped-byte-local-header.jwpb', expect: 'damaged', status: 'refused' },
  { file: 'flipped-byte-manifest.jwpb', expect: 'damaged', status: 'refused' },
  { file: 'flipped-byte-rows.jwpb', expect: 'damaged', status: 'refused' },
  { file: 'flipped-byte-central-directory.jwpb', expect: 'damaged', status: 'refused' },
  { file: 'flipped-byte-end-record.jwpb', expect: 'damaged', status: 'refused' },
  { file: 'flipped-byte-checksum.jwpb', expect: 'damaged.*checksum', status: 'refused' },
  { file: 'plain-zip.jwpb', expect: 'zip archive, but not a Pamoja JWP bundle', status: 'refused' },
  { file: 'zip-slip-parent.jwpb', expect: 'path that points outside the bundle', status: 'refused' },
  { file: 'zip-slip-absolute.jwpb', expect: 'path that points outside the bundle', status: 'refused' },
  { file: 'bad-entry-name.jwpb', expect: 'file Pamoja JWP does not know', status: 'refused' },
  { file: 'zip-bomb-declared-size.jwpb', expect: 'unpack to far more than it holds.*refused unopened', status: 'refused' },
  { file: 'zip-bomb-ratio.jwpb', expect: 'zip bomb', status: 'refused' },
  { file: 'future-format-version.jwpb', expect: 'newer version of Pamoja JWP.*Update', status: 'refused' },
  { file: 'unsigned.jwpb', expect: 'not signed', status: 'refused' },
  { file: 'wrong-signature.jwpb', expect: 'signature does not match', status: 'refused' },
  { file: 'checksum-mismatch.jwpb', expect: 'does not match its checksum', status: 'refused' },
  { file: 'signed-by-stranger.jwpb', expect: 'does not trust yet.*fingerprint', status: 'untrusted' },
  { file: 'other-county.jwpb', expect: 'Marsabit County.*another county', status: 'refused', needsCycle: true },
  { file: 'other-cycle.jwpb', expect: 'belongs to another cycle', status: 'refused', needsCycle: true },
  { file: 'unknown-table.jwpb', expect: 'unknown tables are refused', status: 'refused' },
  { file: 'unknown-column.jwpb', expect: 'unknown field "password"', status: 'refused' },
  { file: 'proto-key.jwpb', expect: 'unknown field "__proto__"', status: 'refused' },
  { file: 'duplicate-ids.jwpb', expect: 'appears twice', status: 'refused' },
  { file: 'dangling-reference.jwpb', expect: 'neither in the bundle nor in this copy', status: 'refused' },
  { file: 'negative-amount.jwpb', expect: 'Amount.*below zero', status: 'refused' },
  { file: 'fractional-amount.jwpb', expect: 'Budget contributions, row 1 .*: Amount: expected a whole number', status: 'refused' },
  { file: 'amount-1e400.jwpb', expect: 'Budget contributions, row 1 .*: Amount: expected a number', status: 'refused' },
  { file: 'amount-over-ceiling.jwpb', expect: 'Amount: at most 100 billion \\(100,000,000,000\\) on one line', status: 'refused' },
  { file: 'id-of-another-table.jwpb', expect: 'The id [0-9a-f-]+ is given to (risk|activity) and to (risk|activity)', status: 'refused' },
  { file: 'claims-to-be-the-receiver.jwpb', expect: 'claims to come from this copy of Pamoja JWP, but it is signed with another key', status: 'refused' },
  {
    file: 'forged-receiver-origin.jwpb',
    expect: 'Risk “R2 Flooding”: It claims to have been made by this copy of Pamoja JWP, which never had it',
    status: 'nothing',
    needsCycle: true,
  },
  {
    file: 'partner-deletes-unknown-rows.jwpb',
    expect: 'Nothing to import: everything in this bundle from Resilience Partners Kenya is already here',
    status: 'nothing',
    signer: 'partner',
    needsCycle: true,
  },
  { file: 'end-before-start.jwpb', expect: 'End date: 15 Jul 2026 is before the start date', status: 'refused' },
  { file: 'bad-enum.jwpb', expect: 'Status: choose one of', status: 'refused' },
  { file: 'invalid-date.jwpb', expect: 'Start date: enter a real date', status: 'refused' },
  { file: 'nan-literal.jwpb', expect: 'rows/indicator.json is not valid JSON', status: 'refused' },
  { file: 'nan-string.jwpb', expect: 'Target.*expected a number', status: 'refused' },
  { file: 'ward-without-a-name.jwpb', expect: 'Ward or sub-county 1: Name', status: 'refused' },
  {
    file: 'clock-far-future.jwpb',
    expect: 'Activity “A1 Rehabilitate boreholes” is dated thousands of years from now.*more than a day ahead',
    status: 'refused',
  },
  { file: 'clock-year-2100.jwpb', expect: 'Risk “R1 Drought delays drilling” is dated 1 Jan 2100.*more than a day ahead', status: 'refused' },
  {
    file: 'partner-relabels-contribution.jwpb',
    expect: 'Disbursement.*belongs to County Department of Finance & Economic Planning; Resilience Partners Kenya may change only its own rows',
    status: 'nothing',
    signer: 'partner',
    needsCycle: true,
  },
  {
    file: 'partner-relabels-indicator.jwpb',
    expect: 'Indicator period.*belongs to County Department of Finance & Economic Planning; Resilience Partners Kenya may change only its own rows',
    status: 'nothing',
    signer: 'partner',
    needsCycle: true,
  },
  { file: 'version-not-its-fingerprint.jwpb', expect: 'Approved plan: its content does not match its fingerprint', status: 'refused' },
  // Text that looks the same but is not (shared/text.ts).
  { file: 'zero-width-in-code.jwpb', expect: 'Activities, row 2 .*: Code: it holds text Pamoja JWP never stores that way', status: 'refused' },
  { file: 'look-alike-ward.jwpb', expect: 'Ward or sub-county 1 \\(“Cherab”\\): Name: it holds text Pamoja JWP never stores that way', status: 'refused' },
  {
    file: 'nul-in-title.jwpb',
    expect: 'Activities, row 1 \\(“A1 Rehabilitate\uFFFD boreholes”\\): Activity: it holds a control character \\(such as NUL\\)',
    status: 'refused',
  },
  { file: 'lone-surrogate.jwpb', expect: 'Description: it holds a broken character', status: 'refused' },
  { file: 'decomposed-letters.jwpb', expect: 'The cycle: Title: it holds text Pamoja JWP never stores that way', status: 'refused' },
  { file: 'huge-string.jwpb', expect: 'Description: keep it to 4000 characters or fewer', status: 'refused', large: true },
  { file: 'zip-bomb-lying-size.jwpb', expect: 'far more than it says.*rows/activity.json claims.*zip bomb', status: 'refused', large: true },
];

const utf8 = (text: string) => new TextEncoder().encode(text);
const decode = (data: Uint8Array) => new TextDecoder().decode(data);

/** A database whose ids and clock are fixed, so the corpus is the same on every run. */
export function corpusContext(prefix = '00000000'): AppContext {
  let tick = 0;
  let counter = 0;
  const ctx = openApp({
    file: ':memory:',
    resourcesDir,
    now: () => new Date(Date.parse('2026-11-25T08:00:00.000Z') + tick++ * 1000),
    newId: () => `${prefix}-0000-4000-8000-${String(++counter).padStart(12, '0')}`,
  });
  ctx.userName = 'Corpus Builder';
  return ctx;
}

/** A small cycle with a row in each register a bad file tampers with. */
function seedCycle(ctx: AppContext, fiscalYear: string, start: string, end: string) {
  const cycle = createCycle(ctx, {
    title: `Isiolo JWP FY ${fiscalYear}`,
    countyId: 'ke-county-011',
    fiscalYear,
    startDate: start,
    endDate: end,
    kesPerUsdScaled: 1_293_500,
    exchangeRateDate: start,
  });
  const county = s.organisation.create(ctx, {
    cycleId: cycle.id,
    name: 'County Department of Finance & Economic Planning',
    shortName: 'CDFEP',
    category: 'government',
  });
  const partner = s.organisation.create(ctx, { cycleId: cycle.id, name: 'Resilience Partners Kenya', shortName: 'RPK', category: 'implementing_partner' });
  updateCycle(ctx, { id: cycle.id, changes: { leadOrgId: county.id } });
  s.contact.create(ctx, {
    cycleId: cycle.id,
    organisationId: partner.id,
    name: 'Amina Hussein',
    title: 'Programme Manager',
    phone: '+254 700 000 001',
    email: 'amina@example.org',
  });
  const objective = s.objective.create(ctx, { cycleId: cycle.id, code: 'O1', statement: 'Increase access to safe water', sector: 'water_wash' });
  const activity = s.activity.create(ctx, {
    cycleId: cycle.id,
    objectiveId: objective.id,
    code: 'A1',
    title: 'Rehabilitate boreholes',
    sector: 'water_wash',
    leadOrgId: partner.id,
    supportingOrgIds: [county.id],
    wardIds: ['ke-ward-0248'],
    startDate: start.replace(/-07-01$/, '-08-01'),
    endDate: end.replace(/-06-30$/, '-03-31'),
  });
  s.contribution.create(ctx, {
    cycleId: cycle.id,
    activityId: activity.id,
    component: 'Borehole rehabilitation',
    contributorOrgId: partner.id,
    amountMinor: 250_000_000,
    currency: 'KES',
  });
  const indicator = s.indicator.create(ctx, {
    cycleId: cycle.id,
    code: 'I1',
    name: 'Boreholes rehabilitated',
    type: 'output',
    unit: 'boreholes',
    targetValue: 12,
    responsibleOrgId: partner.id,
  });
  s.indicatorPeriod.create(ctx, { cycleId: cycle.id, indicatorId: indicator.id, periodKey: 'Q1', target: 3 });
  s.risk.create(ctx, {
    cycleId: cycle.id,
    code: 'R1',
    description: 'Drought delays drilling',
    likelihood: 'medium',
    impact: 'high',
    responsibleOrgId: partner.id,
  });
  // The county's own line and indicator: a partner file relabels them to slip rows under them.
  s.contribution.create(ctx, {
    cycleId: cycle.id,
    activityId: activity.id,
    component: 'Water quality testing',
    contributorOrgId: county.id,
    amountMinor: 40_000_000,
    currency: 'KES',
  });
  s.indicator.create(ctx, {
    cycleId: cycle.id,
    code: 'I2',
    name: 'Water points tested',
    type: 'output',
    unit: 'water points',
    targetValue: 40,
    responsibleOrgId: county.id,
  });
  const signatory = s.signatory.create(ctx, {
    cycleId: cycle.id,
    name: 'Hon. Abdi Guyo',
    title: 'County Secretary',
    organisationId: county.id,
    role: 'county_secretary',
  });
  // An approved version with its signature: the cycle records a full bundle carries.
  const version = approveVersion(ctx, { cycleId: cycle.id, approvedBy: 'Corpus Builder', note: '' });
  recordSignature(ctx, { versionId: version.id, signatoryId: signatory.id, signedOn: version.approvedOn });
  return cycle;
}

/** Deterministic pseudo-random text (xorshift), so the 10 MB string is the same on every run. */
function pseudoRandomText(length: number): string {
  let x = 0x9e3779b9;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const out = new Array<string>(length);
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = alphabet[(x >>> 0) % 64] as string;
  }
  return out.join('');
}

type Rows = Record<string, unknown>[];

/** Unpacks a bundle, lets `change` edit its JSON (or replace an entry's text), re-signs and re-zips it. */
export function rebuild(
  good: Uint8Array,
  key: InstallationKey,
  change: (json: Map<string, unknown>, manifest: Manifest, raw: Map<string, string>) => void,
  options: { sign?: boolean } = {},
): Uint8Array {
  const entries = readZip(good);
  const manifest = JSON.parse(decode(entries.get('manifest.json') as Uint8Array)) as Manifest;
  const json = new Map<string, unknown>();
  for (const [name, data] of entries) if (name !== 'manifest.json' && name !== 'signature.json') json.set(name, JSON.parse(decode(data)));
  const raw = new Map<string, string>();
  change(json, manifest, raw);
  const bodies = new Map<string, Uint8Array>();
  for (const [name, value] of json) bodies.set(name, utf8(raw.get(name) ?? JSON.stringify(value)));
  manifest.entries = [...bodies].map(([name, data]) => ({ path: name, sha256: createHash('sha256').update(data).digest('hex'), bytes: data.length }));
  for (const [name, value] of json) {
    const match = /^rows\/([a-zA-Z]+)\.json$/.exec(name);
    if (match?.[1] && Array.isArray(value) && Object.hasOwn(manifest.counts, match[1])) manifest.counts[match[1]] = value.length;
  }
  manifest.sender.fingerprint = key.fingerprint;
  const manifestBytes = utf8(JSON.stringify(manifest, null, 2));
  const signature = { algorithm: 'Ed25519', publicKey: key.publicKey, signature: signManifest(key, manifestBytes) };
  const files = new Map<string, Uint8Array>([['manifest.json', manifestBytes]]);
  if (options.sign !== false) files.set('signature.json', utf8(JSON.stringify(signature, null, 2)));
  for (const [name, data] of bodies) files.set(name, data);
  return writeZip(files);
}

/** Every JSON entry of a bundle but the manifest and signature, parsed. */
function readJson(bundle: Uint8Array): Map<string, unknown> {
  const json = new Map<string, unknown>();
  for (const [name, data] of readZip(bundle)) if (name !== 'manifest.json' && name !== 'signature.json') json.set(name, JSON.parse(decode(data)));
  return json;
}

const flip = (data: Uint8Array, at: number) => {
  const copy = Uint8Array.from(data);
  copy[at] = (copy[at] as number) ^ 0x01;
  return copy;
};

/** Where an entry's data starts in a zip written by writeZip (local header 30 bytes + name). */
function dataOffset(zip: Uint8Array, name: string): number {
  const text = Buffer.from(zip).toString('latin1');
  return text.indexOf(name) + name.length;
}

export interface Corpus {
  good: Uint8Array;
  cycleId: string;
  files: Map<string, Uint8Array>;
  /** The partner key the files signed by RPK use, and RPK's id, for the receiver to trust. */
  partner: { publicKey: string; fingerprint: string; orgId: string };
}

export function makeBadBundles(options: { large: boolean }): Corpus {
  const ctx = corpusContext();
  const key = inWriteTransaction(ctx, (tx) => storeInstallationKey(tx, privateKeyFromSeed(corpusKeySeed)));
  const cycle = seedCycle(ctx, '2026/27', '2026-07-01', '2027-06-30');
  const good = exportBundle(ctx, { cycleId: cycle.id, kind: 'full', partnerOrgId: null }).bytes;
  const otherCycle = seedCycle(ctx, '2027/28', '2027-07-01', '2028-06-30');
  const other = exportBundle(ctx, { cycleId: otherCycle.id, kind: 'full', partnerOrgId: null }).bytes;
  const stranger = inWriteTransaction(corpusContext('0000000e'), (tx) => storeInstallationKey(tx, privateKeyFromSeed(strangerSeed)));
  const partnerCtx = corpusContext('0000000b');
  const partnerKey = inWriteTransaction(partnerCtx, (tx) => storeInstallationKey(tx, privateKeyFromSeed(partnerSeed)));
  const rows = (json: Map<string, unknown>, register: string) => json.get(`rows/${register}.json`) as Rows;
  const first = (json: Map<string, unknown>, register: string) => rows(json, register)[0] as Record<string, unknown>;
  const files = new Map<string, Uint8Array>();
  const add = (file: string, data: Uint8Array) => files.set(file, data);

  add('not-a-bundle.jwpb', utf8('Dear Secretariat, please find our plan attached.\n'));
  add('empty.jwpb', new Uint8Array());
  add('truncated.jwpb', good.subarray(0, Math.floor(good.length * 0.6)));
  add('flipped-byte-local-header.jwpb', flip(good, 10));
  add('flipped-byte-manifest.jwpb', flip(good, dataOffset(good, 'manifest.json') + 40));
  add('flipped-byte-rows.jwpb', flip(good, dataOffset(good, 'rows/activity.json') + 20));
  // The end record (22 bytes) and the checksum comment (71 bytes) close the file.
  const endRecord = good.length - 22 - 71;
  add('flipped-byte-central-directory.jwpb', flip(good, endRecord - 30));
  add('flipped-byte-end-record.jwpb', flip(good, endRecord + 12));
  add('flipped-byte-checksum.jwpb', flip(good, good.length - 5));
  add(
    'plain-zip.jwpb',
    zipSync({ 'plan.json': utf8(JSON.stringify({ note: 'An ordinary zip file someone renamed to .jwpb' })) }, { mtime: new Date(1980, 0, 1) }),
  );
  add(
    'zip-slip-parent.jwpb',
    writeZip(
      new Map([
        ['manifest.json', utf8('{}')],
        ['../../../.bashrc', utf8('echo owned')],
      ]),
    ),
  );
  add(
    'zip-slip-absolute.jwpb',
    writeZip(
      new Map([
        ['/etc/cron.d/pamoja.json', utf8('{}')],
        ['manifest.json', utf8('{}')],
      ]),
    ),
  );
  add(
    'bad-entry-name.jwpb',
    writeZip(
      new Map([
        ['manifest.json', utf8('{}')],
        ['rows/activity";DROP TABLE activities;--.json', utf8('[]')],
      ]),
    ),
  );
  // A hand-made archive that claims a 3.75 GB entry; its maker can compute the checksum too.
  const declared = Uint8Array.from(good.subarray(0, endRecord));
  const centralStart = new DataView(good.buffer, good.byteOffset).getUint32(endRecord + 16, true);
  new DataView(declared.buffer).setUint32(centralStart + 24, 0xf0000000, true);
  add('zip-bomb-declared-size.jwpb', withChecksum(declared, good.subarray(endRecord, endRecord + 22)));
  add(
    'zip-bomb-ratio.jwpb',
    rebuild(good, key, (json) => {
      first(json, 'activity').description = ' '.repeat(30 * 1024 * 1024);
    }),
  );
  add(
    'future-format-version.jwpb',
    rebuild(good, key, (_json, manifest) => {
      Object.assign(manifest, { formatVersion: FORMAT_VERSION + 1, encryption: 'x25519' });
    }),
  );
  add(
    'unsigned.jwpb',
    rebuild(good, key, () => undefined, { sign: false }),
  );
  const wrong = readZip(rebuild(good, key, () => undefined));
  const forged = JSON.parse(decode(wrong.get('signature.json') as Uint8Array)) as { signature: string };
  forged.signature = signManifest(stranger, wrong.get('manifest.json') as Uint8Array);
  wrong.set('signature.json', utf8(JSON.stringify(forged, null, 2)));
  add('wrong-signature.jwpb', writeZip(wrong));
  const swapped = readZip(good);
  const tampered = JSON.parse(decode(swapped.get('rows/activity.json') as Uint8Array)) as Rows;
  (tampered[0] as Record<string, unknown>).title = 'Rehabilitate boreholes (edited by hand)';
  swapped.set('rows/activity.json', utf8(JSON.stringify(tampered)));
  add('checksum-mismatch.jwpb', writeZip(swapped));
  add(
    'signed-by-stranger.jwpb',
    rebuild(good, stranger, () => undefined),
  );
  add(
    'other-county.jwpb',
    rebuild(good, key, (json, manifest) => {
      manifest.cycle.countyId = 'ke-county-010';
      manifest.cycle.countyName = 'Marsabit';
      (json.get('cycle.json') as Record<string, unknown>).countyId = 'ke-county-010';
    }),
  );
  add('other-cycle.jwpb', other);
  add(
    'unknown-table.jwpb',
    rebuild(good, key, (json) => {
      json.set('rows/secrets.json', [{ password: 'hunter2' }]);
    }),
  );
  add(
    'unknown-column.jwpb',
    rebuild(good, key, (json) => {
      first(json, 'activity').password = 'hunter2';
    }),
  );
  add(
    'proto-key.jwpb',
    rebuild(good, key, (json) => {
      const activity = first(json, 'activity');
      json.set('rows/activity.json', [JSON.parse(JSON.stringify(activity).replace(/^\{/, '{"__proto__":{"polluted":true},')) as Record<string, unknown>]);
    }),
  );
  add(
    'duplicate-ids.jwpb',
    rebuild(good, key, (json) => {
      const activity = first(json, 'activity');
      rows(json, 'activity').push({ ...activity, code: 'A2', title: 'A second activity with the same id' });
    }),
  );
  add(
    'dangling-reference.jwpb',
    rebuild(good, key, (json) => {
      first(json, 'contribution').activityId = '7d0c5d52-27a4-4b8e-9a0e-3c1f00000000';
    }),
  );
  add(
    'negative-amount.jwpb',
    rebuild(good, key, (json) => {
      first(json, 'contribution').amountMinor = -50_000;
    }),
  );
  add(
    'fractional-amount.jwpb',
    rebuild(good, key, (json) => {
      first(json, 'contribution').amountMinor = 1.5;
    }),
  );
  add(
    'amount-1e400.jwpb',
    rebuild(good, key, (json, _manifest, raw) => {
      raw.set('rows/contribution.json', JSON.stringify(rows(json, 'contribution')).replace('"amountMinor":250000000', '"amountMinor":1e400'));
    }),
  );
  add(
    'amount-over-ceiling.jwpb',
    rebuild(good, key, (json) => {
      // KES 9 trillion on one line: several years of Kenya's whole national budget.
      first(json, 'contribution').amountMinor = 9_000_000_000_000 * 100;
    }),
  );
  add(
    'id-of-another-table.jwpb',
    rebuild(good, key, (json) => {
      first(json, 'risk').id = first(json, 'activity').id;
    }),
  );
  add(
    'claims-to-be-the-receiver.jwpb',
    rebuild(good, key, (_json, manifest) => {
      manifest.sender.installationId = RECEIVER_INSTALLATION_ID;
    }),
  );
  add(
    'forged-receiver-origin.jwpb',
    rebuild(good, key, (json) => {
      const risk = first(json, 'risk');
      rows(json, 'risk').push({ ...risk, id: '00000000-0000-4000-8000-0000000000f3', code: 'R2', description: 'Flooding', origin: RECEIVER_INSTALLATION_ID });
    }),
  );
  add(
    'end-before-start.jwpb',
    rebuild(good, key, (json) => {
      first(json, 'activity').endDate = '2026-07-15';
    }),
  );
  add(
    'bad-enum.jwpb',
    rebuild(good, key, (json) => {
      first(json, 'activity').status = 'flying';
    }),
  );
  add(
    'invalid-date.jwpb',
    rebuild(good, key, (json) => {
      first(json, 'activity').startDate = '2026-02-30';
    }),
  );
  add(
    'nan-literal.jwpb',
    rebuild(good, key, (json, _manifest, raw) => {
      raw.set('rows/indicator.json', JSON.stringify(rows(json, 'indicator')).replace('"targetValue":12', '"targetValue":NaN'));
    }),
  );
  add(
    'nan-string.jwpb',
    rebuild(good, key, (json) => {
      first(json, 'indicator').targetValue = 'NaN';
    }),
  );
  add(
    'ward-without-a-name.jwpb',
    rebuild(good, key, (json) => {
      const cycle = json.get('cycle.json') as Record<string, unknown>;
      const ward = {
        id: 'ke-ward-added-1',
        level: 'ward',
        name: ' ',
        code: '',
        parentId: 'ke-subcounty-055',
        updatedAt: cycle.updatedAt,
        hlc: cycle.hlc,
        origin: cycle.origin,
      };
      json.set('area-units.json', [ward]);
    }),
  );
  // Clock poisoning: a stamp that would overflow the clock, and one from a laptop dated 2100.
  const nodeOf = (row: Record<string, unknown>) => String(row.hlc).split(':')[2] ?? 'x';
  add(
    'clock-far-future.jwpb',
    rebuild(good, key, (json) => {
      first(json, 'activity').hlc = `999999999999999:99999:${nodeOf(first(json, 'activity'))}`;
    }),
  );
  add(
    'clock-year-2100.jwpb',
    rebuild(good, key, (json) => {
      first(json, 'risk').hlc = `${String(Date.parse('2100-01-01T00:00:00Z')).padStart(15, '0')}:00000:${nodeOf(first(json, 'risk'))}`;
    }),
  );
  // RPK's key signs a file holding the county's own line (or indicator), unchanged in its stamp but
  // "contributed" by RPK, and a new disbursement (or period) under it.
  const rpkId = String(rows(readJson(good), 'organisation').find((org) => org.shortName === 'RPK')?.id);
  const asPartner = (parent: 'contribution' | 'indicator', child: 'disbursement' | 'indicatorPeriod', newChild: Record<string, unknown>) =>
    rebuild(good, partnerKey, (json, manifest) => {
      const countyRow = rows(json, parent).find((row) => row.ownerOrgId !== rpkId) as Record<string, unknown>;
      const forged = { ...countyRow, [parent === 'contribution' ? 'contributorOrgId' : 'responsibleOrgId']: rpkId };
      const organisations = rows(json, 'organisation');
      json.clear();
      json.set('rows/organisation.json', organisations);
      json.set(`rows/${parent}.json`, [forged]);
      const stamp = `${String(Date.parse('2026-11-25T07:00:00.000Z')).padStart(15, '0')}:00000:0000000b0000`;
      json.set(`rows/${child}.json`, [
        {
          id: '0000000b-0000-4000-8000-0000000000f1',
          ownerOrgId: rpkId,
          createdAt: '2026-11-25T07:00:00.000Z',
          updatedAt: '2026-11-25T07:00:00.000Z',
          hlc: stamp,
          origin: partnerCtx.installationId,
          baseHlc: null,
          cycleId: forged.cycleId,
          [parent === 'contribution' ? 'contributionId' : 'indicatorId']: forged.id,
          ...newChild,
        },
      ]);
      for (const register of Object.keys(manifest.counts)) manifest.counts[register] = 0;
      Object.assign(manifest, { kind: 'partner', partnerOrgId: rpkId, partnerOrgName: 'Resilience Partners Kenya' });
      Object.assign(manifest.sender, { installationId: partnerCtx.installationId, role: 'partner', orgId: rpkId, orgName: 'Resilience Partners Kenya' });
    });
  // Deletions of rows the receiver never had (ids nobody ever used), "owned" by RPK: nothing to delete, nothing kept.
  add(
    'partner-deletes-unknown-rows.jwpb',
    rebuild(good, partnerKey, (json, manifest) => {
      const organisations = rows(json, 'organisation');
      const stamp = `${String(Date.parse('2026-11-25T07:00:00.000Z')).padStart(15, '0')}:00000:0000000b0000`;
      json.clear();
      json.set('rows/organisation.json', organisations);
      json.set(
        'tombstones.json',
        ['activity', 'contribution'].map((register, n) => ({
          register,
          rowId: `0000000b-0000-4000-8000-00000000000${n + 5}`,
          ownerOrgId: rpkId,
          deletedAt: '2026-11-25T07:00:00.000Z',
          hlc: stamp,
          origin: partnerCtx.installationId,
          baseHlc: null,
        })),
      );
      for (const register of Object.keys(manifest.counts)) manifest.counts[register] = 0;
      manifest.counts.tombstones = 2;
      Object.assign(manifest, { kind: 'partner', partnerOrgId: rpkId, partnerOrgName: 'Resilience Partners Kenya' });
      Object.assign(manifest.sender, { installationId: partnerCtx.installationId, role: 'partner', orgId: rpkId, orgName: 'Resilience Partners Kenya' });
    }),
  );
  add(
    'partner-relabels-contribution.jwpb',
    asPartner('contribution', 'disbursement', { periodKey: 'Q2', amountMinor: 5_000_000, date: '2026-11-02', notes: '' }),
  );
  add(
    'partner-relabels-indicator.jwpb',
    asPartner('indicator', 'indicatorPeriod', { periodKey: 'Q2', target: 4, actual: 1, actualNote: '', evaluationCriterion: null, evaluatedOn: null }),
  );
  add(
    'version-not-its-fingerprint.jwpb',
    rebuild(good, key, (json) => {
      // Someone "corrects" the approved plan in the file: the fingerprint the CEC signed no longer fits.
      const version = first(json, 'planVersion');
      version.snapshotJson = String(version.snapshotJson).replace('Increase access to safe water', 'Increase access to water');
    }),
  );
  add(
    'zero-width-in-code.jwpb',
    rebuild(good, key, (json) => {
      // A second "A1" that differs only by a zero-width space: two activities no one can tell apart.
      const activity = first(json, 'activity');
      rows(json, 'activity').push({ ...activity, id: '00000000-0000-4000-8000-0000000000f4', code: 'A1\u200B', title: 'Rehabilitate boreholes again' });
    }),
  );
  add(
    'look-alike-ward.jwpb',
    rebuild(good, key, (json) => {
      const cycle = json.get('cycle.json') as Record<string, unknown>;
      const ward = { id: 'ke-ward-added-2', level: 'ward', name: 'Cherab\u200B', code: '', parentId: 'ke-subcounty-049' };
      json.set('area-units.json', [{ ...ward, updatedAt: cycle.updatedAt, hlc: cycle.hlc, origin: cycle.origin }]);
    }),
  );
  add(
    'nul-in-title.jwpb',
    rebuild(good, key, (json) => {
      first(json, 'activity').title = 'Rehabilitate\u0000 boreholes';
    }),
  );
  add(
    'lone-surrogate.jwpb',
    rebuild(good, key, (json) => {
      // Half of an emoji: not UTF-8, so it would be stored as other bytes than the sender's.
      first(json, 'activity').description = 'Pumps \uD83D';
    }),
  );
  add(
    'decomposed-letters.jwpb',
    rebuild(good, key, (json) => {
      const cycle = json.get('cycle.json') as Record<string, unknown>;
      cycle.title = String(cycle.title).replace('Isiolo', 'Isiolo\u0301');
    }),
  );
  if (options.large) {
    // 2 MB that inflates to 2 GB, declaring its true-looking small size: stopped one byte past it.
    add(
      'zip-bomb-lying-size.jwpb',
      writePackedZip(
        [...readZip(good)].map(([name, data]) => ({
          name,
          method: 8,
          packed: name === 'rows/activity.json' ? zerosBomb(2048) : deflateRawSync(data),
          crc: crc32(data),
          size: data.length,
        })),
      ),
    );
    add(
      'huge-string.jwpb',
      rebuild(good, key, (json) => {
        first(json, 'activity').description = pseudoRandomText(10 * 1024 * 1024);
      }),
    );
  }
  return { good, cycleId: cycle.id, files, partner: { publicKey: partnerKey.publicKey, fingerprint: partnerKey.fingerprint, orgId: rpkId } };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const corpus = makeBadBundles({ large: false });
  fs.mkdirSync(corpusDir, { recursive: true });
  fs.writeFileSync(path.join(corpusDir, 'good-full.jwpb'), corpus.good);
  for (const [file, data] of corpus.files) fs.writeFileSync(path.join(corpusDir, file), data);
  fs.writeFileSync(path.join(corpusDir, '.gitignore'), '# Made by the test in a temporary folder only: 10 MB.\nhuge-string.jwpb\n');
  console.log(`Wrote ${corpus.files.size + 1} bundles to ${corpusDir}.`);
}
