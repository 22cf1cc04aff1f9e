import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTTP_TOKEN_HEADER } from '../../shared/api/contract';
import { createDispatcher } from '../../main/transport/dispatcher';
import { startWebShell, type WebShell } from '../../main/transport/http-server';
import { dumpDatabase } from '../support/fault-injection';
import { testApp } from '../support/test-app';

/**
 * Any web page the user opens can make requests to the web shell (an `<img>` needs no token), so
 * no request of any shape may end the process. Hundreds of malformed paths, headers and bodies are
 * sent as raw bytes; the server answers each (or closes the connection) and still serves the page
 * and the API afterwards, and nothing reaches the database.
 */
let app: ReturnType<typeof testApp>;
let shell: WebShell;
let staticDir: string;
const logged: string[] = [];

beforeAll(async () => {
  app = testApp();
  staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamoja-fuzz-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<html><head><title>Pamoja</title></head><body></body></html>');
  shell = await startWebShell({ dispatch: createDispatcher(app, () => undefined), staticDir, token: 'fuzz-token', log: (m) => logged.push(m) });
});

afterAll(async () => {
  await shell.close();
  app.close();
  fs.rmSync(staticDir, { recursive: true, force: true });
});

/** Sends raw bytes and returns the final status code (after any 100 Continue), or 0 when the server closed without an answer. */
function raw(bytes: string | Buffer): Promise<number> {
  return new Promise((resolve) => {
    const socket = net.connect(shell.port, '127.0.0.1');
    let answer = '';
    const done = () => resolve(Number([...answer.matchAll(/^HTTP\/1\.[01] (\d{3})/gm)].at(-1)?.[1] ?? 0));
    const timer = setTimeout(() => socket.destroy(), 5000);
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      done();
    });
    socket.end(bytes);
  });
}

const host = () => `127.0.0.1:${shell.port}`;
const get = (target: string, headers = '') => `GET ${target} HTTP/1.1\r\nHost: ${host()}\r\nConnection: close\r\n${headers}\r\n`;
const post = (target: string, body: string | Buffer, headers = '') =>
  Buffer.concat([
    Buffer.from(
      `POST ${target} HTTP/1.1\r\nHost: ${host()}\r\nConnection: close\r\n${HTTP_TOKEN_HEADER}: fuzz-token\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${headers}\r\n`,
      'latin1',
    ),
    Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'),
  ]);

async function stillServes(): Promise<void> {
  expect(await raw(get('/'))).toBe(200);
  const listed = await fetch(`${shell.url}api/cycle:list`, { method: 'POST', headers: { [HTTP_TOKEN_HEADER]: 'fuzz-token' }, body: '{}' });
  expect(await listed.json()).toMatchObject({ ok: true });
}

describe('the web shell under malformed requests', () => {
  it('answers the reported crash and its cousins with 400, never by exiting', async () => {
    expect(await raw(get('/%E0%A4%A'))).toBe(400);
    expect(await raw(get('/deep/%'))).toBe(400);
    expect(await raw(post('/api/%ZZ', '{}'))).toBe(400);
    expect(await raw(post('/api/cycle%3Alist%E0', '{}'))).toBe(400);
    expect(await raw(get('/%00'))).toBe(404);
    await stillServes();
  });

  it('answers a failure inside a handler with 500 and logs it', async () => {
    const broken = await startWebShell({
      dispatch: () => {
        throw new Error('handler exploded');
      },
      staticDir,
      token: 't',
      log: (m) => logged.push(m),
    });
    try {
      const response = await fetch(`${broken.url}api/cycle:list`, { method: 'POST', headers: { [HTTP_TOKEN_HEADER]: 't' }, body: '{}' });
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(text).toContain('"code":"internal"');
      expect(text).not.toMatch(/handler exploded|\n\s+at /);
      expect(logged.some((line) => line.includes('handler exploded'))).toBe(true);
    } finally {
      await broken.close();
    }
  });

  it('survives a few hundred malformed paths, headers and bodies, and writes nothing', async () => {
    const dump = dumpDatabase(app);
    const escape = fc.oneof(
      fc.constantFrom('%', '%Z', '%ZZ', '%E0%A4%A', '%C0%AF', '%ED%A0%80', '%FF', '%00', '%2e%2e%2f', '%5c', '..', '//', '\\', '?', '#', ';'),
      fc.string({ maxLength: 12 }).map((s) => encodeURIComponent(s)),
      fc.integer({ min: 0, max: 255 }).map((byte) => `%${byte.toString(16).padStart(2, '0')}`),
    );
    const badPath = fc
      .tuple(fc.constantFrom('/', '/api/', '/assets/', '/api/cycle:'), fc.array(escape, { maxLength: 8 }))
      .map(([prefix, parts]) => prefix + parts.join(''));
    const badBody = fc.oneof(
      fc.constantFrom('{', '[', 'null', '"x"', '1e400', '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"x":1}}}', '\u0000', '\ud800'),
      fc.constant('['.repeat(20_000) + ']'.repeat(20_000)),
      fc.json(),
      fc.uint8Array({ maxLength: 256 }).map((bytes) => Buffer.from(bytes)),
    );
    const badHeader = fc.constantFrom(
      'Content-Type: application/json; charset=klingon\r\n',
      'Origin: null\r\n',
      'Origin: http://evil.example\r\n',
      `${HTTP_TOKEN_HEADER}: fuzz-token\r\n`,
      'Transfer-Encoding: chunked\r\n',
      'Expect: 100-continue\r\n',
      `X-Long: ${'a'.repeat(20_000)}\r\n`,
      'Bad Header Name: x\r\n',
      'Content-Length: -1\r\n',
      'Content-Length: 5\r\nContent-Length: 6\r\n',
      '\u00ff\u00fe: \u0001\r\n',
      '',
    );
    const request = fc.oneof(
      badPath.map((target) => get(target)),
      fc.tuple(badPath, badBody).map(([target, body]) => post(target, body)),
      fc.tuple(fc.constantFrom('/api/cycle:list', '/api/cycle:create', '/api/bundle:preview'), badBody).map(([target, body]) => post(target, body)),
      fc.tuple(fc.constantFrom('/', '/api/cycle:list'), badHeader).map(([target, header]) => get(target, header)),
      fc.tuple(badHeader, badBody).map(([header, body]) => post('/api/cycle:list', body, header)),
      fc.constantFrom(
        'GET\r\n\r\n',
        'GET / HTTP/9.9\r\n\r\n',
        `GET http://${'x'.repeat(300)}/ HTTP/1.1\r\nHost: x\r\n\r\n`,
        'BREW /pot HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n',
        `GET / HTTP/1.1\r\nHost: evil.example\r\n\r\n`,
        `GET * HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`,
        '\u0000\u0001\u0002\r\n\r\n',
      ),
      fc.uint8Array({ minLength: 1, maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
    );
    const requests = fc.sample(request, { numRuns: 320, seed: 14 });
    const statuses = new Map<number, number>();
    for (let i = 0; i < requests.length; i++) {
      const status = await raw(requests[i] as string | Buffer);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      expect(status === 0 || (status >= 200 && status < 600), `request ${i}`).toBe(true);
      // No answer is ever a 500: every malformed request is the caller's fault, not ours.
      expect(status, `request ${i}: ${String(requests[i]).slice(0, 120)}`).not.toBe(500);
      if (i % 40 === 0) await stillServes();
    }
    await stillServes();
    expect(dumpDatabase(app)).toBe(dump);
    console.log(`web shell fuzz: ${requests.length} malformed requests, answers ${JSON.stringify(Object.fromEntries(statuses))}, still serving`);
  }, 120_000);
});
