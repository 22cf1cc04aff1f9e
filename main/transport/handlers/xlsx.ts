import { randomUUID } from 'node:crypto';
import { XLSX_MIME_TYPE, type xlsxMethods, type XlsxJobDto, type XlsxJobResultDto } from '../../../shared/api/methods/xlsx';
import { ServiceError } from '../../../shared/result';
import { checkXlsxRequest, exportXlsx } from '../../exports/xlsx/index';
import { applyWorkbook, previewWorkbook, readWorkbookFile, type WorkbookTarget } from '../../imports/workbook/index';
import { rejectedRowsWorkbook } from '../../imports/workbook/rejected-rows';
import { applyImport, previewImport } from '../../imports/xlsx/index';
import type { AppContext } from '../../services/context';
import type { HandlersFor } from './handler-types';

type Job =
  | { state: 'running'; startedAt: number }
  | { state: 'done'; result: XlsxJobResultDto; startedAt: number }
  | { state: 'failed'; error: unknown; startedAt: number };

/** A result nobody collects is dropped after this long, so abandoned jobs do not hold files in memory. */
const KEEP_MS = 15 * 60 * 1000;

const jobsByContext = new WeakMap<AppContext, Map<string, Job>>();

/**
 * The dispatcher answers synchronously while exceljs works asynchronously: a job runs in the
 * background and `xlsx:job` hands over its result once. The database part of an import is one
 * synchronous transaction inside the job, so no other call interleaves with it.
 */
function startJob(ctx: AppContext, work: () => Promise<XlsxJobResultDto>): { jobId: string } {
  let jobs = jobsByContext.get(ctx);
  if (!jobs) jobsByContext.set(ctx, (jobs = new Map()));
  const now = ctx.now().getTime();
  for (const [id, job] of jobs) if (job.state !== 'running' && now - job.startedAt > KEEP_MS) jobs.delete(id);
  const jobId = randomUUID();
  const table = jobs;
  table.set(jobId, { state: 'running', startedAt: now });
  // Deferred a turn, so the job id is handed back before any work starts.
  void Promise.resolve()
    .then(work)
    .then(
      (result) => table.set(jobId, { state: 'done', result, startedAt: now }),
      (error: unknown) => table.set(jobId, { state: 'failed', error, startedAt: now }),
    );
  return { jobId };
}

/** A new cycle, or the one open on screen. */
function workbookTarget(input: { cycleId?: string; createNew: boolean }): WorkbookTarget {
  if (input.createNew) return { createNew: true };
  if (!input.cycleId) throw new ServiceError({ code: 'invalid_input', message: 'Say which cycle the workbook updates, or start a new cycle from it.' });
  return { cycleId: input.cycleId };
}

function collect(ctx: AppContext, jobId: string): XlsxJobDto {
  const jobs = jobsByContext.get(ctx);
  const job = jobs?.get(jobId);
  if (!jobs || !job) {
    throw new ServiceError({
      code: 'not_found',
      message: 'This Excel job is not known: its result was already handed over, or the app restarted. Start it again.',
    });
  }
  if (job.state === 'running') return { state: 'running' };
  jobs.delete(jobId);
  if (job.state === 'failed') throw job.error;
  return { state: 'done', result: job.result };
}

export const xlsxHandlers: HandlersFor<typeof xlsxMethods> = {
  'xlsx:export': (ctx, input) => {
    checkXlsxRequest(ctx, input);
    return startJob(ctx, async () => {
      const { fileName, buffer } = await exportXlsx(ctx, input);
      return { kind: 'export', file: { fileName, mimeType: XLSX_MIME_TYPE, base64: buffer.toString('base64') } };
    });
  },
  'xlsx:importPreview': (ctx, input) =>
    startJob(ctx, async () => {
      const preview = await previewImport(ctx, { buffer: Buffer.from(input.base64, 'base64'), fileName: input.fileName, cycleId: input.cycleId });
      return { kind: 'preview', preview };
    }),
  'xlsx:importApply': (ctx, input) =>
    startJob(ctx, async () => {
      const summary = await applyImport(
        ctx,
        { buffer: Buffer.from(input.base64, 'base64'), fileName: input.fileName, cycleId: input.cycleId },
        { applyValidOnly: input.applyValidOnly, expectedDigest: input.expectedDigest },
      );
      return { kind: 'apply', summary };
    }),
  'xlsx:workbookPreview': (ctx, input) =>
    startJob(ctx, async () => {
      const preview = await previewWorkbook(ctx, { buffer: Buffer.from(input.base64, 'base64'), fileName: input.fileName }, workbookTarget(input));
      return { kind: 'workbookPreview', preview };
    }),
  'xlsx:workbookApply': (ctx, input) =>
    startJob(ctx, async () => {
      const file = { buffer: Buffer.from(input.base64, 'base64'), fileName: input.fileName };
      const result = await applyWorkbook(ctx, file, workbookTarget(input), { applyValidOnly: input.applyValidOnly });
      const leftOut = result.applied && result.rejected.size > 0;
      const rejected = leftOut
        ? {
            fileName: input.fileName.replace(/(\.xlsx)?$/i, '-rows-to-fix.xlsx'),
            mimeType: XLSX_MIME_TYPE,
            base64: (await rejectedRowsWorkbook(file.buffer, readWorkbookFile(file), result.preview.problems)).toString('base64'),
          }
        : null;
      return { kind: 'workbookApply', result: { applied: result.applied, cycleId: result.cycleId, preview: result.preview, rejected } };
    }),
  'xlsx:job': (ctx, input) => collect(ctx, input.jobId),
};
