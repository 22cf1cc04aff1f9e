import type { ReadDb } from '../../main/db/open-db';
import { measure, type Measured } from './measure';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * What the disk work of an import costs with no JavaScript at all: every row an import wrote
 * (registers, links, audit entries, exchange bookkeeping) copied by SQLite alone, INSERT … SELECT
 * from the imported file into an empty database of the same schema, in one transaction with the
 * foreign keys checked at commit as apply checks them. Tables the empty database already fills
 * (the admin units every copy is seeded with) are left out: the import did not write them.
 */
export function copyImportedRows(empty: ReadDb, importedFile: string): Measured & { value: { rows: number; tables: number } } {
  const client = empty.$client;
  const tables = client
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name")
    .pluck()
    .all()
    .filter((name): name is string => typeof name === 'string')
    .filter(
      (name) =>
        client
          .prepare(`SELECT count(*) FROM ${quote(name)}`)
          .pluck()
          .get() === 0,
    );
  client.prepare('ATTACH ? AS imported').run(importedFile);
  try {
    const copied = tables.filter(
      (name) =>
        Number(
          client
            .prepare(`SELECT count(*) FROM imported.${quote(name)}`)
            .pluck()
            .get(),
        ) > 0,
    );
    const rows = copied.reduce(
      (sum, name) =>
        sum +
        Number(
          client
            .prepare(`SELECT count(*) FROM imported.${quote(name)}`)
            .pluck()
            .get(),
        ),
      0,
    );
    const copy = measure(() =>
      client.transaction(() => {
        client.pragma('defer_foreign_keys = ON');
        for (const name of copied) client.exec(`INSERT INTO main.${quote(name)} SELECT * FROM imported.${quote(name)}`);
      })(),
    );
    return { ms: copy.ms, cpuMs: copy.cpuMs, value: { rows, tables: copied.length } };
  } finally {
    client.exec('DETACH imported');
  }
}
