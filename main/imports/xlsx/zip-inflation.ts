import { inflateRawSync } from 'node:zlib';
import { errorCode } from '../../db/row-values';

/**
 * What a workbook's zip really unpacks to, measured by inflating every entry, never by the sizes
 * it declares: a "zip bomb" declares small sizes and inflates to gigabytes. Each entry is inflated
 * at most to the size it declares (those sizes are checked against the limits first), so a file
 * that lies is stopped a byte past its claim, and one that tells the truth is stopped before it
 * starts. The entries are read the way Excel's own readers (and exceljs) read them: from the
 * central directory, data at each local header.
 */

export const WORKBOOK_ZIP_LIMITS = {
  /** One entry, unpacked: a sheet of a partner template is a few megabytes. */
  maxEntryBytes: 100 * 1024 * 1024,
  /** All entries together, unpacked. A template with 100,000 formatted rows unpacks to 8 MB. */
  maxTotalBytes: 150 * 1024 * 1024,
  maxEntries: 10_000,
  /** Unpacked ÷ packed, for entries over `ratioAppliesFrom`; Excel's XML packs 3–20 times. */
  maxRatio: 200,
  ratioAppliesFrom: 1024 * 1024,
} as const;

export interface ZipEntrySize {
  name: string;
  /** Bytes actually produced by unpacking the entry. */
  bytes: number;
}

/** Why a zip was not opened, in words for the person who chose the file. */
export class ZipProblem extends Error {
  constructor(
    /** `damaged`: cut short or broken; `refused`: well-formed but over a limit, or lying about its sizes. */
    readonly kind: 'damaged' | 'refused',
    message: string,
    /** Bytes inflated before the problem was found (bounded by the limits whatever the file says). */
    readonly inflatedBytes: number,
  ) {
    super(message);
    this.name = 'ZipProblem';
  }
}

