import zlib from 'node:zlib';
import { renderAsync } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { encodePng } from '../../../main/exports/graphics/png';

interface Chunk {
  type: string;
  data: Buffer;
  crcOk: boolean;
}

/** The chunks of a PNG file, each with whether its CRC matches. */
function chunks(png: Buffer): Chunk[] {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const found: Chunk[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.subarray(at + 4, at + 8).toString('latin1');
    const data = png.subarray(at + 8, at + 8 + length);
    found.push({ type, data, crcOk: png.readUInt32BE(at + 8 + length) === zlib.crc32(png.subarray(at + 4, at + 8 + length)) });
    at += 12 + length;
  }
  return found;
}

describe('PNG files of rendered pictures', () => {
  it('hold exactly the pixels given, row by row, with valid chunks and the print resolution', async () => {
    const width = 3;
    const height = 2;
    const rgba = Uint8Array.from({ length: width * height * 4 }, (_, i) => (i * 37) % 256);
    const png = await encodePng(rgba, width, height, 300);
    const found = chunks(png);
    expect(found.map((c) => c.type)).toEqual(['IHDR', 'pHYs', 'IDAT', 'IEND']);
    expect(found.every((c) => c.crcOk)).toBe(true);
    const [header, physical, data] = found;
    expect(header?.data.readUInt32BE(0)).toBe(width);
    expect(header?.data.readUInt32BE(4)).toBe(height);
    expect([...(header?.data.subarray(8) ?? [])]).toEqual([8, 6, 0, 0, 0]);
    // 300 dpi = 11,811 pixels per metre, in both directions.
    expect(physical?.data.readUInt32BE(0)).toBe(11811);
    expect(physical?.data.readUInt32BE(4)).toBe(11811);
    expect(physical?.data[8]).toBe(1);
    const rows = zlib.inflateSync(data?.data ?? Buffer.alloc(0));
    const stride = width * 4;
    expect(rows.length).toBe((stride + 1) * height);
    for (let y = 0; y < height; y++) {
      expect(rows[y * (stride + 1)]).toBe(0);
      expect([...rows.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1))]).toEqual([...rgba.subarray(y * stride, (y + 1) * stride)]);
    }
  });

  it('read back by resvg as the same picture resvg drew', async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#fff"/><rect x="5" y="5" width="20" height="10" fill="#1f3864"/><circle cx="32" cy="10" r="6" fill="#c00000"/></svg>';
    const drawn = await renderAsync(svg, { background: '#ffffff' });
    const png = await encodePng(drawn.pixels, drawn.width, drawn.height, 96);
    const embedded = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="20"><image width="40" height="20" xlink:href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
    const again = await renderAsync(embedded, { background: '#ffffff' });
    expect(again.pixels.equals(drawn.pixels)).toBe(true);
  });

  it('refuses pixels that do not fill the size given', async () => {
    await expect(encodePng(new Uint8Array(10), 2, 2, 300)).rejects.toThrow('A 2 × 2 picture has 16 bytes of pixels, not 10.');
  });
});
