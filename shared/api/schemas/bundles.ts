import { z } from 'zod';
import { entityId, text } from './fields';

/** Partner bundles (issue 7): what the screens send and get back. See docs/bundle-format.md. */

export const bundleKinds = ['full', 'partner'] as const;
export const senderRoles = ['secretariat', 'partner'] as const;
export type BundleKind = (typeof bundleKinds)[number];
export type SenderRole = (typeof senderRoles)[number];

/** A bundle file travels through the API as base64; 140 M characters is a little over 100 MiB. */
export const bundleFileBase64 = z
  .string()
  .min(1)
  .max(140_000_000)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const bundleExportInput = z.strictObject({
  cycleId: entityId,
  kind: z.enum(bundleKinds),
  /** For a partner bundle: whose rows it carries. */
  partnerOrgId: entityId.nullable().default(null),
});

/** What personal data (Data Protection Act, 2019) leaves this computer in the bundle. */
export const personalDataDto = z.object({
  /** One plain sentence for the export dialog. */
  summary: z.string(),
  contacts: z.array(z.object({ organisationId: z.string(), organisationName: z.string(), count: z.int() })),
  /** The contact fields carried: name, title, phone, email. */
  contactFields: z.array(z.string()),
  signatories: z.int(),
});
export type PersonalDataDto = z.infer<typeof personalDataDto>;

export const bundleExportDto = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  base64: z.string(),
  sizeBytes: z.int(),
  bundleId: z.string(),
  kind: z.enum(bundleKinds),
  /** Rows per register, and tombstones. */
  counts: z.record(z.string(), z.int()),
  personalData: personalDataDto,
  /** This installation's key fingerprint, to read out to the receiver. */
  fingerprint: z.string(),
});
export type BundleExportDto = z.infer<typeof bundleExportDto>;

const rowRef = {
  register: z.string(),
  /** "activity", "budget contribution", … */
  registerLabel: z.string(),
  id: z.string(),
  /** What a person recognises the row by: its code and title, a name, a component. */
  label: z.string(),
};

/** Who changed a field of a row since the two copies last had it in common: 'both' when unknown. */
export const changedBy = ['mine', 'theirs', 'both'] as const;

export const fieldChangeDto = z.object({
  field: z.string(),
  label: z.string(),
  mine: z.unknown(),
  theirs: z.unknown(),
  /** In a conflict or a merged row: a field one side changed is taken from that side unless chosen otherwise. */
  changedBy: z.enum(changedBy).optional(),
});
export type FieldChangeDto = z.infer<typeof fieldChangeDto>;

export const conflictDto = z.object({
  ...rowRef,
  /** The key a resolution is given under: `<register>:<id>`. */
  key: z.string(),
  kind: z.enum(['edited-both', 'deleted-here', 'deleted-there']),
  fields: z.array(fieldChangeDto),
  /** The default shown: the later edit, or the side that keeps the row. */
  recommended: z.enum(['mine', 'theirs']),
  reason: z.string(),
});
export type ConflictDto = z.infer<typeof conflictDto>;

export const bundleSenderDto = z.object({
  installationId: z.string(),
  role: z.enum(senderRoles),
  orgId: z.string().nullable(),
  orgName: z.string(),
  fingerprint: z.string(),
  /** Trusted here for this cycle (or this copy's own key). */
  trusted: z.boolean(),
  /** What the trusted key may speak for here, in words; null when not trusted. */
  trustedAs: z.string().nullable(),
  isOwn: z.boolean(),
  /** An untrusted key of a sender that already has a trusted key here: trusting it replaces that one. */
  replaces: z.array(z.object({ fingerprint: z.string(), trustedAt: z.string(), trustedBy: z.string() })),
});

export const bundleInfoDto = z.object({
  bundleId: z.string(),
  kind: z.enum(bundleKinds),
  formatVersion: z.int(),
  appVersion: z.string(),
  cycleId: z.string(),
  cycleTitle: z.string(),
  countyName: z.string(),
  partnerOrgName: z.string().nullable(),
  createdAt: z.string(),
  counts: z.record(z.string(), z.int()),
  personalData: z.string(),
});

export const previewStatuses = ['ready', 'conflicts', 'nothing', 'refused', 'untrusted'] as const;

