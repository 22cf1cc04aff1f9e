import { FileChild, type IContext, type IXmlableObject } from 'docx';

/**
 * Tables written straight as WordprocessingML text, one `FileChild` handed to docx as it is.
 *
 * A large county plan has ~100,000 table cells; building each as docx's Table/TableCell/Paragraph/
 * TextRun objects and letting docx resolve their properties took most of the 5,000-activity
 * benchmark, and so did building docx's intermediate objects for them and serialising those. The
 * tables are written here as XML text instead: the same elements docx writes for the same tables
 * (fixed grid, borders and cell margins on the table, text by paragraph style), in the order the
 * schema requires.
 *
 * docx writes a marker element where each table goes, and the packer (pack.ts) puts the table's
 * text in its place once docx has written the rest of the document: 22 MB of tables then never pass
 * through docx's serialiser and its searches of the whole document for placeholders.
 */

export interface RunSpec {
  text: string;
  bold?: boolean;
  /** Starts on a new line of the same paragraph. */
  newLine?: boolean;
  /** A character style of the document (theme.ts STYLE.noteRun). */
  style?: string;
}

export interface ParagraphSpec {
  /** A paragraph style of the document (theme.ts STYLE). */
  style: string;
  align?: 'left' | 'right' | 'center';
  runs: readonly RunSpec[];
}

export interface CellSpec {
  paragraphs: readonly ParagraphSpec[];
  /** Background colour, hex without '#'. */
  fill?: string;
  /** Columns the cell spans. */
  span?: number;
}

export interface RowSpecXml {
  cells: readonly CellSpec[];
  /** Repeated at the top of each page (only for the first rows of a table). */
  header?: boolean;
  /** Keep this row on the same page as the next one. */
  keepNext?: boolean;
  /** Minimum height in twips. */
  minHeight?: number;
  /** Let the row break across pages: for a row too tall to fit on one, which would otherwise be cut off. */
  mayBreak?: boolean;
}

export interface TableLook {
  columnWidths: readonly number[];
  border: { size: number; color: string };
  margins: { top: number; bottom: number; left: number; right: number };
}

/** The element docx writes where a prebuilt table goes: `<pamoja:table n="3"/>`, the document's fourth table. */
const MARKER = 'pamoja:table';
/** User text never matches: docx escapes every '<' of it. */
const MARKER_PATTERN = /<pamoja:table n="(\d+)"\/>/g;

/** The tables of each document, by the docx File being written, in the order docx wrote their markers. */
const written = new WeakMap<object, (readonly Buffer[])[]>();

class PrebuiltTable extends FileChild {
  /** The table's XML as UTF-8, a row or so a piece. */
  constructor(private readonly bytes: readonly Buffer[]) {
    super('w:tbl');
  }

  override prepForXml(context: IContext): IXmlableObject {
    let tables = written.get(context.file);
    if (tables === undefined) written.set(context.file, (tables = []));
    tables.push(this.bytes);
    return { [MARKER]: { _attr: { n: tables.length - 1 } } };
  }
}

/** Forgets the tables docx wrote for `file` so far: before it writes the document again. */
export function forgetTables(file: object): void {
  written.delete(file);
}

/**
 * The document's XML as UTF-8 pieces, each table's where docx wrote its marker. Throws if a marker
 * names a table docx did not write for `file`: the document would be missing it.
 */
