import { spawn } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../../main/resource-paths';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export const pamojaBin = path.join(repoRoot, 'bin', 'pamoja.mjs');

/**
 * Runs `pamoja` in a child process, as a user would. Never synchronously: a test worker blocked for a
 * minute on a busy machine cannot answer vitest's own calls and the run fails with
 * `Timeout calling "onTaskUpdate"` although every test passed.
 */
export function pamoja(...args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [pamojaBin, ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
