/**
 * The one way every file the app writes for people is named, so a county officer finds them side
 * by side in a folder and knows each at a glance:
 *
 *   <county>-jwp-<fy>-<document>[-<organisation>][-<period>][-<tag>].<extension>
 *
 * e.g. `isiolo-jwp-2026-27-plan-3f9a0c12.docx`, `isiolo-jwp-2026-27-partner-template-udra-q2.xlsx`.
 * Lower-case ASCII letters, digits and hyphens only: the name survives e-mail, USB sticks, Windows
 * and WhatsApp unchanged. The tag is what tells two copies of one document apart (a Word plan's
 * fingerprint, a bundle's date).
 */

/** Every document the app names, in the words it carries in the file name. */
export const EXPORT_DOCUMENTS = [
  'plan',
  'budget',
  'me-report',
  'approval-pack',
  'workbook',
  'blank-workbook',
  'partner-template',
  'full-bundle',
  'partner-bundle',
  'calendar',
  'overlap-clusters',
  'round-requests',
  'round-reminders',
  'request',
  'reminder',
] as const;
export type ExportDocument = (typeof EXPORT_DOCUMENTS)[number];

export type ExportExtension = 'docx' | 'xlsx' | 'jwpb' | 'ics' | 'csv' | 'zip' | 'eml';

export interface ExportFileNameParts {
  /** The cycle the file comes from; null for a file of no cycle (the blank workbook). */
  cycle: { countyName: string; fiscalYear: string } | null;
  document: ExportDocument;
  /** The organisation a partner's file is for: its short name where it has one. */
  organisation?: string | null;
  /** A reporting period's key, e.g. "Q2". */
  period?: string | null;
  /** What tells two copies apart: a fingerprint, a date (YYYY-MM-DD). */
  tag?: string | null;
  extension: ExportExtension;
}

/** An organisation's name can be long; the folder view still shows the document and the period. */
const MAX_ORGANISATION_CHARS = 40;

/** Lower-case ASCII words joined by single hyphens: accents dropped ("Mûrang'a" → "murang-a"), the rest a hyphen. */
export function fileNamePart(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Cut at a whole word: "northern-rangelands-trust-livestock-marketing" → "northern-rangelands-trust-livestock". */
function shortened(words: string, max: number): string {
  if (words.length <= max) return words;
  const cut = words.slice(0, max + 1);
  return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : max);
}

export function exportFileName(parts: ExportFileNameParts): string {
  const county = parts.cycle ? fileNamePart(parts.cycle.countyName.replace(/\s+county$/i, '')) : '';
  const organisation = shortened(fileNamePart(parts.organisation ?? ''), MAX_ORGANISATION_CHARS);
  const words = [
    county,
    'jwp',
    parts.cycle ? fileNamePart(parts.cycle.fiscalYear) : '',
    parts.document,
    organisation,
    fileNamePart(parts.period ?? ''),
    fileNamePart(parts.tag ?? ''),
  ];
  return `${words.filter((word) => word !== '').join('-')}.${parts.extension}`;
}
