import { Document, Packer } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { CHART_FONT_FAMILY, el, figureParagraphs, rasterise, svgDocument, svgPicture, text } from '../../../main/exports/graphics/index';

/** Width and height from a PNG's IHDR chunk (bytes 16–23). */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

const drawing = svgDocument(
  200,
  100,
  el('rect', { x: 0, y: 0, width: 100, height: 100, fill: '#000000' }) + text(110, 50, 'Wajir & <Isiolo> "NDMA"', { 'font-size': 10 }),
  CHART_FONT_FAMILY,
);

describe('SVG pictures for the Word deliverables', () => {
  it('escapes user text once, so names with & and < stay text', () => {
    expect(drawing).toContain('Wajir &amp; &lt;Isiolo&gt; &quot;NDMA&quot;');
    expect(drawing).not.toContain('<Isiolo>');
  });

  it('rasterises at 300 dots per inch of the printed width', async () => {
    const png = await rasterise(drawing, 50.8); // 2 inches
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(pngSize(png)).toEqual({ width: 600, height: 300 });
  });

  it('places the SVG and its PNG fallback in the .docx, at the printed size, with alternative text and a caption', async () => {
    const picture = await svgPicture(drawing, { widthMm: 80, heightMm: 40, title: 'Test chart', description: 'A black square' });
    const buffer = await Packer.toBuffer(new Document({ sections: [{ children: figureParagraphs(picture, 'Figure 1: A test') }] }));
    const files = unzipSync(buffer);
    const media = Object.keys(files).filter((name) => name.startsWith('word/media/'));
    expect(media.some((name) => name.endsWith('.svg'))).toBe(true);
    const pngName = media.find((name) => name.endsWith('.png'));
    expect(pngName).toBeDefined();
    const size = pngSize(Buffer.from(files[pngName as string] as Uint8Array));
    expect(size.width).toBe(Math.round((80 / 25.4) * 300));
    // The height follows the SVG's own aspect ratio (2:1), within a pixel of rounding.
    expect(Math.abs(size.height - size.width / 2)).toBeLessThanOrEqual(1);
    expect(strFromU8(files[media.find((name) => name.endsWith('.svg')) as string] as Uint8Array)).toBe(drawing);
    const xml = strFromU8(files['word/document.xml'] as Uint8Array);
    // 80 mm = 2,880,000 EMU (36,000 per mm), as docx rounds to whole 96-dpi pixels.
    expect(xml).toMatch(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/);
    const [, cx] = /<wp:extent cx="(\d+)"/.exec(xml) ?? [];
    expect(Math.abs(Number(cx) - 80 * 36_000)).toBeLessThan(10_000);
    expect(xml).toContain('asvg:svgBlip');
    expect(xml).toContain('descr="A black square"');
    expect(xml).toContain('Figure 1: A test');
  });
});
