import type { ApiClient } from '../../../shared/api/client';
import type { DocxExportInput, DocxFileDto } from '../../../shared/api/methods/docx-export';
import type { Result } from '../../../shared/result';
import { untilDone, type Wait } from '../../api/run-job';

/** Starts a Word export (docx:export) and asks for the file (docx:job) until it is ready. */
export async function produceWordDocument(call: ApiClient, input: DocxExportInput, wait?: Wait): Promise<Result<DocxFileDto>> {
  return untilDone(
    await call('docx:export', input),
    async (jobId) => {
      const job = await call('docx:job', { jobId });
      return job.ok ? { ok: true, value: job.value.state === 'done' ? job.value.file : null } : job;
    },
    {
      pollMs: 250,
      tooLong: 'The document took more than five minutes to produce. Try again, or use `pamoja export` for a very large plan.',
      wait,
    },
  );
}
