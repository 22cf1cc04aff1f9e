import { z } from 'zod';
import { entityId, text } from '../schemas/fields';
import { method } from './define';
import { workbookPreviewDto } from './workbook-import';

/**
 * Excel deliverables and the partner round-trip (issue 4).
 *
 * Building or reading a workbook is asynchronous (exceljs), while the dispatcher answers each call
 * synchronously. So the three heavy operations start a job and answer with its id at once; the
 * screen then asks `xlsx:job` until the job is done. Nothing is written by a preview; an apply
 * writes in one transaction when its job runs.
 */

/** The cycle workbook, a partner's fill-in template, or the cycle workbook with no rows (to start a plan in Excel). */
export const xlsxDocs = ['workbook', 'partner-template', 'blank-workbook'] as const;
export type XlsxDoc = (typeof xlsxDocs)[number];

export const XLSX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A returned template up to 15 MB (base64 is 4/3 of that); the web shell's body limit is 20 MiB. */
const MAX_BASE64_CHARS = 20_000_000;

export const xlsxExportInput = z.strictObject({
  cycleId: entityId,
  doc: z.enum(xlsxDocs),
  /** For a partner template: the organisation's id, short name or name. */
  partnerOrgId: text({ name: true }).min(1).max(200).optional(),
});

const importFile = {
  /** The cycle open on screen; the template names its own cycle, and the two must agree. */
  cycleId: entityId.optional(),
  fileName: text().min(1).max(255),
  base64: z
    .string()
    .min(1)
    .max(MAX_BASE64_CHARS)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/),
};

export const xlsxImportPreviewInput = z.strictObject(importFile);
export const xlsxImportApplyInput = z.strictObject({
  ...importFile,
  /** Write the valid rows even though other rows have errors (the user chose so). */
  applyValidOnly: z.boolean().default(false),
  /** The preview's digest: the apply is refused if the plan of changes is no longer the one shown. */
  expectedDigest: text().max(100).optional(),
});

export const xlsxExportResultDto = z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() });
export type XlsxExportResultDto = z.infer<typeof xlsxExportResultDto>;

export const importRegisters = ['activity', 'contribution', 'disbursement', 'indicator', 'indicatorPeriod', 'learningEntry', 'risk'] as const;

const rowPlace = { sheet: z.string(), row: z.int() };

export const importAddDto = z.object({
  ...rowPlace,
  register: z.enum(importRegisters),
  /** How the row is named to the user, e.g. "A1.4 – Water trucking". */
  label: z.string(),
  fields: z.array(z.object({ column: z.string(), value: z.string() })),
});

export const importChangeDto = z.object({
  ...rowPlace,
  register: z.enum(importRegisters),
  id: z.string(),
  label: z.string(),
  /** How the row was recognised: its hidden Row ID, or for a row typed without one, its code, title, component or period. */
  matchedBy: z.enum(['id', 'code', 'title', 'component', 'period']),
  fields: z.array(z.object({ column: z.string(), old: z.string(), new: z.string() })),
});

export const importErrorDto = z.object({
  sheet: z.string(),
  /** The spreadsheet row number; null for a problem with the whole sheet. */
  row: z.int().nullable(),
  /** The column's header as the user sees it; null when the whole row or sheet is at fault. */
  column: z.string().nullable(),
  message: z.string(),
});

export const importPreviewDto = z.object({
  fileName: z.string(),
  cycleId: entityId,
  cycleTitle: z.string(),
  organisationId: entityId,
  organisationName: z.string(),
  /** Each template sheet found, under the name it has in this file (it may have been renamed). */
  sheets: z.array(z.object({ register: z.enum(importRegisters), sheet: z.string(), rowsRead: z.int(), unchanged: z.int() })),
  adds: z.array(importAddDto),
  changes: z.array(importChangeDto),
  errors: z.array(importErrorDto),
  unchanged: z.int(),
  /** Identifies this plan of changes; pass it to the apply so it writes exactly what was shown. */
  digest: z.string(),
});
export type ImportPreviewDto = z.infer<typeof importPreviewDto>;
export type ImportErrorDto = z.infer<typeof importErrorDto>;
export type ImportAddDto = z.infer<typeof importAddDto>;
export type ImportChangeDto = z.infer<typeof importChangeDto>;

export const importSummaryDto = z.object({
  /** False when nothing was written (the file has errors and only-valid-rows was not chosen). */
  applied: z.boolean(),
  added: z.int(),
  changed: z.int(),
  /** Rows left out because they have errors (only when the valid rows were applied alone). */
  rowsWithErrors: z.int(),
  preview: importPreviewDto,
});
export type ImportSummaryDto = z.infer<typeof importSummaryDto>;

const jobStarted = z.object({ jobId: z.uuid() });

/** A cycle workbook to bring in: into the cycle open on screen, or as a new cycle. */
export const workbookImportInput = z.strictObject({
  /** The cycle to update; absent with createNew. */
  cycleId: entityId.optional(),
  createNew: z.boolean().default(false),
  fileName: importFile.fileName,
  base64: importFile.base64,
});
export const workbookApplyInput = workbookImportInput.extend({
  /** Write the valid rows and hand back the others as a workbook of their own. */
  applyValidOnly: z.boolean().default(false),
});

export const workbookApplyResultDto = z.object({
  applied: z.boolean(),
  /** The cycle written (the new one, when the import created it). */
  cycleId: z.string().nullable(),
  preview: workbookPreviewDto,
  /** The rows left out, as a workbook to fix and import again; null when none were. */
  rejected: xlsxExportResultDto.nullable(),
});
export type WorkbookApplyResultDto = z.infer<typeof workbookApplyResultDto>;

export const xlsxJobResultDto = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('export'), file: xlsxExportResultDto }),
  z.object({ kind: z.literal('preview'), preview: importPreviewDto }),
  z.object({ kind: z.literal('apply'), summary: importSummaryDto }),
  z.object({ kind: z.literal('workbookPreview'), preview: workbookPreviewDto }),
  z.object({ kind: z.literal('workbookApply'), result: workbookApplyResultDto }),
]);
export type XlsxJobResultDto = z.infer<typeof xlsxJobResultDto>;

export const xlsxJobDto = z.discriminatedUnion('state', [
  z.object({ state: z.literal('running') }),
  z.object({ state: z.literal('done'), result: xlsxJobResultDto }),
]);
export type XlsxJobDto = z.infer<typeof xlsxJobDto>;

export const xlsxMethods = {
  'xlsx:export': method(xlsxExportInput, jobStarted, 'Starts building the cycle workbook or a partner template; ask xlsx:job for the file.'),
  'xlsx:importPreview': method(xlsxImportPreviewInput, jobStarted, 'Starts reading a returned partner template; xlsx:job gives the preview. Writes nothing.'),
  'xlsx:importApply': method(xlsxImportApplyInput, jobStarted, 'Starts applying a returned partner template in one transaction; xlsx:job gives the summary.'),
  'xlsx:workbookPreview': method(
    workbookImportInput,
    jobStarted,
    'Starts reading a cycle workbook: xlsx:job gives, per sheet, what would be added, changed and removed, and every problem. Writes nothing.',
  ),
  'xlsx:workbookApply': method(
    workbookApplyInput,
    jobStarted,
    'Starts applying a cycle workbook in one undoable transaction (a backup first); xlsx:job gives the result and any rejected rows as a workbook.',
  ),
  'xlsx:job': method(
    z.strictObject({ jobId: z.uuid() }),
    xlsxJobDto,
    'The state of an Excel job; once done its result is handed over once. A failed job answers with its error.',
  ),
};
