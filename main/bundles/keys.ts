import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { TrustedKeyDto } from '../../shared/api/schemas/bundles';
import { ServiceError } from '../../shared/result';
import { bundleKeys, bundleTrustedKeys } from '../db/schema';
import type { AppContext, WriteContext } from '../services/context';

/**
 * Each installation signs its bundles with an Ed25519 key pair made on first use. Receivers trust
 * a sender's public key for one cycle after checking its fingerprint with the sender by phone.
 */

export interface InstallationKey {
  publicKey: string;
  privateKey: KeyObject;
  fingerprint: string;
}

const rawPublicKey = (key: KeyObject): Buffer => Buffer.from(key.export({ format: 'jwk' }).x ?? '', 'base64url');

/**
 * Six groups of four hex digits (96 bits of the key's SHA-256): short enough to read over a bad
 * phone line, long enough that nobody can make a key with the same fingerprint.
 */
export function fingerprintOf(publicKeyBase64: string): string {
  const hex = createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex').slice(0, 24).toUpperCase();
  return hex.match(/.{4}/g)?.join(' ') ?? hex;
}

/** "3f2a-9c1d 7E20…" and "3F2A 9C1D 7E20…" are the same fingerprint as people type it. */
export const normaliseFingerprint = (text: string) => text.replace(/[^0-9a-fA-F]/g, '').toUpperCase();

/** This installation's public key, or null before its first bundle (never creates one). */
export function ownPublicKey(ctx: AppContext): string | null {
  return ctx.db.select({ publicKey: bundleKeys.publicKey }).from(bundleKeys).where(eq(bundleKeys.installationId, ctx.installationId)).get()?.publicKey ?? null;
}

/** This installation's key pair, or null before its first use (never creates one). */
export function existingInstallationKey(ctx: AppContext): InstallationKey | null {
  const row = ctx.db.select().from(bundleKeys).where(eq(bundleKeys.installationId, ctx.installationId)).get();
  if (!row) return null;
  return {
    publicKey: row.publicKey,
    fingerprint: row.fingerprint,
    privateKey: createPrivateKey({ key: Buffer.from(row.privateKey, 'base64'), format: 'der', type: 'pkcs8' }),
  };
}

export function installationKey(tx: WriteContext): InstallationKey {
  const existing = existingInstallationKey(tx);
  if (existing) return existing;
  const { privateKey } = generateKeyPairSync('ed25519');
  return storeInstallationKey(tx, privateKey);
}

/** Saves a key pair as this installation's (first use; the bad-bundle corpus script uses a fixed one). */
export function storeInstallationKey(tx: WriteContext, privateKey: KeyObject): InstallationKey {
  const publicKey = rawPublicKey(createPublicKey(privateKey)).toString('base64');
  const fingerprint = fingerprintOf(publicKey);
  const der = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
  tx.db
    .insert(bundleKeys)
    .values({ installationId: tx.installationId, publicKey, privateKey: der, fingerprint, createdAt: tx.now().toISOString() })
    .onConflictDoUpdate({ target: bundleKeys.installationId, set: { publicKey, privateKey: der, fingerprint } })
    .run();
  return { publicKey, privateKey, fingerprint };
}

/** An Ed25519 private key from a 32-byte seed (PKCS#8 wrapping of RFC 8410). */
export function privateKeyFromSeed(seed: Uint8Array): KeyObject {
  if (seed.length !== 32) throw new Error('An Ed25519 seed is 32 bytes.');
  const prefix = Buffer.from('302e020100300506032b657004220420', 'hex');
  return createPrivateKey({ key: Buffer.concat([prefix, seed]), format: 'der', type: 'pkcs8' });
}

export function signManifest(key: InstallationKey, manifest: Uint8Array): string {
  return sign(null, manifest, key.privateKey).toString('base64');
}

