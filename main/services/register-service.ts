import type { z } from 'zod';
import { ServiceError, notFound } from '../../shared/result';
import { linkStore, rowStore, type Row } from '../db/row-store';
import { tombstones } from '../db/schema';
import { registerLinks, registerNouns, registerTables, type RegisterName } from '../db/tables';
import { assertCycleWritable } from '../lifecycle/read-only';
import { recordAudit } from './audit';
import { inWriteTransaction, stamp, type AppContext } from './context';
import { describeReferences } from './references';
import { batchLookup, pointLookup, type RowLookup } from './row-lookup';
import { loadCycle, rulesFor, type Rules } from './rules';
import { validate } from './validate';

type ObjectSchema = z.ZodObject<z.ZodRawShape>;

/** What makes one register different from another; the rest is the same for all of them. */
export interface RegisterDefinition<Create extends ObjectSchema, Update extends ObjectSchema, Dto> {
  register: RegisterName;
  createInput: Create;
  updateInput: Update;
  /** The shape rows are returned in (the API contract's output schema). */
  dto: z.ZodType<Dto>;
  /** The organisation that owns the row; it alone may change it in a partner bundle. Null: the Secretariat. */
  owner(fields: z.output<Create>, rules: Rules): string | null;
  /** Rules across fields and rows; throws a ServiceError naming the field. */
  check(fields: z.output<Create>, rules: Rules): void;
}

export interface RegisterService<Create extends ObjectSchema, Update extends ObjectSchema, Dto> {
  create(ctx: AppContext, input: z.input<Create>): Dto;
  /** Many rows of one cycle in one transaction, with the same rules as `create`; all or nothing. */
  createMany(ctx: AppContext, inputs: readonly z.input<Create>[]): string[];
  update(ctx: AppContext, input: z.input<Update>): Dto;
  remove(ctx: AppContext, input: { id: string }): { id: string; deleted: true };
  get(ctx: AppContext, input: { id: string }): Dto;
  list(ctx: AppContext, input: { cycleId: string }): Dto[];
}

const HIDDEN_COLUMNS = new Set(['hlc', 'origin']);

