import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp } from '../../main/app-context';
import { applyBundle, exportBundle, previewBundle, trustSender } from '../../main/bundles/index';
import { readCycleRow, readAllRows, readTombstones } from '../../main/bundles/cycle-rows';
import { exchangeTables } from '../../main/bundles/exchange-tables';
import { readBundle } from '../../main/bundles/read';
import { closeDb } from '../../main/db/open-db';
import { resourcesDir } from '../../main/resource-paths';
import { inWriteTransaction, type AppContext } from '../../main/services/context';
import type { ResolutionChoice, Resolutions } from '../../shared/api/schemas/bundles';
import { installationKey } from '../../main/bundles/keys';
import { createCycle, updateCycle } from '../../main/services/cycles';
import { registerServices } from '../../main/services/index';
import { rebuild } from '../../scripts/make-bad-bundles';

/** One installation of Pamoja JWP: its own database, ids, clock and key. */
export interface Peer extends AppContext {
  name: string;
  close(): void;
  /** Moves this laptop's clock (a wrong date, or days passing). */
  shiftClock(ms: number): void;
}

/**
 * A peer's ids start with its own 8 hex digits, so rows made on different laptops never share an
 * id (as random UUIDs never do); its clock ticks a second per reading from `start`. `image` opens
 * an in-memory copy of a peer's database (`serialize()`), for tests that start many runs from one
 * state; give the copy another prefix than the original's, so its new ids are new.
 */
export function peer(name: string, prefix: string, options: { file?: string; start?: string; image?: Buffer } = {}): Peer {
  let counter = 0;
  let offset = 0;
  let tick = 0;
  const base = Date.parse(options.start ?? '2026-11-25T08:00:00.000Z');
  const ctx = openApp({
    file: options.file ?? ':memory:',
    image: options.image,
    resourcesDir,
    now: () => new Date(base + offset + tick++ * 1000),
    newId: () => `${prefix}-0000-4000-8000-${String(++counter).padStart(12, '0')}`,
  });
  ctx.userName = `${name} officer`;
  return Object.assign(ctx, {
    name,
    close: () => closeDb(ctx.db),
    shiftClock: (ms: number) => {
      offset += ms;
    },
  });
}

export function tempDir(label: string): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `pamoja-${label}-`));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export const fingerprintOfBundle = (bytes: Uint8Array) => readBundle(bytes).fingerprint;

/** The receiver checks the fingerprint by phone, then trusts the sender (once per sender and cycle). */
export function trust(receiver: AppContext, bytes: Uint8Array): void {
  trustSender(receiver, bytes, fingerprintOfBundle(bytes));
}

export function exportFull(from: AppContext, cycleId: string): Uint8Array {
  return exportBundle(from, { cycleId, kind: 'full', partnerOrgId: null }).bytes;
}

export function exportPartner(from: AppContext, cycleId: string, partnerOrgId: string): Uint8Array {
  return exportBundle(from, { cycleId, kind: 'partner', partnerOrgId }).bytes;
}

export function importInto(to: AppContext, bytes: Uint8Array, resolve: { all?: ResolutionChoice; rows?: Resolutions } = {}) {
  return applyBundle(to, bytes, { resolutions: resolve.rows ?? {}, resolveAll: resolve.all ?? null });
}

export function preview(to: AppContext, bytes: Uint8Array, resolveAll: ResolutionChoice | null = null) {
  return previewBundle(to, bytes, { resolutions: {}, resolveAll }).preview;
}

/**
 * A cycle's content as people see it: every row's fields, owner and link lists, sorted by id, and
 * which rows are deleted. Two copies that agree on this agree on the plan.
 */
export function contentOf(ctx: AppContext, cycleId: string, only?: (register: string, row: Record<string, unknown>) => boolean): Record<string, unknown> {
  const rows = readAllRows(ctx.db.$client, cycleId);
  const tombstones = readTombstones(ctx.db.$client, cycleId);
  const out: Record<string, unknown> = {};
  const cycle = readCycleRow(ctx.db.$client, cycleId);
  if (cycle)
    out.cycle = Object.fromEntries(
      ['title', 'countyId', 'leadOrgId', 'startDate', 'endDate', 'phase', 'notes', 'scopeUnitIds'].map((key) => [key, cycle[key]]),
    );
  for (const t of exchangeTables) {
    const list = [...(rows.get(t.register)?.values() ?? [])]
      .filter((row) => !only || only(t.register, row))
      .map((row) =>
        Object.fromEntries(['id', 'ownerOrgId', ...t.fieldKeys].map((key) => [key, Array.isArray(row[key]) ? [...(row[key] as string[])].sort() : row[key]])),
      )
      .sort((a, b) => String(a.id).localeCompare(String(b.id)));
    out[t.register] = list;
    out[`${t.register}:deleted`] = [...(tombstones.get(t.register)?.keys() ?? [])].sort();
  }
  return out;
}

