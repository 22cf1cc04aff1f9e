import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type FileChild,
} from 'docx';
import { keyValueTable, spacer, type CellValue } from './blocks';
import { displayDate } from './format';
import type { DocMeta } from './page';
import { COLOURS, SIZE } from './theme';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const centred = (text: string, run: { size: number; bold?: boolean; color?: string; allCaps?: boolean; characterSpacing?: number }, after = 120) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, children: [new TextRun({ text, ...run })] });

/** About 2.5 cm square: where the county's emblem goes, pasted in Word or stamped on the printed copy. */
const EMBLEM_SIZE = 1420;

function emblemPlaceholder(): Table {
  const border = { style: BorderStyle.DASHED, size: 4, color: COLOURS.rule };
  return new Table({
    alignment: AlignmentType.CENTER,
    layout: TableLayoutType.FIXED,
    width: { size: EMBLEM_SIZE, type: WidthType.DXA },
    columnWidths: [EMBLEM_SIZE],
    rows: [
      new TableRow({
        height: { value: EMBLEM_SIZE, rule: HeightRule.EXACT },
        children: [
          new TableCell({
            width: { size: EMBLEM_SIZE, type: WidthType.DXA },
            verticalAlign: VerticalAlign.CENTER,
            borders: { top: border, bottom: border, left: border, right: border },
            children: [
              new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: 'County emblem', size: SIZE.small, color: COLOURS.muted })] }),
            ],
          }),
        ],
      }),
    ],
  });
}

/**
 * The first page: who issues the document, what it is, for which fiscal year, and the version,
 * status, fingerprint and date a reader needs to know which copy they hold.
 */
export function coverPage(
  meta: DocMeta,
  options: { issuer: string | null; subtitle: string | readonly string[]; period?: string; extra?: readonly (readonly [string, CellValue])[] },
): FileChild[] {
  const rows: (readonly [string, CellValue])[] = [
    ['Fiscal year', options.period ?? `FY ${meta.fiscalYear}`],
    ['Plan version', meta.versionLabel],
    ['Status', meta.statusLabel],
    ['Content fingerprint', { text: meta.fingerprint, note: 'Identifies the data this copy was produced from.' }],
    ['Date', displayDate(meta.generatedOn)],
    ...(options.extra ?? []),
  ];
  // "County Government of Isiolo – Department of …" under "County Government of Isiolo": say it once.
  const issuer = options.issuer?.replace(new RegExp(`^County Government of ${escapeRegExp(meta.countyName)}\\s*[–—,:-]\\s*`, 'i'), '') ?? null;
  return [
    spacer(500),
    emblemPlaceholder(),
    spacer(240),
    centred('Republic of Kenya', { size: SIZE.body + 2, bold: true, color: COLOURS.muted, allCaps: true, characterSpacing: 40 }, 60),
    centred(`County Government of ${meta.countyName}`, { size: 30, bold: true, color: COLOURS.heading, allCaps: true, characterSpacing: 20 }, 80),
    ...(issuer ? [centred(issuer, { size: SIZE.body + 2, color: COLOURS.muted }, 0)] : []),
    spacer(1500),
    centred(meta.documentTitle, { size: SIZE.title, bold: true, color: COLOURS.heading }, 200),
    ...(typeof options.subtitle === 'string' ? [options.subtitle] : options.subtitle).map((line, index, all) =>
      centred(line, { size: index === 0 ? SIZE.subtitle : SIZE.h2 }, index === all.length - 1 ? 1500 : 120),
    ),
    ...keyValueTable('portrait', rows, 1, 2.2),
    new Paragraph({ children: [new PageBreak()] }),
  ];
}
