import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../main/transport/dispatcher';
import type { BundleApplyDto, BundleExportDto, BundlePreviewDto, KeysDto } from '../../shared/api/schemas/bundles';
import { seedCycle } from '../support/factories';
import { peer, type Peer } from './support';

/** The screens' road: every bundle method through the dispatcher, files as base64. */

let county: Peer;
let partner: Peer;
let cycleId: string;
let partnerOrgId: string;
let callCounty: Dispatch;
let callPartner: Dispatch;

function value<T>(result: ReturnType<Dispatch>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

beforeEach(() => {
  county = peer('county', '0000000a');
  partner = peer('partner', '000000aa');
  const seeded = seedCycle(county);
  cycleId = seeded.cycle.id;
  partnerOrgId = seeded.partner.id;
  callCounty = createDispatcher(county, () => undefined);
  callPartner = createDispatcher(partner, () => undefined);
});
afterEach(() => {
  county.close();
  partner.close();
});

describe('bundle methods', () => {
  it('export, preview, trust, apply and history through the API', () => {
    value(
      callCounty('contact:create', { cycleId, organisationId: partnerOrgId, name: 'Amina Hussein', phone: '+254 700 000 001', email: 'amina@example.org' }),
    );
    const exported = value<BundleExportDto>(callCounty('bundle:export', { cycleId, kind: 'partner', partnerOrgId }));
    expect(exported.fileName).toMatch(/^[a-z-]+-jwp-\d{4}-\d{2}-partner-bundle-rpk-\d{4}-\d{2}-\d{2}\.jwpb$/);
    expect(exported.personalData.summary).toMatch(/phone numbers and email addresses of 1 contact person \(RPK: 1\)\. No other stakeholders/);
    expect(exported.personalData.contacts).toEqual([{ organisationId: partnerOrgId, organisationName: 'RPK', count: 1 }]);
    const keys = value<KeysDto>(callCounty('bundle:keys', {}));
    expect(keys.fingerprint).toBe(exported.fingerprint);

    const first = value<BundlePreviewDto>(callPartner('bundle:preview', { base64: exported.base64 }));
    expect(first.status).toBe('untrusted');
    expect(first.sender?.fingerprint).toBe(exported.fingerprint);
    const wrong = callPartner('bundle:trust', { base64: exported.base64, fingerprint: 'ABCD ABCD ABCD ABCD ABCD ABCD' });
    expect(wrong.ok).toBe(false);
    value(callPartner('bundle:trust', { base64: exported.base64, fingerprint: exported.fingerprint }));

    const ready = value<BundlePreviewDto>(callPartner('bundle:preview', { base64: exported.base64 }));
    expect(ready).toMatchObject({ status: 'ready', createsCycle: true });
    const applied = value<BundleApplyDto>(callPartner('bundle:apply', { base64: exported.base64 }));
    expect(applied.applied).toBe(true);
    expect(applied.import?.counts.adds).toBe(ready.counts.adds);
    const history = value<unknown[]>(callPartner('bundle:history', { cycleId: null }));
    expect(history).toHaveLength(1);
    // An in-memory database takes no backup, so its import cannot be undone.
    const undo = callPartner('bundle:undo', {});
    expect(undo.ok).toBe(false);
  });

  it('refuses resolution keys that are not row keys (no __proto__) and garbage files', () => {
    const exported = value<BundleExportDto>(callCounty('bundle:export', { cycleId, kind: 'full' }));
    // zod drops a `__proto__` key rather than copying it; nothing is polluted, nothing is chosen.
    const polluted = callPartner('bundle:apply', {
      base64: exported.base64,
      resolutions: JSON.parse('{"__proto__": {"polluted": "mine"}}') as Record<string, string>,
    });
    expect(polluted.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(callPartner('bundle:apply', { base64: exported.base64, resolutions: { constructor: 'mine' } }).ok).toBe(false);
    expect(callPartner('bundle:apply', { base64: exported.base64, resolutions: { [`activity:${cycleId}`]: 'sometimes' } }).ok).toBe(false);
    const garbage = value<BundlePreviewDto>(callPartner('bundle:preview', { base64: Buffer.from('not a bundle at all').toString('base64') }));
    expect(garbage.status).toBe('refused');
    expect(callPartner('bundle:preview', { base64: '***' }).ok).toBe(false);
  });
});
