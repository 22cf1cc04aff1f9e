import { contextBridge, ipcRenderer } from 'electron';
import type { ApiTransport, OpenedBundle } from '../../shared/api/client';
import { IPC_CHANNEL, isApiMethod } from '../../shared/api/contract';
import { fail } from '../../shared/result';
import { OPEN_BUNDLE_CHANNEL } from './channels';

/**
 * The page's only doors to the data: `window.pamoja.invoke(method, input)`, and
 * `onOpenBundle(callback)` for bundle files the user opened from Explorer. Names outside the
 * contract are answered here without touching IPC, and ipcRenderer itself is never handed to the page.
 */
const invoke: ApiTransport = (method, input) => {
  // The page is untrusted JavaScript: the declared `string` type is not a runtime guarantee.
  if (typeof method !== 'string' || !isApiMethod(method)) {
    return Promise.resolve(fail({ code: 'unknown_method', message: `Pamoja JWP has no operation called "${String(method)}".` }));
  }
  return ipcRenderer.invoke(IPC_CHANNEL, method, input);
};

// A file opened at start-up can arrive before the page listens: the last one waits here.
let waiting: OpenedBundle | null = null;
let deliver: ((file: OpenedBundle) => void) | null = null;
ipcRenderer.on(OPEN_BUNDLE_CHANNEL, (_event, file: unknown) => {
  if (typeof file !== 'object' || file === null) return;
  const fileName: unknown = Reflect.get(file, 'fileName');
  const base64: unknown = Reflect.get(file, 'base64');
  if (typeof fileName !== 'string' || typeof base64 !== 'string') return;
  // Only the two strings cross to the page, never the IPC event.
  if (deliver) deliver({ fileName, base64 });
  else waiting = { fileName, base64 };
});

function onOpenBundle(callback: unknown): void {
  if (typeof callback !== 'function') return;
  deliver = (file) => void callback(file);
  if (waiting) {
    deliver(waiting);
    waiting = null;
  }
}

contextBridge.exposeInMainWorld('pamoja', { shell: 'electron', invoke, onOpenBundle });
