import { Document, Packer, type ISectionOptions } from 'docx';
import type { DocMeta } from './page';
import { documentStyles } from './theme';

/** Packs sections into a .docx file. The only async step: docx zips in a promise. */
export async function renderDocx(meta: DocMeta, sections: ISectionOptions[], options: { updateFields?: boolean } = {}): Promise<Buffer> {
  const document = new Document({
    creator: 'Pamoja JWP',
    title: `${meta.documentTitle} – ${meta.cycleTitle}`,
    subject: `${meta.countyName} County, FY ${meta.fiscalYear}`,
    description: `${meta.versionLabel}; content fingerprint ${meta.fingerprint}`,
    styles: documentStyles,
    // Word fills the table of contents' page numbers from its own layout when the file opens.
    features: { updateFields: options.updateFields ?? false },
    sections,
  });
  return Packer.toBuffer(document);
}
