import { crc32, deflateRawSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writePackedZip, type PackedEntry } from '../../../main/bundles/zip';
import { measureZip, WORKBOOK_ZIP_LIMITS, ZipProblem } from '../../../main/imports/xlsx/zip-inflation';
import { zerosBomb } from '../../../scripts/zip-bomb';

/** Workbook zips are measured by what they inflate to, and unpacking stops at the first lie or limit. */
const entry = (name: string, text: string, size?: number): PackedEntry => {
  const data = Buffer.from(text);
  return { name, method: 8, packed: deflateRawSync(data), crc: crc32(data), size: size ?? data.length };
};

function problemOf(file: Uint8Array): ZipProblem {
  try {
    measureZip(file);
  } catch (error) {
    if (error instanceof ZipProblem) return error;
    throw error;
  }
  throw new Error('measureZip accepted the file');
}

describe('measureZip', () => {
  it('counts what each entry of an ordinary zip really unpacks to', () => {
    const file = zipSync({ 'xl/workbook.xml': Buffer.from('<workbook/>'), 'xl/worksheets/sheet1.xml': Buffer.alloc(50_000, 'a') });
    expect(measureZip(file)).toEqual([
      { name: 'xl/workbook.xml', bytes: 11 },
      { name: 'xl/worksheets/sheet1.xml', bytes: 50_000 },
    ]);
  });

  it('stops a lying entry one byte past the size it declares, however much it would inflate to', () => {
    const bomb: PackedEntry = { name: 'xl/worksheets/sheet1.xml', method: 8, packed: zerosBomb(64), crc: 0, size: 4096 };
    const problem = problemOf(writePackedZip([entry('xl/workbook.xml', '<workbook/>'), bomb]));
    expect(problem.kind).toBe('refused');
    expect(problem.message).toMatch(/sheet1\.xml says it unpacks to 4 KB but holds more/);
    expect(problem.inflatedBytes).toBe(11 + 4097);
  });

  it('refuses declared sizes over the limits, and 200:1 ratios, before unpacking anything', () => {
    const huge = entry('xl/worksheets/sheet1.xml', 'x', WORKBOOK_ZIP_LIMITS.maxEntryBytes + 1);
    expect(problemOf(writePackedZip([huge]))).toMatchObject({ kind: 'refused', inflatedBytes: 0 });
    const ratio = entry('xl/worksheets/sheet1.xml', 'x', 50 * 1024 * 1024);
    expect(problemOf(writePackedZip([ratio])).message).toMatch(/zip bomb/);
    const many = Array.from({ length: 4 }, (_, i) => entry(`xl/s${i}.xml`, 'x'.repeat(60), 45 * 1024 * 1024));
    many.forEach((e) => (e.packed = Buffer.alloc(300 * 1024)));
    expect(problemOf(writePackedZip(many)).message).toMatch(/it says it unpacks to 180 MB/);
  });

  it('refuses a name given twice, an encrypted entry and other packing methods', () => {
    expect(problemOf(writePackedZip([entry('xl/workbook.xml', 'a'), entry('xl/workbook.xml', 'b')])).message).toMatch(/holds xl\/workbook\.xml twice/);
    const file = writePackedZip([entry('xl/workbook.xml', 'a')]);
    const central = Buffer.from(file).indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const encrypted = Uint8Array.from(file);
    encrypted[central + 8] = 1;
    expect(problemOf(encrypted).message).toMatch(/encrypted/);
    const bzip = Uint8Array.from(file);
    bzip[central + 10] = 12;
    expect(problemOf(bzip).message).toMatch(/packed in a way Excel does not use/);
  });

  it('calls a file cut short damaged', () => {
    const file = zipSync({ 'xl/workbook.xml': Buffer.alloc(10_000, 'a') });
    expect(problemOf(file.subarray(0, file.length - 30)).kind).toBe('damaged');
  });
});
