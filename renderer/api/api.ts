import { createApiClient, type ApiClient } from '../../shared/api/client';
import { HTTP_TOKEN_META } from '../../shared/api/contract';
import { chooseTransport } from './transports';

/**
 * The renderer's one API client. Screens import `api` from here and never learn which shell they
 * run in: Electron's preload (`window.pamoja`) or the web shell, whose page carries a token.
 */
export const api: ApiClient = createApiClient(
  chooseTransport({
    bridge: Reflect.get(window, 'pamoja'),
    token: document.querySelector(`meta[name="${HTTP_TOKEN_META}"]`)?.getAttribute('content') ?? null,
    fetch: (url, init) => window.fetch(url, init),
  }),
);
