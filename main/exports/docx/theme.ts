import { convertMillimetersToTwip, type IStylesOptions } from 'docx';

/**
 * Page and type settings shared by every Word deliverable. Calibri is in every Word since 2007;
 * LibreOffice draws it with Carlito, which has the same widths, so lines and pages break alike.
 */
export const FONT = 'Calibri';

export const COLOURS = {
  heading: '1F3864',
  muted: '595959',
  rule: 'A6A6A6',
  headerFill: 'DCE3EE',
  totalFill: 'EEF1F6',
  groupFill: 'F4F6F9',
} as const;

/** Half-points, as docx counts font sizes. */
export const SIZE = { body: 20, table: 17, small: 15, h1: 28, h2: 23, title: 52, subtitle: 30 } as const;

/** A4 in twips, and the margins every section uses. */
export const A4 = { width: 11906, height: 16838 } as const;
export const MARGIN = convertMillimetersToTwip(18);
export const HEADER_FOOTER_DISTANCE = convertMillimetersToTwip(9);

export type Orientation = 'portrait' | 'landscape';

/** The width text and tables may take in a section of the given orientation. */
export function textWidth(orientation: Orientation): number {
  return (orientation === 'portrait' ? A4.width : A4.height) - 2 * MARGIN;
}

/**
 * Paragraph styles for table cells. A large plan has ~100,000 cells: formatting them by style,
 * not cell by cell, keeps the file small and the build fast (and lets a user restyle all tables).
 */
export const STYLE = { cell: 'TableText', cellBody: 'TableBody', header: 'TableHeading', noteRun: 'TableNoteChar' } as const;

export const documentStyles: IStylesOptions = {
  paragraphStyles: [
    { id: STYLE.cell, name: 'Table Text', basedOn: 'Normal', run: { size: SIZE.table }, paragraph: { spacing: { before: 0, after: 0, line: 240 } } },
    { id: STYLE.cellBody, name: 'Table Body', basedOn: 'Normal', run: { size: SIZE.body }, paragraph: { spacing: { before: 0, after: 0, line: 240 } } },
    { id: STYLE.header, name: 'Table Heading', basedOn: STYLE.cell, run: { bold: true } },
  ],
  // The smaller, grey second line of a cell (a description under a title), kept in the same paragraph.
  characterStyles: [{ id: STYLE.noteRun, name: 'Table Note Char', run: { size: SIZE.table - 2, color: COLOURS.muted } }],
  default: {
    document: {
      run: { font: FONT, size: SIZE.body },
      paragraph: { spacing: { after: 100, line: 264 } },
    },
    title: { run: { font: FONT, size: SIZE.title, bold: true, color: COLOURS.heading }, paragraph: { spacing: { after: 200 } } },
    heading1: {
      run: { font: FONT, size: SIZE.h1, bold: true, color: COLOURS.heading },
      paragraph: { spacing: { before: 320, after: 140 }, keepNext: true, keepLines: true },
    },
    heading2: {
      run: { font: FONT, size: SIZE.h2, bold: true, color: COLOURS.heading },
      paragraph: { spacing: { before: 240, after: 100 }, keepNext: true, keepLines: true },
    },
  },
};
