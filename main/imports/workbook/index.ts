import { createHash } from 'node:crypto';
import type { WorkbookPreviewDto } from '../../../shared/api/methods/workbook-import';
import type { BundleImportDto } from '../../../shared/api/schemas/bundles';
import type { CycleDto } from '../../../shared/api/schemas/cycle';
import { backupBeforeImport, importDto, maxAuditId } from '../../bundles/history';
import { PASTED_ROWS_MARK } from '../../../shared/api/methods/paste';
import { bundleImports } from '../../db/schema';
import { inWriteTransaction, type AppContext, type WriteContext } from '../../services/context';
import { listCycles } from '../../services/cycles';
import { openXlsx } from '../sheet-reader/xlsx-file';
import { fileProblem } from '../xlsx/open-workbook';
import { readGeneralInformation } from './general';
import { readWorkbook, type WorkbookRead } from './read-workbook';
import { runWorkbook, type RunResult } from './run';

export interface WorkbookFile {
  buffer: Buffer;
  fileName: string;
}

/** Which cycle the workbook goes into: a new one, the one named, or the one it was exported from. */
export interface WorkbookTarget {
  cycleId?: string;
  createNew?: boolean;
}

class Rollback extends Error {}

/** Opens and reads the file, without looking at the database. */
export function readWorkbookFile(file: WorkbookFile): WorkbookRead {
  return readWorkbook(openXlsx(file.buffer, file.fileName, 'cycle workbook'), file.fileName);
}

function prepare(ctx: AppContext, file: WorkbookFile, target: WorkbookTarget): { read: WorkbookRead; cycle: CycleDto | null } {
  const read = readWorkbookFile(file);
  if (target.createNew) return { read, cycle: null };
  const cycles = listCycles(ctx);
  const wanted = target.cycleId ?? read.cycleId;
  const cycle = cycles.find((c) => c.id === wanted);
  if (cycle) return { read, cycle };
  if (target.cycleId) throw fileProblem(`There is no cycle with the id ${target.cycleId} in this database.`);
  throw fileProblem(
    read.cycleId
      ? `"${file.fileName}" was exported from a cycle that is not in this database. Start a new cycle from it, or say which cycle it should update.`
      : `"${file.fileName}" belongs to no cycle yet. Start a new cycle from it, or say which cycle it should update.`,
  );
}

/**
 * What an import brings in: a cycle workbook file, or rows pasted into a screen (../paste), read
 * as sheets of that workbook. Both go through the same engine, preview and import history.
 */
export interface ImportSource {
  read: WorkbookRead;
  /** The cycle written; null when the workbook creates one. */
  cycle: CycleDto | null;
  /** The bytes read (kept for the history's digest) and the name the preview shows. */
  file: WorkbookFile;
  /** The General information sheet is read (a whole workbook); false for pasted rows. */
  withGeneral: boolean;
  /** How the import history names where the rows came from, e.g. "Workbook plan.xlsx". */
  origin: string;
}

/**
 * Runs the import in one transaction and keeps it only when `keep` says so: a preview never does,
 * so it shows exactly what an apply would write.
 */
