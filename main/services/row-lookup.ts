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
  // register → match signature → composite value → ids
  const indexes = new Map<RegisterName, Map<string, Map<string, string[]>>>();

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
  const composite = (keys: string[], row: Row) => keys.map((key) => normalise(row[key])).join('\u0000');
  const addToIndexes = (register: RegisterName, row: Row & { id: string }) => {
    for (const [signature, index] of indexes.get(register) ?? []) {
      const value = composite(signature.split(','), row);
      index.set(value, [...(index.get(value) ?? []), row.id]);
    }
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
        index = new Map();
        for (const row of rowsOf(register).values()) {
          const value = composite(keys, row);
          index.set(value, [...(index.get(value) ?? []), row.id]);
        }
        perRegister.set(signature, index);
      }
      return index.get(composite(keys, match))?.find((id) => id !== exceptId);
    },
    remember(register, row) {
      const copy: Row & { id: string } = { ...row };
      rowsOf(register).set(row.id, copy);
      addToIndexes(register, copy);
    },
  };
}
