import { eq } from 'drizzle-orm';
import { formatDisplayDate } from '../../shared/dates';
import { reportingPeriods, type ReportingPeriod } from '../../shared/reporting-periods';
import { invalidField, notFound, problemsOf, refusal, type FieldProblem } from '../../shared/result';
import { adminUnits, cycles } from '../db/schema';
import type { ListedRow } from '../db/row-store';
import { registerNouns, type RegisterName, type RegisterTable } from '../db/tables';
import { fieldLabel } from '../../shared/api/field-labels';
import type { AppContext } from './context';
import type { RowLookup } from './row-lookup';

export type CycleRow = typeof cycles.$inferSelect;

/** Checks that span fields or rows, shared by the register services. */
export interface Rules {
  cycle: CycleRow;
  /** The row of another register, which must belong to the same cycle. */
  rowInCycle<R extends RegisterName>(register: R, id: string, field: string): ListedRow<RegisterTable<R>>;
  /** Wards must be wards of the cycle's county. */
  wardsOfCounty(ids: readonly string[], field: string): void;
  periodOfCycle(key: string, field: string): ReportingPeriod;
  notBefore(laterField: string, later: string | null, earlierField: string, earlier: string | null): void;
  /** No other row of this register in the cycle has the same value (compared without case). */
  uniqueInCycle(field: string, value: string): void;
  /** No other row of this register in the cycle matches all of `match`; `field` is the one to blame. */
  uniqueWhere(field: string, match: Record<string, unknown>, message: string): void;
  /**
   * Runs every check and refuses once with all the problems they found, so a form hears of an end
   * before its start and a code used twice in the same round, not one after the other.
   */
  all(...checks: ReadonlyArray<() => unknown>): void;
}

export interface RuleOptions {
  /** Wards a partner bundle adds along with the rows that name them (main/bundles/area-units.ts). */
  wardsArriving?: ReadonlySet<string>;
  /**
   * The fields are only those the schema accepted of a refused input (services/record-check.ts): a
   * check that cannot run for want of a field the schema already blamed says nothing.
   */
  partial?: boolean;
}

export function loadCycle(ctx: AppContext, cycleId: string): CycleRow {
  const cycle = ctx.db.select().from(cycles).where(eq(cycles.id, cycleId)).get();
  if (!cycle) throw notFound('JWP cycle', cycleId);
  return cycle;
}

export function rulesFor(
  ctx: AppContext,
  cycle: CycleRow,
  register: RegisterName,
  currentId: string | null,
  lookup: RowLookup,
  { wardsArriving = new Set(), partial = false }: RuleOptions = {},
): Rules {
  // A county has a few dozen wards; a bulk load checks thousands of activities against them.
  let countyWards: Set<string> | undefined;
  const wardsOfTheCounty = () =>
    (countyWards ??= new Set(
      ctx.db.$client
        .prepare("SELECT w.id FROM admin_units w JOIN admin_units p ON p.id = w.parent_id WHERE w.level = 'ward' AND p.parent_id = ?")
        .pluck()
        .all(cycle.countyId)
        .filter((id) => typeof id === 'string'),
    ));
  let periods: ReportingPeriod[] | undefined;
  const label = (field: string) => fieldLabel(field, register);
  return {
    cycle,
    rowInCycle(register, id, field) {
      const row = lookup.get(register, id);
      if (!row || row.cycleId !== cycle.id) {
        throw invalidField(field, `${label(field)}: choose ${article(registerNouns[register].one)} of this cycle.`);
      }
      // The lookup's rows are the register's own (RowLookup.get): read from its table or accepted by its create schema.
      return row as ListedRow<RegisterTable<typeof register>>;
    },
    wardsOfCounty(ids, field) {
      for (const id of ids) {
        if (!wardsOfTheCounty().has(id) && !wardsArriving.has(id)) {
          const ward = ctx.db.select().from(adminUnits).where(eq(adminUnits.id, id)).get();
          throw invalidField(field, `${label(field)}: ${ward ? `${ward.name} is not a ward of this county` : `no ward ${id} exists`}.`);
        }
      }
    },
    periodOfCycle(key, field) {
      periods ??= reportingPeriods(cycle);
      const period = periods.find((p) => p.key === key);
      if (!period) {
        throw invalidField(field, `${label(field)}: choose one of this cycle's periods (${periods.map((p) => p.key).join(', ')}).`);
      }
      return period;
    },
    notBefore(laterField, later, earlierField, earlier) {
      if (later !== null && earlier !== null && later < earlier) {
        throw invalidField(
          laterField,
          `${label(laterField)}: ${formatDisplayDate(later)} is before the ${label(earlierField).toLowerCase()} (${formatDisplayDate(earlier)}).`,
        );
      }
    },
    uniqueInCycle(field, value) {
      if (!value.trim()) return;
      if (lookup.findMatching(register, { [field]: value.trim() }, currentId)) {
        throw invalidField(field, `${label(field)}: ${value.trim()} is already used by another ${registerNouns[register].one} of this cycle.`);
      }
    },
    uniqueWhere(field, match, message) {
      if (lookup.findMatching(register, match, currentId)) throw invalidField(field, message);
    },
    all(...checks) {
      const problems: FieldProblem[] = [];
      for (const check of checks) {
        try {
          check();
        } catch (error) {
          const found = problemsOf(error);
          if (found) problems.push(...found);
          else if (!partial) throw error;
        }
      }
      if (problems.length > 0) throw refusal(problems);
    },
  };
}

function article(noun: string): string {
  return /^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`;
}
