import { ServiceError } from '../../shared/result';
import type { AppContext } from '../services/context';

type Job<T> =
  { state: 'running'; startedAt: number } | { state: 'done'; result: T; startedAt: number } | { state: 'failed'; error: unknown; startedAt: number };

/** A result nobody collects is dropped after this long, so abandoned jobs do not hold files in memory. */
const KEEP_MS = 15 * 60 * 1000;

/**
 * Background work for a dispatcher that answers synchronously: `start` hands back a job id at
 * once, `collect` answers "running" until the result is there and then hands it over once. A
 * failed job's error is thrown on collection, so the dispatcher turns it into data as usual.
 */
export function jobTable<T>(what: string) {
  const byContext = new WeakMap<AppContext, Map<string, Job<T>>>();
  const jobsOf = (ctx: AppContext) => {
    let jobs = byContext.get(ctx);
    if (!jobs) byContext.set(ctx, (jobs = new Map()));
    return jobs;
  };
  return {
    start(ctx: AppContext, work: () => Promise<T>): { jobId: string } {
      const jobs = jobsOf(ctx);
      const now = ctx.now().getTime();
      for (const [id, job] of jobs) if (job.state !== 'running' && now - job.startedAt > KEEP_MS) jobs.delete(id);
      const jobId = ctx.newId();
      jobs.set(jobId, { state: 'running', startedAt: now });
      // Deferred a turn, so the job id is handed back before any work starts.
      void Promise.resolve()
        .then(work)
        .then(
          (result) => jobs.set(jobId, { state: 'done', result, startedAt: now }),
          (error: unknown) => jobs.set(jobId, { state: 'failed', error, startedAt: now }),
        );
      return { jobId };
    },
    collect(ctx: AppContext, jobId: string): T | null {
      const jobs = jobsOf(ctx);
      const job = jobs.get(jobId);
      if (!job)
        throw new ServiceError({
          code: 'not_found',
          message: `This ${what} is not known: its result was already handed over, or the app restarted. Start it again.`,
        });
      if (job.state === 'running') return null;
      jobs.delete(jobId);
      if (job.state === 'failed') throw job.error;
      return job.result;
    },
  };
}
