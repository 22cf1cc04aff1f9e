import type { ImportPreviewDto, ImportSummaryDto } from '../../../shared/api/methods/xlsx';
import type { CycleDto } from '../../../shared/api/schemas/cycle';
import type { OrganisationDto } from '../../../shared/api/schemas/organisation';
import { ServiceError } from '../../../shared/result';
import { backUpBeforeImport } from '../../services/backups';
import type { AppContext } from '../../services/context';
import { listCycles } from '../../services/cycles';
import { registerServices } from '../../services/index';
import { eq } from 'drizzle-orm';
import { organisations } from '../../db/schema';
import { bindingHolds } from '../../exports/xlsx/template-binding';
import { openXlsx } from '../sheet-reader/xlsx-file';
import { fileProblem } from './open-workbook';
import { readTemplate, type TemplateRead } from './read-template';
import { runImport } from './run-import';

export interface ImportFile {
  buffer: Buffer;
  fileName: string;
  /** The cycle the user has open, when there is one: the template must be for it. */
  cycleId?: string;
}

interface Prepared {
  read: TemplateRead;
  cycle: CycleDto;
  organisation: OrganisationDto;
}

/** Opens and reads the file, and finds the cycle and organisation it was made for. */
async function prepare(ctx: AppContext, file: ImportFile): Promise<Prepared> {
  const read = readTemplate(openXlsx(file.buffer, file.fileName, 'partner template'), file.fileName);
  // Before the file's cycle or organisation is used for anything: they are only claims until then.
  if (!bindingHolds(ctx, read.meta)) {
    throw fileProblem(
      `"${file.fileName}" was refused: this template was not issued to ${claimedOrganisation(ctx, read.organisationId)} by this copy of Pamoja JWP, or was altered. ` +
        'Nothing was imported. Export a new partner template for them from this copy, and import the copy they fill in.',
    );
  }
  const cycle = listCycles(ctx).find((c) => c.id === read.cycleId);
  if (!cycle) {
    throw fileProblem(
      `"${file.fileName}" is a template for a JWP cycle that is not in this database. Import it into the Pamoja JWP installation that exported it.`,
    );
  }
  if (file.cycleId && file.cycleId !== cycle.id) {
    throw fileProblem(`"${file.fileName}" is a template for the cycle "${cycle.title}", not for the cycle open now. Open that cycle to import it.`);
  }
  let organisation: OrganisationDto;
  try {
    organisation = registerServices.organisation.get(ctx, { id: read.organisationId });
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    throw fileProblem(`"${file.fileName}" was made for an organisation that is no longer in the cycle "${cycle.title}".`);
  }
  if (organisation.cycleId !== cycle.id) throw fileProblem(`"${file.fileName}" names an organisation of another cycle.`);
  return { read, cycle, organisation };
}

/** The organisation a template names, as people call it (its short name), for a refusal. */
function claimedOrganisation(ctx: AppContext, organisationId: string): string {
  const found = ctx.db
    .select({ name: organisations.name, shortName: organisations.shortName })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
    .get();
  return found ? found.shortName || found.name : 'the organisation it names';
}

/** What importing the file would add, change and refuse, row by row. Writes nothing. */
export async function previewImport(ctx: AppContext, file: ImportFile): Promise<ImportPreviewDto> {
  const { read, cycle, organisation } = await prepare(ctx, file);
  return runImport(ctx, read, { fileName: file.fileName, cycle, organisation, commit: () => false }).preview;
}

export interface ApplyOptions {
  /** Write the valid rows even though others have errors. */
  applyValidOnly: boolean;
  /** The digest of the preview the user saw: refuse if the plan is no longer that one. */
  expectedDigest?: string;
}

/**
 * Applies the file in one transaction: every valid row, or nothing when any row has an error and
 * the user did not choose to apply the valid rows only. Importing the same file again changes nothing.
 */
export async function applyImport(ctx: AppContext, file: ImportFile, options: ApplyOptions): Promise<ImportSummaryDto> {
  const { read, cycle, organisation } = await prepare(ctx, file);
  // Taken before the transaction opens (SQLite copies only a database at rest); undo = restore it.
  backUpBeforeImport(ctx);
  let stale = false;
  const { preview, committed } = runImport(ctx, read, {
    fileName: file.fileName,
    cycle,
    organisation,
    commit: (plan) => {
      stale = options.expectedDigest !== undefined && options.expectedDigest !== plan.digest;
      return !stale && (plan.errors.length === 0 || options.applyValidOnly) && plan.adds.length + plan.changes.length > 0;
    },
  });
  if (stale) {
    throw new ServiceError({
      code: 'invalid_input',
      message: 'The plan changed since this file was previewed (someone edited it meanwhile), so nothing was written. Preview the file again.',
    });
  }
  const rowsWithErrors = new Set(preview.errors.filter((e) => e.row !== null).map((e) => `${e.sheet}\u0000${e.row}`)).size;
  return {
    applied: committed,
    added: committed ? preview.adds.length : 0,
    changed: committed ? preview.changes.length : 0,
    rowsWithErrors,
    preview,
  };
}
