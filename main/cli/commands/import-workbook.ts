import fs from 'node:fs';
import path from 'node:path';
import type { WorkbookPreviewDto } from '../../../shared/api/methods/workbook-import';
import { ServiceError } from '../../../shared/result';
import { closeDb } from '../../db/open-db';
import { applyWorkbook, previewWorkbook, readWorkbookFile } from '../../imports/workbook/index';
import { rejectedRowsWorkbook } from '../../imports/workbook/rejected-rows';
import { CliError } from '../cli-error';
import { openExisting, parseFlags, requireDbFlag } from '../options';
import type { Command } from './command';
import { EXIT_NOT_APPLIED } from './import-xlsx';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "Activities, row 7, column Start date: …": where a problem is, as the user finds it. */
export function problemPlace(problem: WorkbookPreviewDto['problems'][number]): string {
  return [problem.sheet, problem.row === null ? null : `row ${problem.row}`, problem.column === null ? null : `column ${problem.column}`]
    .filter(Boolean)
    .join(', ');
}

/** The preview as people read it in a terminal: per sheet what is added, changed (old → new) and removed, then every problem. */
export function formatWorkbookPreview(preview: WorkbookPreviewDto): string {
  const into = preview.cycleId ? `the cycle "${preview.cycleTitle}"` : `a new cycle${preview.cycleTitle ? ` "${preview.cycleTitle}"` : ''}`;
  const lines: string[] = [`Workbook ${preview.fileName} into ${into}`];
  for (const sheet of preview.sheets) {
    lines.push(
      `  ${sheet.sheet}: ${sheet.added.length} to add, ${sheet.changed.length} to change, ${sheet.removed.length} to remove, ${sheet.unchanged} unchanged`,
    );
  }
  for (const sheet of preview.sheets) {
    const at = (row: number) => (row > 0 ? ` row ${row}` : '');
    for (const added of sheet.added) lines.push(`  + ${sheet.sheet}${at(added.row)}: ${added.label}`);
    for (const changed of sheet.changed) {
      lines.push(`  ~ ${sheet.sheet}${at(changed.row)}: ${changed.label}`);
      for (const field of changed.fields) lines.push(`      ${field.column}: ${field.old} → ${field.new}`);
    }
    for (const removed of sheet.removed) lines.push(`  - ${sheet.sheet}: ${removed.label}`);
  }
  for (const note of preview.notes) lines.push(`Note: ${note}`);
  if (preview.problems.length) {
    lines.push('', `Problems (${preview.problems.length}):`);
    for (const problem of preview.problems) lines.push(`  ${problemPlace(problem)}: ${problem.message}`);
  }
  if (preview.nothingToChange && !preview.problems.length) lines.push('', 'Nothing to change: the plan is already as in this workbook.');
  return lines.join('\n') + '\n';
}

interface Flags {
  db?: string;
  cycle?: string;
  new?: boolean;
  'dry-run'?: boolean;
  json?: boolean;
  'apply-valid'?: boolean;
  'rejected-out'?: string;
}

function checkFlags(values: Flags, positionals: string[]): { file: string; rejectedOut: string | null } {
  const [file, ...others] = positionals;
  if (file === undefined || others.length > 0)
    throw new CliError('name one workbook to import: pamoja import-workbook --db FILE [--cycle ID | --new] [--dry-run] [--json] FILE.xlsx');
  if (values.cycle !== undefined && values.new) throw new CliError('--cycle and --new do not go together: update one cycle, or create a new one.');
  if (values['rejected-out'] !== undefined && !values['apply-valid'])
    throw new CliError('--rejected-out goes with --apply-valid: the rows left out are those with problems.');
  if (values['apply-valid'] && values['dry-run']) throw new CliError('--apply-valid and --dry-run do not go together: a dry run writes nothing.');
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new CliError(`there is no file at ${file}.`);
  const rejectedOut = values['rejected-out'] ?? null;
  if (rejectedOut !== null) {
    if (path.extname(rejectedOut).toLowerCase() !== '.xlsx') throw new CliError(`--rejected-out must name an .xlsx file; ${rejectedOut} does not.`);
    if (!fs.existsSync(path.dirname(path.resolve(rejectedOut)))) throw new CliError(`the folder of ${rejectedOut} does not exist.`);
  }
  return { file, rejectedOut };
}

export const importWorkbookCommands = {
  'import-workbook': {
    async run(args) {
      const { values, positionals } = parseFlags(
        args,
        {
          db: { type: 'string' },
          cycle: { type: 'string' },
          new: { type: 'boolean' },
          'dry-run': { type: 'boolean' },
          json: { type: 'boolean' },
          'apply-valid': { type: 'boolean' },
          'rejected-out': { type: 'string' },
        },
        true,
      );
      const db = requireDbFlag(values.db);
      const { file, rejectedOut } = checkFlags(values, positionals);
      const workbookFile = { buffer: fs.readFileSync(file), fileName: path.basename(file) };
      const target = { ...(values.cycle !== undefined ? { cycleId: values.cycle } : {}), createNew: values.new === true };
      const out = (text: string, json: unknown) => process.stdout.write(values.json ? `${JSON.stringify(json, null, 2)}\n` : text);
      const ctx = openExisting(db);
      try {
        if (values['dry-run']) {
          const preview = await previewWorkbook(ctx, workbookFile, target);
          out(`${formatWorkbookPreview(preview)}\nDry run: nothing written.\n`, { applied: false, preview });
          return preview.problems.length ? EXIT_NOT_APPLIED : 0;
        }
        const result = await applyWorkbook(ctx, workbookFile, target, { applyValidOnly: values['apply-valid'] === true });
        let rejectedNote = '';
        if (rejectedOut !== null && result.preview.problems.length > 0) {
          const read = readWorkbookFile(workbookFile);
          fs.writeFileSync(rejectedOut, await rejectedRowsWorkbook(workbookFile.buffer, read, result.preview.problems));
          const rows = [...result.rejected.values()].reduce((sum, rows) => sum + rows.size, 0);
          rejectedNote = `The ${plural(rows, 'row')} left out are in ${rejectedOut}, each with its problems: fix them and import that file.\n`;
        }
        const summary = result.applied
          ? `\nApplied in one step (a backup was taken first; undo with pamoja bundle undo --db ${db}).\n${rejectedNote}`
          : result.preview.problems.length
            ? `\nNothing written: fix the ${plural(result.preview.problems.length, 'problem')} above and import the file again, or apply the valid rows with --apply-valid.\n`
            : '\nNothing written.\n';
        out(`${formatWorkbookPreview(result.preview)}${summary}`, {
          applied: result.applied,
          cycleId: result.cycleId,
          import: result.import,
          preview: result.preview,
        });
        return result.applied || result.preview.problems.length === 0 ? 0 : EXIT_NOT_APPLIED;
      } catch (error) {
        // A file that cannot be read is refused like a file with problems: nothing was written.
        if (error instanceof ServiceError) throw new CliError(error.message, EXIT_NOT_APPLIED);
        throw error;
      } finally {
        closeDb(ctx.db);
      }
    },
  },
} satisfies Record<string, Command>;
