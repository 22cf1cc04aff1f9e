import { AlignmentType, Paragraph, TextRun, type FileChild, type ParagraphChild } from 'docx';
import { heading } from './contents';
import { prebuiltTable, type CellSpec, type RowSpecXml, type RunSpec } from './prebuilt-table';
import { fitWidths, widths } from './column-widths';
import { COLOURS, STYLE, type Orientation } from './theme';

/** The few building blocks every deliverable is made of, so all four look like one set. */

export type Align = 'left' | 'right' | 'center';

const ALIGN = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER } as const;

/** Headings are bookmarked for the contents page while a document collects its outline (contents.ts). */
export const heading1 = (text: string) => heading(1, text);
export const heading2 = (text: string) => heading(2, text);

export function para(content: string | ParagraphChild[], options: { bold?: boolean; align?: Align; keepNext?: boolean; spaceAfter?: number } = {}): Paragraph {
  const children = typeof content === 'string' ? [new TextRun({ text: content, bold: options.bold })] : content;
  return new Paragraph({
    children,
    alignment: ALIGN[options.align ?? 'left'],
    keepNext: options.keepNext,
    spacing: options.spaceAfter === undefined ? undefined : { after: options.spaceAfter },
  });
}

/** A sentence standing in for a table with no rows: documents never print an empty table. */
export const emptyNote = (text: string) => new Paragraph({ children: [new TextRun({ text, italics: true, color: COLOURS.muted })], spacing: { after: 160 } });

export const bullet = (text: string) => new Paragraph({ text, bullet: { level: 0 }, spacing: { after: 60 } });

export const spacer = (twips: number) => new Paragraph({ children: [], spacing: { before: 0, after: twips } });

/** A cell: plain text, text with a smaller muted note under it, or several lines. */
export type CellValue = string | { text: string; bold?: boolean; note?: string } | readonly string[];

export interface Column {
  header: string;
  /** Relative width; the table fills the section's text width. */
  weight: number;
  align?: Align;
  /**
   * Never wrap a line of this column: it is widened to its widest line (taking room from the text
   * columns). True by default for right-aligned (numeric) columns, so a figure never breaks.
   */
  fit?: boolean;
}

export type RowSpec = readonly CellValue[] | { group: string } | { total: readonly CellValue[] };

const CELL_MARGINS = { top: 45, bottom: 45, left: 85, right: 85 };
const BORDER = { size: 4, color: COLOURS.rule };

interface CellLook {
  align: Align;
  bold?: boolean;
  /** The paragraph style of the cell's text (table text by default). */
  style?: string;
  fill?: string;
  span?: number;
}

/**
 * Cell text by paragraph style; only what differs from the style (alignment, bold) is written.
 * Several lines, or a note under a title, are line breaks in one paragraph: a large plan has tens of
 * thousands of such cells.
 */
function cell(value: CellValue, look: CellLook): CellSpec {
  let runs: RunSpec[];
  if (typeof value === 'string') runs = [{ text: value, bold: look.bold }];
  else if (Array.isArray(value)) runs = (value as readonly string[]).map((text, index) => ({ text, bold: look.bold, newLine: index > 0 }));
  else {
    const rich = value as { text: string; bold?: boolean; note?: string };
    runs = [{ text: rich.text, bold: rich.bold ?? look.bold }];
    if (rich.note) runs.push({ text: rich.note, newLine: true, style: STYLE.noteRun });
  }
  return { paragraphs: [{ style: look.style ?? STYLE.cell, align: look.align, runs }], fill: look.fill, span: look.span };
}

/**
 * Rows are kept whole on a page, except one whose text is so long (a 4,000-character description
 * in a narrow column) that it might not fit on a page at all: Word and LibreOffice would cut it off.
 * A rough count of wrapped lines is enough to tell (Calibri averages half an em per character).
 */
const TWIPS_PER_CHARACTER = 85; // 8.5 pt table text
const TWIPS_PER_LINE = 210;
const BREAKABLE_ABOVE_TWIPS = 4500; // about half a landscape page

function mayBreak(values: readonly CellValue[], columnWidths: readonly number[]): boolean {
  const lines = (text: string, width: number) => Math.max(1, Math.ceil(text.length / Math.max(1, Math.floor(width / TWIPS_PER_CHARACTER))));
  let tallest = 0;
  values.forEach((value, i) => {
    const width = (columnWidths[i] ?? 0) - 170;
    let count = 0;
    if (typeof value === 'string') count = lines(value, width);
    else if (Array.isArray(value)) for (const text of value as readonly string[]) count += lines(text, width);
    else {
      const rich = value as { text: string; note?: string };
      count = lines(rich.text, width) + (rich.note ? lines(rich.note, width) : 0);
    }
    tallest = Math.max(tallest, count);
  });
  return tallest * TWIPS_PER_LINE > BREAKABLE_ABOVE_TWIPS;
}

/** A table of fixed column widths (so Word and LibreOffice break lines alike), margins set once. */
const fixedTable = (rows: Iterable<RowSpecXml>, columnWidths: number[]) => prebuiltTable(rows, { columnWidths, border: BORDER, margins: CELL_MARGINS });

