// npx tsx scripts/make-bad-workbooks.ts: writes the bad-workbook corpus to tests/fixtures/xlsx/.
// Each file is something a partner or a mail system really does to a template; the test
// (tests/exports/xlsx/bad-workbooks.test.ts) checks each gives its plain message and writes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { crc32, deflateRawSync } from 'node:zlib';
import { privateKeyFromSeed, storeInstallationKey } from '../main/bundles/keys';
import { writePackedZip, type PackedEntry } from '../main/bundles/zip';
import { openApp } from '../main/app-context';
import { exportXlsx } from '../main/exports/xlsx/index';
import { META_SHEET } from '../main/exports/xlsx/sheet-names';
import { resourcesDir } from '../main/resource-paths';
import { inWriteTransaction, type AppContext } from '../main/services/context';
import { seedCycle } from '../tests/support/factories';
import { registerServices as s } from '../main/services/index';
import { zerosBomb } from './zip-bomb';

export const corpusDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures', 'xlsx');

/**
 * A database whose ids and clock are fixed, so the corpus files (which name the cycle and rows by
 * id) match it whenever the test builds it again.
 */
export function corpusContext(keySeed = CORPUS_KEY_SEED): AppContext {
  let tick = 0;
  let counter = 0;
  const ctx = openApp({
    file: ':memory:',
    resourcesDir,
    now: () => new Date(Date.parse('2026-11-25T08:00:00.000Z') + tick++ * 1000),
    newId: () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`,
  });
  ctx.userName = 'Corpus Builder';
  // The templates are bound to the copy that issued them (template-binding.ts): a fixed key, so the
  // copy the test builds again is that copy.
  inWriteTransaction(ctx, (tx) => storeInstallationKey(tx, privateKeyFromSeed(keySeed)));
  return ctx;
}

const CORPUS_KEY_SEED = Uint8Array.from({ length: 32 }, (_, i) => i + 7);
/** Another installation's key: the same cycle, ids and all, held by a different copy. */
const OTHER_COPY_SEED = Uint8Array.from({ length: 32 }, (_, i) => 90 - i);

/** The tests' small cycle (tests/support/factories.ts), with a budget line and a Q1 target for the template to carry. */
export function seedCorpusCycle(ctx: AppContext) {
  const seeded = seedCycle(ctx);
  const { cycle, partner, activity, indicator } = seeded;
  s.contribution.create(ctx, {
    cycleId: cycle.id,
    activityId: activity.id,
    component: 'Pumps and fencing',
    contributorOrgId: partner.id,
    amountMinor: 450_000_000,
    currency: 'KES',
  });
  s.indicatorPeriod.create(ctx, { cycleId: cycle.id, indicatorId: indicator.id, periodKey: 'Q1', target: 3 });
  return seeded;
}

export interface CorpusEntry {
  file: string;
  /** What is wrong with it, in a partner's terms. */
  what: string;
  /** The message it must give: refused outright, listed among the preview's errors, or "nothing to import". */
  expect: { refused: RegExp } | { previewError: RegExp } | { nothingToImport: true };
  /** Too large to keep in git (a 2 MB zip bomb): made only in the test's memory. */
  large?: boolean;
}

export const corpus: CorpusEntry[] = [
  { file: 'empty.xlsx', what: 'an empty file (a failed download)', expect: { refused: /is empty \(0 bytes\)/ } },
  { file: 'not-a-zip.xlsx', what: 'a CSV saved with the .xlsx name', expect: { refused: /is not an Excel workbook: it holds plain text/ } },
  { file: 'truncated.xlsx', what: 'the template cut short in transit', expect: { refused: /is damaged or incomplete: it could not be unpacked/ } },
  { file: 'password-protected.xlsx', what: 'an encrypted (password-protected) workbook container', expect: { refused: /is protected with a password/ } },
  { file: 'old-format.xls', what: 'an Excel 97–2003 file', expect: { refused: /is an old Excel 97–2003 workbook \(\.xls\)/ } },
  { file: 'word-document.xlsx', what: 'a Word document renamed .xlsx', expect: { refused: /is a Word document, not an Excel workbook/ } },
  { file: 'not-a-template.xlsx', what: 'a workbook of their own with an Activities sheet', expect: { refused: /is not a Pamoja JWP partner template/ } },
  {
    file: 'cycle-workbook.xlsx',
    what: 'the cycle workbook (a report) instead of a template',
    expect: { refused: /is a Pamoja JWP cycle workbook \(a report\)/ },
  },
  { file: 'missing-sheet.xlsx', what: 'the Contributions sheet deleted', expect: { previewError: /^The sheet "Contributions" is missing/ } },
  {
    file: 'wrong-headers.xlsx',
    what: 'the Title and Start date headers retyped',
    expect: { previewError: /^The columns "Title", "Start date" are missing from the header row/ },
  },
  {
    file: 'formula-injection.xlsx',
    what: 'formulas typed into text cells (a DDE payload and a HYPERLINK)',
    expect: { previewError: /this cell holds a formula \(=cmd\|/ },
  },
  {
    file: 'control-character.xlsx',
    what: 'a title pasted from another system with a control character in it',
    expect: { previewError: /^Activity: it holds a control character \(such as NUL\) that cannot be stored/ },
  },
  {
    file: 'zero-width-code.xlsx',
    what: 'a new row whose code is an existing code plus a zero-width space (it looks the same)',
    expect: { previewError: /^Code: A1 is already used by another activity of this cycle/ },
  },
  {
    file: 'relabelled-organisation.xlsx',
    what: "RPK's template with the hidden organisation id changed to the county department's",
    expect: { refused: /was refused: this template was not issued to CDFEP by this copy of Pamoja JWP, or was altered/ },
  },
  {
    file: 'issued-by-another-copy.xlsx',
    what: 'a template for the same cycle and partner, exported by another installation of Pamoja JWP',
    expect: { refused: /was refused: this template was not issued to RPK by this copy of Pamoja JWP, or was altered/ },
  },
  { file: 'blank-rows-100k.xlsx', what: '100,000 formatted but empty rows below the data', expect: { nothingToImport: true } },
  {
    file: 'zip-bomb-declared-size.xlsx',
    what: 'a template whose zip declares a 3.75 GB sheet',
    expect: { refused: /was refused unopened: it says xl\/worksheets\/sheet2\.xml unpacks to 3840 MB/ },
  },
  {
    file: 'zip-bomb-lying-sizes.xlsx',
    what: 'a 2 MB "zip bomb": a sheet that declares 4 KB and inflates to 2 GB',
    expect: { refused: /sheet2\.xml says it unpacks to 4 KB but holds more; unpacking was stopped there/ },
    large: true,
  },
];

async function template(ctx: AppContext, cycleId: string): Promise<ExcelJS.Workbook> {
  const { buffer } = await exportXlsx(ctx, { cycleId, doc: 'partner-template', partnerOrgId: 'RPK' });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer);
  return workbook;
}

const bytes = async (workbook: ExcelJS.Workbook) => Buffer.from(await workbook.xlsx.writeBuffer());

/** The column of a header on the Activities sheet (row 3). */
function columnOf(workbook: ExcelJS.Workbook, header: string): number {
  const headers = (workbook.getWorksheet('Activities') as ExcelJS.Worksheet).getRow(3).values as unknown[];
  return headers.indexOf(header);
}

/** An OLE compound-file header followed by stream names, as Excel writes encrypted and old files. */
function oleContainer(streamNames: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  return Buffer.concat([header, ...streamNames.map((name) => Buffer.from(name.padEnd(32, '\u0000'), 'utf16le')), Buffer.alloc(1024)]);
}

/** The template's entries packed again, with `sizes` declared instead of the true ones and `payloads` in place of the data. */
function repacked(good: Buffer, changes: { sizes?: Record<string, number>; payloads?: Record<string, Uint8Array> }): Buffer {
  const entries: PackedEntry[] = Object.entries(unzipSync(good)).map(([name, data]) => ({
    name,
    method: 8,
    packed: changes.payloads?.[name] ?? deflateRawSync(data),
    crc: crc32(data),
    size: changes.sizes?.[name] ?? data.length,
  }));
  return Buffer.from(writePackedZip(entries));
}

const BOMBED_SHEET = 'xl/worksheets/sheet2.xml';

/** The files kept out of git (entries marked `large`), built from a fresh template. */
export async function buildLargeCorpus(ctx: AppContext, cycleId: string): Promise<Map<string, Buffer>> {
  const good = await bytes(await template(ctx, cycleId));
  return new Map([['zip-bomb-lying-sizes.xlsx', repacked(good, { sizes: { [BOMBED_SHEET]: 4096 }, payloads: { [BOMBED_SHEET]: zerosBomb(2048) } })]]);
}

/** The corpus kept in git, built against `seedCorpusCycle` in a `corpusContext()` database. */
export async function buildCorpus(ctx: AppContext, cycleId: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const good = await bytes(await template(ctx, cycleId));

  files.set('empty.xlsx', Buffer.alloc(0));
  files.set('not-a-zip.xlsx', Buffer.from('Budget component,Amount\nPumps and fencing,"4,500,000"\n'));
  files.set('truncated.xlsx', good.subarray(0, Math.floor(good.length * 0.6)));
  files.set('password-protected.xlsx', oleContainer(['Root Entry', 'EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']));
  files.set('old-format.xls', oleContainer(['Root Entry', 'Workbook', '\u0005SummaryInformation']));
  files.set('word-document.xlsx', Buffer.from(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') })));

  const own = new ExcelJS.Workbook();
  own.addWorksheet('Activities').addRows([
    ['Title', 'Start date', 'End date', 'Sector'],
    ['Rehabilitate boreholes', '1/8/2026', '31/3/2027', 'Water & WASH'],
  ]);
  files.set('not-a-template.xlsx', await bytes(own));
  files.set('cycle-workbook.xlsx', (await exportXlsx(ctx, { cycleId, doc: 'workbook' })).buffer);

  const missing = await template(ctx, cycleId);
  missing.removeWorksheet((missing.getWorksheet('Contributions') as ExcelJS.Worksheet).id);
  files.set('missing-sheet.xlsx', await bytes(missing));

  const wrongHeaders = await template(ctx, cycleId);
  const headerRow = (wrongHeaders.getWorksheet('Activities') as ExcelJS.Worksheet).getRow(3);
  headerRow.eachCell((cell) => {
    if (cell.value === 'Title') cell.value = 'Activity name';
    if (cell.value === 'Start date') cell.value = 'Begins';
  });
  files.set('wrong-headers.xlsx', await bytes(wrongHeaders));

  const injected = await template(ctx, cycleId);
  const acts = injected.getWorksheet('Activities') as ExcelJS.Worksheet;
  acts.getCell('D4').value = { formula: "cmd|' /C calc'!A0", result: 0 } as ExcelJS.CellFormulaValue;
  acts.getCell('C4').value = {
    formula: 'HYPERLINK("http://attacker.example/x","Rehabilitate boreholes")',
    result: 'Rehabilitate boreholes',
  } as ExcelJS.CellFormulaValue;
  files.set('formula-injection.xlsx', await bytes(injected));

  // Text that is not what it looks like (shared/text.ts): the same rule as a form or a bundle.
  const pasted = await template(ctx, cycleId);
  const pastedTitle = columnOf(pasted, 'Title');
  (pasted.getWorksheet('Activities') as ExcelJS.Worksheet).getCell(4, pastedTitle).value = 'Rehabilitate boreholes\u0085 phase 2';
  files.set('control-character.xlsx', await bytes(pasted));

  const lookAlike = await template(ctx, cycleId);
  const lookAlikeSheet = lookAlike.getWorksheet('Activities') as ExcelJS.Worksheet;
  lookAlikeSheet.getRow(4).eachCell((cell, column) => (lookAlikeSheet.getCell(5, column).value = cell.value));
  lookAlikeSheet.getCell(5, columnOf(lookAlike, 'Row ID')).value = null;
  lookAlikeSheet.getCell(5, columnOf(lookAlike, 'Code')).value = `${String(lookAlikeSheet.getCell(4, columnOf(lookAlike, 'Code')).value)}\u200B`;
  files.set('zero-width-code.xlsx', await bytes(lookAlike));

  // The hidden details name the organisation whose rows the template may change: bound by a MAC.
  const relabelled = await template(ctx, cycleId);
  const county = s.organisation.list(ctx, { cycleId }).find((org) => org.shortName === 'CDFEP')?.id ?? '';
  (relabelled.getWorksheet(META_SHEET) as ExcelJS.Worksheet).eachRow((row) => {
    if (row.getCell(1).value === 'organisationId') row.getCell(2).value = county;
  });
  files.set('relabelled-organisation.xlsx', await bytes(relabelled));

  const otherCopy = corpusContext(OTHER_COPY_SEED);
  const { cycle: sameCycle } = seedCorpusCycle(otherCopy);
  files.set('issued-by-another-copy.xlsx', await bytes(await template(otherCopy, sameCycle.id)));

  const blank = await template(ctx, cycleId);
  const sheet = blank.getWorksheet('Activities') as ExcelJS.Worksheet;
  for (let row = 5; row < 100_005; row++) {
    const cell = sheet.getCell(row, 3);
    // Formatting and stray spaces, as a sheet gets when someone formats whole columns.
    cell.border = { bottom: { style: 'thin' } };
    if (row % 1000 === 0) cell.value = '   ';
  }
  files.set('blank-rows-100k.xlsx', await bytes(blank));

  files.set('zip-bomb-declared-size.xlsx', repacked(good, { sizes: { [BOMBED_SHEET]: 0xf0000000 } }));
  return files;
}

async function main() {
  const ctx = corpusContext();
  const { cycle } = seedCorpusCycle(ctx);
  const files = await buildCorpus(ctx, cycle.id);
  fs.mkdirSync(corpusDir, { recursive: true });
  for (const [name, buffer] of files) {
    fs.writeFileSync(path.join(corpusDir, name), buffer);
    console.log(`${name.padEnd(26)} ${String(buffer.length).padStart(9)} bytes  ${corpus.find((entry) => entry.file === name)?.what ?? ''}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
