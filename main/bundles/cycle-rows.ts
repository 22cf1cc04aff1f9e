import type Database from 'better-sqlite3';
import { getTableColumns } from 'drizzle-orm';
import { cycleRowReader, linkStore, type CycleRowReader, type Row } from '../db/row-store';
import { expectText, listOf, rowOf, rowOrNone, textOf, textOrNullOf } from '../db/row-values';
import { cycles } from '../db/schema';
import { exchangeTables, registerOfTableName, type ExchangeTable, type ExchangeName } from './exchange-tables';

/**
 * Reads a cycle as bundles see it: every row with its clock columns and link lists, the
 * tombstones, and the revision each row last took from a bundle. The row stores leave the clock
 * columns out on purpose (screens never need them); sync does, so it has its own queries.
 */

export interface LocalTombstone {
  rowId: string;
  ownerOrgId: string | null;
  deletedAt: string;
  hlc: string;
  origin: string;
}

export type RowsByRegister = Map<ExchangeName, Map<string, Row>>;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Every row of one register in a cycle, keyed by the schema's property names, with its links. */
export function readRegisterRows(client: Database.Database, t: ExchangeTable, cycleId: string): Row[] {
  const links = t.links.map((link) => ({ field: link.field, byParent: linkStore(client, link).byCycle(t.tableName, cycleId) }));
  return readerOf(client, t)(cycleId, links);
}

/** Every column, the clock ones too: sync needs them (the row stores leave them out). */
const readers = new WeakMap<Database.Database, Map<ExchangeTable, CycleRowReader>>();
function readerOf(client: Database.Database, t: ExchangeTable): CycleRowReader {
  let perClient = readers.get(client);
  if (!perClient) readers.set(client, (perClient = new Map()));
  let reader = perClient.get(t);
  if (!reader) perClient.set(t, (reader = cycleRowReader(client, t.tableName, t.columns)));
  return reader;
}

/** Every row of the cycle's registers (of `tables`, all by default). */
export function readAllRows(client: Database.Database, cycleId: string, tables: readonly ExchangeTable[] = exchangeTables): RowsByRegister {
  return new Map(tables.map((t) => [t.register, new Map(readRegisterRows(client, t, cycleId).map((row) => [textOf(row, 'id'), row]))]));
}

export function readTombstones(client: Database.Database, cycleId: string): Map<ExchangeName, Map<string, LocalTombstone>> {
  const byRegister = new Map<ExchangeName, Map<string, LocalTombstone>>(exchangeTables.map((t) => [t.register, new Map()]));
  const rows = client
    .prepare(
      'SELECT table_name AS tableName, row_id AS rowId, owner_org_id AS ownerOrgId, deleted_at AS deletedAt, hlc, origin FROM tombstones WHERE cycle_id = ? ORDER BY rowid',
    )
    .all(cycleId)
    .map(rowOf);
  for (const row of rows) {
    const register = registerOfTableName(textOf(row, 'tableName'));
    const tombstone: LocalTombstone = {
      rowId: textOf(row, 'rowId'),
      ownerOrgId: textOrNullOf(row, 'ownerOrgId'),
      deletedAt: textOf(row, 'deletedAt'),
      hlc: textOf(row, 'hlc'),
      origin: textOf(row, 'origin'),
    };
    if (register) byRegister.get(register)?.set(tombstone.rowId, tombstone);
  }
  return byRegister;
}

export const baseKey = (tableName: string, rowId: string) => `${tableName}\u0000${rowId}`;

export interface RowBase {
  hlc: string;
  /** The installation whose bundle brought it; null when not recorded. */
  peerId: string | null;
}

/** The revision each row last took from a bundle, keyed by `baseKey`. */
export function readBases(client: Database.Database, cycleId: string): Map<string, RowBase> {
  const rows = client.prepare('SELECT table_name, row_id, base_hlc, base_peer_id FROM bundle_row_bases WHERE cycle_id = ?').raw().all(cycleId);
  const out = new Map<string, RowBase>();
  for (const raw of rows) {
    const [t, r, hlc, peerId] = listOf(raw);
    out.set(baseKey(expectText(t, 'table_name'), expectText(r, 'row_id')), {
      hlc: expectText(hlc, 'base_hlc'),
      peerId: peerId === null ? null : expectText(peerId, 'base_peer_id'),
    });
  }
  return out;
}

/**
 * The last revision of each row a peer has shown us, keyed by `baseKey`: its own entries, and the
 * bases its bundles brought (schema-bundles.ts), whichever is later.
 */
export function readPeerRows(client: Database.Database, cycleId: string, peerId: string): Map<string, string> {
  const rows = client
    .prepare(
      'SELECT table_name, row_id, hlc FROM bundle_peer_rows WHERE cycle_id = ? AND peer_id = ? ' +
        'UNION ALL SELECT table_name, row_id, base_hlc FROM bundle_row_bases WHERE cycle_id = ? AND base_peer_id = ?',
    )
    .raw()
    .all(cycleId, peerId, cycleId, peerId);
  const out = new Map<string, string>();
  for (const raw of rows) {
    const [t, r, revision] = listOf(raw);
    const key = baseKey(expectText(t, 'table_name'), expectText(r, 'row_id'));
    const hlc = expectText(revision, 'hlc');
    const known = out.get(key);
    if (known === undefined || hlc > known) out.set(key, hlc);
  }
  return out;
}

const cycleColumns = Object.entries(getTableColumns(cycles));

/** The cycle row with its clock columns and geographical scope. */
export function readCycleRow(client: Database.Database, cycleId: string): Row | undefined {
  const statement = client.prepare(`SELECT ${cycleColumns.map(([key, col]) => `${quote(col.name)} AS ${quote(key)}`).join(', ')} FROM "cycles" WHERE "id" = ?`);
  const row = rowOrNone(statement.get(cycleId));
  if (!row) return undefined;
  row.scopeUnitIds = client
    .prepare('SELECT unit_id FROM cycle_scope_units WHERE cycle_id = ? ORDER BY rowid')
    .pluck()
    .all(cycleId)
    .map((id) => expectText(id, 'unit_id'));
  return row;
}
