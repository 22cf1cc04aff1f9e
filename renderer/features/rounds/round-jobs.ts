import type { ApiInput } from '../../../shared/api/contract';
import type { RoundJobResultDto } from '../../../shared/api/schemas/rounds';
import type { Result } from '../../../shared/result';
import { api } from '../../api/api';
import { untilDone } from '../../api/run-job';

type JobMethod = 'round:prepare' | 'round:returnPreview' | 'round:returnApply';

/** Starts a round job (preparing files, reading a returned file) and waits for its result. */
export async function runRoundJob<M extends JobMethod>(method: M, input: ApiInput<M>): Promise<Result<RoundJobResultDto>> {
  return untilDone(
    await api(method, input),
    async (jobId) => {
      const job = await api('round:job', { jobId });
      return job.ok ? { ok: true, value: job.value.state === 'done' ? job.value.result : null } : job;
    },
    { pollMs: 250, tooLong: 'This took more than five minutes. Try again, or use `pamoja round` for a very large plan.' },
  );
}
