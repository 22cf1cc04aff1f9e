/**
 * Which editors hold typed changes that are not saved yet. Kept outside React so that leaving a
 * screen (a link, Back, closing the window) can ask first, whichever component holds the form.
 */
const dirty = new Set<string>();

export const DISCARD_QUESTION = 'You have changes that are not saved. Leave them and lose what you typed?';

export function setUnsaved(key: string, unsaved: boolean): void {
  if (unsaved) dirty.add(key);
  else dirty.delete(key);
}

export const hasUnsavedChanges = (): boolean => dirty.size > 0;

/** True when nothing is unsaved, or the user agrees to lose it (the editors are then forgotten). */
export function confirmDiscard(): boolean {
  if (!hasUnsavedChanges()) return true;
  if (!window.confirm(DISCARD_QUESTION)) return false;
  dirty.clear();
  return true;
}

/** Closing or reloading the window with unsaved changes makes the browser (or Electron) ask. */
export function warnBeforeUnload(event: BeforeUnloadEvent): void {
  if (!hasUnsavedChanges()) return;
  event.preventDefault();
  // Older Chromium needs returnValue set to show its dialog.
  event.returnValue = DISCARD_QUESTION;
}

/**
 * Installed once, before the first render, so it runs ahead of the router's own listener: a change
 * of address (a link, Back, Forward) while a form holds unsaved changes asks first; declined, the
 * address is put back and no screen hears of the change.
 */
export function installUnsavedGuard(): void {
  window.addEventListener('beforeunload', warnBeforeUnload);
  window.addEventListener('hashchange', (event) => {
    if (confirmDiscard()) return;
    event.stopImmediatePropagation();
    window.history.replaceState(null, '', new URL(event.oldURL).hash || '#');
  });
}
