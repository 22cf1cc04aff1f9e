import { valueAt } from '../../shared/item-at';
import { ServiceError } from '../../shared/result';
import type { Row } from '../db/row-store';
import { textOf } from '../db/row-values';
import type { RegisterName } from '../db/tables';
import type { AppContext } from '../services/context';
import type { RowLookup } from '../services/row-lookup';
import { rulesFor, type CycleRow, type Rules } from '../services/rules';
import type { RowsByRegister } from './cycle-rows';
import { exchangeTable, exchangeTables, rowLabel, type ExchangeName } from './exchange-tables';
import { openConflict } from './plan-items';
import type { LocalState, PlanItem } from './plan-types';
import type { ParsedBundle } from './read';
import type { Problems } from './validate-rows';

/**
 * The cycle as it would be after the import, and the checks run on it: every reference resolves,
 * and every row the bundle writes passes its register's rules against that state.
 */

const capital = (text: string) => `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}`;

/** The row an item leaves in the cycle: a row, null when it deletes, undefined when ours stays. */
export function finalRowOf(item: PlanItem): Row | null | undefined {
  if (item.refused) return undefined;
  if (item.outcome === 'write-theirs') return item.theirs;
  if (item.outcome === 'delete') return null;
  if (item.outcome === 'merge') return item.merged;
  return undefined;
}

export function finalState(local: LocalState, items: PlanItem[]): RowsByRegister {
  const final: RowsByRegister = new Map(exchangeTables.map((t) => [t.register, new Map(local.rows.get(t.register))]));
  for (const item of items) place(final, item);
  return final;
}

function place(final: RowsByRegister, item: PlanItem): void {
  const row = finalRowOf(item);
  const rows = valueAt(final, item.register, 'register');
  if (row === undefined) {
    if (item.mine) rows.set(item.id, item.mine);
    else rows.delete(item.id);
  } else if (row === null) {
    rows.delete(item.id);
  } else {
    rows.set(item.id, row);
  }
}

/** A lookup over rows held in memory; `current` is the row being checked, never its own match. */
export class StateLookup implements RowLookup {
  current: string | null = null;
  private readonly indexes = new Map<string, Map<string, string[]>>();
  constructor(private readonly rows: RowsByRegister) {}

  get(register: ExchangeName, id: string): Row | undefined {
    return this.rows.get(register)?.get(id);
  }

  findMatching(register: ExchangeName, match: Row, exceptId: string | null): string | undefined {
    const keys = Object.keys(match).sort();
    const signature = `${register}|${keys.join(',')}`;
    const norm = (value: unknown) => (typeof value === 'string' ? value.trim().toLowerCase() : JSON.stringify(value));
    const composite = (row: Row) => keys.map((key) => norm(row[key])).join('\u0000');
    let index = this.indexes.get(signature);
    if (!index) {
      index = new Map();
      for (const row of this.rows.get(register)?.values() ?? []) {
        const value = composite(row);
        index.set(value, [...(index.get(value) ?? []), textOf(row, 'id')]);
      }
      this.indexes.set(signature, index);
    }
    return index.get(composite(match))?.find((id) => id !== exceptId && id !== this.current);
  }

  remember(): void {}
}

/** The sender's snapshot: their rows first, ours for what they did not send; matches among theirs only. */
class SnapshotLookup extends StateLookup {
  constructor(
    theirs: RowsByRegister,
    private readonly ours: RowsByRegister,
  ) {
    super(theirs);
  }

  override get(register: ExchangeName, id: string): Row | undefined {
    return super.get(register, id) ?? this.ours.get(register)?.get(id);
  }
}

/**
 * Their rows this import does not write (already here, older, refused) are checked too, against
 * the sender's own snapshot: a bundle holding a row that breaks a rule is refused whole, whatever
 * this copy holds.
 */
export function checkSnapshot(
  ctx: AppContext,
  cycle: CycleRow,
  items: PlanItem[],
  parsed: ParsedBundle,
  local: LocalState,
  problems: Problems,
  wardsArriving: ReadonlySet<string>,
): void {
  const theirs: RowsByRegister = new Map(
    exchangeTables.map((t) => [t.register, new Map((parsed.rows.get(t.register) ?? []).map((row) => [textOf(row, 'id'), row]))]),
  );
  const lookup = new SnapshotLookup(theirs, local.rows);
  const rules = rulesForState(ctx, cycle, lookup, wardsArriving);
  for (const item of items) {
    if (!item.theirs || finalRowOf(item) === item.theirs) continue;
    const t = exchangeTable[item.register];
    lookup.current = item.id;
    try {
      t.rules.check(item.theirs, rules.get(item.register));
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      problems.add(`${capital(t.noun.one)} “${rowLabel(item.register, item.theirs)}”: ${error.message}`);
    } finally {
      lookup.current = null;
    }
  }
}

/** The register services' rules over the given state; cycle records have their own checks. */
export function rulesForState(ctx: AppContext, cycle: CycleRow, lookup: RowLookup, wardsArriving?: ReadonlySet<string>): Map<ExchangeName, Rules> {
  const rules = new Map<ExchangeName, Rules>();
  for (const t of exchangeTables) if (!t.isRecord) rules.set(t.register, rulesFor(ctx, cycle, t.register as RegisterName, null, lookup, { wardsArriving }));
  return rules;
}

const nounOf = (register: ExchangeName) => exchangeTable[register].noun.one;

function refuseItem(final: RowsByRegister, item: PlanItem, reason: string): void {
  item.refused = reason;
  place(final, item);
}

