import type { ReadDb } from './open-db';
import { listOf, rowOf, textOf } from './row-values';

export interface IntegrityReport {
  ok: boolean;
  problems: string[];
}

/** SQLite's full integrity check plus every foreign key, as `pamoja check` runs them. */
export function checkIntegrity(db: ReadDb): IntegrityReport {
  const problems: string[] = [];
  for (const row of listOf(db.$client.pragma('integrity_check')).map(rowOf)) {
    const finding = textOf(row, 'integrity_check');
    if (finding !== 'ok') problems.push(`integrity: ${finding}`);
  }
  for (const row of listOf(db.$client.pragma('foreign_key_check')).map(rowOf)) {
    problems.push(`foreign key: row ${String(row.rowid)} of ${String(row.table)} refers to a missing row of ${String(row.parent)}`);
  }
  return { ok: problems.length === 0, problems };
}
