import { createHash } from 'node:crypto';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { errorCode } from '../db/row-values';
import { BUNDLE_LIMITS } from './limits';
import { megabytes, refuse } from './refusal';

/**
 * The zip container of a bundle. Written here with fixed metadata; read by a strict parser
 * that accounts for every byte of the file: each header field is either a fixed value or checked
 * against its copy in the central directory, every entry's data is checked against its CRC, and
 * the contents against the signed manifest, and the whole archive against the SHA-256 in its
 * comment (deflate's padding bits are covered by nothing else). So a byte flipped anywhere in the
 * file is caught.
 */

/** Entry names are plain relative paths from a short list: `manifest.json`, `rows/activity.json`. */
export const ENTRY_NAME = /^[a-z]+(?:-[a-z]+)*(?:\/[a-zA-Z]+)?\.json$/;

const VERSION = 20;
const LOCAL_SIG = 0x04034b50;
const CENTRAL_SIG = 0x02014b50;
const END_SIG = 0x06054b50;
const LOCAL_HEADER = 30;
const CENTRAL_HEADER = 46;
const END_RECORD = 22;
const DOS_TIME = 0;
const DOS_DATE = 0x21;
/** The archive comment: `sha256:` and the hex digest of every byte before the end record. */
const COMMENT_LENGTH = 71;
const UNPACK_PIECE = 32 * 1024 * 1024;
const sha256Hex = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

export function writeZip(entries: ReadonlyMap<string, Uint8Array>): Uint8Array {
  return writePackedZip([...entries].map(([name, data]) => packEntry(name, data)));
}

/**
 * Level 1 of the system's zlib: several times faster than a JavaScript deflate on a county plan's
 * JSON, and within a few per cent of the default level's size.
 */
export const packData = (data: Uint8Array): Uint8Array => deflateRawSync(data, { level: 1 });

/** An entry as the writer packs it: tiny entries are stored, the rest deflated. */
export function packEntry(name: string, data: Uint8Array): PackedEntry {
  const method = data.length < 64 ? 0 : 8;
  return { name, method, packed: method === 0 ? data : packData(data), crc: crc32(data), size: data.length };
}

/** An entry already packed, with the CRC and unpacked size its headers state. */
export interface PackedEntry {
  name: string;
  method: 0 | 8;
  packed: Uint8Array;
  crc: number;
  size: number;
}

