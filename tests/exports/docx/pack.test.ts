import { Document, Paragraph, TextRun } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { packDocx } from '../../../main/exports/docx/pack';
import { prebuiltTable } from '../../../main/exports/docx/prebuilt-table';
import { zipPackage } from '../../../main/exports/docx/zip-package';
import { tables } from './docx-reader';

/** Each entry of a zip file as its local header describes it (method, CRC, sizes), walked from the start. */
function localEntries(zip: Buffer): { name: string; method: number; compressedSize: number; size: number; flags: number }[] {
  const found = [];
  for (let at = 0; zip.readUInt32LE(at) === 0x04034b50;) {
    const flags = zip.readUInt16LE(at + 6);
    const method = zip.readUInt16LE(at + 8);
    const compressedSize = zip.readUInt32LE(at + 18);
    const size = zip.readUInt32LE(at + 22);
    const nameLength = zip.readUInt16LE(at + 26);
    const extraLength = zip.readUInt16LE(at + 28);
    found.push({ name: zip.subarray(at + 30, at + 30 + nameLength).toString('utf8'), method, compressedSize, size, flags });
    at += 30 + nameLength + extraLength + compressedSize;
  }
  return found;
}

const table = (rows: string[][]) =>
  prebuiltTable(
    rows.map((cells) => ({ cells: cells.map((text) => ({ paragraphs: [{ style: 'TableText', runs: [{ text }] }] })) })),
    { columnWidths: [2000, 3000], border: { size: 4, color: 'A6A6A6' }, margins: { top: 45, bottom: 45, left: 85, right: 85 } },
  );

describe('packing a .docx', () => {
  it('zips every entry with its sizes in the local header, deflating text and storing pictures, and unzips to the same bytes', async () => {
    const xml = new TextEncoder().encode('<?xml version="1.0"?>' + '<w:p/>'.repeat(1000));
    const png = Uint8Array.from({ length: 300 }, (_, i) => (i * 7) % 256);
    const zip = await zipPackage([
      { path: 'word/document.xml', data: xml },
      { path: 'word/media/image1.png', data: png },
      { path: 'docProps/ä.xml', data: new Uint8Array(0) },
    ]);
    const entries = localEntries(zip);
    expect(entries.map((e) => [e.name, e.method, e.size])).toEqual([
      ['word/document.xml', 8, xml.length],
      ['word/media/image1.png', 0, png.length],
      ['docProps/ä.xml', 8, 0],
    ]);
    expect(entries[0]?.compressedSize).toBeLessThan(xml.length / 10);
    // No data descriptors (bit 3); names are UTF-8 (bit 11).
    expect(entries.every((e) => e.flags === 0x0800)).toBe(true);
    const files = unzipSync(zip);
    expect(Object.keys(files)).toEqual(['word/document.xml', 'word/media/image1.png', 'docProps/ä.xml']);
    expect(files['word/document.xml']).toEqual(xml);
    expect(files['word/media/image1.png']).toEqual(png);
  });

  it('puts each prebuilt table where docx wrote its marker, in document order, and leaves no marker behind', async () => {
    const document = new Document({
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun('Before & after <tables>')] }),
            table([
              ['A1', 'Wajir & Isiolo'],
              ['A2', '<b>not markup</b>'],
            ]),
            new Paragraph('Between'),
            table([['B1', 'second']]),
          ],
        },
      ],
    });
    const xml = strFromU8(unzipSync(await packDocx(document))['word/document.xml'] ?? new Uint8Array(0));
    expect(xml).not.toContain('pamoja:table');
    expect(tables(xml)).toEqual([
      [
        ['A1', 'Wajir & Isiolo'],
        ['A2', '<b>not markup</b>'],
      ],
      [['B1', 'second']],
    ]);
    expect(xml.indexOf('Before &amp; after &lt;tables&gt;')).toBeLessThan(xml.indexOf('A1'));
    expect(xml.indexOf('Between')).toBeGreaterThan(xml.indexOf('A2'));
    expect(xml.indexOf('Between')).toBeLessThan(xml.indexOf('B1'));
    // Packed twice, the same document gives the same document.xml.
    expect(strFromU8(unzipSync(await packDocx(document))['word/document.xml'] ?? new Uint8Array(0))).toBe(xml);
  });
});
