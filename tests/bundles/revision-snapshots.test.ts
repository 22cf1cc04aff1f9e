import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { exchangeTables } from '../../main/bundles/exchange-tables';
import { readBundle } from '../../main/bundles/read';
import { revisionReader } from '../../main/bundles/row-revisions';
import { registerServices as s } from '../../main/services/index';
import type { AppContext } from '../../main/services/context';
import { exportFull, exportPartner, importInto, preview, smallWorld } from './support';

/**
 * Issue 18 item 4: the revisions a copy sends and receives are kept as packed snapshots, one per
 * table per exchange, instead of one row each; revisions kept one row each before (migration 0015)
 * still serve as the content both sides last had in common.
 */

let world: ReturnType<typeof smallWorld>;
afterEach(() => {
  world.county.close();
  world.partner.close();
});

interface SnapshotRow {
  id: number;
  cycle_id: string;
  table_name: string;
  source: string;
  content: Buffer;
}

const snapshotsOf = (ctx: AppContext) =>
  ctx.db.$client.prepare('SELECT id, cycle_id, table_name, source, content FROM bundle_revision_snapshots ORDER BY id').all() as SnapshotRow[];

/** Turns every snapshot into the one-row-per-revision form copies kept before migration 0015. */
function toRowsKeptBefore0015(ctx: AppContext): number {
  const insert = ctx.db.$client.prepare(
    'INSERT INTO bundle_row_revisions (table_name, row_id, hlc, cycle_id, content) VALUES (?, ?, ?, ?, ?) ON CONFLICT (table_name, row_id, hlc) DO NOTHING',
  );
  let kept = 0;
  for (const snapshot of snapshotsOf(ctx)) {
    for (const row of JSON.parse(inflateRawSync(snapshot.content).toString('utf8')) as Record<string, string>[]) {
      kept += insert.run(snapshot.table_name, row.id, row.hlc, snapshot.cycle_id, JSON.stringify(row)).changes;
    }
  }
  ctx.db.$client.prepare('DELETE FROM bundle_revision_snapshots').run();
  return kept;
}

const activityAt = (ctx: AppContext) => s.activity.get(ctx, { id: world.rpkActivity.id });

