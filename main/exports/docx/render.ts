import { Document, type ISectionOptions } from 'docx';
import { estimatePageNumbers } from 'docx/layout';
import { packDocx } from './pack';
import type { DocMeta } from './page';
import { documentStyles } from './theme';

/**
 * Packs sections into a .docx file (pack.ts: docx writes the parts, Node's zlib zips them).
 *
 * `pageNumbers`: lay the pages out as Word does (docx's estimator) so the contents page's PAGEREF
 * fields carry their numbers and Word shows them without updating fields (contents.ts). Laying out
 * costs about a second per hundred pages, so a very large plan skips it and asks Word to fill the
 * numbers in when it opens the file instead; LibreOffice computes them itself either way.
 */
export async function renderDocx(meta: DocMeta, sections: ISectionOptions[], options: { pageNumbers?: boolean } = {}): Promise<Buffer> {
  const document = new Document({
    creator: 'Pamoja JWP',
    title: `${meta.documentTitle} – ${meta.cycleTitle}`,
    subject: `${meta.countyName} County, FY ${meta.fiscalYear}`,
    description: `${meta.versionLabel}; content fingerprint ${meta.fingerprint}`,
    styles: documentStyles,
    features: { updateFields: options.pageNumbers === false },
    ...(options.pageNumbers ? { pageNumbers: estimatePageNumbers } : {}),
    sections,
  });
  return packDocx(document);
}
