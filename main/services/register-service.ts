import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { registerSchemas, type RegisterDto, type RegisterName } from '../../shared/api/registers';
import { ServiceError, notFound, type FieldProblem } from '../../shared/result';
import type { RegisterCheckInput } from '../../shared/api/schemas/record-check';
import { linkStore, rowStore, type ListedRow, type Row, type StoredRow, type SyncColumns } from '../db/row-store';
import { tombstones } from '../db/schema';
import { registerLinks, registerNouns, registerTables, type RegisterTable } from '../db/tables';
import { audited } from './audited-write';
import { recordAudit } from './audit';
import { stamp, type AppContext, type WriteContext } from './context';
import { describeReferences } from './references';
import { batchLookup, pointLookup, type RowLookup } from './row-lookup';
import { recordProblems } from './record-check';
import { registerPage, type PageRequest } from './register-pages';
import type { Page } from '../../shared/api/schemas/paging';
import { loadCycle, rulesFor, type Rules } from './rules';
import { validate } from './validate';

type Schemas<R extends RegisterName> = (typeof registerSchemas)[R];
/** A register's fields as its create schema gives them: checked, trimmed, defaults filled in. */
export type RegisterFields<R extends RegisterName> = z.output<Schemas<R>['create']>;

/** What makes one register different from another; the rest is the same for all of them. */
export interface RegisterDefinition<R extends RegisterName> {
  /** The register, whose schemas (shared/api/registers.ts) and table (main/db/tables.ts) the engine takes. */
  register: R;
  /** The organisation that owns the row; it alone may change it in a partner bundle. Null: the Secretariat. */
  owner(fields: RegisterFields<R>, rules: Rules): string | null;
  /** Rules across fields and rows; throws a ServiceError naming the field. */
  check(fields: RegisterFields<R>, rules: Rules): void;
  /** Fields a new row may leave out because they follow from others (an indicator's direction). */
  complete?(fields: RegisterFields<R>): RegisterFields<R>;
}

/** A register's own schema and rules, for rows that arrive by another road than its API (partner bundles). */
export interface RegisterRowRules {
  createInput: z.ZodObject<z.ZodRawShape>;
  owner(fields: Row, rules: Rules): string | null;
  check(fields: Row, rules: Rules): void;
}

export interface RegisterService<R extends RegisterName> {
  definition: RegisterDefinition<R>;
  /**
   * The create schema, owner rule and checks the service enforces, for rows of any shape: partner
   * bundles (main/bundles) validate every incoming row exactly as the register's own `create` would.
   */
  rowRules: RegisterRowRules;
  create(ctx: AppContext, input: z.input<Schemas<R>['create']>): RegisterDto<R>;
  /** Many rows of one cycle in one transaction, with the same rules as `create`; all or nothing. */
  createMany(ctx: AppContext, inputs: readonly z.input<Schemas<R>['create']>[]): string[];
  update(ctx: AppContext, input: z.input<Schemas<R>['update']>): RegisterDto<R>;
  remove(ctx: AppContext, input: { id: string }): { id: string; deleted: true };
  /**
   * Brings a deleted row back under its own id from the image its deletion left in the audit log
   * (services/undo.ts): the create schema and the register's checks as for a new row, its link
   * lists again, its tombstone lifted so the restored row travels in bundles as the newest revision.
   */
  reinstate(ctx: AppContext, image: Row): RegisterDto<R>;
  get(ctx: AppContext, input: { id: string }): RegisterDto<R>;
  /** Every problem saving these values would meet, schema and rules together, with nothing saved. */
  problems(ctx: AppContext, input: Omit<RegisterCheckInput, 'register'>): FieldProblem[];
  list(ctx: AppContext, input: { cycleId: string }): RegisterDto<R>[];
  /** One page of the list in the order the register's screen shows it (services/register-pages.ts). */
  page(ctx: AppContext, input: PageRequest): Page<RegisterDto<R>>;
  /**
   * The same writes for input whose type nobody has promised (a workbook's rows, read cell by
   * cell, for whichever register the sheet is): the schemas check it exactly as they check typed input.
   */
  untyped: UntypedWrites<R>;
}

export interface UntypedWrites<R extends RegisterName> {
  create(ctx: AppContext, input: unknown): RegisterDto<R>;
  createMany(ctx: AppContext, inputs: readonly unknown[]): string[];
  update(ctx: AppContext, input: unknown): RegisterDto<R>;
}

