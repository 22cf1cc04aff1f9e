/**
 * A few helpers to write SVG as text: charts and maps are small documents built from strings, with
 * every piece of user text escaped once, here.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or an attribute value made safe for SVG (organisation names may hold "&" or "<"). */
export const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);

type Attributes = Record<string, string | number | undefined>;

const attributes = (attrs: Attributes) =>
  Object.entries(attrs)
    .flatMap(([name, value]) => (value === undefined ? [] : [` ${name}="${escapeXml(typeof value === 'number' ? String(round(value)) : value)}"`]))
    .join('');

/** Coordinates to a tenth of a unit: enough at 300 dpi, and the file stays small. */
const round = (n: number) => Math.round(n * 10) / 10;

/** An element; `children` is SVG already written (use `text()` for words). */
export const el = (name: string, attrs: Attributes, children = ''): string =>
  children === '' ? `<${name}${attributes(attrs)}/>` : `<${name}${attributes(attrs)}>${children}</${name}>`;

/** A text element whose content is escaped. */
export const text = (x: number, y: number, content: string, attrs: Attributes = {}): string => el('text', { x, y, ...attrs }, escapeXml(content));

/** A whole SVG document of `width` × `height` user units (its viewBox), white behind. */
export function svgDocument(width: number, height: number, body: string, fontFamily: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${round(width)}" height="${round(height)}" viewBox="0 0 ${round(width)} ${round(height)}" font-family="${escapeXml(fontFamily)}">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>${body}</svg>`
  );
}
