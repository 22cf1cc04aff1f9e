import type { ReadDb } from './open-db';

export interface IntegrityReport {
  ok: boolean;
  problems: string[];
}

/** SQLite's full integrity check plus every foreign key, as `pamoja check` runs them. */
export function checkIntegrity(db: ReadDb): IntegrityReport {
  const problems: string[] = [];
  const integrity = db.$client.pragma('integrity_check') as { integrity_check: string }[];
  for (const row of integrity) if (row.integrity_check !== 'ok') problems.push(`integrity: ${row.integrity_check}`);
  const foreignKeys = db.$client.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  for (const row of foreignKeys) problems.push(`foreign key: row ${row.rowid} of ${row.table} refers to a missing row of ${row.parent}`);
  return { ok: problems.length === 0, problems };
}
