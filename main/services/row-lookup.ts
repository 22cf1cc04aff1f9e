import { rowStore, type Row } from '../db/row-store';
import { registerTables, type RegisterName } from '../db/tables';
import type { AppContext } from './context';

/**
 * How rules find other rows of a cycle. A single edit looks rows up one at a time; a bulk load
 * (thousands of rows in one transaction) reads each register once and indexes it in memory, so
 * checking a row costs the same whether the cycle holds ten activities or five thousand.
 */
export interface RowLookup {
  /** A row of the register's table, or one its create schema accepted (a partner bundle's, main/bundles/plan-checks.ts). */
  get(register: RegisterName, id: string): Row | undefined;
  /** Another row of the register whose fields equal `match` (text compared without case). */
  findMatching(register: RegisterName, match: Row, exceptId: string | null): string | undefined;
  /** Tells a batch lookup about a row just written, so later rows of the batch see it. */
  remember(register: RegisterName, row: { id: string }): void;
}

export function pointLookup(ctx: AppContext, cycleId: string): RowLookup {
  return {
    get: (register, id) => rowStore(ctx.db.$client, registerTables[register]).get(id),
    findMatching: (register, match, exceptId) => rowStore(ctx.db.$client, registerTables[register]).findMatching(cycleId, match, exceptId),
    remember: () => undefined,
  };
}

const normalise = (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : JSON.stringify(value));

export function batchLookup(ctx: AppContext, cycleId: string): RowLookup {
  /** Each register's rows by id, read once. */
  const rows = new Map<RegisterName, Map<string, Row & { id: string }>>();
  // register → match signature → its keys and the ids by composite value
  const indexes = new Map<RegisterName, Map<string, MatchIndex>>();

  const rowsOf = (register: RegisterName) => {
    let byId = rows.get(register);
    if (!byId) {
      byId = new Map(
        rowStore(ctx.db.$client, registerTables[register])
          .listByCycle(cycleId)
          .map((row): [string, Row & { id: string }] => [row.id, row]),
      );
      rows.set(register, byId);
    }
    return byId;
  };

  return {
    get: (register, id) => rowsOf(register).get(id),
    findMatching(register, match, exceptId) {
      const keys = Object.keys(match).sort();
      const signature = keys.join(',');
      let perRegister = indexes.get(register);
      if (!perRegister) indexes.set(register, (perRegister = new Map()));
      let index = perRegister.get(signature);
      if (!index) {
        index = { keys, ids: new Map() };
        for (const row of rowsOf(register).values()) addToIndex(index, row);
        perRegister.set(signature, index);
      }
      return index.ids.get(composite(keys, match))?.find((id) => id !== exceptId);
    },
    remember(register, row) {
      // A register not read yet will be read from the table, where the row already is: holding a
      // copy of every row a bulk load writes (36,000 in a large plan) would only feed the collector.
      const byId = rows.get(register);
      if (!byId) return;
      const copy: Row & { id: string } = Object.assign({}, row);
      byId.set(row.id, copy);
      for (const index of indexes.get(register)?.values() ?? []) addToIndex(index, copy);
    },
  };
}

interface MatchIndex {
  keys: string[];
  ids: Map<string, string[]>;
}

function composite(keys: readonly string[], row: Row): string {
  let value = '';
  for (const [position, key] of keys.entries()) value += (position === 0 ? '' : '\u0000') + normalise(row[key]);
  return value;
}

function addToIndex(index: MatchIndex, row: Row & { id: string }): void {
  const value = composite(index.keys, row);
  const ids = index.ids.get(value);
  if (ids) ids.push(row.id);
  else index.ids.set(value, [row.id]);
}
