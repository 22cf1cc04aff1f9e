// A raw deflate stream that inflates to `megabytes` MB of zeros in about a thousandth of that:
// the payload of the corpus's "zip bomb" files. A 1 MB block of zeros is compressed once and ended
// with a sync flush (so the next block starts on a byte boundary); repeating it repeats its output,
// because its back-references only ever reach the zeros just written. A final empty block ends it.
import { constants, deflateRawSync } from 'node:zlib';

export function zerosBomb(megabytes: number): Uint8Array {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array<Buffer>(megabytes).fill(block), Buffer.from([0x03, 0x00])]);
}
