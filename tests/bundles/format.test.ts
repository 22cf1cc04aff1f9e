import { describe, expect, it } from 'vitest';
import { exchangeTables } from '../../main/bundles/exchange-tables';
import { ROW_META_KEYS } from '../../main/bundles/format';
import { readZip, writeZip } from '../../main/bundles/zip';
import { registerLinks } from '../../main/db/tables';

describe('what a bundle carries', () => {
  it('every column of every register is either a sync column or a field of its create schema', () => {
    for (const t of exchangeTables) {
      const shape = Object.keys(t.rules.createInput.shape).sort();
      expect(t.fieldKeys.slice().sort(), t.register).toEqual(shape);
      for (const [key] of t.columns) expect(ROW_META_KEYS.has(key) || shape.includes(key) || key === 'cycleId', `${t.register}.${key}`).toBe(true);
    }
  });

  it('references are derived from the schema, link lists included', () => {
    const activity = exchangeTables.find((t) => t.register === 'activity');
    expect(activity?.references.map((r) => `${r.field}->${r.target}${r.list ? '[]' : ''}`).sort()).toEqual([
      'leadOrgId->organisation',
      'objectiveId->objective',
      'supportingOrgIds->organisation[]',
      'wardIds->adminUnit[]',
    ]);
    expect(Object.keys(registerLinks)).toEqual(['activity', 'milestone']);
  });
});

describe('the zip container', () => {
  it('reads back exactly what it wrote, byte for byte the same every time', () => {
    const entries = new Map([
      ['manifest.json', new TextEncoder().encode('{"a":1}')],
      ['rows/activity.json', new TextEncoder().encode(JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ i, title: `Activity ${i}` }))))],
    ]);
    const zip = writeZip(entries);
    expect(Buffer.compare(Buffer.from(writeZip(entries)), Buffer.from(zip))).toBe(0);
    const back = readZip(zip);
    expect([...back.keys()]).toEqual([...entries.keys()]);
    for (const [name, data] of entries) expect(Buffer.compare(Buffer.from(back.get(name) as Uint8Array), Buffer.from(data))).toBe(0);
  });
});
