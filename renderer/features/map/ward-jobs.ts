import type { ApiClient } from '../../../shared/api/client';
import type { WardImportJobDto } from '../../../shared/api/schemas/geo';
import type { Result } from '../../../shared/result';
import { untilDone, type Wait } from '../../api/run-job';

type Finished = Exclude<WardImportJobDto, { state: 'running' }>;

/** Runs a boundary load (preview or apply) to its end through wards:job. */
export async function runWardJob(started: Promise<Result<{ jobId: string }>>, call: ApiClient, wait?: Wait): Promise<Result<Finished>> {
  return untilDone(
    await started,
    async (jobId) => {
      const job = await call('wards:job', { jobId });
      return job.ok ? { ok: true, value: job.value.state === 'running' ? null : job.value } : job;
    },
    { pollMs: 200, tooLong: 'Reading the boundary file took more than five minutes. Try the `pamoja wards import` command for a very large file.', wait },
  );
}
