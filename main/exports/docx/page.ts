import { AlignmentType, Footer, Header, PageNumber, PageOrientation, Paragraph, Tab, TabStopType, TextRun, type FileChild, type ISectionOptions } from 'docx';
import { formatDisplayDate } from '../../../shared/dates';
import { A4, COLOURS, HEADER_FOOTER_DISTANCE, MARGIN, SIZE, textWidth, type Orientation } from './theme';
import type { PrintedVersion } from './index';

/** What every page of a deliverable says about where it comes from: printed in its header and footer. */
export interface DocMeta {
  /** "Joint Work Plan", "Budget", … */
  documentTitle: string;
  countyName: string;
  cycleTitle: string;
  fiscalYear: string;
  /** "Working draft (not yet approved)", "Version 1 (approved 27 Aug 2026)", … (issue 6). */
  versionLabel: string;
  /** The version's state, number and approval, for documents that word themselves by it. */
  version: PrintedVersion;
  /** The cycle's phase in words. */
  statusLabel: string;
  /** First 8 hex digits of the content's SHA-256 (main/exports/fingerprint.ts). */
  fingerprint: string;
  /** ISO date the document was produced. */
  generatedOn: string;
}

const small = (text: string) => new TextRun({ text, size: SIZE.small, color: COLOURS.muted });

function footer(meta: DocMeta, orientation: Orientation): Footer {
  const rightTab = [{ type: TabStopType.RIGHT, position: textWidth(orientation) }];
  return new Footer({
    children: [
      new Paragraph({
        tabStops: rightTab,
        border: { top: { style: 'single', size: 4, color: COLOURS.rule, space: 4 } },
        spacing: { after: 0 },
        children: [
          new TextRun({
            text: meta.cycleTitle.includes(meta.countyName) ? meta.cycleTitle : `${meta.countyName} County · ${meta.cycleTitle}`,
            size: SIZE.small,
          }),
          new TextRun({ children: [new Tab(), 'Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: SIZE.small, bold: true }),
        ],
      }),
      new Paragraph({
        spacing: { after: 0 },
        children: [small(`Version: ${meta.versionLabel} · Content fingerprint ${meta.fingerprint} · Produced ${formatDisplayDate(meta.generatedOn)}`)],
      }),
    ],
  });
}

function header(meta: DocMeta): Header {
  return new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [small(`${meta.documentTitle} · FY ${meta.fiscalYear}`)] })] });
}

/**
 * One section of pages in one orientation, with the shared header and footer. A cover section shows
 * neither on its first page.
 */
export function section(meta: DocMeta, orientation: Orientation, children: FileChild[], options: { cover?: boolean } = {}): ISectionOptions {
  const blankFooter = new Footer({ children: [new Paragraph({ children: [] })] });
  const blankHeader = new Header({ children: [new Paragraph({ children: [] })] });
  return {
    properties: {
      titlePage: options.cover ?? false,
      page: {
        size: { width: A4.width, height: A4.height, orientation: orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: HEADER_FOOTER_DISTANCE, footer: HEADER_FOOTER_DISTANCE },
      },
    },
    headers: options.cover ? { default: header(meta), first: blankHeader } : { default: header(meta) },
    footers: options.cover ? { default: footer(meta, orientation), first: blankFooter } : { default: footer(meta, orientation) },
    children,
  };
}
