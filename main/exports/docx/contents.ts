import { Bookmark, HeadingLevel, LeaderType, PageBreak, PageReference, Paragraph, Tab, TabStopType, TextRun, type FileChild } from 'docx';
import { COLOURS, SIZE, textWidth, type Orientation } from './theme';

/**
 * A contents page whose page numbers are right in LibreOffice and in Word without anyone updating
 * fields: each heading is bookmarked, and each entry is a PAGEREF field to its heading's bookmark.
 * LibreOffice computes a PAGEREF from its own layout when it opens or converts the file; Word shows
 * the number written in the field, which docx's layout estimator works out as Word lays the pages
 * out (render.ts). A TOC field would not do: LibreOffice prints a TOC's stored text as it is, and
 * without an estimate it has no numbers at all.
 */

export interface OutlineEntry {
  level: 1 | 2;
  text: string;
  bookmark: string;
}

// The headings of the document being built. Section builders are synchronous, so one collector at a
// time is enough, and the headings need not be threaded through every builder's arguments.
let collecting: OutlineEntry[] | null = null;

/** Runs `build` and returns what it built with the headings it made, in order. */
export function withOutline<T>(build: () => T): { built: T; outline: OutlineEntry[] } {
  const previous = collecting;
  const outline: OutlineEntry[] = [];
  collecting = outline;
  try {
    return { built: build(), outline };
  } finally {
    collecting = previous;
  }
}

/** A heading paragraph; bookmarked (a hidden bookmark, "_" first) while an outline is collected. */
export function heading(level: 1 | 2, text: string): Paragraph {
  const style = level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2;
  if (collecting === null) return new Paragraph({ text, heading: style });
  const bookmark = `_Pamoja${collecting.length + 1}`;
  collecting.push({ level, text, bookmark });
  return new Paragraph({ heading: style, children: [new Bookmark({ id: bookmark, children: [new TextRun(text)] })] });
}

/** "Contents", one line per heading with dot leaders to its page number, then a page break. */
export function contentsPage(outline: readonly OutlineEntry[], orientation: Orientation): FileChild[] {
  const right = textWidth(orientation);
  return [
    new Paragraph({ children: [new TextRun({ text: 'Contents', bold: true, size: SIZE.h1, color: COLOURS.heading })], spacing: { after: 200 } }),
    ...outline.map(
      (entry) =>
        new Paragraph({
          tabStops: [{ type: TabStopType.RIGHT, position: right, leader: LeaderType.DOT }],
          indent: entry.level === 2 ? { left: 360 } : undefined,
          spacing: { before: entry.level === 1 ? 80 : 0, after: 40 },
          keepNext: entry.level === 1,
          children: [new TextRun({ text: entry.text, bold: entry.level === 1 }), new TextRun({ children: [new Tab()] }), new PageReference(entry.bookmark)],
        }),
    ),
    new Paragraph({ children: [new PageBreak()] }),
  ];
}
