import type { ApiClient } from '../../../shared/api/client';
import type { XlsxJobResultDto } from '../../../shared/api/methods/xlsx';
import type { Result } from '../../../shared/result';
import { untilDone, type Wait } from '../../api/run-job';

/** Runs an Excel job (export, import preview or apply) to its end through xlsx:job. */
export async function runXlsxJob(started: Promise<Result<{ jobId: string }>>, call: ApiClient, wait?: Wait): Promise<Result<XlsxJobResultDto>> {
  return untilDone(
    await started,
    async (jobId) => {
      const job = await call('xlsx:job', { jobId });
      return job.ok ? { ok: true, value: job.value.state === 'done' ? job.value.result : null } : job;
    },
    { pollMs: 200, tooLong: 'The workbook took more than five minutes. Try again, or use the `pamoja` command for a very large plan.', wait },
  );
}