export const bundlePreviewDto = z.object({
  /** ready: can be applied; conflicts: choose first; nothing: already here; refused / untrusted: cannot be applied. */
  status: z.enum(previewStatuses),
  message: z.string(),
  /** Why a bundle is refused, one sentence each. */
  problems: z.array(z.string()),
  bundle: bundleInfoDto.nullable(),
  sender: bundleSenderDto.nullable(),
  warnings: z.array(z.string()),
  createsCycle: z.boolean(),
  counts: z.object({ adds: z.int(), changes: z.int(), deletions: z.int(), conflicts: z.int(), refused: z.int(), unchanged: z.int() }),
  addsByRegister: z.record(z.string(), z.int()),
  /** The same counts in words, for people: "13 organisations", "1 approved plan version". */
  addsInWords: z.array(z.string()),
  /** The first rows added (all counted in addsByRegister). */
  adds: z.array(z.object(rowRef)),
  changes: z.array(
    z.object({
      ...rowRef,
      fields: z.array(fieldChangeDto),
      /** A row changed here too, in other fields: what of ours the merge keeps, in words. */
      keeps: z.string().optional(),
    }),
  ),
  deletions: z.array(z.object(rowRef)),
  conflicts: z.array(conflictDto),
  refused: z.array(z.object({ ...rowRef, reason: z.string() })),
});
export type BundlePreviewDto = z.infer<typeof bundlePreviewDto>;

export const resolutionChoice = z.enum(['mine', 'theirs']);
export type ResolutionChoice = z.infer<typeof resolutionChoice>;
export const resolutionDto = z.union([resolutionChoice, z.strictObject({ fields: z.record(z.string().regex(/^[a-zA-Z]{1,40}$/), resolutionChoice) })]);
export type ResolutionDto = z.infer<typeof resolutionDto>;
/** Keys are `<register>:<row id>`; the pattern keeps names like `__proto__` out. */
export const resolutionsInput = z.record(z.string().regex(/^[a-zA-Z]{1,40}:[0-9a-f-]{36}$/), resolutionDto).default({});
export type Resolutions = z.infer<typeof resolutionsInput>;

export const bundlePreviewInput = z.strictObject({
  base64: bundleFileBase64,
  resolutions: resolutionsInput,
  resolveAll: resolutionChoice.nullable().default(null),
});
export const bundleApplyInput = bundlePreviewInput;

export const bundleImportDto = z.object({
  id: z.string(),
  cycleId: z.string(),
  bundleId: z.string(),
  kind: z.enum(bundleKinds),
  senderName: z.string(),
  senderFingerprint: z.string(),
  bundleCreatedAt: z.string(),
  importedAt: z.string(),
  userName: z.string(),
  backupFile: z.string().nullable(),
  counts: z.object({ adds: z.int(), changes: z.int(), deletions: z.int(), conflictsResolved: z.int(), refused: z.int() }),
  undoneAt: z.string().nullable(),
  /** Only the newest import not yet undone can be undone, and only while nothing changed after it. */
  canUndo: z.boolean(),
});
export type BundleImportDto = z.infer<typeof bundleImportDto>;

export const bundleApplyDto = z.object({ applied: z.boolean(), preview: bundlePreviewDto, import: bundleImportDto.nullable() });
export type BundleApplyDto = z.infer<typeof bundleApplyDto>;

export const bundleHistoryInput = z.strictObject({ cycleId: entityId.nullable().default(null) });
export const bundleHistoryDto = z.array(bundleImportDto);

export const trustedKeyDto = z.object({
  cycleId: z.string(),
  fingerprint: z.string(),
  role: z.enum(senderRoles),
  orgId: z.string().nullable(),
  label: z.string(),
  trustedAt: z.string(),
  trustedBy: z.string(),
});
export type TrustedKeyDto = z.infer<typeof trustedKeyDto>;

export const keysDto = z.object({
  fingerprint: z.string(),
  publicKey: z.string(),
  /** Which organisation this copy speaks for, per cycle. */
  identities: z.array(z.object({ cycleId: z.string(), cycleTitle: z.string(), role: z.enum(senderRoles), orgId: z.string().nullable(), orgName: z.string() })),
  trusted: z.array(trustedKeyDto),
});
export type KeysDto = z.infer<typeof keysDto>;

/**
 * Trusting a sender names the fingerprint the user confirmed by phone; it must match the bundle's
 * key. `replace` says the user chose to replace the key already trusted for that sender.
 */
export const trustSenderInput = z.strictObject({
  base64: bundleFileBase64,
  fingerprint: text().min(4).max(100),
  replace: z.boolean().default(false),
});
