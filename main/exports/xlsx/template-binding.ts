import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { existingInstallationKey, installationKey, type InstallationKey } from '../../bundles/keys';
import { inWriteTransaction, type AppContext } from '../../services/context';
import type { WorkbookMeta } from './meta-sheet';

/**
 * A partner template names, on its hidden sheet, the cycle and the organisation it is for, and an
 * import lets its rows change only that organisation's activities. Hidden is not protected: anyone
 * can unhide the sheet and type another organisation's id. So the hidden details are bound to this
 * installation with a keyed MAC (HMAC-SHA-256 under a key derived from the installation's private
 * signing key, which never leaves its database): only this copy can make a binding that verifies,
 * and a change to any of the details breaks it.
 */

/** Every detail the meta sheet holds, in a fixed order: a new detail must be added here to be bound. */
const BOUND = ['kind', 'version', 'cycleId', 'organisationId', 'exportedAt', 'exportedBy', 'appVersion'] as const satisfies readonly (keyof WorkbookMeta)[];
/** Details only some templates carry (a reporting round's): bound when present, so templates made before them still verify. */
const BOUND_WHEN_PRESENT = ['roundId', 'periodKey'] as const satisfies readonly (keyof WorkbookMeta)[];

// A key of its own for this one purpose, so a MAC can never be confused with a bundle signature.
const PURPOSE = 'pamoja-jwp partner template binding v1';

function macKey(key: InstallationKey): Buffer {
  const secret = key.privateKey.export({ format: 'der', type: 'pkcs8' });
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), PURPOSE, 32));
}

/** The details as the meta sheet stores them (text; an empty cell for null), one per line. */
function boundText(details: Readonly<Partial<Record<(typeof BOUND)[number] | (typeof BOUND_WHEN_PRESENT)[number], string | number | null>>>): string {
  const present = BOUND_WHEN_PRESENT.filter((name) => (details[name] ?? '') !== '');
  return [...BOUND, ...present].map((name) => `${name}=${String(details[name] ?? '')}`).join('\n');
}

/** The binding written on a partner template's meta sheet (makes this copy's key on first use). */
export function templateBinding(ctx: AppContext, meta: WorkbookMeta): string {
  const key = inWriteTransaction(ctx, (tx) => installationKey(tx));
  return createHmac('sha256', macKey(key)).update(boundText(meta)).digest('hex');
}

/** True when the details read from a returned template carry this copy's binding of exactly them. */
export function bindingHolds(ctx: AppContext, details: Readonly<Record<string, string>>): boolean {
  const key = existingInstallationKey(ctx);
  const given = details.binding ?? '';
  if (!key || !/^[0-9a-f]{64}$/.test(given)) return false;
  const expected = createHmac('sha256', macKey(key)).update(boundText(details)).digest();
  return timingSafeEqual(expected, Buffer.from(given, 'hex'));
}