/**
 * A table across the section's full width, its header row repeated on every page and rows kept
 * whole. With no rows it is a sentence instead (`empty`).
 */
export function dataTable(options: {
  orientation: Orientation;
  columns: readonly Column[];
  rows: readonly RowSpec[];
  empty: string;
  /** Share of the text width the table takes; full width by default. */
  fraction?: number;
}): FileChild[] {
  const { columns, orientation } = options;
  if (options.rows.length === 0) return [emptyNote(options.empty)];
  const header: RowSpecXml = {
    header: true,
    cells: columns.map((column) => cell(column.header, { align: column.align ?? 'left', style: STYLE.header, fill: COLOURS.headerFill })),
  };
  // A row before a total keeps with it, so a total never stands alone at the top of a page.
  const beforeTotal = (index: number) => {
    const next = options.rows[index + 1];
    return next !== undefined && !Array.isArray(next) && 'total' in next;
  };
  const columnWidths = fitWidths(widths(columns, orientation, options.fraction), columns, options.rows);
  const describe = (spec: RowSpec, index: number): RowSpecXml => {
    if ('group' in spec)
      return { keepNext: true, cells: [cell(spec.group, { align: 'left', style: STYLE.header, fill: COLOURS.groupFill, span: columns.length })] };
    const isTotal = 'total' in spec;
    const values: readonly CellValue[] = isTotal ? spec.total : (spec as readonly CellValue[]);
    return {
      keepNext: beforeTotal(index),
      mayBreak: mayBreak(values, columnWidths),
      cells: columns.map((column, i) => cell(values[i] ?? '', { align: column.align ?? 'left', bold: isTotal, fill: isTotal ? COLOURS.totalFill : undefined })),
    };
  };
  // Described one at a time as the table is written (see prebuiltTable).
  function* rows(): Generator<RowSpecXml> {
    yield header;
    for (let index = 0; index < options.rows.length; index++) yield describe(options.rows[index] as RowSpec, index);
  }
  return [fixedTable(rows(), columnWidths), spacer(120)];
}

/** Two columns of label and value, as the manual's "Category | Details" tables. */
export function keyValueTable(orientation: Orientation, pairs: readonly (readonly [string, CellValue])[], labelWeight = 1, valueWeight = 3): FileChild[] {
  const columnWidths = widths(
    [
      { header: '', weight: labelWeight },
      { header: '', weight: valueWeight },
    ],
    orientation,
  );
  const rows = pairs.map(([label, value]): RowSpecXml => ({
    mayBreak: mayBreak([label, value], columnWidths),
    cells: [cell(label, { align: 'left', bold: true, style: STYLE.cellBody, fill: COLOURS.headerFill }), cell(value, { align: 'left', style: STYLE.cellBody })],
  }));
  return [fixedTable(rows, columnWidths), spacer(160)];
}

export interface SignatureLine {
  /** "Prepared by", "Approved by": printed in a first column when any line has one. */
  role?: string;
  name: string;
  title: string;
  organisation: string;
  /** Printed only when the register already records the date signed. */
  date?: string;
}

/**
 * Name, title and organisation printed; signature and date left blank for wet ink, in rows tall
 * enough to sign in.
 */
export function signatureTable(orientation: Orientation, lines: readonly SignatureLine[]): FileChild {
  const withRoles = lines.some((line) => line.role !== undefined);
  const columns: Column[] = [
    ...(withRoles ? [{ header: '', weight: 1.4 }] : []),
    { header: 'Name', weight: 2.2 },
    { header: 'Title', weight: 2.6 },
    { header: 'Organisation', weight: 2.6 },
    { header: 'Signature', weight: 2.6 },
    { header: 'Date', weight: 1.5 },
  ];
  const header: RowSpecXml = {
    header: true,
    cells: columns.map((column) => cell(column.header, { align: 'left', bold: true, style: STYLE.cellBody, fill: COLOURS.headerFill })),
  };
  const rows = lines.map((line): RowSpecXml => ({
    minHeight: 1000,
    cells: [...(withRoles ? [line.role ?? ''] : []), line.name, line.title, line.organisation, '', line.date ?? ''].map((value, i) =>
      cell(value, { align: 'left', style: STYLE.cellBody, bold: i === 0 }),
    ),
  }));
  return fixedTable([header, ...rows], widths(columns, orientation));
}

/** "Signature: ________  Date: ________" for the budget template's approval lines. */
export function signatureBlock(heading: string, nameAndTitle: string): Paragraph[] {
  const blank = '_'.repeat(34);
  return [
    new Paragraph({ children: [new TextRun({ text: heading, bold: true })], keepNext: true, spacing: { before: 240, after: 60 } }),
    new Paragraph({
      children: [new TextRun({ text: 'Name & title: ' }), new TextRun(nameAndTitle || '_'.repeat(60))],
      keepNext: true,
      spacing: { after: 260 },
    }),
    new Paragraph({ children: [new TextRun(`Signature: ${blank}      Date: ${'_'.repeat(20)}`)], spacing: { after: 200 } }),
  ];
}
