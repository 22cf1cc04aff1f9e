import fs from 'node:fs';
import path from 'node:path';
import { closeDb } from '../../db/open-db';
import { xlsxDocs, type XlsxDoc } from '../../../shared/api/methods/xlsx';
import { docxDocuments, exportDocx, type DocxDocument } from '../../exports/docx/index';
import { exportBlankWorkbook, exportXlsx } from '../../exports/xlsx/index';
import { asCliError, CliError } from '../cli-error';
import { chooseCycle, openExisting, parseFlags, requireDbFlag } from '../options';
import type { Command } from './command';
import { runMapExport } from './export-map';

const DOC_NAMES: Record<DocxDocument, string> = {
  plan: 'the Joint Work Plan',
  budget: 'the budget',
  'me-report': 'the M&E progress report',
  'approval-pack': 'the CEC approval pack',
};

const isDocxDocument = (value: string): value is DocxDocument => docxDocuments.some((doc) => doc === value);
const isXlsxDoc = (value: string): value is XlsxDoc => xlsxDocs.some((doc) => doc === value);

interface ExportFlags {
  db?: string;
  cycle?: string;
  doc?: string;
  period?: string;
  partner?: string;
  out?: string;
}

function outputPath(out: string | undefined, extension: string): string {
  if (typeof out !== 'string' || out === '') throw new CliError(`say where to write the document with --out FILE${extension}.`);
  if (path.extname(out).toLowerCase() !== extension) throw new CliError(`--out must name a ${extension} file, such as plan${extension}; ${out} does not.`);
  const folder = path.dirname(path.resolve(out));
  if (!fs.existsSync(folder)) throw new CliError(`the folder ${folder} does not exist; create it first or choose another --out.`);
  return out;
}

async function runDocx(values: ExportFlags): Promise<number> {
  const doc = values.doc;
  if (doc === undefined) throw new CliError(`say which document with --doc ${docxDocuments.join('|')}.`);
  if (!isDocxDocument(doc)) throw new CliError(`there is no document "${doc}"; choose one of ${docxDocuments.join(', ')}.`);
  if (values.period !== undefined && doc !== 'me-report') throw new CliError('--period applies only to --doc me-report.');
  if (values.partner !== undefined) throw new CliError('--partner applies only to --format xlsx --doc partner-template.');
  const out = outputPath(values.out, '.docx');
  const ctx = openExisting(requireDbFlag(values.db));
  try {
    const cycle = chooseCycle(ctx, values.cycle);
    const file = await exportDocx(ctx, cycle.id, { doc, period: values.period });
    fs.writeFileSync(out, file.buffer);
    const period = file.period ? ` for ${file.period.label}` : '';
    const kb = Math.max(1, Math.round(file.buffer.length / 1024));
    process.stdout.write(`Wrote ${DOC_NAMES[doc]}${period} of "${cycle.title}" to ${out} (${kb} KB, content fingerprint ${file.fingerprint}).\n`);
    return 0;
  } catch (error) {
    throw asCliError(error);
  } finally {
    closeDb(ctx.db);
  }
}

/** Issue 4's workbooks, built by main/exports/xlsx; this command only parses the flags and writes the file. */
async function runXlsx(values: ExportFlags): Promise<number> {
  const doc = values.doc;
  if (doc === undefined) throw new CliError(`say which workbook with --doc ${xlsxDocs.join('|')}.`);
  if (!isXlsxDoc(doc)) throw new CliError(`there is no workbook "${doc}"; choose one of ${xlsxDocs.join(', ')}.`);
  if (values.period !== undefined) throw new CliError('--period applies only to --format docx --doc me-report.');
  if (values.partner !== undefined && doc !== 'partner-template') throw new CliError('--partner applies only to --doc partner-template.');
  const out = outputPath(values.out, '.xlsx');
  if (doc === 'blank-workbook') return writeBlankWorkbook(values, out);
  const ctx = openExisting(requireDbFlag(values.db));
  try {
    const cycle = chooseCycle(ctx, values.cycle);
    const file = await exportXlsx(ctx, { cycleId: cycle.id, doc, partnerOrgId: values.partner });
    fs.writeFileSync(out, file.buffer);
    const what = doc === 'workbook' ? 'the cycle workbook' : 'the partner template';
    process.stdout.write(`Wrote ${what} of "${cycle.title}" to ${out} (${Math.max(1, Math.round(file.buffer.length / 1024))} KB).\n`);
    return 0;
  } catch (error) {
    throw asCliError(error);
  } finally {
    closeDb(ctx.db);
  }
}

/** A blank cycle workbook needs no database: it is what a county fills in to start a plan. */
async function writeBlankWorkbook(values: ExportFlags, out: string): Promise<number> {
  if (values.cycle !== undefined) throw new CliError('--cycle does not apply to --doc blank-workbook: a blank workbook belongs to no cycle yet.');
  const file = await exportBlankWorkbook(new Date(), process.env.USER ?? '');
  fs.writeFileSync(out, file.buffer);
  process.stdout.write(
    `Wrote a blank cycle workbook to ${out} (${Math.max(1, Math.round(file.buffer.length / 1024))} KB). Fill it in and bring it in with pamoja import-workbook --db FILE --new ${path.basename(out)}.\n`,
  );
  return 0;
}

/** `pamoja export`: the Word deliverables (issue 9) and the Excel workbooks (issue 4). */
export const exportCommands = {
  export: {
    async run(args) {
      const { values } = parseFlags(args, {
        db: { type: 'string' },
        cycle: { type: 'string' },
        format: { type: 'string' },
        doc: { type: 'string' },
        period: { type: 'string' },
        partner: { type: 'string' },
        sector: { type: 'string' },
        org: { type: 'string' },
        measure: { type: 'string' },
        out: { type: 'string' },
      });
      if (values.format === 'svg' || values.format === 'png') return runMapExport({ ...values, format: values.format });
      if (values.format === 'docx') return runDocx(values);
      if (values.format === 'xlsx') return runXlsx(values);
      if (values.sector !== undefined || values.org !== undefined || values.measure !== undefined)
        throw new CliError('--sector, --org and --measure apply only to --doc ward-map.');
      if (values.format === undefined) throw new CliError('say which format with --format docx, xlsx, svg or png.');
      throw new CliError(`there is no format "${values.format}"; use --format docx, xlsx, svg or png.`);
    },
  },
} satisfies Record<string, Command>;
