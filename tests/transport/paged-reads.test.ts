import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sortByCode } from '../../shared/analysis/activity-filter';
import { HTTP_TOKEN_HEADER } from '../../shared/api/contract';
import { registerServices } from '../../main/services/index';
import { loadSampleCycle } from '../../main/services/sample';
import { createDispatcher } from '../../main/transport/dispatcher';
import { startWebShell, type WebShell } from '../../main/transport/http-server';
import { testApp } from '../support/test-app';

/** A screen's first page and the pages after it, over HTTP as the renderer reads them in a browser. */
let app: ReturnType<typeof testApp>;
let shell: WebShell;
let staticDir: string;
let cycleId: string;

beforeAll(async () => {
  app = testApp();
  cycleId = loadSampleCycle(app).id;
  staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamoja-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<html><head><title>Pamoja</title></head><body></body></html>');
  shell = await startWebShell({ dispatch: createDispatcher(app, () => undefined), staticDir, token: 'test-token' });
});

afterAll(async () => {
  await shell.close();
  app.close();
  fs.rmSync(staticDir, { recursive: true, force: true });
});

async function post(method: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${shell.url}api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [HTTP_TOKEN_HEADER]: 'test-token' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return response.json();
}

describe('paged reads over the web shell', () => {
  it('reads the action plan page by page in code order, the total on every page', async () => {
    const expected = JSON.parse(JSON.stringify(sortByCode(registerServices.activity.list(app, { cycleId }))));
    const rows: unknown[] = [];
    let offset: number | null = 0;
    while (offset !== null) {
      const answer = await post('activity:page', { cycleId, offset, limit: 10 });
      expect(answer).toMatchObject({ ok: true, value: { offset, total: expected.length } });
      const value = (answer as { value: { rows: unknown[]; nextOffset: number | null } }).value;
      rows.push(...value.rows);
      offset = value.nextOffset;
    }
    expect(rows).toEqual(expected);
  });

  it('answers a bad page as data naming the field', async () => {
    expect(await post('contribution:page', { cycleId, limit: 100_000 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'limit', message: 'Rows per page: must be at most 2000.' },
    });
    expect(await post('contribution:page', { cycleId, offset: 'ten' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'offset', message: 'First row of the page: expected a number.' },
    });
  });
});