export function verifyManifest(publicKeyBase64: string, manifest: Uint8Array, signatureBase64: string): boolean {
  try {
    const x = Buffer.from(publicKeyBase64, 'base64');
    if (x.length !== 32) return false;
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: x.toString('base64url') }, format: 'jwk' });
    return verify(null, manifest, key, Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}

export type TrustedKey = typeof bundleTrustedKeys.$inferSelect;

export function trustedKeyFor(ctx: AppContext, cycleId: string, publicKey: string): TrustedKey | undefined {
  return ctx.db
    .select()
    .from(bundleTrustedKeys)
    .where(and(eq(bundleTrustedKeys.cycleId, cycleId), eq(bundleTrustedKeys.publicKey, publicKey)))
    .get();
}

export function listTrustedKeys(ctx: AppContext): TrustedKeyDto[] {
  return ctx.db
    .select()
    .from(bundleTrustedKeys)
    .orderBy(bundleTrustedKeys.cycleId, bundleTrustedKeys.trustedAt)
    .all()
    .map(({ publicKey: _publicKey, ...rest }) => rest);
}

/** The keys trusted in a cycle for one sender (the Secretariat, or one partner organisation). */
export function keysTrustedFor(ctx: AppContext, cycleId: string, role: TrustedKey['role'], orgId: string | null): TrustedKey[] {
  return ctx.db
    .select()
    .from(bundleTrustedKeys)
    .where(and(eq(bundleTrustedKeys.cycleId, cycleId), eq(bundleTrustedKeys.role, role)))
    .all()
    .filter((row) => role === 'secretariat' || row.orgId === orgId);
}

/**
 * Records trust in a key for one cycle. A key already trusted as someone else is refused. A new key
 * for a sender that already has one replaces it — which lets whoever holds the new key speak for
 * that sender from now on — so it is refused unless `replace` says the user chose it, with both
 * fingerprints named.
 */
export function recordTrust(tx: WriteContext, key: Omit<TrustedKey, 'trustedAt' | 'trustedBy'>, options: { replace?: boolean } = {}): TrustedKey {
  const existing = trustedKeyFor(tx, key.cycleId, key.publicKey);
  if (existing) {
    if (existing.role === key.role && existing.orgId === key.orgId) return existing;
    throw new ServiceError({
      code: 'invalid_input',
      message: `This key (fingerprint ${key.fingerprint}) is already trusted here as ${existing.label}; it cannot also speak for ${key.label}.`,
    });
  }
  const replaced = keysTrustedFor(tx, key.cycleId, key.role, key.orgId);
  if (replaced.length > 0 && !options.replace) throw new ServiceError({ code: 'invalid_input', field: 'replace', message: replacementWarning(key, replaced) });
  for (const old of replaced) {
    tx.db
      .delete(bundleTrustedKeys)
      .where(and(eq(bundleTrustedKeys.cycleId, old.cycleId), eq(bundleTrustedKeys.publicKey, old.publicKey)))
      .run();
  }
  const row: TrustedKey = { ...key, trustedAt: tx.now().toISOString(), trustedBy: tx.userName || 'unknown user' };
  tx.db.insert(bundleTrustedKeys).values(row).run();
  return row;
}

/** What trusting `key` would do to the keys already trusted for its sender, in words. */
export function replacementWarning(key: Pick<TrustedKey, 'fingerprint' | 'label' | 'role'>, replaced: TrustedKey[]): string {
  const who = key.role === 'secretariat' ? `The Secretariat (${key.label})` : key.label;
  const old = replaced.map((r) => `${r.fingerprint}, trusted ${r.trustedAt.slice(0, 10)} by ${r.trustedBy}`).join('; ');
  return (
    `${who} already has a trusted key in this cycle (${old}). Trusting this new key (${key.fingerprint}) replaces it: ` +
    'bundles signed with the old key will be refused from then on. Do it only if they told you they have a new computer or reinstalled Pamoja JWP, ' +
    'and they read you the new fingerprint by phone; then replace the key (pamoja keys trust … --replace).'
  );
}