export function registerService<R extends RegisterName>(definition: RegisterDefinition<R>): RegisterService<R> {
  const { register } = definition;
  const schemas: Schemas<R> = registerSchemas[register];
  const table: RegisterTable<R> = registerTables[register];
  const links = registerLinks[register] ?? [];
  const noun = registerNouns[register].one;
  const store = (ctx: AppContext) => rowStore(ctx.db.$client, table);
  const stored = (ctx: AppContext, id: string): StoredRow<RegisterTable<R>> => {
    const row = store(ctx).get(id);
    if (!row) throw notFound(noun, id);
    return row;
  };

  /*
   * Where the compiler cannot follow one register through generic code, these say what
   * `storedRowsAreDtos` (main/db/tables.ts) proves for every register: a stored row, the clock
   * aside, with its link lists is the DTO; the create schema's fields with the sync columns are a
   * row of the table; the schema parses input into those fields.
   */
  const asDto = (row: ListedRow<RegisterTable<R>>) => row as RegisterDto<R>;
  const asRow = (row: RegisterFields<R> & Omit<SyncColumns, 'cycleId'>) => row as RegisterTable<R>['$inferInsert'];
  const asFields = (fields: object) => fields as RegisterFields<R>;

  /** The one place a stored row becomes a DTO. */
  const toDto = ({ hlc: _hlc, origin: _origin, ...row }: StoredRow<RegisterTable<R>>, linkValues: (field: string) => string[]): RegisterDto<R> =>
    asDto({ ...row, ...Object.fromEntries(links.map((link) => [link.field, linkValues(link.field)])) });

  const load = (ctx: AppContext, id: string): RegisterDto<R> =>
    toDto(stored(ctx, id), (field) => {
      const link = links.find((l) => l.field === field);
      return link ? linkStore(ctx.db.$client, link).valuesOf(id) : [];
    });

  const saveLinks = (tx: WriteContext, id: string, fields: Row, isNew: boolean) => {
    for (const link of links) {
      const values = fields[link.field];
      if (!Array.isArray(values)) continue;
      const ids = values.filter((value) => typeof value === 'string');
      if (isNew) linkStore(tx.db.$client, link).add(tx, id, ids);
      else linkStore(tx.db.$client, link).replace(tx, id, ids);
    }
  };

  /** Checks and writes one new row; the caller holds the change. */
  const insertChecked = (tx: WriteContext, given: RegisterFields<R>, rules: Rules, lookup: RowLookup): RegisterDto<R> => {
    const fields = definition.complete ? definition.complete(given) : given;
    definition.check(fields, rules);
    const { at, hlc } = stamp(tx);
    const id = tx.newId();
    const meta = { id, ownerOrgId: definition.owner(fields, rules), createdAt: at, updatedAt: at };
    // Object.assign, not spread syntax: V8 copies a schema's output object (most of its fields
    // stored outside the object) by spread five times slower, and a bulk load makes 36,000 rows.
    const linkLists = links.map((link) => {
      const values: unknown = Reflect.get(fields, link.field);
      return [link.field, Array.isArray(values) ? [...new Set(values.filter((value) => typeof value === 'string'))] : []];
    });
    const created = asDto(Object.assign({}, fields, meta, Object.fromEntries(linkLists)));
    const rows = store(tx);
    const clock: Omit<SyncColumns, 'cycleId'> = Object.assign({ hlc, origin: tx.installationId }, meta);
    rows.insert(tx, asRow(Object.assign({}, fields, clock)));
    saveLinks(tx, id, fields, true);
    lookup.remember(register, created);
    recordAudit(tx, at, { action: 'create', tableName: rows.tableName, rowId: id, cycleId: rules.cycle.id, after: created });
    return created;
  };

  const untyped: UntypedWrites<R> = {
    create(ctx, input) {
      const fields = asFields(validate(schemas.create, input, register));
      return audited(ctx, { cycleId: fields.cycleId }, (tx) => {
        const lookup = pointLookup(tx, fields.cycleId);
        return insertChecked(tx, fields, rulesFor(tx, loadCycle(tx, fields.cycleId), register, null, lookup), lookup);
      });
    },

    createMany(ctx, inputs) {
      const rows = inputs.map((input, index) => {
        try {
          return asFields(validate(schemas.create, input, register));
        } catch (error) {
          throw inRow(error, index);
        }
      });
      const cycleIds = new Set(rows.map((fields) => fields.cycleId));
      if (cycleIds.size > 1) throw new ServiceError({ code: 'invalid_input', message: 'A bulk load adds rows to one cycle at a time.' });
      const [cycleId] = cycleIds;
      if (cycleId === undefined) return [];
      return audited(ctx, { cycleId }, (tx) => {
        const lookup = batchLookup(tx, cycleId);
        const rules = rulesFor(tx, loadCycle(tx, cycleId), register, null, lookup);
        return rows.map((fields, index) => {
          try {
            return insertChecked(tx, fields, rules, lookup).id;
          } catch (error) {
            throw inRow(error, index);
          }
        });
      });
    },

    update(ctx, input) {
      const { id, changes } = validate(schemas.update, input, register);
      const before = load(ctx, id);
      const changed = Object.keys(changes).filter((key) => JSON.stringify(Reflect.get(changes, key)) !== JSON.stringify(Reflect.get(before, key)));
      // Saving a form unchanged writes nothing: no new revision to exchange, no audit noise.
      if (changed.length === 0) return before;
      const { cycleId } = before;
      return audited(ctx, { cycleId }, (tx) => {
        const current = load(tx, id);
        const rules = rulesFor(tx, loadCycle(tx, cycleId), register, id, pointLookup(tx, cycleId));
        const merged = asFields({ ...current, ...changes });
        definition.check(merged, rules);
        const { at, hlc } = stamp(tx);
        store(tx).update(tx, { ...stored(tx, id), ...changes, ownerOrgId: definition.owner(merged, rules), updatedAt: at, hlc, origin: tx.installationId });
        saveLinks(tx, id, changes, false);
        const after = load(tx, id);
        recordAudit(tx, at, { action: 'update', tableName: store(tx).tableName, rowId: id, cycleId, before: current, after });
        return after;
      });
    },
  };

  return {
    definition,
    rowRules: {
      createInput: schemas.create,
      // Rows reach these after the register's own create schema accepted them (main/bundles/validate-rows.ts).
      owner: (fields, rules) => definition.owner(asFields(fields), rules),
      check: (fields, rules) => definition.check(asFields(fields), rules),
    },
    ...untyped,
    untyped,

    remove(ctx, { id }) {
      const { cycleId } = load(ctx, id);
      return audited(ctx, { cycleId }, (tx) => {
        const before = load(tx, id);
        const inUse = describeReferences(tx.db.$client, table, id);
        if (inUse.length > 0) {
          throw new ServiceError({ code: 'in_use', message: `This ${noun} is still named in ${inUse.join(', ')}. Change or delete those first.` });
        }
        const { at, hlc } = stamp(tx);
        const tombstone = { deletedAt: at, hlc, origin: tx.installationId };
        tx.db
          .insert(tombstones)
          .values({ tableName: store(tx).tableName, rowId: id, cycleId, ownerOrgId: before.ownerOrgId, ...tombstone })
          .onConflictDoUpdate({ target: [tombstones.tableName, tombstones.rowId], set: tombstone })
          .run();
        store(tx).remove(tx, id);
        recordAudit(tx, at, { action: 'delete', tableName: store(tx).tableName, rowId: id, cycleId, before });
        return { id, deleted: true as const };
      });
    },

    reinstate(ctx, image) {
      const id = typeof image.id === 'string' ? image.id : '';
      const createdAt = typeof image.createdAt === 'string' ? image.createdAt : null;
      const given = asFields(validate(schemas.create, pickKeys(image, Object.keys(schemas.create.shape)), register));
      return audited(ctx, { cycleId: given.cycleId }, (tx) => {
        if (store(tx).get(id)) throw new ServiceError({ code: 'invalid_input', message: `This ${noun} is not deleted: there is nothing to restore.` });
        const lookup = pointLookup(tx, given.cycleId);
        const rules = rulesFor(tx, loadCycle(tx, given.cycleId), register, id, lookup);
        const fields = definition.complete ? definition.complete(given) : given;
        definition.check(fields, rules);
        const { at, hlc } = stamp(tx);
        const meta = { id, ownerOrgId: definition.owner(fields, rules), createdAt: createdAt ?? at, updatedAt: at };
        store(tx).insert(tx, asRow({ ...fields, ...meta, hlc, origin: tx.installationId }));
        saveLinks(tx, id, fields, true);
        tx.db
          .delete(tombstones)
          .where(and(eq(tombstones.tableName, store(tx).tableName), eq(tombstones.rowId, id)))
          .run();
        const restored = load(tx, id);
        recordAudit(tx, at, { action: 'restore', tableName: store(tx).tableName, rowId: id, cycleId: given.cycleId, after: restored });
        return restored;
      });
    },

    get(ctx, { id }) {
      return load(ctx, id);
    },

    problems(ctx, { cycleId, id, values }) {
      const check = (fields: Row, rules: Rules) => definition.check(asFields(fields), rules);
      const complete = definition.complete;
      const common = { register, shape: schemas.create.shape, check, complete: complete && ((fields: Row) => complete(asFields(fields))) };
      if (id === undefined) {
        const input = { ...values, cycleId };
        return recordProblems(ctx, { ...common, schema: schemas.create, input, values: input, cycleId, currentId: null });
      }
      const current = load(ctx, id);
      if (current.cycleId !== cycleId) throw notFound(noun, id);
      return recordProblems(ctx, {
        ...common,
        schema: schemas.update,
        input: { id, changes: values },
        values: { ...current, ...values },
        cycleId,
        currentId: id,
      });
    },

    list(ctx, { cycleId }) {
      loadCycle(ctx, cycleId);
      // Listed rows carry no clock columns: with their link lists they are the DTOs.
      const values = links.map((link) => ({ field: link.field, byParent: linkStore(ctx.db.$client, link).byCycle(store(ctx).tableName, cycleId) }));
      return store(ctx).listByCycle(cycleId, values).map(asDto);
    },

    page: (ctx, input) => registerPage(ctx, register, input, asDto),
  };
}

const pickKeys = (row: Row, keys: readonly string[]): Row => Object.fromEntries(keys.filter((key) => key in row).map((key) => [key, row[key]]));

/** "Row 12: End date: …": a bulk load names the row at fault as well as the field. */
function inRow(error: unknown, index: number): unknown {
  if (!(error instanceof ServiceError)) return error;
  const { apiError } = error;
  return new ServiceError({
    ...apiError,
    message: `Row ${index + 1}: ${apiError.message}`,
    field: apiError.field === undefined ? undefined : `${index}.${apiError.field}`,
  });
}