export function registerService<Create extends ObjectSchema, Update extends ObjectSchema, Dto>(
  definition: RegisterDefinition<Create, Update, Dto>,
): RegisterService<Create, Update, Dto> {
  const table = registerTables[definition.register];
  const links = registerLinks[definition.register] ?? [];
  const noun = registerNouns[definition.register].one;
  const store = (ctx: AppContext) => rowStore(ctx.db.$client, table);

  // The one place a stored row becomes a DTO: the row's columns are the DTO's fields by design.
  const toDto = (row: Row, linkValues: (field: string) => string[]): Dto => {
    const dto: Row = {};
    for (const [key, value] of Object.entries(row)) if (!HIDDEN_COLUMNS.has(key)) dto[key] = value;
    for (const link of links) dto[link.field] = linkValues(link.field);
    return dto as Dto;
  };

  const load = (ctx: AppContext, id: string): Dto => {
    const row = store(ctx).get(id);
    if (!row) throw notFound(noun, id);
    return toDto(row, (field) => {
      const link = links.find((l) => l.field === field);
      return link ? linkStore(ctx.db.$client, link).valuesOf(id) : [];
    });
  };

  const saveLinks = (ctx: AppContext, id: string, fields: Row, isNew: boolean) => {
    for (const link of links) {
      const values = fields[link.field];
      if (!Array.isArray(values)) continue;
      const store = linkStore(ctx.db.$client, link);
      if (isNew) store.add(id, values as string[]);
      else store.replace(id, values as string[]);
    }
  };

  /** Checks and writes one new row; the caller holds the transaction. */
  const insertChecked = (ctx: AppContext, fields: z.output<Create>, rules: Rules, lookup: RowLookup): Dto => {
    definition.check(fields, rules);
    const { at, hlc } = stamp(ctx);
    const id = ctx.newId();
    const row: Row = { ...fields, id, ownerOrgId: definition.owner(fields, rules), createdAt: at, updatedAt: at, hlc, origin: ctx.installationId };
    store(ctx).insert(row);
    saveLinks(ctx, id, fields, true);
    lookup.remember(definition.register, row);
    const created = toDto(row, (field) => [...new Set((fields as Row)[field] as string[])]);
    recordAudit(ctx, at, { action: 'create', tableName: store(ctx).tableName, rowId: id, cycleId: rules.cycle.id, after: created });
    return created;
  };

  const service: RegisterService<Create, Update, Dto> = {
    create(ctx, input) {
      const fields = validate(definition.createInput, input, definition.register);
      return inWriteTransaction(ctx, () => {
        const cycleId = fields.cycleId as string;
        assertCycleWritable(ctx, cycleId);
        const lookup = pointLookup(ctx, cycleId);
        return insertChecked(ctx, fields, rulesFor(ctx, loadCycle(ctx, cycleId), definition.register, null, lookup), lookup);
      });
    },

    createMany(ctx, inputs) {
      const rows = inputs.map((input, index) => {
        try {
          return validate(definition.createInput, input, definition.register);
        } catch (error) {
          throw inRow(error, index);
        }
      });
      const cycleIds = new Set(rows.map((fields) => fields.cycleId as string));
      if (cycleIds.size > 1) throw new ServiceError({ code: 'invalid_input', message: 'A bulk load adds rows to one cycle at a time.' });
      const [cycleId] = cycleIds;
      if (cycleId === undefined) return [];
      return inWriteTransaction(ctx, () => {
        assertCycleWritable(ctx, cycleId);
        const lookup = batchLookup(ctx, cycleId);
        const rules = rulesFor(ctx, loadCycle(ctx, cycleId), definition.register, null, lookup);
        return rows.map((fields, index) => {
          try {
            return (insertChecked(ctx, fields, rules, lookup) as Row).id as string;
          } catch (error) {
            throw inRow(error, index);
          }
        });
      });
    },

    update(ctx, input) {
      const { id, changes } = validate(definition.updateInput, input, definition.register) as { id: string; changes: Row };
      return inWriteTransaction(ctx, () => {
        const before = load(ctx, id) as Row;
        const changed = Object.keys(changes).filter((key) => JSON.stringify(changes[key]) !== JSON.stringify(before[key]));
        // Saving a form unchanged writes nothing: no new revision to exchange, no audit noise.
        if (changed.length === 0) return before as Dto;
        const cycleId = before.cycleId as string;
        assertCycleWritable(ctx, cycleId);
        const rules = rulesFor(ctx, loadCycle(ctx, cycleId), definition.register, id, pointLookup(ctx, cycleId));
        const merged = { ...before, ...changes } as z.output<Create>;
        definition.check(merged, rules);
        const { at, hlc } = stamp(ctx);
        const stored = store(ctx).get(id) as Row;
        store(ctx).update({ ...stored, ...changes, ownerOrgId: definition.owner(merged, rules), updatedAt: at, hlc, origin: ctx.installationId });
        saveLinks(ctx, id, changes, false);
        const after = load(ctx, id);
        recordAudit(ctx, at, { action: 'update', tableName: store(ctx).tableName, rowId: id, cycleId, before, after });
        return after;
      });
    },

    remove(ctx, { id }) {
      return inWriteTransaction(ctx, () => {
        const before = load(ctx, id) as Row;
        const inUse = describeReferences(ctx.db.$client, table, id);
        if (inUse.length > 0) {
          throw new ServiceError({ code: 'in_use', message: `This ${noun} is still named in ${inUse.join(', ')}. Change or delete those first.` });
        }
        const { at, hlc } = stamp(ctx);
        const cycleId = before.cycleId as string;
        assertCycleWritable(ctx, cycleId);
        const tombstone = { deletedAt: at, hlc, origin: ctx.installationId };
        ctx.db
          .insert(tombstones)
          .values({ tableName: store(ctx).tableName, rowId: id, cycleId, ownerOrgId: (before.ownerOrgId as string | null) ?? null, ...tombstone })
          .onConflictDoUpdate({ target: [tombstones.tableName, tombstones.rowId], set: tombstone })
          .run();
        store(ctx).remove(id);
        recordAudit(ctx, at, { action: 'delete', tableName: store(ctx).tableName, rowId: id, cycleId, before });
        return { id, deleted: true as const };
      });
    },

    get(ctx, { id }) {
      return load(ctx, id);
    },

    list(ctx, { cycleId }) {
      loadCycle(ctx, cycleId);
      const rows = store(ctx).listByCycle(cycleId);
      // Listed rows carry no clock columns, so each row becomes its DTO in place once links are added.
      for (const link of links) {
        const values = linkStore(ctx.db.$client, link).byCycle(store(ctx).tableName, cycleId);
        for (const row of rows) row[link.field] = values.get(row.id as string) ?? [];
      }
      return rows as Dto[];
    },
  };
  rowRulesByService.set(service, {
    register: definition.register,
    createInput: definition.createInput,
    owner: (fields, rules) => definition.owner(fields as z.output<Create>, rules),
    check: (fields, rules) => definition.check(fields as z.output<Create>, rules),
  });
  return service;
}

/** A register's own schema and rules, for rows that arrive by another road than its API. */
export interface RegisterRowRules {
  register: RegisterName;
  createInput: ObjectSchema;
  owner(fields: Row, rules: Rules): string | null;
  check(fields: Row, rules: Rules): void;
}

const rowRulesByService = new WeakMap<object, RegisterRowRules>();

/**
 * The create schema, owner rule and checks a register service enforces, so partner bundles
 * (main/bundles) validate every incoming row exactly as the register's own `create` would.
 */
export function registerRowRules(service: object): RegisterRowRules {
  const rules = rowRulesByService.get(service);
  if (!rules) throw new Error('registerRowRules: not a register service made by registerService().');
  return rules;
}

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
