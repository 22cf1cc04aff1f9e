import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { XlsxJobResultDto } from '../../../shared/api/methods/xlsx';
import { apiContract } from '../../../shared/api/contract';
import type { Result } from '../../../shared/result';
import { createDispatcher, type Dispatch } from '../../../main/transport/dispatcher';
import { tableCounts } from '../../support/snapshot';
import { columnOf, openXlsx, sampleApp, sheet, toBuffer } from './support';

/** The Excel methods as the screens call them: start a job, then ask for it until it is done. */
let env: ReturnType<typeof sampleApp>;
let dispatch: Dispatch;

beforeAll(() => {
  env = sampleApp();
  dispatch = createDispatcher(env.app, () => undefined);
});
afterAll(() => env.app.close());

async function run(method: string, input: unknown): Promise<Result<XlsxJobResultDto>> {
  const started = dispatch(method, input);
  if (!started.ok) return started;
  const { jobId } = started.value as { jobId: string };
  for (let attempt = 0; attempt < 400; attempt++) {
    const answer = dispatch('xlsx:job', { jobId });
    if (!answer.ok) return answer;
    const job = apiContract['xlsx:job'].output.parse(answer.value);
    if (job.state === 'done') {
      // A result is handed over once.
      expect(dispatch('xlsx:job', { jobId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
      return { ok: true, value: job.result };
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the job never finished');
}

describe('the Excel API', () => {
  it('exports the workbook and a partner template as files', async () => {
    const workbook = await run('xlsx:export', { cycleId: env.cycle.id, doc: 'workbook' });
    expect(workbook.ok && workbook.value.kind === 'export' && workbook.value.file).toMatchObject({
      fileName: 'isiolo-jwp-2026-27-workbook.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    const template = await run('xlsx:export', { cycleId: env.cycle.id, doc: 'partner-template', partnerOrgId: 'Maji Safi Drylands Trust' });
    if (!template.ok || template.value.kind !== 'export') throw new Error('no template');
    expect(template.value.file.fileName).toBe('isiolo-jwp-2026-27-partner-template-msdt.xlsx');
    expect((await openXlsx(Buffer.from(template.value.file.base64, 'base64'))).getWorksheet('Instructions')).toBeTruthy();
  });

  it('refuses a template for nobody, or for an organisation the cycle does not have, at once', () => {
    expect(dispatch('xlsx:export', { cycleId: env.cycle.id, doc: 'partner-template' })).toMatchObject({
      ok: false,
      error: { field: 'partnerOrgId', message: expect.stringMatching(/^Partner: say which organisation/) },
    });
    expect(dispatch('xlsx:export', { cycleId: env.cycle.id, doc: 'partner-template', partnerOrgId: 'WWF' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^Partner: no organisation of this cycle is called "WWF". Organisations: CGI-FEP, /) },
    });
    expect(dispatch('xlsx:job', { jobId: '3f1c4a52-0d3e-4c53-9a51-3b1f2c0e9d11' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('previews and applies a returned template, and answers a file that is not one with its message', async () => {
    const exported = await run('xlsx:export', { cycleId: env.cycle.id, doc: 'partner-template', partnerOrgId: 'UDRA' });
    if (!exported.ok || exported.value.kind !== 'export') throw new Error('no template');
    const workbook = await openXlsx(Buffer.from(exported.value.file.base64, 'base64'));
    const acts = sheet(workbook, 'Activities');
    acts.getCell(4, columnOf(acts, 3, 'Challenges')).value = 'Rains delayed the works';
    const base64 = (await toBuffer(workbook)).toString('base64');

    const before = tableCounts(env.app);
    const preview = await run('xlsx:importPreview', { cycleId: env.cycle.id, fileName: 'udra.xlsx', base64 });
    if (!preview.ok || preview.value.kind !== 'preview') throw new Error('no preview');
    expect(preview.value.preview.changes.map((c) => c.fields)).toEqual([[{ column: 'Challenges', old: expect.any(String), new: 'Rains delayed the works' }]]);
    expect(tableCounts(env.app)).toEqual(before);

    const applied = await run('xlsx:importApply', { cycleId: env.cycle.id, fileName: 'udra.xlsx', base64, expectedDigest: preview.value.preview.digest });
    expect(applied.ok && applied.value.kind === 'apply' && applied.value.summary).toMatchObject({ applied: true, changed: 1, added: 0 });

    const garbage = await run('xlsx:importPreview', { fileName: 'notes.xlsx', base64: Buffer.from('just some notes').toString('base64') });
    expect(garbage).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'file', message: expect.stringMatching(/^"notes.xlsx" is not an Excel workbook/) },
    });
  });
});