export function spliceTables(file: object, documentXml: string): Buffer[] {
  const tables = written.get(file) ?? [];
  written.delete(file);
  const pieces: Buffer[] = [];
  let from = 0;
  for (const match of documentXml.matchAll(MARKER_PATTERN)) {
    const table = tables[Number(match[1])];
    if (table === undefined) throw new Error(`The document refers to table ${match[1]}, which was not written.`);
    pieces.push(Buffer.from(documentXml.slice(from, match.index), 'utf8'), ...table);
    from = match.index + match[0].length;
  }
  pieces.push(Buffer.from(documentXml.slice(from), 'utf8'));
  return pieces;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
/** As docx escapes text and attributes: the five entities, and control characters XML cannot hold dropped. */
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPING = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/;
const ESCAPED = new RegExp(NEEDS_ESCAPING.source, 'g');
// Most cell text has nothing to escape: testing first spares building a copy of it.
const escapeXml = (value: string) => (NEEDS_ESCAPING.test(value) ? value.replace(ESCAPED, (c) => ESCAPES[c] ?? '') : value);

const dxa = (w: number) => `w:type="dxa" w:w="${w}"`;
const JUSTIFY = { right: '<w:jc w:val="right"/>', center: '<w:jc w:val="center"/>' } as const;

/** Paragraph properties by style, alignment and keep-with-next: a handful of distinct ones, written once each. */
const propsMade = new Map<string, string>();
function paragraphProps(style: string, align: ParagraphSpec['align'], keepNext: boolean): string {
  const key = `${style}|${align ?? 'left'}|${keepNext ? 'k' : ''}`;
  let props = propsMade.get(key);
  if (props === undefined) {
    props = `<w:pPr><w:pStyle w:val="${escapeXml(style)}"/>${keepNext ? '<w:keepNext/>' : ''}${align === 'right' || align === 'center' ? JUSTIFY[align] : ''}</w:pPr>`;
    propsMade.set(key, props);
  }
  return props;
}

function runProps(run: RunSpec): string {
  if (run.style) return `<w:rPr><w:rStyle w:val="${escapeXml(run.style)}"/>${run.bold ? '<w:b/><w:bCs/>' : ''}</w:rPr>`;
  return run.bold ? '<w:rPr><w:b/><w:bCs/></w:rPr>' : '';
}

function paragraph(spec: ParagraphSpec, keepNext: boolean): string {
  let xml = `<w:p>${paragraphProps(spec.style, spec.align, keepNext)}`;
  for (const run of spec.runs) {
    xml += `<w:r>${runProps(run)}${run.newLine ? '<w:br/>' : ''}<w:t xml:space="preserve">${escapeXml(run.text)}</w:t></w:r>`;
  }
  return `${xml}</w:p>`;
}

const EMPTY_PARAGRAPHS: readonly ParagraphSpec[] = [{ style: 'TableText', runs: [] }];

function cell(spec: CellSpec, plainProps: string | undefined, look: TableLook, column: number, keepNext: boolean): string {
  const span = spec.span ?? 1;
  let tcPr = span === 1 && !spec.fill ? plainProps : undefined;
  if (tcPr === undefined) {
    tcPr = `<w:tcPr><w:tcW ${dxa(look.columnWidths.slice(column, column + span).reduce((sum, w) => sum + w, 0))}/>`;
    if (span > 1) tcPr += `<w:gridSpan w:val="${span}"/>`;
    if (spec.fill) tcPr += `<w:shd w:fill="${escapeXml(spec.fill)}" w:color="auto" w:val="clear"/>`;
    tcPr += '</w:tcPr>';
  }
  let xml = `<w:tc>${tcPr}`;
  for (const p of spec.paragraphs.length === 0 ? EMPTY_PARAGRAPHS : spec.paragraphs) xml += paragraph(p, keepNext);
  return `${xml}</w:tc>`;
}

function row(spec: RowSpecXml, look: TableLook, plainCellProps: readonly string[]): string {
  let trPr = spec.mayBreak ? '<w:trPr/>' : '<w:trPr><w:cantSplit/></w:trPr>';
  if (spec.minHeight || spec.header) {
    trPr = `<w:trPr>${spec.mayBreak ? '' : '<w:cantSplit/>'}${spec.minHeight ? `<w:trHeight w:val="${spec.minHeight}" w:hRule="atLeast"/>` : ''}${spec.header ? '<w:tblHeader/>' : ''}</w:trPr>`;
  }
  let xml = `<w:tr>${trPr}`;
  let column = 0;
  for (const c of spec.cells) {
    xml += cell(c, plainCellProps[column], look, column, spec.keepNext ?? false);
    column += c.span ?? 1;
  }
  return `${xml}</w:tr>`;
}

/**
 * A fixed-layout table with single borders, as one block of the document. Rows may come from a
 * generator: each row's description is garbage as soon as its XML is written, and so is its text
 * once it is encoded (a large plan's tables are 22 MB of XML, which as strings kept for the
 * document cost more in garbage collection than in writing).
 */
export function prebuiltTable(rows: Iterable<RowSpecXml>, look: TableLook): FileChild {
  const line = `w:val="single" w:color="${escapeXml(look.border.color)}" w:sz="${look.border.size}"`;
  const { top, bottom, left, right } = look.margins;
  const bytes: Buffer[] = [
    Buffer.from(
      `<w:tbl><w:tblPr><w:tblW ${dxa(look.columnWidths.reduce((sum, w) => sum + w, 0))}/>` +
        `<w:tblBorders><w:top ${line}/><w:left ${line}/><w:bottom ${line}/><w:right ${line}/><w:insideH ${line}/><w:insideV ${line}/></w:tblBorders>` +
        '<w:tblLayout w:type="fixed"/>' +
        `<w:tblCellMar><w:top ${dxa(top)}/><w:left ${dxa(left)}/><w:bottom ${dxa(bottom)}/><w:right ${dxa(right)}/></w:tblCellMar></w:tblPr>` +
        `<w:tblGrid>${look.columnWidths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`,
      'utf8',
    ),
  ];
  // A plain cell's properties are its column's width alone: written once per column.
  const plainCellProps = look.columnWidths.map((w) => `<w:tcPr><w:tcW ${dxa(w)}/></w:tcPr>`);
  for (const r of rows) bytes.push(Buffer.from(row(r, look, plainCellProps), 'utf8'));
  bytes.push(Buffer.from('</w:tbl>', 'utf8'));
  return new PrebuiltTable(bytes);
}
