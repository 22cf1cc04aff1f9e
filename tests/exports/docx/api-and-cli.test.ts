import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pamoja } from '../../support/pamoja-cli';
import { apiContract, type ApiMethod } from '../../../shared/api/contract';
import { cycleFingerprint } from '../../../main/exports/fingerprint';
import { createDispatcher } from '../../../main/transport/dispatcher';
import { testApp } from '../../support/test-app';
import { documentXml, plainText } from './docx-reader';

let app: ReturnType<typeof testApp>;
let cycleId: string;
let dispatch: ReturnType<typeof createDispatcher>;

beforeAll(() => {
  app = testApp();
  dispatch = createDispatcher(app, () => undefined);
  const result = dispatch('cycle:loadSample', {});
  if (!result.ok) throw new Error(result.error.message);
  cycleId = (result.value as { id: string }).id;
});

function call(method: ApiMethod, input: unknown) {
  const result = dispatch(method, input);
  if (result.ok) apiContract[method].output.parse(result.value);
  return result;
}

/** Starts an export and asks for it as a screen would, until it is done or fails. */
async function exportOverApi(input: unknown) {
  const started = call('docx:export', input);
  if (!started.ok) return started;
  const { jobId } = started.value as { jobId: string };
  for (let attempt = 0; attempt < 200; attempt++) {
    const job = call('docx:job', { jobId });
    if (!job.ok || (job.value as { state: string }).state === 'done') return job;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the export never finished');
}

describe('docx:export and docx:job', () => {
  it('hand over the file once, base64-encoded, with its name, type and fingerprint', async () => {
    const job = await exportOverApi({ cycleId, doc: 'approval-pack' });
    expect(job.ok).toBe(true);
    const { file } = (job as { value: { file: { fileName: string; mimeType: string; base64: string; fingerprint: string } } }).value;
    const fingerprint = cycleFingerprint(app, cycleId);
    expect(file.fingerprint).toBe(fingerprint);
    expect(file.fileName).toBe(`isiolo-jwp-2026-27-approval-pack-${fingerprint}.docx`);
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(plainText(documentXml(Buffer.from(file.base64, 'base64'))).includes('Signatures')).toBe(true);
  });

  it('answer a wrong period or cycle at once, naming the field, and a collected job as not found', async () => {
    const badPeriod = call('docx:export', { cycleId, doc: 'me-report', period: 'Q7' });
    expect(badPeriod.ok).toBe(false);
    if (!badPeriod.ok) {
      expect(badPeriod.error.field).toBe('period');
      expect(badPeriod.error.message).toBe('Reporting period: this cycle has no period "Q7"; choose one of Q1, Q2, Q3, Q4.');
    }
    const badDoc = call('docx:export', { cycleId, doc: 'minutes' });
    expect(badDoc.ok).toBe(false);
    const missing = call('docx:export', { cycleId: '00000000-0000-4000-8000-999999999999', doc: 'plan' });
    expect(missing.ok ? null : missing.error.code).toBe('not_found');

    const started = call('docx:export', { cycleId, doc: 'me-report', period: 'q1' });
    const { jobId } = (started as { value: { jobId: string } }).value;
    await exportOverApi({ cycleId, doc: 'budget' });
    let job = call('docx:job', { jobId });
    while (job.ok && (job.value as { state: string }).state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 10));
      job = call('docx:job', { jobId });
    }
    expect(job.ok).toBe(true);
    const again = call('docx:job', { jobId });
    expect(again.ok ? null : again.error.code).toBe('not_found');
  });
});

describe('pamoja export --format docx', () => {
  let dir: string;
  let db: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamoja-docx-cli-'));
    db = path.join(dir, 'demo.db');
    expect((await pamoja('demo', '--db', db)).status).toBe(0);
  }, 60_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes each document and says so in one line', async () => {
    for (const doc of ['plan', 'budget', 'me-report', 'approval-pack']) {
      const out = path.join(dir, `${doc}.docx`);
      const result = await pamoja('export', '--db', db, '--format', 'docx', '--doc', doc, ...(doc === 'me-report' ? ['--period', 'Q2'] : []), '--out', out);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout.trim().split('\n')).toHaveLength(1);
      expect(result.stdout).toMatch(
        new RegExp(`^Wrote .* to ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+ KB, content fingerprint [0-9a-f]{8}\\)\\.\\n$`),
      );
      expect(documentXml(fs.readFileSync(out)).length).toBeGreaterThan(1000);
    }
  }, 120_000);

  it('hands --format xlsx to the Excel exports (issue 4)', async () => {
    const out = path.join(dir, 'workbook.xlsx');
    const result = await pamoja('export', '--db', db, '--format', 'xlsx', '--doc', 'workbook', '--out', out);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Wrote the cycle workbook of .* to .*workbook\.xlsx \(\d+ KB\)\.\n$/);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  }, 120_000);

  it('refuses bad input with one plain sentence and exit code 1', async () => {
    const cases: [string[], RegExp][] = [
      [['--format', 'docx', '--doc', 'plan'], /^pamoja export: say where to write the document with --out FILE\.docx\.\n$/],
      [
        ['--format', 'docx', '--doc', 'minutes', '--out', 'x.docx'],
        /^pamoja export: there is no document "minutes"; choose one of plan, budget, me-report, approval-pack\.\n$/,
      ],
      [['--format', 'docx', '--doc', 'plan', '--out', path.join(dir, 'plan.pdf')], /must name a \.docx file/],
      [
        ['--format', 'docx', '--doc', 'plan', '--period', 'Q2', '--out', path.join(dir, 'p.docx')],
        /^pamoja export: --period applies only to --doc me-report\.\n$/,
      ],
      [
        ['--format', 'docx', '--doc', 'me-report', '--period', 'Q9', '--out', path.join(dir, 'r.docx')],
        /^pamoja export: Reporting period: this cycle has no period "Q9"; choose one of Q1, Q2, Q3, Q4\.\n$/,
      ],
      [['--format', 'pdf'], /^pamoja export: there is no format "pdf"; use --format docx, xlsx, svg or png\.\n$/],
      [
        ['--format', 'xlsx', '--doc', 'workbook', '--period', 'Q2', '--out', path.join(dir, 'w.xlsx')],
        /^pamoja export: --period applies only to --format docx --doc me-report\.\n$/,
      ],
    ];
    for (const [args, message] of cases) {
      const result = await pamoja('export', '--db', db, ...args);
      expect(result.status, args.join(' ')).toBe(1);
      expect(result.stderr, args.join(' ')).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  }, 120_000);
});
