import type { Result } from '../../shared/result';

export type Wait = (ms: number) => Promise<void>;
const sleep: Wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const GIVE_UP_MS = 5 * 60 * 1000;

/**
 * Runs a long export or import to its end. The API's dispatcher answers at once, so the main
 * process answers a job id first and the result later: ask every `pollMs` until `poll` gives the
 * result (null while the job runs), an error, or five minutes have passed.
 */
export async function untilDone<T>(
  started: Result<{ jobId: string }>,
  poll: (jobId: string) => Promise<Result<T | null>>,
  options: { pollMs: number; tooLong: string; wait?: Wait },
): Promise<Result<T>> {
  if (!started.ok) return started;
  const wait = options.wait ?? sleep;
  for (let waited = 0; waited < GIVE_UP_MS; waited += options.pollMs) {
    const answer = await poll(started.value.jobId);
    if (!answer.ok) return answer;
    if (answer.value !== null) return { ok: true, value: answer.value };
    await wait(options.pollMs);
  }
  return { ok: false, error: { code: 'internal', message: options.tooLong } };
}
