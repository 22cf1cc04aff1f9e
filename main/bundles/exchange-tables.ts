import { getTableColumns, getTableName, is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import { formatMoney } from '../../shared/money';
import * as schema from '../db/schema';
import {
  cycleRecordNames,
  cycleRecordNouns,
  cycleRecordTables,
  registerLinks,
  registerNames,
  registerNouns,
  registerTables,
  type CycleRecordName,
  type LinkTable,
  type RegisterName,
} from '../db/tables';
import type { Row } from '../db/row-store';
import { registerServices } from '../services/index';
import type { Rules } from '../services/rules';
import { cycleRecordSpecs } from './cycle-records';

/**
 * What a bundle knows about each table it carries — the registers and the Secretariat's cycle
 * records — all derived from the drizzle schema, the register services and the record specs:
 * column names never come from a file, and a new foreign key or rule is picked up here without
 * anyone remembering to.
 */

export type ExchangeName = RegisterName | CycleRecordName;
export const exchangeNames: ExchangeName[] = [...registerNames, ...cycleRecordNames];

export type RefTarget = ExchangeName | 'adminUnit';

export interface Reference {
  /** The row's field (a column, or a link list such as `wardIds`). */
  field: string;
  target: RefTarget;
  list: boolean;
}

/** The checks every incoming row of a table passes, as its own service would check it. */
export interface ExchangeRules {
  createInput: z.ZodObject<z.ZodRawShape>;
  /** Rules exist for registers only (main/services/rules.ts); records are checked on their own. */
  owner(fields: Row, rules: Rules | undefined): string | null;
  check(fields: Row, rules: Rules | undefined): void;
  /**
   * Fields naming the same record in a cycle (cycle records only). Keyed records share their id
   * across copies (record-meta.ts `recordIdFor`); a second row under another id — an approved
   * version, or a record made before keyed ids — is refused.
   */
  naturalKey: string[] | null;
}

export interface ExchangeTable {
  register: ExchangeName;
  /** A cycle record (the Secretariat's alone) rather than a register. */
  isRecord: boolean;
  table: SQLiteTable;
  tableName: string;
  /** Schema property → column, every column of the table. */
  columns: [string, SQLiteColumn][];
  /** The row's own fields: every column but the sync ones, plus link lists. */
  fieldKeys: string[];
  links: LinkTable[];
  references: Reference[];
  rules: ExchangeRules;
  noun: { one: string; many: string };
}

/** Columns the register services set themselves (docs/sync-metadata.md). */
export const SYNC_KEYS = new Set(['id', 'ownerOrgId', 'createdAt', 'updatedAt', 'hlc', 'origin']);

const schemaTables: SQLiteTable[] = (Object.values(schema) as unknown[]).filter((value): value is SQLiteTable => is(value, SQLiteTable));
const tableOf = (name: ExchangeName): SQLiteTable =>
  name in registerTables ? registerTables[name as RegisterName] : cycleRecordTables[name as CycleRecordName];
const registerByTableName = new Map<string, ExchangeName>(exchangeNames.map((name) => [getTableName(tableOf(name)), name]));

function targetOf(tableName: string): RefTarget | undefined {
  if (tableName === 'admin_units') return 'adminUnit';
  return registerByTableName.get(tableName);
}

function foreignKeysOf(table: SQLiteTable): { column: string; target: RefTarget }[] {
  return getTableConfig(table).foreignKeys.flatMap((fk) => {
    const ref = fk.reference();
    const column = ref.columns[0]?.name;
    const target = targetOf(getTableName(ref.foreignTable));
    return column && target ? [{ column, target }] : [];
  });
}

function rulesOf(name: ExchangeName): ExchangeRules {
  if (name in registerTables) {
    const rules = registerServices[name as RegisterName].rowRules;
    return {
      createInput: rules.createInput,
      owner: (fields, r) => rules.owner(fields, r as Rules),
      check: (fields, r) => rules.check(fields, r as Rules),
      naturalKey: null,
    };
  }
  const spec = cycleRecordSpecs[name as CycleRecordName];
  return { createInput: spec.fields, owner: () => null, check: (fields) => spec.check?.(fields), naturalKey: spec.naturalKey };
}

function describe(register: ExchangeName): ExchangeTable {
  const table = tableOf(register);
  const isRecord = !(register in registerTables);
  const columns = Object.entries(getTableColumns(table)) as [string, SQLiteColumn][];
  const links = isRecord ? [] : [...(registerLinks[register as RegisterName] ?? [])];
  const keyOfColumn = new Map(columns.map(([key, col]) => [col.name, key]));
  const references: Reference[] = foreignKeysOf(table)
    .map(({ column, target }) => ({ field: keyOfColumn.get(column) ?? column, target, list: false }))
    // The owner is derived again on arrival; the cycle is the bundle's own.
    .filter((ref) => ref.field !== 'ownerOrgId');
  for (const link of links) {
    const linkTable = schemaTables.find((candidate) => getTableName(candidate) === link.table);
    const fk = linkTable ? foreignKeysOf(linkTable).find((candidate) => candidate.column === link.valueColumn) : undefined;
    if (!fk) throw new Error(`The link table ${link.table} has no foreign key on ${link.valueColumn}.`);
    references.push({ field: link.field, target: fk.target, list: true });
  }
  return {
    register,
    isRecord,
    table,
    tableName: getTableName(table),
    columns,
    fieldKeys: [...columns.map(([key]) => key).filter((key) => !SYNC_KEYS.has(key)), ...links.map((link) => link.field)],
    links,
    references,
    rules: rulesOf(register),
    noun: isRecord ? cycleRecordNouns[register as CycleRecordName] : registerNouns[register as RegisterName],
  };
}

export const exchangeTables: ExchangeTable[] = exchangeNames.map(describe);
export const exchangeTable = Object.fromEntries(exchangeTables.map((t) => [t.register, t])) as Record<ExchangeName, ExchangeTable>;
export const registerOfTableName = (tableName: string): ExchangeName | undefined => registerByTableName.get(tableName);

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const joined = (...parts: unknown[]) =>
  parts
    .map(text)
    .filter((part) => part !== '')
    .join(' ');
const short = (value: string) => (value.length > 80 ? `${value.slice(0, 77)}…` : value);

/** What a person recognises a row by, in previews and the history. */
export function rowLabel(register: ExchangeName, row: Row): string {
  const label = (() => {
    if (!(register in registerTables)) return cycleRecordSpecs[register as CycleRecordName].label(row);
    switch (register as RegisterName) {
      case 'organisation':
        return joined(row.name, row.shortName ? `(${text(row.shortName)})` : '');
      case 'contact':
      case 'signatory':
        return joined(row.name, row.title ? `— ${text(row.title)}` : '');
      case 'objective':
        return joined(row.code, row.statement);
      case 'activity':
        return joined(row.code, row.title);
      case 'contribution':
        return joined(
          row.component,
          // Labels are made for rows still being checked too: only a whole amount is shown as money.
          Number.isSafeInteger(row.amountMinor)
            ? `(${formatMoney({ amountMinor: row.amountMinor as number, currency: row.currency === 'USD' ? 'USD' : 'KES' })})`
            : '',
        );
      case 'disbursement':
        return joined(row.periodKey, row.date);
      case 'indicator':
        return joined(row.code, row.name);
      case 'indicatorPeriod':
        return joined('period', row.periodKey);
      case 'risk':
        return joined(row.code, row.description);
      case 'milestone':
        return joined(row.title, row.dueDate ? `(due ${text(row.dueDate)})` : '');
      case 'learningEntry':
        return joined(row.entryDate, row.session, row.whatWorked);
      case 'adaptiveTrigger':
        return text(row.trigger);
    }
  })();
  return short(label || String(row.id ?? ''));
}
