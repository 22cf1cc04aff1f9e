import { FileChild, type IXmlableObject } from 'docx';

/**
 * Tables written straight as WordprocessingML objects, one `FileChild` handed to docx as it is.
 *
 * A large county plan has ~100,000 table cells; building each as docx's Table/TableCell/Paragraph/
 * TextRun objects and letting docx resolve their properties took most of the 5,000-activity
 * benchmark. These are the same elements docx writes for the same tables (fixed grid, borders and
 * cell margins on the table, text by paragraph style), in the order the schema requires.
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

class PrebuiltTable extends FileChild {
  constructor(private readonly xml: IXmlableObject) {
    super('w:tbl');
  }

  override prepForXml(): IXmlableObject {
    return this.xml;
  }
}

const attr = (attributes: Record<string, string | number>) => ({ _attr: attributes });
const dxa = (w: number) => attr({ 'w:type': 'dxa', 'w:w': w });

/**
 * The serializer only reads these objects, so the parts every cell repeats (a style reference, the
 * bold switch, a column's width) are made once and shared: a large plan allocates far less.
 */
const PRESERVE = attr({ 'xml:space': 'preserve' });
const BOLD = { 'w:rPr': [{ 'w:b': {} }, { 'w:bCs': {} }] };
const KEEP_NEXT = { 'w:keepNext': {} };
const JUSTIFY = { right: { 'w:jc': attr({ 'w:val': 'right' }) }, center: { 'w:jc': attr({ 'w:val': 'center' }) } };
const BREAK = { 'w:br': {} };
const shared = <T>(make: (key: string) => T) => {
  const made = new Map<string, T>();
  return (key: string): T => {
    let value = made.get(key);
    if (value === undefined) made.set(key, (value = make(key)));
    return value;
  };
};
const styleRef = shared((style) => ({ 'w:pStyle': attr({ 'w:val': style }) }));
const runStyle = shared((style) => ({ 'w:rPr': [{ 'w:rStyle': attr({ 'w:val': style }) }] }));
const boldRunStyle = shared((style) => ({ 'w:rPr': [{ 'w:rStyle': attr({ 'w:val': style }) }, { 'w:b': {} }, { 'w:bCs': {} }] }));

/** Paragraph properties by style, alignment and keep-with-next: a handful of distinct ones, shared. */
const paragraphProps = shared((key) => {
  const [style = '', align, keepNext] = key.split('|');
  const pPr: IXmlableObject[] = [styleRef(style)];
  if (keepNext === 'k') pPr.push(KEEP_NEXT);
  if (align === 'right' || align === 'center') pPr.push(JUSTIFY[align]);
  return { 'w:pPr': pPr };
});

function paragraph(spec: ParagraphSpec, keepNext: boolean): IXmlableObject {
  const runs = spec.runs.map((run) => {
    const content: IXmlableObject[] = [];
    if (run.style) content.push(run.bold ? boldRunStyle(run.style) : runStyle(run.style));
    else if (run.bold) content.push(BOLD);
    if (run.newLine) content.push(BREAK);
    content.push({ 'w:t': [PRESERVE, run.text] });
    return { 'w:r': content };
  });
  return { 'w:p': [paragraphProps(`${spec.style}|${spec.align ?? 'left'}|${keepNext ? 'k' : ''}`), ...runs] };
}

function cell(spec: CellSpec, plainProps: IXmlableObject | undefined, look: TableLook, column: number, keepNext: boolean): IXmlableObject {
  const span = spec.span ?? 1;
  let tcPr = span === 1 && !spec.fill ? plainProps : undefined;
  if (tcPr === undefined) {
    const props: IXmlableObject[] = [{ 'w:tcW': dxa(look.columnWidths.slice(column, column + span).reduce((sum, w) => sum + w, 0)) }];
    if (span > 1) props.push({ 'w:gridSpan': attr({ 'w:val': span }) });
    if (spec.fill) props.push({ 'w:shd': attr({ 'w:fill': spec.fill, 'w:color': 'auto', 'w:val': 'clear' }) });
    tcPr = { 'w:tcPr': props };
  }
  const paragraphs = spec.paragraphs.length === 0 ? [{ style: 'TableText', runs: [] }] : spec.paragraphs;
  return { 'w:tc': [tcPr, ...paragraphs.map((p) => paragraph(p, keepNext))] };
}

const CANT_SPLIT = { 'w:cantSplit': {} };
const TABLE_HEADER = { 'w:tblHeader': {} };
const PLAIN_ROW = { 'w:trPr': [CANT_SPLIT] };
const BREAKABLE_ROW = { 'w:trPr': [] };

function row(spec: RowSpecXml, look: TableLook, plainCellProps: readonly IXmlableObject[]): IXmlableObject {
  let trPr: IXmlableObject = spec.mayBreak ? BREAKABLE_ROW : PLAIN_ROW;
  if (spec.minHeight || spec.header) {
    const props: IXmlableObject[] = spec.mayBreak ? [] : [CANT_SPLIT];
    if (spec.minHeight) props.push({ 'w:trHeight': attr({ 'w:val': spec.minHeight, 'w:hRule': 'atLeast' }) });
    if (spec.header) props.push(TABLE_HEADER);
    trPr = { 'w:trPr': props };
  }
  let column = 0;
  const cells = spec.cells.map((c) => {
    const xml = cell(c, plainCellProps[column], look, column, spec.keepNext ?? false);
    column += c.span ?? 1;
    return xml;
  });
  return { 'w:tr': [trPr, ...cells] };
}

/**
 * A fixed-layout table with single borders, as one block of the document. Rows may come from a
 * generator: each row's description is then garbage as soon as it is written, which spares the
 * garbage collector most of its work on a large plan.
 */
export function prebuiltTable(rows: Iterable<RowSpecXml>, look: TableLook): FileChild {
  const line = attr({ 'w:val': 'single', 'w:color': look.border.color, 'w:sz': look.border.size });
  const { top, bottom, left, right } = look.margins;
  const tblPr = [
    { 'w:tblW': dxa(look.columnWidths.reduce((sum, w) => sum + w, 0)) },
    { 'w:tblBorders': [{ 'w:top': line }, { 'w:left': line }, { 'w:bottom': line }, { 'w:right': line }, { 'w:insideH': line }, { 'w:insideV': line }] },
    { 'w:tblLayout': attr({ 'w:type': 'fixed' }) },
    { 'w:tblCellMar': [{ 'w:top': dxa(top) }, { 'w:left': dxa(left) }, { 'w:bottom': dxa(bottom) }, { 'w:right': dxa(right) }] },
  ];
  const grid = { 'w:tblGrid': look.columnWidths.map((w) => ({ 'w:gridCol': attr({ 'w:w': w }) })) };
  // A plain cell's properties are its column's width alone: one object per column, shared by every row.
  const plainCellProps = look.columnWidths.map((w) => ({ 'w:tcPr': [{ 'w:tcW': dxa(w) }] }));
  const content: IXmlableObject[] = [{ 'w:tblPr': tblPr }, grid];
  for (const r of rows) content.push(row(r, look, plainCellProps));
  return new PrebuiltTable({ 'w:tbl': content });
}
