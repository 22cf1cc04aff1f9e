import { promisify } from 'node:util';
import zlib from 'node:zlib';

/**
 * A .docx (an OPC package) as a zip file, compressed by Node's own zlib. docx zips with fflate's
 * JavaScript deflate, which took over half a second for the 22 MB document.xml of the
 * 5,000-activity plan and compressed the PNG pictures again for nothing; native zlib does the
 * same work in about a tenth of the time, on libuv's threads.
 *
 * Every entry's sizes and CRC are known before it is written, so the local headers carry them
 * (no data descriptors) and no entry needs ZIP64: a document's parts stay far below 4 GiB.
 */

export interface PackageEntry {
  /** Path inside the package, e.g. "word/document.xml". */
  path: string;
  data: Uint8Array;
}

const deflateRaw = promisify(zlib.deflateRaw);

/** Pictures that are compressed already: stored as they are. */
const STORED = /\.(png|jpe?g|gif|emf\.gz|wdp)$/i;
const METHOD = { stored: 0, deflated: 8 } as const;
/** Bit 11: names are UTF-8. */
const UTF8_NAMES = 0x0800;
const VERSION = 20;

function dosDateTime(date: Date): { time: number; day: number } {
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    day: (Math.max(0, date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

interface Written {
  name: Buffer;
  method: number;
  crc: number;
  size: number;
  compressed: Uint8Array;
  offset: number;
}

/**
 * The zip file of the entries, in the order given (as docx orders a package's parts). `level` is
 * zlib's: 6 for documents kept and printed; 1 where many files are made at once and a few per cent
 * of size matter less than the time (a reporting round's templates).
 */
export async function zipPackage(entries: readonly PackageEntry[], modified = new Date(), level = 6): Promise<Buffer> {
  const { time, day } = dosDateTime(modified);
  const compressed = await Promise.all(
    entries.map(async ({ path, data }) => {
      const method = STORED.test(path) ? METHOD.stored : METHOD.deflated;
      return { method, bytes: method === METHOD.stored ? data : await deflateRaw(data, { level }) };
    }),
  );
  const chunks: Uint8Array[] = [];
  const written: Written[] = [];
  let offset = 0;
  entries.forEach(({ path, data }, index) => {
    const { method, bytes } = compressed[index] ?? { method: METHOD.stored, bytes: data };
    const name = Buffer.from(path, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(UTF8_NAMES, 6);
    header.writeUInt16LE(method, 8);
    header.writeUInt16LE(time, 10);
    header.writeUInt16LE(day, 12);
    const crc = zlib.crc32(data);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(bytes.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(name.length, 26);
    header.writeUInt16LE(0, 28);
    chunks.push(header, name, bytes);
    written.push({ name, method, crc, size: data.length, compressed: bytes, offset });
    offset += header.length + name.length + bytes.length;
  });
  const directoryStart = offset;
  for (const entry of written) {
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(VERSION, 4);
    record.writeUInt16LE(VERSION, 6);
    record.writeUInt16LE(UTF8_NAMES, 8);
    record.writeUInt16LE(entry.method, 10);
    record.writeUInt16LE(time, 12);
    record.writeUInt16LE(day, 14);
    record.writeUInt32LE(entry.crc, 16);
    record.writeUInt32LE(entry.compressed.length, 20);
    record.writeUInt32LE(entry.size, 24);
    record.writeUInt16LE(entry.name.length, 28);
    // Extra field, comment, disk number, internal attributes, external attributes: none.
    record.writeUInt32LE(entry.offset, 42);
    chunks.push(record, entry.name);
    offset += record.length + entry.name.length;
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(written.length, 8);
  end.writeUInt16LE(written.length, 10);
  end.writeUInt32LE(offset - directoryStart, 12);
  end.writeUInt32LE(directoryStart, 16);
  chunks.push(end);
  return Buffer.concat(chunks);
}