/**
 * A small cycle at the Secretariat (`county`) with a partner copy (`partner`, speaking for RPK)
 * that received its part; each trusts the other's key. `other` is a second partner organisation
 * (KRCS) with rows of its own at the county, which the partner copy never sees.
 */
export function smallWorld(options: { partnerStart?: string } = {}) {
  const county = peer('county', '0000000a');
  const partner = peer('partner', '000000aa', { start: options.partnerStart });
  const cycle = createCycle(county, {
    title: 'Isiolo JWP FY 2026/27',
    countyId: 'ke-county-011',
    fiscalYear: '2026/27',
    startDate: '2026-07-01',
    endDate: '2027-06-30',
    kesPerUsdScaled: 1_293_500,
    exchangeRateDate: '2026-07-01',
  });
  const secretariat = registerServices.organisation.create(county, {
    cycleId: cycle.id,
    name: 'County Department of Economic Planning',
    shortName: 'CDEP',
    category: 'government',
  });
  updateCycle(county, { id: cycle.id, changes: { leadOrgId: secretariat.id } });
  const rpk = registerServices.organisation.create(county, {
    cycleId: cycle.id,
    name: 'Resilience Partners Kenya',
    shortName: 'RPK',
    category: 'implementing_partner',
  });
  const krcs = registerServices.organisation.create(county, {
    cycleId: cycle.id,
    name: 'Kenya Red Cross Society',
    shortName: 'KRCS',
    category: 'civil_society',
  });
  const objective = registerServices.objective.create(county, {
    cycleId: cycle.id,
    code: 'O1',
    statement: 'Increase access to safe water',
    sector: 'water_wash',
  });
  const activity = (lead: string, code: string) =>
    registerServices.activity.create(county, {
      cycleId: cycle.id,
      objectiveId: objective.id,
      code,
      title: `Activity ${code}`,
      sector: 'water_wash',
      leadOrgId: lead,
      wardIds: ['ke-ward-0248'],
      startDate: '2026-08-01',
      endDate: '2027-03-31',
    });
  const rpkActivity = activity(rpk.id, 'A1');
  const krcsActivity = activity(krcs.id, 'A2');
  const line = (org: string, activityId: string, component: string) =>
    registerServices.contribution.create(county, { cycleId: cycle.id, activityId, component, contributorOrgId: org, amountMinor: 1_000_000_00 });
  const rpkLine = line(rpk.id, rpkActivity.id, 'Pumps');
  const krcsLine = line(krcs.id, krcsActivity.id, 'Water trucking');
  const indicator = (org: string, code: string) =>
    registerServices.indicator.create(county, {
      cycleId: cycle.id,
      code,
      name: `Indicator ${code}`,
      type: 'output',
      unit: 'boreholes',
      targetValue: 12,
      responsibleOrgId: org,
    });
  const rpkIndicator = indicator(rpk.id, 'I1');
  const krcsIndicator = indicator(krcs.id, 'I2');
  const toPartner = exportPartner(county, cycle.id, rpk.id);
  trust(partner, toPartner);
  if (!importInto(partner, toPartner).applied) throw new Error('The partner copy could not start from its part of the plan.');
  trust(county, exportPartner(partner, cycle.id, rpk.id));
  return {
    county,
    partner,
    cycleId: cycle.id,
    orgs: { secretariat: secretariat.id, rpk: rpk.id, krcs: krcs.id },
    rpkActivity,
    krcsActivity,
    rpkLine,
    krcsLine,
    rpkIndicator,
    krcsIndicator,
  };
}

/** A bundle changed after it was made and signed again with `signer`'s own key (a hostile but trusted sender). */
export function resign(bytes: Uint8Array, signer: AppContext, change: (json: Map<string, unknown>) => void): Uint8Array {
  return rebuild(
    bytes,
    inWriteTransaction(signer, (tx) => installationKey(tx)),
    (json) => change(json),
  );
}

/** The rows of one register in a bundle's JSON, to change by hand. */
export const rowsIn = (json: Map<string, unknown>, register: string) => json.get(`rows/${register}.json`) as Record<string, unknown>[];
