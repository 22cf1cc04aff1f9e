/**
 * The one rule for text people and files give the app, applied where every input is validated
 * (shared/api/schemas/fields.ts), so a form, the CLI, a workbook and a bundle store the same text.
 */

// Control characters (NUL, escape, the C1 block) and the two non-characters U+FFFE/U+FFFF: no one
// types them, SQLite and XML treat some of them specially, and Excel "repairs" a sheet holding one.
// Tab and line breaks are ordinary text.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/u;
// eslint-disable-next-line no-control-regex -- as above
const UNPRINTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF\uD800-\uDFFF]/gu;

// With the u flag a well-formed pair is one code point, so this matches only half a pair: text
// that cannot be written as UTF-8 (SQLite stores replacement bytes, and the row reads back as
// other text under the same clock stamp).
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

// Characters that show nothing: zero-width space, non-joiner and joiner, the word joiner and
// invisible operators, the byte-order mark, the soft hyphen, the Mongolian vowel separator, and
// the bidirectional controls (marks, embeddings, overrides, isolates) that reorder what is shown.
// In a code or a name they make "A1.1" and "A1.1" + U+200B two different activities that look
// the same, or a ward that looks like one the county already has.
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu;

/** Why a text cannot be stored, in words that follow a field's label; null when it can. */
export function textProblem(text: string): 'control' | 'lone_surrogate' | null {
  if (LONE_SURROGATE.test(text)) return 'lone_surrogate';
  if (CONTROL.test(text)) return 'control';
  return null;
}

/** Free text as stored: composed (NFC, so "é" typed either way is one text) and trimmed. */
export function normaliseText(text: string): string {
  return text.normalize('NFC').trim();
}

/** A code or a name as stored: as free text, and without characters that show nothing. */
export function normaliseName(text: string): string {
  return normaliseText(text.replace(INVISIBLE, ''));
}

/**
 * Text from a file shown in a message before it was checked (the label of a refused row): what
 * cannot be stored is shown as "�", so an escape sequence never reaches a terminal.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, '\uFFFD');
}