/**
 * A cycle record the bundle writes must not be a second copy of one this copy keeps under another
 * id (its own version 2, its own thresholds, made before the Secretariat's arrived): it is refused
 * and listed, and ours stays until someone deletes it.
 */
export function checkNaturalKeys(items: PlanItem[], final: RowsByRegister): void {
  for (const item of items) {
    const key = exchangeTable[item.register].rules.naturalKey;
    const row = finalRowOf(item);
    if (!key || !row) continue;
    const identity = (r: Row) => JSON.stringify(key.map((field) => r[field]));
    const mine = identity(row);
    const clash = [...(final.get(item.register)?.values() ?? [])].find((other) => other.id !== item.id && identity(other) === mine);
    if (clash) {
      refuseItem(
        final,
        item,
        `This copy already has its own ${nounOf(item.register)} (“${rowLabel(item.register, clash)}”), which is kept; delete it here first to take the one in this bundle.`,
      );
    }
  }
}

/**
 * Rows the bundle writes must name rows that will exist; rows it deletes must not be named by rows
 * that stay. Either way the item is refused (and listed), never a broken reference written; a
 * refusal can leave another row dangling, so this runs until nothing changes.
 */
export function checkReferences(items: PlanItem[], final: RowsByRegister, local: LocalState): void {
  for (let changed = true; changed;) {
    changed = false;
    for (const item of items) {
      const row = finalRowOf(item);
      if (!row) continue;
      const missing = missingReference(item.register, row, final, local);
      if (missing) {
        refuseItem(final, item, missing);
        changed = true;
      }
    }
    const deleting = new Map<string, PlanItem>();
    for (const item of items) if (finalRowOf(item) === null && item.mine) deleting.set(`${item.register}:${item.id}`, item);
    if (deleting.size === 0) continue;
    for (const t of exchangeTables) {
      const refs = t.references.filter((ref) => ref.target !== 'adminUnit');
      if (refs.length === 0) continue;
      for (const row of final.get(t.register)?.values() ?? []) {
        for (const ref of refs) {
          const ids = ref.list ? (row[ref.field] as string[]) : [row[ref.field] as string | null];
          for (const id of ids) {
            const deletion = id === null ? undefined : deleting.get(`${ref.target}:${id}`);
            if (deletion && !deletion.refused) {
              refuseItem(
                final,
                deletion,
                `It is still named here by ${nounOf(t.register)} “${rowLabel(t.register, row)}”; change or delete that first, then import again.`,
              );
              changed = true;
            }
          }
        }
      }
    }
  }
}

function missingReference(register: ExchangeName, row: Row, final: RowsByRegister, local: LocalState): string | null {
  for (const ref of exchangeTable[register].references) {
    const ids = ref.list ? (row[ref.field] as string[]) : [row[ref.field] as string | null];
    for (const id of ids) {
      if (id === null) continue;
      if (ref.target === 'adminUnit') {
        if (!local.adminUnitIds.has(id)) return `It names a ward or county (${id}) this copy does not have.`;
      } else if (!final.get(ref.target)?.has(id)) {
        const deletedHere = local.tombstones.get(ref.target)?.has(id) || (local.rows.get(ref.target)?.has(id) ?? false);
        return `It names ${nounOf(ref.target)} ${id}, which ${deletedHere ? 'is deleted in this copy (or by this bundle)' : 'was not accepted from this bundle'}.`;
      }
    }
  }
  return null;
}

/**
 * Every row the bundle writes passes its register's checks and gets its owner as the register
 * service would derive it. A broken row of theirs refuses the bundle; a field-by-field choice
 * that breaks a rule is sent back to the person who chose it.
 */
export function checkRules(
  ctx: AppContext,
  cycle: CycleRow,
  items: PlanItem[],
  final: RowsByRegister,
  problems: Problems,
  wardsArriving: ReadonlySet<string>,
): Map<string, string | null> {
  const lookup = new StateLookup(final);
  const rules = rulesForState(ctx, cycle, lookup, wardsArriving);
  const owners = new Map<string, string | null>();
  for (const item of items) {
    const row = finalRowOf(item);
    if (!row) continue;
    const t = exchangeTable[item.register];
    lookup.current = item.id;
    try {
      // Their rows were parsed with the register's schema when the bundle was read; a mix of
      // fields chosen from both sides is parsed here.
      let fields = row;
      if (item.outcome === 'merge') {
        const parsed = t.rules.createInput.safeParse(Object.fromEntries(t.fieldKeys.map((key) => [key, row[key]])));
        if (!parsed.success) throw new ServiceError({ code: 'invalid_input', message: 'the chosen fields do not make a valid row.' });
        fields = { ...row, ...(parsed.data as Row) };
        item.merged = fields;
      }
      const registerRules = rules.get(item.register);
      t.rules.check(fields, registerRules);
      owners.set(item.key, t.rules.owner(fields, registerRules));
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      const where = `${capital(t.noun.one)} “${rowLabel(item.register, row)}”`;
      if (item.outcome === 'merge' && item.conflict?.choice) item.conflict.invalid = `${where}: your choices do not fit together: ${error.message}`;
      else if (item.outcome === 'merge')
        openConflict(item).invalid =
          `${where}: the changes made here and in the bundle do not fit together: ${error.message} Choose field by field which to keep.`;
      else problems.add(`${where}: ${error.message}`);
    } finally {
      lookup.current = null;
    }
  }
  return owners;
}
