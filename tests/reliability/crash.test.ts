import { describe, expect, it } from 'vitest';
import { runCrashTest } from '../../scripts/crash/run-crash-test';

describe('a power cut (SIGKILL) at a random moment', () => {
  it('never loses a committed transaction nor leaves a partial one, over 30 kills', async () => {
    const report = await runCrashTest({ kills: 30, seed: Date.now() % 100_000 });
    expect(report.kills).toBe(30);
    expect(report.committedSingles).toBeGreaterThan(100);
    expect(report.committedBatches).toBeGreaterThan(0);
    expect(report.integrityProblems).toEqual([]);
    expect(report.lost).toEqual([]);
    expect(report.partial).toEqual([]);
  }, 300_000);
});
