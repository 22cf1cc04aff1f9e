import { useSyncExternalStore } from 'react';

/**
 * A number that moves when data changed from outside the screen that shows it (an undo from the
 * notice in the top bar, a restore): every open query reads again, so no screen shows a row that
 * the undo took back.
 */
let version = 0;
const listeners = new Set<() => void>();

export function dataChanged(): void {
  version += 1;
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export function useDataVersion(): number {
  return useSyncExternalStore(subscribe, () => version);
}
