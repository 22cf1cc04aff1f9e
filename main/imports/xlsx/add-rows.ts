import type { ImportAddDto, ImportChangeDto } from '../../../shared/api/methods/xlsx';
import { itemAt } from '../../../shared/item-at';
import { ServiceError } from '../../../shared/result';
import type { TemplateRegister } from '../../exports/xlsx/template-layout';
import type { AppContext } from '../../services/context';
import { registerServices as s } from '../../services/index';
import type { SheetRead, TemplateRow } from './read-template';
import type { FieldValue } from './row-fields';
import { failingIndex } from '../refusals';

/** A row of the plan as the import compares it: its fields, id and owner. */
export type Existing = Record<string, unknown> & { id: string; ownerOrgId: string | null };

/** Where a refused write is reported: the row's errors, by column. */
export type ReportRefusal = <T>(row: TemplateRow, write: () => T) => T | null;

/**
 * A row typed without a Row ID may still be one the plan has (the same file imported twice, or a
 * row copied from an older template): an activity by its code or else its title, a contribution
 * by its activity and component, a period by its indicator and period, a disbursement by its budget
 * line and period. Only the organisation's
 * own rows are considered, each matched once.
 */
export function naturalKeys(register: TemplateRegister, ownRows: Existing[]) {
  const key = (...parts: unknown[]) =>
    parts
      .map((part) =>
        String(part ?? '')
          .trim()
          .toLowerCase(),
      )
      .join('\u0000');
  const index = new Map<string, Existing[]>();
  const add = (k: string, row: Existing) => index.set(k, [...(index.get(k) ?? []), row]);
  for (const row of ownRows) {
    if (register === 'activity') {
      if (row.code) add(key('code', row.code), row);
      add(key('title', row.title), row);
    } else if (register === 'contribution') add(key(row.activityId, row.component), row);
    else if (register === 'disbursement') add(key(row.contributionId, row.periodKey), row);
    else if (register === 'indicatorPeriod') add(key(row.indicatorId, row.periodKey), row);
  }
  return (values: Map<string, FieldValue>, targeted: Set<string>): [Existing, ImportChangeDto['matchedBy']] | null => {
    const one = (k: string) => {
      const rows = (index.get(k) ?? []).filter((row) => !targeted.has(row.id));
      return rows.length === 1 ? rows[0] : undefined;
    };
    if (register === 'activity') {
      const code = values.get('code');
      if (typeof code === 'string' && code !== '') {
        const byCode = one(key('code', code));
        return byCode ? [byCode, 'code'] : null;
      }
      const byTitle = one(key('title', values.get('title')));
      return byTitle ? [byTitle, 'title'] : null;
    }
    if (register === 'contribution') {
      const found = one(key(values.get('activityId') ?? null, values.get('component')));
      return found ? [found, 'component'] : null;
    }
    // Indicators and risks are found by their hidden Row ID alone (their sheets add none); learning entries too.
    if (register === 'indicator' || register === 'risk' || register === 'learningEntry') return null;
    const owner = register === 'disbursement' ? (values.get('contributionId') ?? values.get('contribution')) : values.get('indicatorId');
    const found = one(key(owner, values.get('periodKey')));
    return found ? [found, 'period'] : null;
  };
}

export interface PendingAdd {
  row: TemplateRow;
  input: Record<string, unknown>;
  add: ImportAddDto;
}

/** Rows added per bulk load: large enough that its per-call index of the cycle costs little. */
const BATCH_ROWS = 10_000;

/**
 * Adds the new rows of a sheet with the register's bulk path (one savepoint, rules checked against
 * an in-memory index), in the file's order. When a row is refused, the rows before it are added,
 * the refused row is tried alone so its own message is reported, and the rest carry on.
 */
export function createAll(ctx: AppContext, sheet: SheetRead, pending: PendingAdd[], adds: ImportAddDto[], attempt: ReportRefusal): void {
  // In batches: one bulk load of 150,000 rows would hold them all validated and audited at once.
  for (let from = 0; from < pending.length; from += BATCH_ROWS) createBatch(ctx, sheet, pending.slice(from, from + BATCH_ROWS), adds, attempt);
}

function createBatch(ctx: AppContext, sheet: SheetRead, pending: PendingAdd[], adds: ImportAddDto[], attempt: ReportRefusal): void {
  const service = s[sheet.register];
  let queue = pending;
  while (queue.length > 0) {
    const batch = queue;
    let failedAt: number | null = null;
    try {
      service.untyped.createMany(
        ctx,
        batch.map((item) => item.input),
      );
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      failedAt = failingIndex(error, batch.length);
    }
    if (failedAt === null) {
      for (const item of batch) adds.push(item.add);
      return;
    }
    createBatch(ctx, sheet, batch.slice(0, failedAt), adds, attempt);
    const refused = itemAt(batch, failedAt, 'refused row');
    if (attempt(refused.row, () => service.untyped.create(ctx, refused.input))) adds.push(refused.add);
    queue = batch.slice(failedAt + 1);
  }
}
