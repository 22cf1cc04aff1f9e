import { parseHlc } from '../../shared/hlc';
import type { ReadDb } from './open-db';
import { listOf, rowOf, textOf } from './row-values';

export interface IntegrityReport {
  ok: boolean;
  problems: string[];
}

/** SQLite's full integrity check, every foreign key and the clock's reading, as `pamoja check` runs them. */
export function checkIntegrity(db: ReadDb): IntegrityReport {
  const problems: string[] = [];
  for (const row of listOf(db.$client.pragma('integrity_check')).map(rowOf)) {
    const finding = textOf(row, 'integrity_check');
    if (finding !== 'ok') problems.push(`integrity: ${finding}`);
  }
  for (const row of listOf(db.$client.pragma('foreign_key_check')).map(rowOf)) {
    problems.push(`foreign key: row ${String(row.rowid)} of ${String(row.table)} refers to a missing row of ${String(row.parent)}`);
  }
  // A database too old to have the table has no clock to read.
  const hasInstallation = db.$client.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'installation'").get() !== undefined;
  const clocks = hasInstallation ? listOf(db.$client.prepare('SELECT last_hlc FROM installation WHERE last_hlc IS NOT NULL').pluck().all()) : [];
  for (const clock of clocks)
    if (typeof clock !== 'string' || parseHlc(clock) === null) problems.push(`clock: the reading ${JSON.stringify(String(clock).slice(0, 80))} cannot be read`);
  return { ok: problems.length === 0, problems };
}
