import type { ApiTransport } from '../../shared/api/client';
import { HTTP_API_PREFIX, HTTP_TOKEN_HEADER } from '../../shared/api/contract';
import { readEnvelope, transportFailure } from './result-envelope';

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export interface TransportScope {
  /** `window.pamoja` as Electron's preload exposes it, or undefined in a browser. */
  bridge: unknown;
  /** The web shell's per-run token from the page's meta tag, or null when there is none. */
  token: string | null;
  fetch: Fetch;
}

/** Electron's preload when it is there, else the web shell over HTTP with its token. */
export function chooseTransport(scope: TransportScope): ApiTransport {
  return electronTransport(scope.bridge) ?? httpTransport(scope.token, scope.fetch);
}

function electronTransport(bridge: unknown): ApiTransport | null {
  if (typeof bridge !== 'object' || bridge === null) return null;
  const invoke: unknown = Reflect.get(bridge, 'invoke');
  if (typeof invoke !== 'function') return null;
  return async (method, input) => readEnvelope(await invoke.call(bridge, method, input));
}

function httpTransport(token: string | null, fetch: Fetch): ApiTransport {
  if (!token) {
    // The page was opened some other way than through a shell (e.g. the built file on its own).
    return async () => transportFailure('These screens are not connected to Pamoja JWP. Open the app, or run `npm run web` and use the address it prints.');
  }
  return async (method, input) => {
    const response = await fetch(`${HTTP_API_PREFIX}${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [HTTP_TOKEN_HEADER]: token },
      body: JSON.stringify(input),
    });
    if (response.status === 403) {
      return transportFailure('This page lost its connection to Pamoja JWP (the app was restarted). Reload the page.');
    }
    const body: unknown = await response.json().catch(() => null);
    return readEnvelope(body);
  };
}
