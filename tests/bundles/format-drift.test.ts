import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { exchangeTables } from '../../main/bundles/exchange-tables';
import { loadSchematicDemo } from '../../main/geo/demo-layer';
import { installationKey } from '../../main/bundles/keys';
import { FORMAT_VERSION } from '../../main/bundles/limits';
import { readZip } from '../../main/bundles/zip';
import { createAdminUnit, listAdminUnits } from '../../main/services/admin-units';
import { inWriteTransaction } from '../../main/services/context';
import { registerServices as s } from '../../main/services/index';
import { loadSampleCycle } from '../../main/services/sample';
import { rebuild } from '../../scripts/make-bad-bundles';
import { exportFull, peer, preview, trust, type Peer } from './support';

/**
 * What a bundle exchanges is a file format: a copy of Pamoja JWP reads only the fields of the
 * format versions it knows. This test keeps, per format version, the fields every entry carries
 * (tests/bundles/exchanged-fields.json). A field added to (or dropped from) an exchanged table
 * without a new FORMAT_VERSION fails here, so an older copy says "made by a newer version of
 * Pamoja JWP" instead of refusing a row for an "unknown field".
 */

const RECORD = path.join(import.meta.dirname, 'exchanged-fields.json');
const recordSchema = z.record(z.string().regex(/^\d+$/), z.record(z.string(), z.array(z.string())));
const recorded = recordSchema.parse(JSON.parse(fs.readFileSync(RECORD, 'utf8')));

const decode = (data: Uint8Array) => new TextDecoder().decode(data);
const entryKeys = (value: unknown): string[] => {
  const objects = Array.isArray(value) ? value : [value];
  return [...new Set(objects.flatMap((object) => (typeof object === 'object' && object !== null ? Object.keys(object) : [])))].sort();
};

/** Every entry of a bundle by name (rows/<register>.json as <register>), with the keys its objects carry. */
function keysInBundle(bytes: Uint8Array): Record<string, string[]> {
  const keys: Record<string, string[]> = {};
  for (const [name, data] of readZip(bytes)) {
    if (name === 'signature.json') continue;
    keys[name.replace(/^rows\//, '').replace(/\.json$/, '')] = entryKeys(JSON.parse(decode(data)));
  }
  return keys;
}

/** The fields each exchanged table's rows carry, as the export writes them (its columns, link lists and baseHlc). */
function declaredRowFields(): Record<string, string[]> {
  return Object.fromEntries(
    exchangeTables.map((t) => [t.register, [...t.columns.map(([key]) => key), ...t.links.map((link) => link.field), 'baseHlc'].sort()]),
  );
}

let sender: Peer;
let receiver: Peer;
let bundle: Uint8Array;
let cycleId: string;

beforeAll(() => {
  sender = peer('county', '0000000a');
  receiver = peer('partner', '0000000b');
  cycleId = loadSampleCycle(sender).id;
  // An added ward, a deletion and ward boundaries, so every entry a bundle can hold is in the file.
  const subCounty = listAdminUnits(sender, { level: 'sub_county', withinId: 'ke-county-011' })[0];
  if (!subCounty) throw new Error('Isiolo has no sub-county in the seeded list.');
  createAdminUnit(sender, { level: 'ward', name: 'Kulamawe', parentId: subCounty.id, code: '' });
  const [learning] = s.learningEntry.list(sender, { cycleId });
  if (learning) s.learningEntry.remove(sender, { id: learning.id });
  loadSchematicDemo(sender, cycleId);
  bundle = exportFull(sender, cycleId);
  trust(receiver, bundle);
});
afterAll(() => {
  sender.close();
  receiver.close();
});

describe('the bundle format', () => {
  it('exchanges exactly the fields recorded for its FORMAT_VERSION: a new exchanged column needs a new version', () => {
    const inFile = keysInBundle(bundle);
    const declared = declaredRowFields();
    // The export writes what the tables declare (a register with no rows in the sample is declared only).
    for (const [entry, keys] of Object.entries(inFile)) if (entry in declared) expect(keys, entry).toEqual(declared[entry]);
    const current = { ...inFile, ...declared };
    const versions = Object.keys(recorded).map(Number);
    expect(Math.max(...versions), `tests/bundles/exchanged-fields.json records no format newer than FORMAT_VERSION ${FORMAT_VERSION}`).toBe(FORMAT_VERSION);
    const known = recorded[String(FORMAT_VERSION)] ?? {};
    const changes = [...new Set([...Object.keys(known), ...Object.keys(current)])].sort().flatMap((entry) => {
      const was = new Set(known[entry] ?? []);
      const now = new Set(current[entry] ?? []);
      const added = [...now].filter((key) => !was.has(key)).map((key) => `+${key}`);
      const dropped = [...was].filter((key) => !now.has(key)).map((key) => `-${key}`);
      return added.length + dropped.length > 0 ? [`${entry}: ${[...added, ...dropped].join(' ')}`] : [];
    });
    expect(
      changes,
      `What a bundle exchanges changed. Raise FORMAT_VERSION in main/bundles/limits.ts, say what changed in docs/bundle-format.md, ` +
        `and record the new fields under the new version in tests/bundles/exchanged-fields.json (older versions stay as they are)`,
    ).toEqual([]);
  });

  it('a copy receiving a bundle of a newer format says so, not "unknown field"', () => {
    const key = inWriteTransaction(sender, (tx) => installationKey(tx));
    const withNewField = (bumped: boolean) =>
      rebuild(bundle, key, (json, manifest) => {
        const organisations: unknown = json.get('rows/organisation.json');
        if (!Array.isArray(organisations)) throw new Error('The sample bundle has no organisations.');
        for (const row of organisations) Object.assign(row, { websiteUrl: 'https://example.org' });
        if (bumped) manifest.formatVersion = FORMAT_VERSION + 1;
      });
    // What a newer copy sends: a field this copy does not know, in a format it does not know.
    const newer = preview(receiver, withNewField(true));
    expect(newer.status).toBe('refused');
    expect(newer.message).toMatch(/made by a newer version of Pamoja JWP .*Update Pamoja JWP/);
    // Why the version must move with the fields: without it, the same file reads as a damaged one.
    const unbumped = preview(receiver, withNewField(false));
    expect(unbumped.status).toBe('refused');
    expect(unbumped.problems.join('\n')).toMatch(/unknown field "websiteUrl"/);
  });
});
