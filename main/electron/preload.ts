import { contextBridge, ipcRenderer } from 'electron';
import type { ApiTransport } from '../../shared/api/client';
import { IPC_CHANNEL, isApiMethod } from '../../shared/api/contract';
import { fail } from '../../shared/result';

/**
 * The page's only door to the data: `window.pamoja.invoke(method, input)`. Names outside the contract
 * are answered here without touching IPC, and ipcRenderer itself is never handed to the page.
 */
const invoke: ApiTransport = (method, input) => {
  // The page is untrusted JavaScript: the declared `string` type is not a runtime guarantee.
  if (typeof method !== 'string' || !isApiMethod(method)) {
    return Promise.resolve(fail({ code: 'unknown_method', message: `Pamoja JWP has no operation called "${String(method)}".` }));
  }
  return ipcRenderer.invoke(IPC_CHANNEL, method, input);
};

contextBridge.exposeInMainWorld('pamoja', { shell: 'electron', invoke });
