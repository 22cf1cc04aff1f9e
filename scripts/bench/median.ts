/** The middle sample (the upper middle of an even count): the figure the bench prints for repeated runs. */
export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
