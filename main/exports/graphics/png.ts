import { promisify } from 'node:util';
import zlib from 'node:zlib';

/**
 * PNG files of rendered pictures, compressed on libuv's threads by Node's zlib.
 *
 * resvg's own `asPng()` encodes on the JavaScript thread: for the two ward maps and four charts of
 * the Word plan at 300 dpi that held the export up for most of a second while nothing else could
 * run, and its files were a third larger. Here the JavaScript thread only lays the rows out; the
 * deflate runs beside the rest of the export.
 */

const deflate = promisify(zlib.deflate);

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const METRES_PER_INCH = 0.0254;

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(zlib.crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * An 8-bit RGBA PNG of `rgba` (`width` × `height` pixels, rows top to bottom), marked as printed at
 * `dpi` so a program that opens the file alone prints it at its intended size. Every row is written
 * unfiltered: on drawings of flat colours that compresses better than resvg's adaptive filters did.
 */
export async function encodePng(rgba: Uint8Array, width: number, height: number, dpi: number): Promise<Buffer> {
  const stride = width * 4;
  if (rgba.length !== stride * height) throw new Error(`A ${width} × ${height} picture has ${stride * height} bytes of pixels, not ${rgba.length}.`);
  const rows = Buffer.allocUnsafe((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const at = y * (stride + 1);
    rows[at] = 0; // filter type: none
    rows.set(rgba.subarray(y * stride, (y + 1) * stride), at + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // colour type: RGBA; compression, filter method and interlace stay 0
  const pixelsPerMetre = Math.round(dpi / METRES_PER_INCH);
  const physical = Buffer.alloc(9);
  physical.writeUInt32BE(pixelsPerMetre, 0);
  physical.writeUInt32BE(pixelsPerMetre, 4);
  physical[8] = 1; // unit: metre
  const compressed = await deflate(rows, { level: 6 });
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('pHYs', physical), chunk('IDAT', compressed), chunk('IEND', new Uint8Array(0))]);
}
