import { createHash } from 'node:crypto';
import type { ImportPreviewDto } from '../../../shared/api/methods/xlsx';
import { audited } from '../../services/audited-write';
import type { AppContext } from '../../services/context';
import { importSheet, type Outcome, type SheetScope } from './import-sheet';
import type { TemplateRead } from './read-template';

class Rollback extends Error {}

export interface RunOptions extends SheetScope {
  fileName: string;
  /** Given the finished plan, whether to keep what was written. A preview never does. */
  commit(preview: ImportPreviewDto): boolean;
}

/**
 * Runs every row of a returned template through the register services, inside one transaction:
 * the same validation and rules as the API, the audit log, and each row in its own savepoint so a
 * bad row fails alone. The plan is then kept (apply) or rolled back (preview, or errors the user
 * did not accept), so a preview shows exactly what an apply would write.
 */
export function runImport(ctx: AppContext, read: TemplateRead, options: RunOptions): { preview: ImportPreviewDto; committed: boolean } {
  let preview: ImportPreviewDto | undefined;
  let committed = false;
  try {
    // One change: every row's audit entries carry its number, so the import is undone whole.
    audited(ctx, { cycleId: options.cycle.id }, (tx) => {
      const outcome: Outcome = { adds: [], changes: [], errors: [...read.problems], sheets: [], unchanged: 0 };
      for (const sheet of read.sheets) importSheet(tx, read, sheet, options, outcome);
      preview = finish(outcome, options);
      if (!options.commit(preview)) throw new Rollback();
      committed = true;
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  if (!preview) throw new Error('The import produced no plan.');
  return { preview, committed };
}

function finish(outcome: Outcome, options: RunOptions): ImportPreviewDto {
  // In the file's order: by sheet, then row (a sheet-wide problem first); a row's own errors keep theirs.
  const sheetOrder = new Map(outcome.sheets.map((sheet, index) => [sheet.sheet, index]));
  const inFileOrder = <T extends { sheet: string; row: number | null }>(list: T[]) =>
    [...list].sort((a, b) => (sheetOrder.get(a.sheet) ?? -1) - (sheetOrder.get(b.sheet) ?? -1) || (a.row ?? 0) - (b.row ?? 0));
  const plan = { adds: inFileOrder(outcome.adds), changes: inFileOrder(outcome.changes), errors: inFileOrder(outcome.errors) };
  // Hashed entry by entry: the plan of a 150,000-row file never becomes one string.
  const hash = createHash('sha256');
  const feed = (entry: unknown[]) => hash.update(`${JSON.stringify(entry)}\n`);
  hash.update('adds\n');
  for (const a of plan.adds) feed([a.sheet, a.row, a.fields]);
  hash.update('changes\n');
  for (const c of plan.changes) feed([c.sheet, c.row, c.id, c.fields]);
  hash.update('errors\n');
  for (const e of plan.errors) feed([e.sheet, e.row, e.column, e.message]);
  const digest = hash.digest('hex').slice(0, 32);
  return {
    fileName: options.fileName,
    cycleId: options.cycle.id,
    cycleTitle: options.cycle.title,
    organisationId: options.organisation.id,
    organisationName: options.organisation.name,
    sheets: outcome.sheets,
    ...plan,
    unchanged: outcome.unchanged,
    digest,
  };
}
