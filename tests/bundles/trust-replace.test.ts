import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp } from '../../main/app-context';
import { listTrustedKeys } from '../../main/bundles/keys';
import { trustSender } from '../../main/bundles/trust';
import { closeDb } from '../../main/db/open-db';
import { resourcesDir } from '../../main/resource-paths';
import { registerServices as s } from '../../main/services/index';
import { ServiceError } from '../../shared/result';
import { dumpDatabase } from '../support/fault-injection';
import { pamoja } from '../support/pamoja-cli';
import { exportPartner, fingerprintOfBundle, importInto, peer, preview, smallWorld, tempDir, trust, type Peer } from './support';

/**
 * A partner's key is never replaced silently: a new key for an organisation that already has a
 * trusted one is refused, both fingerprints named, until the user says "replace" — in the API, in
 * `pamoja keys trust --replace`, and in the preview the screen shows.
 */
const opened: Peer[] = [];
afterEach(() => opened.splice(0).forEach((p) => p.close()));

/** RPK's second laptop: a copy that starts from the county's partner bundle, with a key of its own. */
function secondLaptop(world: ReturnType<typeof smallWorld>): Peer {
  const laptop = peer('partner laptop 2', '000000ab');
  opened.push(laptop);
  const part = exportPartner(world.county, world.cycleId, world.orgs.rpk);
  trust(laptop, part);
  expect(importInto(laptop, part).applied).toBe(true);
  s.risk.create(laptop, {
    cycleId: world.cycleId,
    code: 'R8',
    description: 'Generator theft',
    likelihood: 'low',
    impact: 'low',
    responsibleOrgId: world.orgs.rpk,
  });
  return laptop;
}

describe('replacing a partner’s trusted key', () => {
  it('is refused without "replace", naming both fingerprints, and nothing changes', () => {
    const world = smallWorld();
    opened.push(world.county, world.partner);
    const laptop = secondLaptop(world);
    const bundle = exportPartner(laptop, world.cycleId, world.orgs.rpk);
    const [oldKey] = listTrustedKeys(world.county).filter((k) => k.role === 'partner');
    const newFingerprint = fingerprintOfBundle(bundle);

    const shown = preview(world.county, bundle);
    expect(shown.status).toBe('untrusted');
    expect(shown.sender?.replaces).toEqual([{ fingerprint: oldKey?.fingerprint, trustedAt: oldKey?.trustedAt, trustedBy: oldKey?.trustedBy }]);

    const dump = dumpDatabase(world.county);
    let refusal: unknown;
    try {
      trustSender(world.county, bundle, newFingerprint);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(ServiceError);
    expect((refusal as ServiceError).message).toBe(
      `Resilience Partners Kenya already has a trusted key in this cycle (${oldKey?.fingerprint}, trusted ${oldKey?.trustedAt.slice(0, 10)} by county officer). ` +
        `Trusting this new key (${newFingerprint}) replaces it: bundles signed with the old key will be refused from then on. ` +
        'Do it only if they told you they have a new computer or reinstalled Pamoja JWP, and they read you the new fingerprint by phone; then replace the key (pamoja keys trust … --replace).',
    );
    expect(dumpDatabase(world.county)).toBe(dump);
  });

  it('with "replace", the new key speaks for the partner and the old one no longer does', () => {
    const world = smallWorld();
    opened.push(world.county, world.partner);
    const laptop = secondLaptop(world);
    const bundle = exportPartner(laptop, world.cycleId, world.orgs.rpk);
    trustSender(world.county, bundle, fingerprintOfBundle(bundle), { replace: true });
    expect(
      listTrustedKeys(world.county)
        .filter((k) => k.role === 'partner')
        .map((k) => k.fingerprint),
    ).toEqual([fingerprintOfBundle(bundle)]);
    expect(importInto(world.county, bundle).applied).toBe(true);
    expect(preview(world.county, exportPartner(world.partner, world.cycleId, world.orgs.rpk)).status).toBe('untrusted');
  });
});

describe('pamoja keys trust', () => {
  it('says the key replaces another and needs --replace; with it, trusts', async () => {
    const tmp = tempDir('trust-replace');
    try {
      const world = smallWorld();
      opened.push(world.partner);
      const laptop = secondLaptop(world);
      const bundleFile = path.join(tmp.dir, 'rpk-laptop-2.jwpb');
      fs.writeFileSync(bundleFile, exportPartner(laptop, world.cycleId, world.orgs.rpk));
      const db = path.join(tmp.dir, 'county.db');
      world.county.db.$client.prepare('VACUUM INTO ?').run(db);
      world.county.close();
      const fingerprint = fingerprintOfBundle(fs.readFileSync(bundleFile));
      const run = async (...args: string[]) => {
        const result = await pamoja('keys', 'trust', '--db', db, ...args, bundleFile);
        return { status: result.status, out: result.stdout + result.stderr };
      };
      const shown = await run();
      expect(shown.out).toMatch(
        /Resilience Partners Kenya already has a trusted key here: [0-9A-F ]{29} \(trusted 2026-11-25 by county officer\)\. Trusting this one REPLACES it/,
      );
      expect(shown.out).toContain(`--fingerprint "${fingerprint}" --replace`);
      const refused = await run('--fingerprint', fingerprint);
      expect(refused.status).not.toBe(0);
      expect(refused.out).toMatch(/already has a trusted key in this cycle .* Trusting this new key \([0-9A-F ]+\) replaces it/);
      const replaced = await run('--fingerprint', fingerprint, '--replace');
      expect(replaced.status, replaced.out).toBe(0);
      expect(replaced.out).toMatch(
        /^Replaced the key trusted for Resilience Partners Kenya \([0-9A-F ]{29}\) with the key [0-9A-F ]{29}; bundles signed with the old key are refused/,
      );
      const after = openApp({ file: db, resourcesDir });
      expect(
        listTrustedKeys(after)
          .filter((k) => k.role === 'partner')
          .map((k) => k.fingerprint),
      ).toEqual([fingerprint]);
      closeDb(after.db);
    } finally {
      tmp.remove();
    }
  }, 120_000);
});