describe('revisions kept as packed snapshots', () => {
  it('a copy keeps what it sends and what it takes in as one snapshot per table, not one row per revision', () => {
    world = smallWorld();
    const { county, partner } = world;
    for (const ctx of [county, partner]) {
      expect(ctx.db.$client.prepare('SELECT count(*) FROM bundle_row_revisions').pluck().get()).toBe(0);
    }
    const sent = snapshotsOf(county).filter((row) => row.source === 'sent');
    const received = snapshotsOf(partner).filter((row) => row.source === 'received');
    expect(sent.map((row) => row.table_name)).toEqual(expect.arrayContaining(['organisations', 'objectives', 'activities', 'contributions', 'indicators']));
    expect(new Set(sent.map((row) => row.table_name)).size).toBe(sent.length);
    expect(received.map((row) => row.table_name).sort()).toEqual(sent.map((row) => row.table_name).sort());
    const activities = JSON.parse(inflateRawSync(received.find((row) => row.table_name === 'activities')?.content ?? Buffer.alloc(0)).toString('utf8'));
    expect(activities).toEqual([expect.objectContaining({ id: world.rpkActivity.id, title: 'Activity A1', hlc: expect.any(String) })]);
  });

  it('a row taken whole is kept with the id, stamp and fields the bundle gave it', () => {
    world = smallWorld();
    const { county, partner, cycleId } = world;
    // The county's rows have not changed since the partner took them: a new bundle carries the same revisions.
    const sent = readBundle(exportPartner(county, cycleId, world.orgs.rpk));
    let compared = 0;
    for (const snapshot of snapshotsOf(partner).filter((row) => row.source === 'received')) {
      const t = exchangeTables.find((table) => table.tableName === snapshot.table_name);
      const bundleRows = new Map((sent.rows.get(t?.register ?? 'activity') ?? []).map((row) => [row.id, row]));
      for (const kept of JSON.parse(inflateRawSync(snapshot.content).toString('utf8')) as Record<string, unknown>[]) {
        const given = bundleRows.get(kept.id);
        expect(given, `${snapshot.table_name} ${String(kept.id)}`).toBeDefined();
        expect(kept.hlc).toBe(given?.hlc);
        for (const key of t?.fieldKeys ?? []) expect([key, kept[key]]).toEqual([key, given?.[key]]);
        compared++;
      }
    }
    expect(compared).toBe([...sent.rows.values()].reduce((sum, rows) => sum + rows.length, 0));
  });

  it('the same rows sent again are kept once; a register that changed is kept again, alone', () => {
    world = smallWorld();
    const { county, cycleId, rpkActivity } = world;
    exportFull(county, cycleId);
    const first = snapshotsOf(county).length;
    exportFull(county, cycleId);
    expect(snapshotsOf(county).length).toBe(first);
    s.activity.update(county, { id: rpkActivity.id, changes: { title: 'Pumps for Cherab' } });
    exportFull(county, cycleId);
    const added = snapshotsOf(county).slice(first);
    expect(added.map((row) => [row.table_name, row.source])).toEqual([['activities', 'sent']]);
  });

  it('revisions kept one row each before migration 0015 still let the county and the partner merge field by field', () => {
    world = smallWorld({ partnerStart: '2026-11-25T09:00:00.000Z' });
    const { county, partner, cycleId, rpkActivity } = world;
    expect(toRowsKeptBefore0015(county)).toBeGreaterThan(0);
    expect(toRowsKeptBefore0015(partner)).toBeGreaterThan(0);
    s.activity.update(county, { id: rpkActivity.id, changes: { description: 'Boreholes in Cherab ward' } });
    s.activity.update(partner, { id: rpkActivity.id, changes: { title: 'Drill two solar boreholes' } });

    // The county finds what it sent in its old rows: only the partner's title is new to it.
    const fromPartner = exportPartner(partner, cycleId, world.orgs.rpk);
    const shown = preview(county, fromPartner);
    expect(shown.conflicts).toEqual([]);
    expect(shown.changes.find((c) => c.id === rpkActivity.id)?.fields.map((f) => [f.field, f.changedBy])).toEqual([['title', 'theirs']]);
    expect(importInto(county, fromPartner).applied).toBe(true);
    // The partner finds what it received in its old rows: only the county's description is new to it.
    const back = exportFull(county, cycleId);
    expect(preview(partner, back).conflicts).toEqual([]);
    expect(importInto(partner, back).applied).toBe(true);
    expect(activityAt(partner)).toMatchObject({ title: 'Drill two solar boreholes', description: 'Boreholes in Cherab ward' });
    expect(activityAt(county)).toMatchObject({ title: 'Drill two solar boreholes', description: 'Boreholes in Cherab ward' });
  });

  it('under one stamp, this copy’s own sent content counts first, then rows kept before 0015, then the first bundle that showed it', () => {
    world = smallWorld();
    const { county, cycleId } = world;
    const client = county.db.$client;
    const rowId = '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
    const hlc = '001796000000000:00000:elsewhere';
    const row = (title: string) => ({ id: rowId, hlc, title });
    const snapshot = (source: 'sent' | 'received', title: string) =>
      client
        .prepare(
          "INSERT INTO bundle_revision_snapshots (cycle_id, table_name, source, sha256, created_at, content) VALUES (?, 'activities', ?, ?, '2026-12-07T10:00:00.000Z', ?)",
        )
        .run(cycleId, source, title, deflateRawSync(Buffer.from(JSON.stringify([row(title)]))));
    const titleAt = () => revisionReader(client, cycleId)('activities', rowId, hlc)?.title ?? null;

    expect(titleAt()).toBe(null);
    snapshot('received', 'first shown');
    snapshot('received', 'shown later');
    expect(titleAt()).toBe('first shown');
    client
      .prepare('INSERT INTO bundle_row_revisions (table_name, row_id, hlc, cycle_id, content) VALUES (?, ?, ?, ?, ?)')
      .run('activities', rowId, hlc, cycleId, JSON.stringify(row('kept before 0015')));
    expect(titleAt()).toBe('kept before 0015');
    snapshot('sent', 'sent first');
    snapshot('sent', 'sent last');
    expect(titleAt()).toBe('sent last');
    // Another table's row under the same id and stamp is another revision.
    expect(revisionReader(client, cycleId)('indicators', rowId, hlc)).toBe(null);
  });
});
