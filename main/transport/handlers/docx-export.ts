import type { docxExportMethods, DocxFileDto, DocxJobDto } from '../../../shared/api/methods/docx-export';
import { ServiceError } from '../../../shared/result';
import { checkDocxRequest, exportDocx } from '../../exports/docx/index';
import type { AppContext } from '../../services/context';
import type { HandlersFor } from './handler-types';

type Job =
  { state: 'running'; startedAt: number } | { state: 'done'; file: DocxFileDto; startedAt: number } | { state: 'failed'; error: unknown; startedAt: number };

/** Jobs of one app context (one database); a finished job is handed over once, then forgotten. */
const jobsByContext = new WeakMap<AppContext, Map<string, Job>>();

/** A result nobody collected within this time is dropped, so abandoned exports do not pile up. */
const ABANDONED_AFTER_MS = 15 * 60 * 1000;

function jobsOf(ctx: AppContext): Map<string, Job> {
  let jobs = jobsByContext.get(ctx);
  if (!jobs) jobsByContext.set(ctx, (jobs = new Map()));
  return jobs;
}

export const docxExportHandlers: HandlersFor<typeof docxExportMethods> = {
  'docx:export': (ctx, input) => {
    const request = { doc: input.doc, period: input.period };
    checkDocxRequest(ctx, input.cycleId, request);
    const jobs = jobsOf(ctx);
    const now = ctx.now().getTime();
    for (const [id, job] of jobs) if (job.state !== 'running' && now - job.startedAt > ABANDONED_AFTER_MS) jobs.delete(id);
    const jobId = ctx.newId();
    jobs.set(jobId, { state: 'running', startedAt: now });
    exportDocx(ctx, input.cycleId, request).then(
      (file) =>
        jobs.set(jobId, {
          state: 'done',
          startedAt: now,
          file: { fileName: file.fileName, mimeType: file.mimeType, base64: file.buffer.toString('base64'), fingerprint: file.fingerprint },
        }),
      (error: unknown) => jobs.set(jobId, { state: 'failed', startedAt: now, error }),
    );
    return { jobId };
  },

  'docx:job': (ctx, { jobId }): DocxJobDto => {
    const jobs = jobsOf(ctx);
    const job = jobs.get(jobId);
    if (!job)
      throw new ServiceError({
        code: 'not_found',
        message: 'This Word export is no longer known: it was collected already, or the app was restarted. Start it again.',
      });
    if (job.state === 'running') return { state: 'running' };
    jobs.delete(jobId);
    // The dispatcher turns a service error into data and logs anything else as unexpected.
    if (job.state === 'failed') throw job.error;
    return { state: 'done', file: job.file };
  },
};