function run(ctx: AppContext, source: ImportSource, keep: (result: RunResult) => boolean, record?: (tx: WriteContext, result: RunResult) => void) {
  let result: RunResult | undefined;
  let kept = false;
  try {
    inWriteTransaction(ctx, (tx) => {
      const general = source.withGeneral ? readGeneralInformation(tx, source.read) : null;
      result = runWorkbook(tx, source.read, general, { fileName: source.file.fileName, cycle: source.cycle });
      if (!keep(result)) throw new Rollback();
      record?.(tx, result);
      kept = true;
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  if (!result) throw new Error('The workbook import produced no plan.');
  return { result, kept };
}

const workbookSource = (read: WorkbookRead, cycle: CycleDto | null, file: WorkbookFile): ImportSource => ({
  read,
  cycle,
  file,
  withGeneral: true,
  origin: `Workbook ${file.fileName}`,
});

/** What importing the workbook would add, change and remove, sheet by sheet, and every problem. Writes nothing. */
export async function previewWorkbook(ctx: AppContext, file: WorkbookFile, target: WorkbookTarget): Promise<WorkbookPreviewDto> {
  const { read, cycle } = prepare(ctx, file, target);
  return previewSource(ctx, workbookSource(read, cycle, file));
}

/** The preview of any import source: written in a transaction that is then rolled back. */
export function previewSource(ctx: AppContext, source: ImportSource): WorkbookPreviewDto {
  return run(ctx, source, () => false).result.preview;
}

export interface WorkbookApplyResult {
  applied: boolean;
  preview: WorkbookPreviewDto;
  cycleId: string | null;
  /** The import in the history (undo it like a bundle import); null when nothing was written. */
  import: BundleImportDto | null;
  /** Rows with problems, by sheet: what was left out when only the valid rows were applied. */
  rejected: Map<string, Set<number>>;
}

/**
 * Applies the workbook: after a verified backup, in one transaction, every change through the
 * register services (so in the audit log), and the import in the import history, where it can be
 * undone like a bundle. With problems, nothing is written unless the user chose the valid rows only.
 */
export async function applyWorkbook(
  ctx: AppContext,
  file: WorkbookFile,
  target: WorkbookTarget,
  options: { applyValidOnly: boolean },
): Promise<WorkbookApplyResult> {
  const { read, cycle } = prepare(ctx, file, target);
  return applySource(ctx, workbookSource(read, cycle, file), options);
}

/** Applies any import source as applyWorkbook says. */
export function applySource(ctx: AppContext, source: ImportSource, options: { applyValidOnly: boolean }): WorkbookApplyResult {
  // A dry run first: no backup is taken for a file that would write nothing.
  const trial = run(ctx, source, () => false).result;
  const wouldWrite = (result: RunResult) => !result.preview.nothingToChange && (result.preview.problems.length === 0 || options.applyValidOnly);
  if (!wouldWrite(trial)) return { applied: false, preview: trial.preview, cycleId: trial.cycleId, import: null, rejected: trial.rejected };
  const backupFile = backupBeforeImport(ctx);
  const auditFrom = maxAuditId(ctx);
  let recordId = '';
  const { result, kept } = run(ctx, source, wouldWrite, (tx, done) => {
    recordId = recordImport(tx, source, done, { backupFile, auditFrom });
  });
  const row = kept
    ? ctx.db
        .select()
        .from(bundleImports)
        .all()
        .find((r) => r.id === recordId)
    : undefined;
  return { applied: kept, preview: result.preview, cycleId: result.cycleId, import: row ? importDto(ctx, row) : null, rejected: result.rejected };
}

/** The import history's entry: what was brought in, by this user. */
function recordImport(ctx: WriteContext, source: ImportSource, result: RunResult, at: { backupFile: string | null; auditFrom: number }): string {
  const { file } = source;
  // The history tells a workbook from pasted rows by this mark (the renderer words it).
  const mark = source.withGeneral ? 'workbook' : PASTED_ROWS_MARK;
  const count = (pick: (s: WorkbookPreviewDto['sheets'][number]) => number) => result.preview.sheets.reduce((sum, sheet) => sum + pick(sheet), 0);
  const id = ctx.newId();
  const digest = createHash('sha256').update(file.buffer).digest('hex').slice(0, 32);
  const user = ctx.userName || 'unknown user';
  ctx.db
    .insert(bundleImports)
    .values({
      id,
      cycleId: result.cycleId ?? '',
      bundleId: `${mark}-${digest}`,
      kind: 'full',
      senderRole: 'secretariat',
      senderOrgId: null,
      senderName: `${source.origin} (${user})`,
      senderInstallationId: ctx.installationId,
      senderFingerprint: mark,
      bundleCreatedAt: ctx.now().toISOString(),
      importedAt: ctx.now().toISOString(),
      userName: user,
      backupFile: at.backupFile,
      summaryJson: JSON.stringify({
        source: mark,
        fileName: file.fileName,
        counts: {
          adds: count((s) => s.added.length),
          changes: count((s) => s.changed.length),
          deletions: count((s) => s.removed.length),
          refused: result.preview.problems.length,
        },
        problems: result.preview.problems.slice(0, 200),
      }),
      auditFrom: at.auditFrom,
      auditTo: maxAuditId(ctx),
    })
    .run();
  return id;
}
