import { performance } from 'node:perf_hooks';
import { median } from './median';

/**
 * Wall-clock and CPU milliseconds of a piece of work. The CPU time is printed beside the wall time
 * because on a shared machine the wall clock also counts other processes' turns; it includes the
 * garbage collector's helper threads.
 */
export interface Measured {
  ms: number;
  cpuMs: number;
}

/** CPU milliseconds (user and system, all threads) this process has used since `since`. */
export function cpuMsSince(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

export function measure<T>(work: () => T): Measured & { value: T } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = work();
  return { value, ms: performance.now() - start, cpuMs: cpuMsSince(cpu) };
}

export async function measureAsync<T>(work: () => Promise<T> | T): Promise<Measured & { value: T }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start, cpuMs: cpuMsSince(cpu) };
}

/** The median wall time and the median CPU time of several measurements (each its own median). */
export function medianOf(samples: readonly Measured[]): Measured {
  return { ms: median(samples.map((sample) => sample.ms)), cpuMs: median(samples.map((sample) => sample.cpuMs)) };
}

/** `runs` runs of `work`, each after `before` (which is not timed): their medians and the last result. */
export function medianOfRuns<T>(runs: number, work: () => T, before: () => void = () => undefined): Measured & { value: T } {
  const samples: (Measured & { value: T })[] = [];
  for (let run = 0; run < runs; run++) {
    before();
    samples.push(measure(work));
  }
  const last = samples.at(-1);
  if (!last) throw new Error('medianOfRuns needs at least one run.');
  return { ...medianOf(samples), value: last.value };
}
