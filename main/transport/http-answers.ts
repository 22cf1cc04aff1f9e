/** Small pieces of the web shell's answers, shared by its API and static-file routes. */

/** Writes one answer; `close` ends the connection after it (a body too large is not read further). */
export type Send = (status: number, body: string | Buffer, type?: string, close?: boolean) => void;

/** The API's error shape (shared/result.ts), for answers given before a call reaches the dispatcher. */
export function jsonError(message: string, code: 'invalid_input' | 'internal' = 'invalid_input'): string {
  return JSON.stringify({ ok: false, error: { code, message } });
}

/** Percent-decoding that answers null for a malformed escape (`%E0%A4%A`, `%ZZ`) instead of throwing. */
export function decodePath(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
