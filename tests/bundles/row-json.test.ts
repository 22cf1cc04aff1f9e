import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baseKey, readBases, readRegisterRows } from '../../main/bundles/cycle-rows';
import { exchangeTable, exchangeTables, type ExchangeTable } from '../../main/bundles/exchange-tables';
import { jsonListBytes } from '../../main/bundles/json-bytes';
import { rowShape, rowsJsonQuery, rowsJsonReader } from '../../main/bundles/row-json';
import { textOf } from '../../main/db/row-values';
import { testApp } from '../support/test-app';

/**
 * A full bundle's registers are written as JSON by SQLite (main/bundles/row-json.ts); the bytes
 * must be those the JavaScript road writes for the same rows, whatever text a row holds. Rows go
 * straight into the tables (foreign keys off), every column of every table given awkward values of
 * its own type from the schema, so a column added later is checked without anyone adding it here.
 */

const CYCLE = 'cycle-1';
const OTHER_CYCLE = 'cycle-2';
const controls = Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(code)).join('') + '\u007f';
const TEXTS = [
  controls,
  '\b\f\n\r\t',
  `"quoted" \\back\\slash/ 'single'`,
  'Mradi 🌍 𝄞 中文 Łódź',
  '\u2028line\u2029paragraph',
  '',
  `${'x'.repeat(20_000)}é`,
  '\u0000',
  // Stored as the surrogate's three bytes, which are not UTF-8: read back as U+FFFD.
  '\ud800 lone surrogate',
  '</script>',
  'true',
  'null',
  '{"a":1}',
];
const INTEGERS = [0, -1, 1_234_567, Number.MAX_SAFE_INTEGER, -(2 ** 31)];
const ROWS = 24;

let ctx: ReturnType<typeof testApp>;
beforeEach(() => {
  ctx = testApp();
  ctx.db.$client.pragma('foreign_keys = OFF');
});
afterEach(() => ctx.close());

/** Awkward rows of one table in CYCLE (and one in another cycle), some with bases and link lists. */
function seed(t: ExchangeTable): void {
  const client = ctx.db.$client;
  const columns = t.columns.map(([, column]) => column);
  const insert = client.prepare(
    `INSERT OR IGNORE INTO "${t.tableName}" (${columns.map((column) => `"${column.name}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  const base = client.prepare('INSERT INTO bundle_row_bases (table_name, row_id, cycle_id, base_hlc, base_peer_id) VALUES (?, ?, ?, ?, NULL)');
  let next = 0;
  for (let r = 0; r < ROWS; r++) {
    const id = `row-${r}`;
    const values = columns.map((column) => {
      if (column.name === 'id') return id;
      if (column.name === 'cycle_id') return r === 1 ? OTHER_CYCLE : CYCLE;
      if (r % 4 === 0 && !column.notNull) return null;
      if (column.columnType === 'SQLiteBoolean') return r % 2;
      if (column.columnType === 'SQLiteInteger') return INTEGERS[r % INTEGERS.length];
      if (column.columnType === 'SQLiteReal') return 0.1 + 0.2;
      return TEXTS[next++ % TEXTS.length];
    });
    insert.run(values);
    // A base of this cycle, and one recorded under another cycle, which the row does not take.
    if (r % 3 === 0) base.run(t.tableName, id, CYCLE, TEXTS[r % TEXTS.length]);
    if (r % 3 === 1) base.run(t.tableName, id, OTHER_CYCLE, 'not this cycle');
    for (const link of t.links) {
      const add = client.prepare(`INSERT INTO "${link.table}" ("${link.parentColumn}", "${link.valueColumn}") VALUES (?, ?)`);
      // Written out of alphabetical order: the list keeps the order the links were written in.
      for (let j = r % 3; j > 0; j--) add.run(id, TEXTS[(r + j) % TEXTS.length]);
    }
  }
}

/** The JSON the JavaScript road writes (a partner bundle's rows, or a register SQLite cannot write). */
function writtenInJs(t: ExchangeTable): Buffer {
  const client = ctx.db.$client;
  const bases = readBases(client, CYCLE);
  const shape = rowShape(t);
  return jsonListBytes(readRegisterRows(client, t, CYCLE), (row) => shape(row, bases.get(baseKey(t.tableName, textOf(row, 'id')))?.hlc ?? null));
}

const inSql = exchangeTables.filter((t) => rowsJsonQuery(t) !== null);

describe('the rows SQLite writes as JSON for a full bundle', () => {
  it.each(inSql.map((t) => [t.register, t] as const))('%s: the same bytes as the JavaScript road, for awkward text, nulls and booleans', (_, t) => {
    seed(t);
    const reader = rowsJsonReader(ctx.db.$client, t);
    if (!reader) throw new Error(`${t.register} is not written by SQLite.`);
    const { count, json } = reader(CYCLE);
    const expected = writtenInJs(t);
    expect(count).toBeGreaterThan(0);
    expect(count).toBe(readRegisterRows(ctx.db.$client, t, CYCLE).length);
    expect(Buffer.from(json).toString('utf8')).toBe(expected.toString('utf8'));
    expect(Buffer.compare(json, expected)).toBe(0);
  });

  it('an empty register is an empty list', () => {
    const reader = rowsJsonReader(ctx.db.$client, exchangeTable.contribution);
    expect(reader?.(CYCLE)).toEqual({ count: 0, json: Buffer.from('[]') });
  });

  it('covers the large registers, and leaves the tables with REAL columns to JavaScript', () => {
    const registers = inSql.map((t) => t.register);
    expect(registers).toEqual(expect.arrayContaining(['contribution', 'activity', 'disbursement', 'organisation', 'contact']));
    // SQLite prints a REAL its own way: 100 as 100.0, a third with 17 digits.
    expect(ctx.db.$client.prepare('SELECT json_array(100.0, 1.0 / 3)').pluck().get()).toBe('[100.0,0.33333333333333332]');
    expect(JSON.stringify([100, 1 / 3])).toBe('[100,0.3333333333333333]');
    expect(exchangeTables.filter((t) => !registers.includes(t.register)).map((t) => t.register)).toEqual(['indicator', 'indicatorPeriod']);
  });
});