/** Lays out packed entries with the fixed metadata; the sizes are written as given (the corpus makes liars with it). */
export function writePackedZip(entries: readonly PackedEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const { name, method, packed, crc, size } of entries) {
    const nameBytes = Buffer.from(name, 'latin1');
    const local = Buffer.alloc(LOCAL_HEADER + nameBytes.length);
    local.writeUInt32LE(LOCAL_SIG, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    nameBytes.copy(local, LOCAL_HEADER);
    const entry = Buffer.alloc(CENTRAL_HEADER + nameBytes.length);
    entry.writeUInt32LE(CENTRAL_SIG, 0);
    entry.writeUInt16LE(VERSION, 4);
    entry.writeUInt16LE(VERSION, 6);
    entry.writeUInt16LE(method, 10);
    entry.writeUInt16LE(DOS_TIME, 12);
    entry.writeUInt16LE(DOS_DATE, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    nameBytes.copy(entry, CENTRAL_HEADER);
    parts.push(local, packed);
    central.push(entry);
    offset += local.length + packed.length;
  }
  const centralSize = central.reduce((sum, entry) => sum + entry.length, 0);
  const end = Buffer.alloc(END_RECORD);
  end.writeUInt32LE(END_SIG, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return withChecksum(Buffer.concat([...parts, ...central]), end);
}

/** Sets the archive comment to the SHA-256 of everything before the end record. */
export function withChecksum(body: Uint8Array, endRecord: Uint8Array): Uint8Array {
  const comment = Buffer.from(`sha256:${sha256Hex(body)}`, 'latin1');
  const out = new Uint8Array(body.length + END_RECORD + COMMENT_LENGTH);
  out.set(body, 0);
  out.set(endRecord.subarray(0, END_RECORD), body.length);
  new DataView(out.buffer).setUint16(body.length + 20, COMMENT_LENGTH, true);
  out.set(comment, body.length + END_RECORD);
  return out;
}

interface CentralEntry {
  name: string;
  method: number;
  crc: number;
  packed: number;
  size: number;
  offset: number;
}

const damaged = (detail: string): never => refuse(`The bundle file is damaged or was changed after it was made (${detail}). Ask the sender to send it again.`);

/** Reads every entry of a bundle zip, refusing anything our writer would not have produced. */
export function readZip(file: Uint8Array): Map<string, Uint8Array> {
  if (file.length > BUNDLE_LIMITS.maxFileBytes) {
    refuse(`The file is ${megabytes(file.length)}; a bundle may be at most ${megabytes(BUNDLE_LIMITS.maxFileBytes)}.`);
  }
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  if (file.length < 4 || u32(0) !== LOCAL_SIG) {
    if (file.length >= 4 && u32(0) === END_SIG) damaged('it holds no files');
    refuse('This file is not a Pamoja JWP bundle (it is not a bundle archive). Choose the .jwpb file the sender made.');
  }
  const plainZip = file.length >= LOCAL_HEADER + END_RECORD && u32(file.length - END_RECORD) === END_SIG && u16(file.length - 2) === 0;
  if (plainZip) refuse('This file is a zip archive, but not a Pamoja JWP bundle. Choose the .jwpb file the sender made.');
  if (file.length < LOCAL_HEADER + END_RECORD + COMMENT_LENGTH) damaged('it is cut short');
  // The end record is followed only by the checksum comment: at a fixed place from the end.
  const end = file.length - END_RECORD - COMMENT_LENGTH;
  if (u32(end) !== END_SIG) damaged('it is cut short, or has extra bytes at the end');
  const comment = Buffer.from(file.subarray(end + END_RECORD)).toString('latin1');
  if (u16(end + 20) !== COMMENT_LENGTH || comment !== `sha256:${sha256Hex(file.subarray(0, end))}`) damaged('its checksum does not match');
  const count = u16(end + 10);
  const centralSize = u32(end + 12);
  const centralStart = u32(end + 16);
  if (u16(end + 4) !== 0 || u16(end + 6) !== 0 || u16(end + 8) !== count) damaged('its end record is not valid');
  if (count === 0) damaged('it holds no files');
  if (count > BUNDLE_LIMITS.maxEntries) refuse(`The bundle holds ${count} files; a bundle has at most ${BUNDLE_LIMITS.maxEntries}.`);
  if (centralStart + centralSize !== end) damaged('its table of contents is out of place');

  const entries = readCentral(file, view, centralStart, count, end);
  checkSizes(entries);
  // Local headers and data must fill the file from byte 0 up to the table of contents, in order.
  const out = new Map<string, Uint8Array>();
  let at = 0;
  for (const entry of entries) {
    if (entry.offset !== at) damaged(`unexpected bytes before ${entry.name}`);
    if (at + LOCAL_HEADER > centralStart || u32(at) !== LOCAL_SIG) damaged(`the header of ${entry.name} is missing`);
    const nameLength = u16(at + 26);
    const fields = [u16(at + 4), u16(at + 6), u16(at + 8), u16(at + 10), u16(at + 12), u32(at + 14), u32(at + 18), u32(at + 22), nameLength, u16(at + 28)];
    const expected = [VERSION, 0, entry.method, DOS_TIME, DOS_DATE, entry.crc, entry.packed, entry.size, entry.name.length, 0];
    if (fields.some((value, index) => value !== expected[index])) damaged(`the header of ${entry.name} does not match the table of contents`);
    const name = Buffer.from(file.subarray(at + LOCAL_HEADER, at + LOCAL_HEADER + nameLength)).toString('latin1');
    if (name !== entry.name) damaged(`the name of ${entry.name} differs between its header and the table of contents`);
    const dataStart = at + LOCAL_HEADER + nameLength;
    const dataEnd = dataStart + entry.packed;
    if (dataEnd > centralStart) damaged(`${entry.name} is cut short`);
    out.set(entry.name, unpack(entry, file.subarray(dataStart, dataEnd)));
    at = dataEnd;
  }
  if (at !== centralStart) damaged('unexpected bytes before the table of contents');
  return out;
}

function readCentral(file: Uint8Array, view: DataView, start: number, count: number, end: number): CentralEntry[] {
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const entries: CentralEntry[] = [];
  const names = new Set<string>();
  let at = start;
  for (let i = 0; i < count; i++) {
    if (at + CENTRAL_HEADER > end || u32(at) !== CENTRAL_SIG) damaged('its table of contents is cut short');
    const nameLength = u16(at + 28);
    if (at + CENTRAL_HEADER + nameLength > end) damaged('its table of contents is cut short');
    const name = Buffer.from(file.subarray(at + CENTRAL_HEADER, at + CENTRAL_HEADER + nameLength)).toString('latin1');
    checkName(name);
    if (names.has(name)) refuse(`The bundle holds ${name} twice; it was not made by Pamoja JWP.`);
    names.add(name);
    const method = u16(at + 10);
    // Fields a zip may set but our writer never does: versions, flags (encryption, data
    // descriptors), times, extra fields, comments, disks and attributes.
    const fixed = [u16(at + 4), u16(at + 6), u16(at + 8), u16(at + 12), u16(at + 14), u16(at + 30), u16(at + 32), u16(at + 34), u16(at + 36), u32(at + 38)];
    const expected = [VERSION, VERSION, 0, DOS_TIME, DOS_DATE, 0, 0, 0, 0, 0];
    if (fixed.some((value, index) => value !== expected[index])) damaged(`the entry for ${name} has settings Pamoja JWP never writes`);
    if (method !== 0 && method !== 8) damaged(`${name} is packed in a way Pamoja JWP does not use`);
    entries.push({ name, method, crc: u32(at + 16), packed: u32(at + 20), size: u32(at + 24), offset: u32(at + 42) });
    at += CENTRAL_HEADER + nameLength;
  }
  if (at !== end) damaged('its table of contents has extra bytes');
  return entries;
}

/** Zip-slip: a name that climbs out of the folder or starts at the root is never accepted. */
function checkName(name: string): void {
  if (name.includes('..') || name.startsWith('/') || name.includes('\\') || /^[a-zA-Z]:/.test(name) || name.includes('\0')) {
    refuse(
      `The bundle contains a file path that points outside the bundle (${JSON.stringify(name.slice(0, 80))}). It was refused for your safety; it was not made by Pamoja JWP.`,
    );
  }
  if (!ENTRY_NAME.test(name))
    refuse(`The bundle contains a file Pamoja JWP does not know (${JSON.stringify(name.slice(0, 80))}); it was not made by Pamoja JWP.`);
}

/** Zip bomb: declared sizes, and their ratio to the packed size, are judged before anything is unpacked. */
function checkSizes(entries: CentralEntry[]): void {
  let total = 0;
  for (const entry of entries) {
    total += entry.size;
    const bomb = `The bundle would unpack to far more than it holds (${entry.name}: ${megabytes(entry.size)} from ${megabytes(entry.packed)})`;
    if (entry.size > BUNDLE_LIMITS.maxEntryBytes)
      refuse(`${bomb}; a file in a bundle may unpack to at most ${megabytes(BUNDLE_LIMITS.maxEntryBytes)}. It was refused unopened.`);
    if (entry.method === 0 && entry.size !== entry.packed) damaged(`${entry.name} has two different sizes`);
    if (entry.size > BUNDLE_LIMITS.ratioAppliesFrom && entry.size > entry.packed * BUNDLE_LIMITS.maxRatio) {
      refuse(`${bomb}: more than ${BUNDLE_LIMITS.maxRatio} times, as a "zip bomb" does. It was refused unopened.`);
    }
  }
  if (total > BUNDLE_LIMITS.maxTotalBytes)
    refuse(
      `The bundle would unpack to ${megabytes(total)}; a bundle may unpack to at most ${megabytes(BUNDLE_LIMITS.maxTotalBytes)}. It was refused unopened.`,
    );
}

function unpack(entry: CentralEntry, packed: Uint8Array): Uint8Array {
  let data: Uint8Array;
  if (entry.method === 0) {
    data = packed;
  } else {
    try {
      // Never unpack past the declared size, whatever the stream says: a file that lies about
      // its sizes is stopped one byte past its claim, whatever it would inflate to. Output comes
      // in pieces of up to 32 MB, not zlib's 16 KB: a county plan's rows unpack in half the time.
      data = inflateRawSync(packed, { maxOutputLength: entry.size + 1, chunkSize: Math.min(Math.max(64, entry.size + 1), UNPACK_PIECE) });
    } catch (error) {
      if (errorCode(error) === 'ERR_BUFFER_TOO_LARGE') {
        return refuse(
          `The bundle would unpack to far more than it says (${entry.name} claims ${megabytes(entry.size)}), as a "zip bomb" does. Unpacking was stopped there and the file was refused.`,
        );
      }
      return damaged(`${entry.name} cannot be unpacked`);
    }
  }
  if (data.length !== entry.size) damaged(`${entry.name} is not the size its header says`);
  if (crc32(data) !== entry.crc) damaged(`${entry.name} fails its checksum`);
  return data;
}
