import { strFromU8, unzipSync } from 'fflate';

/** Reads a .docx as Word stores it: the XML parts, their paragraphs and tables as plain text. */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** Entities decoded; a non-breaking space (money keeps "KES 1,234" on one line) reads as a space. */
const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|apos);/g, (_m, name: string) => ENTITIES[name] ?? '').replace(/\u00a0/g, ' ');

export function docxParts(buffer: Uint8Array): Map<string, string> {
  const files = unzipSync(buffer);
  return new Map(
    Object.entries(files)
      .filter(([name]) => name.endsWith('.xml'))
      .map(([name, data]) => [name, strFromU8(data)]),
  );
}

export function documentXml(buffer: Uint8Array): string {
  const xml = docxParts(buffer).get('word/document.xml');
  if (xml === undefined) throw new Error('word/document.xml is missing');
  return xml;
}

/** The text of each paragraph, in order (runs joined, tabs as a space). */
export function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) =>
    [...match[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)].map((t) => (t[1] === undefined ? ' ' : decode(t[1]))).join(''),
  );
}

export const plainText = (xml: string) => paragraphs(xml).join('\n');

/** Every table as rows of cell texts (tables here are never nested). */
export function tables(xml: string): string[][][] {
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((table) =>
    [...table[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) =>
      [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => paragraphs(cell[0]).join('\n')),
    ),
  );
}

/** The table whose header row starts with these cells. */
export function tableWithHeader(xml: string, ...header: string[]): string[][] {
  const found = tables(xml).find((rows) => header.every((text, i) => rows[0]?.[i] === text));
  if (!found) throw new Error(`no table with header ${header.join(' | ')}`);
  return found;
}

/** The text of the paragraphs in a heading style (Heading1, Heading2, …), in order. */
export function headings(xml: string, level: number): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .filter((match) => match[0].includes(`<w:pStyle w:val="Heading${level}"/>`))
    .map((match) => paragraphs(match[0]).join(''));
}
