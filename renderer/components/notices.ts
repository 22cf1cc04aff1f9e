/**
 * The one "saved" message at a time, kept outside React so a form can announce its save and then
 * move to another screen: the message outlives the form that raised it.
 */
export interface NoticeAction {
  /** The button's words, e.g. "Undo". */
  label: string;
  run: () => Promise<void>;
}

export interface Notice {
  id: number;
  text: string;
  /** A problem (an undo that could not be made) is drawn as one and stays until dismissed. */
  tone: 'done' | 'problem';
  action: NoticeAction | null;
}

let current: Notice | null = null;
let lastId = 0;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

export function showNotice(text: string, options: { action?: NoticeAction; tone?: Notice['tone'] } = {}): void {
  current = { id: ++lastId, text, tone: options.tone ?? 'done', action: options.action ?? null };
  emit();
}

export function dismissNotice(id: number): void {
  if (current?.id !== id) return;
  current = null;
  emit();
}

export function subscribeToNotices(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const currentNotice = (): Notice | null => current;
