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

type JobResult<K extends XlsxJobResultDto['kind']> = Extract<XlsxJobResultDto, { kind: K }>;

const isKind = <K extends XlsxJobResultDto['kind']>(result: XlsxJobResultDto, kind: K): result is JobResult<K> => result.kind === kind;

/** A job's result when it is of the kind asked for; any other answer is an error in words. */
export function resultOfKind<K extends XlsxJobResultDto['kind']>(result: Result<XlsxJobResultDto>, kind: K): Result<JobResult<K>> {
  if (!result.ok) return result;
  if (isKind(result.value, kind)) return { ok: true, value: result.value };
  return { ok: false, error: { code: 'internal', message: 'Pamoja JWP answered with something other than what the import asked for.' } };
}
