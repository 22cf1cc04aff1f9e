import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../shared/api/client';
import { fileToBase64 } from '../../../renderer/components/files';
import { runXlsxJob } from '../../../renderer/features/xlsx/xlsx-jobs';

/** The screen's side of the job protocol, against a scripted API. */
describe('the Excel screens’ helpers', () => {
  it('asks for a job until it is done and hands back its result', async () => {
    const answers = [
      { state: 'running' },
      { state: 'running' },
      { state: 'done', result: { kind: 'export', file: { fileName: 'w.xlsx', mimeType: 'x', base64: 'AA==' } } },
    ];
    const calls: string[] = [];
    const call = (async (method: string, input: { jobId: string }) => {
      calls.push(`${method} ${input.jobId}`);
      return { ok: true, value: answers.shift() };
    }) as unknown as ApiClient;
    const waits: number[] = [];
    const result = await runXlsxJob(Promise.resolve({ ok: true, value: { jobId: 'job-1' } }), call, async (ms) => void waits.push(ms));
    expect(result).toEqual({ ok: true, value: { kind: 'export', file: { fileName: 'w.xlsx', mimeType: 'x', base64: 'AA==' } } });
    expect(calls).toEqual(['xlsx:job job-1', 'xlsx:job job-1', 'xlsx:job job-1']);
    expect(waits).toEqual([200, 200]);
  });

  it('passes a refusal through, as data', async () => {
    const refused = { ok: false as const, error: { code: 'invalid_input' as const, message: 'Partner: say which organisation the template is for.' } };
    const call = (async () => {
      throw new Error('not called');
    }) as unknown as ApiClient;
    expect(await runXlsxJob(Promise.resolve(refused), call)).toBe(refused);
  });

  it('turns a picked file into base64, large files included', async () => {
    const bytes = new Uint8Array(200_000).map((_, i) => (i * 31) % 256);
    expect(await fileToBase64(new Blob([bytes]))).toBe(Buffer.from(bytes).toString('base64'));
  });
});
