import { describe, expect, it } from 'vitest';
import { HTTP_TOKEN_HEADER } from '../../shared/api/contract';
import { chooseTransport, type Fetch } from '../../renderer/api/transports';

const noFetch: Fetch = () => Promise.reject(new Error('fetch must not be called'));

function recordingFetch(status: number, body: string): { fetch: Fetch; calls: { url: string; init: RequestInit }[] } {
  const calls: { url: string; init: RequestInit }[] = [];
  return {
    calls,
    fetch: async (url, init) => {
      calls.push({ url, init });
      return new Response(body, { status, headers: { 'content-type': 'application/json' } });
    },
  };
}

describe('choosing how the renderer reaches the app', () => {
  it("uses Electron's preload when it is there", async () => {
    const calls: unknown[][] = [];
    const bridge = {
      invoke: async (...args: unknown[]) => {
        calls.push(args);
        return { ok: true, value: 42 };
      },
    };
    const transport = chooseTransport({ bridge, token: 'ignored', fetch: noFetch });
    expect(await transport('cycle:list', {})).toEqual({ ok: true, value: 42 });
    expect(calls).toEqual([['cycle:list', {}]]);
  });

  it("checks the preload's answer is a Result before trusting it", async () => {
    const transport = chooseTransport({ bridge: { invoke: async () => 'surprise' }, token: null, fetch: noFetch });
    const result = await transport('cycle:list', {});
    expect(result.ok).toBe(false);
  });

  it('posts to the web shell with its token otherwise', async () => {
    const { fetch, calls } = recordingFetch(200, JSON.stringify({ ok: false, error: { code: 'not_found', message: 'No JWP cycle.' } }));
    const transport = chooseTransport({ bridge: undefined, token: 'abc', fetch });
    expect(await transport('cycle:get', { id: 'x' })).toEqual({ ok: false, error: { code: 'not_found', message: 'No JWP cycle.' } });
    expect(calls[0]?.url).toBe('/api/cycle%3Aget');
    expect(calls[0]?.init.headers).toMatchObject({ [HTTP_TOKEN_HEADER]: 'abc' });
    expect(calls[0]?.init.body).toBe('{"id":"x"}');
  });

  it('explains a refused token in plain words', async () => {
    const { fetch } = recordingFetch(403, 'Missing or wrong token.');
    const result = await chooseTransport({ bridge: undefined, token: 'stale', fetch })('app:info', {});
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: expect.stringContaining('Reload the page') } });
  });

  it('keeps the message of an error code it does not know', async () => {
    const { fetch } = recordingFetch(200, JSON.stringify({ ok: false, error: { code: 'future_code', message: 'Plain words.' } }));
    const result = await chooseTransport({ bridge: undefined, token: 'abc', fetch })('app:info', {});
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'Plain words.' } });
  });

  it('turns an unreadable answer into an error, not a throw', async () => {
    const { fetch } = recordingFetch(200, '<html>');
    const result = await chooseTransport({ bridge: undefined, token: 'abc', fetch })('app:info', {});
    expect(result.ok).toBe(false);
  });

  it('says how to connect when the page came from neither shell', async () => {
    const result = await chooseTransport({ bridge: undefined, token: null, fetch: noFetch })('app:info', {});
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: expect.stringContaining('npm run web') } });
  });
});
