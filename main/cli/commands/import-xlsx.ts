import fs from 'node:fs';
import path from 'node:path';
import type { ImportPreviewDto } from '../../../shared/api/methods/xlsx';
import { ServiceError } from '../../../shared/result';
import { closeDb } from '../../db/open-db';
import { applyImport, previewImport } from '../../imports/xlsx/index';
import { CliError } from '../cli-error';
import { openExisting, parseFlags, requireDbFlag } from '../options';
import type { Command } from './command';

/** Exit code when the file has errors (or cannot be read): nothing was written. */
export const EXIT_NOT_APPLIED = 2;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The preview as people read it in a terminal: what would be added, changed, and refused, by sheet and row. */
export function formatPreview(preview: ImportPreviewDto): string {
  const lines: string[] = [`Partner template for ${preview.organisationName}, cycle "${preview.cycleTitle}" (${preview.fileName})`];
  for (const sheet of preview.sheets) {
    const adds = preview.adds.filter((a) => a.sheet === sheet.sheet).length;
    const changes = preview.changes.filter((c) => c.sheet === sheet.sheet).length;
    const errors = new Set(preview.errors.filter((e) => e.sheet === sheet.sheet && e.row !== null).map((e) => e.row)).size;
    lines.push(
      `  ${sheet.sheet}: ${plural(sheet.rowsRead, 'row')} read: ${adds} to add, ${changes} to change, ${sheet.unchanged} unchanged, ${plural(errors, 'row')} with errors`,
    );
  }
  if (preview.adds.length) {
    lines.push('', `To add (${preview.adds.length}):`);
    for (const add of preview.adds) {
      lines.push(`  ${add.sheet} row ${add.row}: ${add.label}`);
      for (const field of add.fields) lines.push(`      ${field.column}: ${field.value}`);
    }
  }
  if (preview.changes.length) {
    lines.push('', `To change (${preview.changes.length}):`);
    for (const change of preview.changes) {
      const how = change.matchedBy === 'id' ? '' : ` (recognised by its ${change.matchedBy})`;
      lines.push(`  ${change.sheet} row ${change.row}: ${change.label}${how}`);
      for (const field of change.fields) lines.push(`      ${field.column}: ${field.old} → ${field.new}`);
    }
  }
  if (preview.errors.length) {
    lines.push('', `Errors (${preview.errors.length}):`);
    for (const error of preview.errors) {
      const where = [error.sheet, error.row === null ? null : `row ${error.row}`, error.column === null ? null : `column ${error.column}`]
        .filter(Boolean)
        .join(', ');
      lines.push(`  ${where}: ${error.message}`);
    }
  }
  if (!preview.adds.length && !preview.changes.length && !preview.errors.length) lines.push('', 'Nothing to import: every row is as in the plan.');
  return lines.join('\n') + '\n';
}

export const importXlsxCommands = {
  'import-xlsx': {
    async run(args) {
      const { values, positionals } = parseFlags(args, { db: { type: 'string' }, 'dry-run': { type: 'boolean' } }, true);
      const db = requireDbFlag(values.db);
      const [file, ...others] = positionals;
      if (file === undefined || others.length > 0) throw new CliError('name one workbook to import: pamoja import-xlsx --db FILE [--dry-run] FILE.xlsx');
      if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new CliError(`there is no file at ${file}.`);
      const buffer = fs.readFileSync(file);
      const importFile = { buffer, fileName: path.basename(file) };
      const ctx = openExisting(db);
      try {
        if (values['dry-run']) {
          const preview = await previewImport(ctx, importFile);
          process.stdout.write(formatPreview(preview));
          process.stdout.write(
            preview.errors.length
              ? `\nDry run: nothing written. ${plural(preview.errors.length, 'error')} to fix before this file can be applied.\n`
              : '\nDry run: nothing written.\n',
          );
          return preview.errors.length ? EXIT_NOT_APPLIED : 0;
        }
        const summary = await applyImport(ctx, importFile, { applyValidOnly: false });
        process.stdout.write(formatPreview(summary.preview));
        if (summary.preview.errors.length) {
          process.stdout.write(`\nNothing written: fix the ${plural(summary.preview.errors.length, 'error')} above and import the file again.\n`);
          return EXIT_NOT_APPLIED;
        }
        process.stdout.write(summary.applied ? `\nApplied: ${summary.added} added, ${summary.changed} changed.\n` : '\nNothing to apply.\n');
        return 0;
      } catch (error) {
        // A file that cannot be read is refused like a file with errors: nothing was written.
        if (error instanceof ServiceError) throw new CliError(error.message, EXIT_NOT_APPLIED);
        throw error;
      } finally {
        closeDb(ctx.db);
      }
    },
  },
} satisfies Record<string, Command>;
