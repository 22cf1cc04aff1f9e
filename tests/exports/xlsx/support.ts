import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { repoRoot } from '../../../main/resource-paths';
import { loadSampleCycle } from '../../../main/services/sample';
import { runTool } from '../../support/external-tools';
import { testApp } from '../../support/test-app';

/** A fresh database holding the Isiolo sample cycle: realistic rows in every register. */
export function sampleApp() {
  const app = testApp();
  const cycle = loadSampleCycle(app);
  return { app, cycle };
}

export async function openXlsx(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer);
  return workbook;
}

export async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`The workbook has no sheet ${name}; it has ${workbook.worksheets.map((w) => w.name).join(', ')}.`);
  return found;
}

/** The header row as text, left to right. */
export function headers(worksheet: ExcelJS.Worksheet, row: number): string[] {
  const values: string[] = [];
  worksheet.getRow(row).eachCell({ includeEmpty: true }, (cell) => values.push(cell.value === null ? '' : String(cell.value as string)));
  return values;
}

export function formulaOf(cell: ExcelJS.Cell): string | null {
  const value = cell.value as { formula?: string; sharedFormula?: string } | null;
  return value && typeof value === 'object' ? (value.formula ?? value.sharedFormula ?? null) : null;
}

/** A formula's stored result (undefined when none is stored), or a plain cell's value. */
export function resultOf(cell: ExcelJS.Cell): unknown {
  const value = cell.value as { result?: unknown; formula?: string; sharedFormula?: string } | null;
  if (value && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) return value.result;
  return cell.value;
}

/** Where a header is, 1-based. */
export function columnOf(worksheet: ExcelJS.Worksheet, row: number, header: string): number {
  const index = headers(worksheet, row).indexOf(header);
  if (index < 0) throw new Error(`No column "${header}" in row ${row} of ${worksheet.name}: ${headers(worksheet, row).join(' | ')}`);
  return index + 1;
}

/** Pictures of the pages land here for people to look at (git-ignored). */
export const outputDir = path.join(repoRoot, 'test-output', 'xlsx');

const RECALCULATE_ON_LOAD = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Converts files with LibreOffice headless, in one run (each run starts LibreOffice, which takes
 * seconds), with its own profile folder (two soffice processes sharing one profile block each
 * other). Returns the converted files' paths, in the order given.
 */
export async function soffice(inputs: string[], format: string, outDir: string): Promise<string[]> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pamoja-lo-profile-'));
  // LibreOffice keeps the results stored in an .xlsx unless told to recalculate on load; the
  // tests want its own arithmetic, so the fresh profile says "always recalculate".
  fs.mkdirSync(path.join(profile, 'user'), { recursive: true });
  fs.writeFileSync(path.join(profile, 'user', 'registrymodifications.xcu'), RECALCULATE_ON_LOAD);
  try {
    await runTool('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', format, '--outdir', outDir, ...inputs], {
      timeoutMs: 180_000,
    });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const extension = format.split(':')[0] as string;
  return inputs.map((input) => {
    const output = path.join(outDir, `${path.basename(input, path.extname(input))}.${extension}`);
    if (!fs.existsSync(output)) throw new Error(`LibreOffice did not write ${output}`);
    return output;
  });
}
