import { z } from 'zod';
import { parseHlc } from '../../shared/hlc';
import { bundleKinds, senderRoles } from '../../shared/api/schemas/bundles';
import { FORMAT_NAME, FORMAT_VERSION } from './limits';
import { type ExchangeName, exchangeNames } from './exchange-tables';

/** The manifest and the fixed entries of a bundle (docs/bundle-format.md is the prose version). */

export const MANIFEST = 'manifest.json';
export const SIGNATURE = 'signature.json';
export const CYCLE_ENTRY = 'cycle.json';
export const TOMBSTONES_ENTRY = 'tombstones.json';
export const rowsEntry = (register: ExchangeName) => `rows/${register}.json`;

export const hlcText = z
  .string()
  .max(100)
  .refine((value) => parseHlc(value) !== null, { message: 'not a clock reading' });
const uuid = z.uuid();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const isoInstant = z.iso.datetime({ offset: false });
const name = z.string().max(300);

export const manifestSchema = z.strictObject({
  format: z.literal(FORMAT_NAME),
  formatVersion: z.int().min(1).max(FORMAT_VERSION),
  appVersion: z.string().max(40),
  bundleId: uuid,
  kind: z.enum(bundleKinds),
  /** The partner whose rows a partner bundle carries; null in a full bundle. */
  partnerOrgId: uuid.nullable(),
  partnerOrgName: name.nullable(),
  cycle: z.strictObject({ id: uuid, title: name, countyId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/), countyName: name, fiscalYear: z.string().max(10) }),
  sender: z.strictObject({
    installationId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/),
    role: z.enum(senderRoles),
    /** The organisation the sending copy speaks for; null for a Secretariat without a lead organisation set. */
    orgId: uuid.nullable(),
    orgName: name,
    fingerprint: z.string().max(100),
  }),
  createdAt: isoInstant,
  /** The sender's clock when the bundle was made: later than every stamp in it. */
  senderClock: hlcText,
  personalData: z.string().max(2000),
  counts: z.record(z.string().regex(/^[a-zA-Z]{1,40}$/), z.int().min(0)),
  entries: z.array(z.strictObject({ path: z.string().max(100), sha256, bytes: z.int().min(0) })).max(64),
});
export type Manifest = z.infer<typeof manifestSchema>;

export const signatureSchema = z.strictObject({
  algorithm: z.literal('Ed25519'),
  /** The raw 32-byte public key, base64. */
  publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
  /** 64 bytes over the exact bytes of manifest.json, base64. */
  signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/),
});
export type SignatureFile = z.infer<typeof signatureSchema>;

/** The sync columns every exchanged row carries, plus the revision its sender last took from a bundle. */
export const rowMetaSchema = {
  id: uuid,
  ownerOrgId: uuid.nullable(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
  hlc: hlcText,
  origin: z.string().regex(/^[A-Za-z0-9-]{1,64}$/),
  baseHlc: hlcText.nullable(),
};
export const ROW_META_KEYS = new Set(Object.keys(rowMetaSchema));

export const tombstoneSchema = z.strictObject({
  register: z.enum(exchangeNames as [ExchangeName, ...ExchangeName[]]),
  rowId: uuid,
  ownerOrgId: uuid.nullable(),
  deletedAt: isoInstant,
  hlc: hlcText,
  origin: rowMetaSchema.origin,
  baseHlc: hlcText.nullable(),
});
export type BundleTombstone = z.infer<typeof tombstoneSchema>;

/** The newest format a file may claim before the reader must give up: checked before anything else. */
export const versionProbe = z.object({ format: z.unknown(), formatVersion: z.unknown() });
