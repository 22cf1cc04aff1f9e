/**
 * The little XML a spreadsheet's parts need read: attributes and text with their escapes. The
 * parts are written by Excel, LibreOffice and exceljs, all well-formed, so regular expressions
 * over complete elements read them at a fraction of a general XML parser's cost.
 */

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** `&amp;`, `&#10;`, `&#x2013;` → the characters they stand for. */
export function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return safeCodePoint(parseInt(ref.slice(2), 16)) ?? whole;
    if (ref.startsWith('#')) return safeCodePoint(parseInt(ref.slice(1), 10)) ?? whole;
    return NAMED[ref] ?? whole;
  });
}

function safeCodePoint(code: number): string | null {
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : null;
}

const attributePatterns = new Map<string, RegExp>();

/** One attribute of an element's opening tag (`name="value"` or `name='value'`), decoded; undefined when absent. */
export function attribute(tag: string, name: string): string | undefined {
  let pattern = attributePatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attributePatterns.set(name, pattern);
  }
  const match = pattern.exec(tag);
  return match ? decodeXml(match[1] ?? match[2] ?? '') : undefined;
}

/**
 * The text of a string item (`<si>` of the shared strings, `<is>` of an inline string): its `<t>`
 * runs joined, rich-text runs included, phonetic guides (`<rPh>`) left out as Excel shows them.
 */
export function runText(xml: string): string {
  const withoutPhonetic = xml.includes('<rPh') ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml;
  let text = '';
  for (const match of withoutPhonetic.matchAll(/<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g)) text += match[1] ?? '';
  return decodeXml(text);
}

/** Each element `<name …>…</name>` or `<name …/>` in `xml`: its opening tag's attributes and its content. */
export function* elements(xml: string, name: string): Generator<{ tag: string; body: string }> {
  const pattern = new RegExp(`<${name}(\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</${name}>)`, 'g');
  for (const match of xml.matchAll(pattern)) yield { tag: match[1] ?? '', body: match[2] ?? '' };
}
