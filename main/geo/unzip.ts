import { inflateRawSync } from 'node:zlib';
import { Unzip, unzipSync, type AsyncFlateStreamHandler, type FlateError, type UnzipDecoder } from 'fflate';
import { errorCode } from '../db/row-values';
import { geoFileProblem } from './problems';

/**
 * Opening a zipped shapefile without trusting the zip: sizes are checked from the zip's directory
 * before anything is unpacked (a "zip bomb" declares gigabytes), and again byte by byte while
 * unpacking (one that lies about its sizes is stopped as soon as it passes the limit).
 */
export const ZIP_LIMITS = {
  /** A whole country's wards at full detail unpack to about 60 MB. */
  maxEntryBytes: 150 * 1024 * 1024,
  maxTotalBytes: 250 * 1024 * 1024,
  maxEntries: 200,
  /** Unpacked ÷ packed for entries over 1 MB: shapefiles pack 2–5 times, a bomb thousands. */
  maxRatio: 100,
  ratioAppliesFrom: 1024 * 1024,
} as const;

export interface ZipEntryInfo {
  name: string;
  packed: number;
  unpacked: number;
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** The zip's directory, with its declared sizes checked; nothing is unpacked. */
export function listZip(bytes: Uint8Array, fileName: string): ZipEntryInfo[] {
  const entries: ZipEntryInfo[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries.push({ name: file.name, packed: file.size, unpacked: file.originalSize });
        return false;
      },
    });
  } catch {
    throw geoFileProblem(`"${fileName}" is a damaged or incomplete zip file: it could not be opened. Ask for the file again.`);
  }
  if (entries.length > ZIP_LIMITS.maxEntries) throw geoFileProblem(`"${fileName}" holds ${entries.length} files; a zipped shapefile holds a handful.`);
  let total = 0;
  for (const entry of entries) {
    total += entry.unpacked;
    checkSize(fileName, entry.name, entry.unpacked, entry.packed, total);
  }
  return entries;
}

function checkSize(fileName: string, entryName: string, unpacked: number, packed: number, total: number): void {
  const bomb = `"${fileName}" looks like a zip bomb`;
  if (unpacked > ZIP_LIMITS.maxEntryBytes)
    throw geoFileProblem(
      `${bomb}: ${entryName} unpacks to ${mb(unpacked)}, more than any ward layer (the limit is ${mb(ZIP_LIMITS.maxEntryBytes)}). Nothing was read.`,
    );
  if (total > ZIP_LIMITS.maxTotalBytes) throw geoFileProblem(`${bomb}: it unpacks to more than ${mb(ZIP_LIMITS.maxTotalBytes)}. Nothing was read.`);
  if (unpacked > ZIP_LIMITS.ratioAppliesFrom && unpacked > Math.max(packed, 1) * ZIP_LIMITS.maxRatio)
    throw geoFileProblem(`${bomb}: ${entryName} unpacks ${Math.round(unpacked / Math.max(packed, 1))} times larger than it is packed. Nothing was read.`);
}

/** Raised by the decoder below when an entry inflates past the limit. */
const TOO_LARGE = -20;

/**
 * Inflates an entry with the system's zlib, which stops as soon as the output passes the limit
 * (a bomb that lies about its size is caught after 150 MB, in a fraction of a second, where a
 * JavaScript inflater would first grow a buffer to the bomb's full size).
 */
class GuardedInflate implements UnzipDecoder {
  static readonly compression = 8;
  ondata: AsyncFlateStreamHandler = () => undefined;
  private readonly chunks: Uint8Array[] = [];

  push(chunk: Uint8Array, final: boolean): void {
    this.chunks.push(chunk.slice());
    if (!final) return;
    try {
      this.ondata(null, inflateRawSync(Buffer.concat(this.chunks), { maxOutputLength: ZIP_LIMITS.maxEntryBytes }), true);
    } catch (error) {
      const tooLarge = error instanceof RangeError || errorCode(error) === 'ERR_BUFFER_TOO_LARGE';
      this.ondata(Object.assign(new Error('inflate'), { code: tooLarge ? TOO_LARGE : 0 }) satisfies FlateError, new Uint8Array(0), true);
    }
  }
}

/**
 * Unpacks the named entries (undefined ones aside), counting the bytes actually inflated against
 * the same limits. Returns the bytes of each by its name; every one named was unpacked.
 */
export function unzipEntries(bytes: Uint8Array, fileName: string, names: readonly (string | undefined)[]): (name: string) => Uint8Array {
  const wanted = new Set(names.filter((name) => name !== undefined));
  const out = new Map<string, Uint8Array>();
  let total = 0;
  let failure: Error | null = null;
  const unzip = new Unzip((file) => {
    if (!wanted.has(file.name) || failure) return;
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) {
        failure =
          error.code === TOO_LARGE
            ? geoFileProblem(
                `"${fileName}" looks like a zip bomb: ${file.name} unpacks to more than ${mb(ZIP_LIMITS.maxEntryBytes)}, more than any ward layer. Nothing was read.`,
              )
            : geoFileProblem(`"${fileName}" is damaged: ${file.name} inside it could not be unpacked. Ask for the file again.`);
        return;
      }
      size += chunk.length;
      total += chunk.length;
      try {
        checkSize(fileName, file.name, size, file.size ?? bytes.length, total);
      } catch (problem) {
        failure = problem instanceof Error ? problem : new Error(String(problem));
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) out.set(file.name, Buffer.concat(chunks));
    };
    file.start();
  });
  unzip.register(GuardedInflate);
  try {
    unzip.push(bytes, true);
  } catch {
    failure ??= geoFileProblem(`"${fileName}" is a damaged or incomplete zip file: it could not be unpacked. Ask for the file again.`);
  }
  if (failure) throw failure;
  const unpacked = (name: string): Uint8Array => {
    const entry = out.get(name);
    if (!entry) throw geoFileProblem(`"${fileName}" is damaged: ${name} inside it could not be unpacked.`);
    return entry;
  };
  for (const name of wanted) unpacked(name);
  return unpacked;
}
