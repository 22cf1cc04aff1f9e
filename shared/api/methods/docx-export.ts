import { z } from 'zod';
import { entityId, text } from '../schemas/fields';
import { method } from './define';

/**
 * The Word deliverables (issue 9). Packing a .docx is asynchronous while the dispatcher answers
 * each call synchronously, so `docx:export` starts a job and answers with its id at once; the
 * screen then asks `docx:job` until the file is ready (the same pattern as the Excel exports).
 */

export const docxDocuments = ['plan', 'budget', 'me-report', 'approval-pack'] as const;
export type DocxDocument = (typeof docxDocuments)[number];

/** What the screens call each document. */
export const docxDocumentLabels: Record<DocxDocument, string> = {
  plan: 'Joint Work Plan',
  budget: 'Budget',
  'me-report': 'M&E progress report',
  'approval-pack': 'CEC approval pack',
};

export const DOCX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const docxExportInput = z.strictObject({
  cycleId: entityId,
  doc: z.enum(docxDocuments),
  /** The M&E report's reporting period key (Q2, H1, M03); by default the latest period reported on. */
  period: text({ name: true }).min(1).max(10).optional(),
});
export type DocxExportInput = z.input<typeof docxExportInput>;

export const docxFileDto = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  /** The .docx file, base64-encoded, for a download (web shell) or a save dialog (Electron). */
  base64: z.string(),
  /** First 8 hex digits of the SHA-256 of the cycle's content, as printed on every page. */
  fingerprint: z.string(),
});
export type DocxFileDto = z.infer<typeof docxFileDto>;

export const docxJobDto = z.discriminatedUnion('state', [z.object({ state: z.literal('running') }), z.object({ state: z.literal('done'), file: docxFileDto })]);
export type DocxJobDto = z.infer<typeof docxJobDto>;

export const docxExportMethods = {
  'docx:export': method(docxExportInput, z.object({ jobId: z.uuid() }), 'Starts producing a Word deliverable of the cycle; ask docx:job for the file.'),
  'docx:job': method(
    z.strictObject({ jobId: z.uuid() }),
    docxJobDto,
    'The state of a Word export; once done its file is handed over once. A failed export answers with its error.',
  ),
};