const END_SIG = 0x06054b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const MB = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`);

interface CentralEntry {
  name: string;
  flags: number;
  method: number;
  packed: number;
  declared: number;
  offset: number;
}

/** Unpacks every entry of `file` just to count its bytes; throws a ZipProblem at the first limit or lie. */
export function measureZip(file: Uint8Array, limits = WORKBOOK_ZIP_LIMITS): ZipEntrySize[] {
  return unpackZip(file, () => false, limits).sizes;
}

/**
 * Unpacks every entry, measured as measureZip does, and keeps the unpacked bytes of the entries
 * `keep` names: one pass does the safety check and the reading (sheets are then read from these).
 */
export function unpackZip(
  file: Uint8Array,
  keep: (name: string) => boolean,
  limits = WORKBOOK_ZIP_LIMITS,
): { sizes: ZipEntrySize[]; kept: Map<string, Buffer> } {
  const entries = readCentralDirectory(file, limits);
  let declaredTotal = 0;
  for (const entry of entries) {
    declaredTotal += entry.declared;
    if (entry.declared > limits.maxEntryBytes) throw new ZipProblem('refused', `it says ${entry.name} unpacks to ${MB(entry.declared)}`, 0);
    if (entry.declared > limits.ratioAppliesFrom && entry.declared > entry.packed * limits.maxRatio) {
      throw new ZipProblem('refused', `it says ${entry.name} unpacks to ${MB(entry.declared)} from ${MB(entry.packed)}, as a "zip bomb" does`, 0);
    }
  }
  if (declaredTotal > limits.maxTotalBytes) throw new ZipProblem('refused', `it says it unpacks to ${MB(declaredTotal)}`, 0);

  let inflated = 0;
  const sizes: ZipEntrySize[] = [];
  const kept = new Map<string, Buffer>();
  for (const entry of entries) {
    const data = dataOf(file, entry, inflated);
    let bytes: number;
    if (entry.method === 0) {
      bytes = data.length;
      if (keep(entry.name)) kept.set(entry.name, Buffer.from(data));
    } else {
      try {
        // One byte more than the entry claims: enough to prove a lie, never more.
        // Output in pieces of up to 1 MB rather than zlib's 16 KB: several times faster on a sheet of megabytes.
        const chunkSize = Math.max(64, Math.min(entry.declared + 1, 1 << 20));
        const unpacked = inflateRawSync(data, { maxOutputLength: entry.declared + 1, chunkSize });
        bytes = unpacked.length;
        if (keep(entry.name)) kept.set(entry.name, unpacked);
      } catch (error) {
        const code = errorCode(error);
        if (code === 'ERR_BUFFER_TOO_LARGE') {
          inflated += entry.declared + 1;
          throw new ZipProblem(
            'refused',
            `${entry.name} says it unpacks to ${MB(entry.declared)} but holds more; unpacking was stopped there, as a "zip bomb" would fill the memory`,
            inflated,
          );
        }
        throw new ZipProblem('damaged', `${entry.name} cannot be unpacked`, inflated);
      }
    }
    inflated += bytes;
    if (bytes !== entry.declared) throw new ZipProblem('damaged', `${entry.name} is not the size it says`, inflated);
    sizes.push({ name: entry.name, bytes });
  }
  return { sizes, kept };
}

function dataOf(file: Uint8Array, entry: CentralEntry, inflated: number): Uint8Array {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  if (entry.offset + 30 > file.length || view.getUint32(entry.offset, true) !== LOCAL_SIG)
    throw new ZipProblem('damaged', `the header of ${entry.name} is missing`, inflated);
  const start = entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true);
  if (start + entry.packed > file.length) throw new ZipProblem('damaged', `${entry.name} is cut short`, inflated);
  return file.subarray(start, start + entry.packed);
}

function readCentralDirectory(file: Uint8Array, limits: typeof WORKBOOK_ZIP_LIMITS): CentralEntry[] {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  let end = -1;
  // The end record sits at the end, after a comment of at most 65,535 bytes.
  for (let at = file.length - 22; at >= Math.max(0, file.length - 22 - 0xffff); at--) {
    if (u32(at) === END_SIG) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipProblem('damaged', 'its table of contents is missing (it may be cut short)', 0);
  const count = u16(end + 10);
  const size = u32(end + 12);
  const start = u32(end + 16);
  if (count === 0xffff || size === 0xffffffff || start === 0xffffffff) {
    throw new ZipProblem('refused', 'it uses the ZIP64 format for archives of gigabytes, which no partner template needs', 0);
  }
  if (count > limits.maxEntries) throw new ZipProblem('refused', `it holds ${count} files`, 0);
  if (start + size > end) throw new ZipProblem('damaged', 'its table of contents is out of place', 0);
  const entries: CentralEntry[] = [];
  const names = new Set<string>();
  let at = start;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || u32(at) !== CENTRAL_SIG) throw new ZipProblem('damaged', 'its table of contents is cut short', 0);
    const nameLength = u16(at + 28);
    const name = Buffer.from(file.subarray(at + 46, at + 46 + nameLength)).toString('utf8');
    const entry: CentralEntry = { name, flags: u16(at + 8), method: u16(at + 10), packed: u32(at + 20), declared: u32(at + 24), offset: u32(at + 42) };
    // A second entry of one name would be a second workbook hidden behind the first.
    if (names.has(name)) throw new ZipProblem('refused', `it holds ${name} twice`, 0);
    names.add(name);
    if (entry.flags & 0x1) throw new ZipProblem('refused', 'it is encrypted', 0);
    if (entry.method !== 0 && entry.method !== 8) throw new ZipProblem('refused', `${name} is packed in a way Excel does not use`, 0);
    if (entry.method === 0 && entry.packed !== entry.declared) throw new ZipProblem('damaged', `${name} has two different sizes`, 0);
    entries.push(entry);
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);
  }
  return entries;
}
