import { and, eq } from 'drizzle-orm';
import type { KeysDto, TrustedKeyDto } from '../../shared/api/schemas/bundles';
import { ServiceError } from '../../shared/result';
import { cycles, organisations } from '../db/schema';
import { inWriteTransaction, type AppContext } from '../services/context';
import { listCycles } from '../services/cycles';
import { identityFor } from './identity';
import { installationKey, listTrustedKeys, normaliseFingerprint, ownPublicKey, recordTrust } from './keys';
import { notFromHere } from './plan';
import { readChecked } from './checked-read';
import { BundleRefusal } from './refusal';

/**
 * "Trust this sender": the receiver reads the fingerprint shown here to the sender over the phone
 * and, when the sender's Pamoja JWP shows the same, trusts the key for that cycle — as the
 * Secretariat or as the partner organisation the bundle names.
 */
export function trustSender(ctx: AppContext, file: Uint8Array, fingerprint: string, options: { replace?: boolean } = {}): TrustedKeyDto {
  let parsed;
  try {
    // Usually the file just previewed: its reading is reused, not done again.
    parsed = readChecked(ctx, file);
  } catch (error) {
    if (error instanceof BundleRefusal) throw new ServiceError({ code: 'invalid_input', message: `This bundle cannot be trusted: ${error.message}` });
    throw error;
  }
  const { manifest } = parsed;
  if (normaliseFingerprint(fingerprint) !== normaliseFingerprint(parsed.fingerprint)) {
    throw new ServiceError({
      code: 'invalid_input',
      field: 'fingerprint',
      message: `The fingerprint you entered (${fingerprint}) is not the one this bundle is signed with (${parsed.fingerprint}). Do not trust it: call ${manifest.sender.orgName} again.`,
    });
  }
  if (parsed.publicKey === ownPublicKey(ctx))
    throw new ServiceError({ code: 'invalid_input', message: 'This bundle was made by this copy of Pamoja JWP: there is nothing to trust.' });
  if (manifest.sender.installationId === ctx.installationId) throw new ServiceError({ code: 'invalid_input', message: notFromHere(parsed.fingerprint) });
  const { role, orgId, orgName } = manifest.sender;
  if (role === 'partner') {
    if (orgId === null)
      throw new ServiceError({ code: 'invalid_input', message: 'This bundle does not say which organisation sent it, so it cannot be trusted as a partner.' });
    const cycleHere = ctx.db.select({ id: cycles.id }).from(cycles).where(eq(cycles.id, manifest.cycle.id)).get();
    const orgHere = ctx.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.id, orgId), eq(organisations.cycleId, manifest.cycle.id)))
      .get();
    if (!cycleHere || !orgHere) {
      throw new ServiceError({
        code: 'invalid_input',
        message: `${orgName} is not an organisation of a cycle in this database, so its key cannot be trusted here.`,
      });
    }
  }
  const row = inWriteTransaction(ctx, (tx) =>
    recordTrust(
      tx,
      {
        cycleId: manifest.cycle.id,
        publicKey: parsed.publicKey,
        fingerprint: parsed.fingerprint,
        role,
        orgId: role === 'partner' ? orgId : null,
        label: orgName,
      },
      options,
    ),
  );
  const { publicKey: _publicKey, ...dto } = row;
  return dto;
}

/** This copy's fingerprint (the key is made on first use), whom it speaks for, and whom it trusts. */
export function keysInfo(ctx: AppContext): KeysDto {
  const key = inWriteTransaction(ctx, (tx) => installationKey(tx));
  return {
    fingerprint: key.fingerprint,
    publicKey: key.publicKey,
    identities: listCycles(ctx).map((cycle) => {
      const identity = identityFor(ctx, cycle.id);
      return { cycleId: cycle.id, cycleTitle: cycle.title, role: identity.role, orgId: identity.orgId, orgName: identity.orgName };
    }),
    trusted: listTrustedKeys(ctx),
  };
}
