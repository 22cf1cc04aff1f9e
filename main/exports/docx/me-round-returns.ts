import type { FileChild } from 'docx';
import { bullet, dataTable, heading2, para } from './blocks';

/** The reporting round's returns in the M&E progress report (main/rounds/report.ts gathers them). */
export interface RoundReturnsSection {
  title: string;
  intro: string;
  /** Organisation, asked (how, when), returned, state, still missing. */
  rows: string[][];
  /** "No return for Q2 from NUTRI+.", one per organisation that did not report. */
  noReturns: string[];
}

export function roundReturnsBlocks(section: RoundReturnsSection | null): FileChild[] {
  if (!section) return [];
  return [
    heading2(section.title),
    para(section.intro),
    ...dataTable({
      orientation: 'portrait',
      columns: [
        { header: 'Organisation', weight: 1 },
        { header: 'Asked', weight: 1.3 },
        { header: 'Returned', weight: 1 },
        { header: 'State', weight: 1 },
        { header: 'Still missing', weight: 1.6 },
      ],
      rows: section.rows,
      empty: 'No organisation was asked in this round.',
    }),
    ...section.noReturns.map((line) => bullet(line)),
  ];
}
