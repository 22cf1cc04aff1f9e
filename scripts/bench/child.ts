import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { z } from 'zod';
import { repoRoot } from '../../main/resource-paths';

/**
 * Runs `scripts/bench/<script>` with tsx in a fresh Node process and returns the lines it printed
 * on stdout. Sections measure in a child when a figure must not include this process, which holds
 * the large plan several times over (its garbage collector and its peak memory would count). A
 * child that fails stops the section with the child's own words.
 */
function runBenchChild(script: string, args: readonly string[]): string[] {
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts', 'bench', script), ...args], {
    encoding: 'utf8',
    cwd: repoRoot,
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`${script} failed: ${child.stderr.slice(0, 800)}`);
  return child.stdout.trim().split('\n');
}

/** Every line the child printed, each a JSON value of `schema`. */
export function benchChildLines<T>(script: string, args: readonly string[], schema: z.ZodType<T>): T[] {
  return runBenchChild(script, args).map((text) => schema.parse(JSON.parse(text)));
}

/** The child's result: the JSON value of `schema` on the last line it printed. */
export function benchChildResult<T>(script: string, args: readonly string[], schema: z.ZodType<T>): T {
  return schema.parse(JSON.parse(runBenchChild(script, args).at(-1) ?? ''));
}
