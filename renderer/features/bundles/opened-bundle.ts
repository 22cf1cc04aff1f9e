import { useSyncExternalStore } from 'react';
import type { OpenedBundle } from '../../../shared/api/client';
import { navigate } from '../../routing/navigate';

/**
 * The last bundle file the desktop shell was asked to open (a .jwpb double-clicked in Explorer, at
 * start-up or while the app is open), for the import screen to preview. `serial` tells the same
 * file opened twice apart, so a second opening shows a fresh preview.
 */
export interface OpenedBundleEntry {
  file: OpenedBundle;
  serial: number;
}

let opened: OpenedBundleEntry | null = null;
const listeners = new Set<() => void>();

function deliver(file: OpenedBundle): void {
  opened = { file, serial: (opened?.serial ?? 0) + 1 };
  for (const listener of listeners) listener();
  navigate({ name: 'import' });
}

export function useOpenedBundle(): OpenedBundleEntry | null {
  return useSyncExternalStore(
    (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    () => opened,
  );
}

/** Listens on the shell's bridge (Electron's preload); the web shell has none and opens files by picking them. */
export function listenForOpenedBundles(bridge: unknown): void {
  if (typeof bridge !== 'object' || bridge === null) return;
  const onOpenBundle: unknown = Reflect.get(bridge, 'onOpenBundle');
  if (typeof onOpenBundle !== 'function') return;
  onOpenBundle.call(bridge, (file: unknown) => {
    if (typeof file !== 'object' || file === null) return;
    const fileName: unknown = Reflect.get(file, 'fileName');
    const base64: unknown = Reflect.get(file, 'base64');
    if (typeof fileName === 'string' && typeof base64 === 'string') deliver({ fileName, base64 });
  });
}
