import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, getTableColumns, sql } from 'drizzle-orm';
import { registerSchemas } from '../../shared/api/registers';
import { listAdminUnits } from '../../main/services/admin-units';
import { registerServices } from '../../main/services/index';
import { listFields, streamFields } from '../../main/services/register-fields';
import { costShareActivityFields, costShareContributionFields } from '../../shared/analysis/cost-share';
import { coverageActivityFields, coverageContributionFields } from '../../shared/analysis/coverage';
import { overlapActivityFields } from '../../shared/analysis/overlaps';
import { loadCycleFile, loadSampleCycle } from '../../main/services/sample';
import { registerLinks, registerNames, registerTables, type RegisterName } from '../../main/db/tables';
import { generateLargePlan } from '../../scripts/bench/large-plan';
import { testApp } from '../support/test-app';

/*
 * Register lists read rows through a fast road (main/db/row-store.ts `cycleRowReader`): arrays from
 * SQLite, one object literal per table, the cycle id not read back, link lists joined in. This holds
 * it to the plain road — drizzle's own select and one link query per row — on the sample and on a
 * generated plan in the same database, so neither cycle's rows leak into the other's list.
 */

let app: ReturnType<typeof testApp>;
const cycles: { name: string; id: string }[] = [];

beforeAll(() => {
  app = testApp();
  cycles.push({ name: 'the sample', id: loadSampleCycle(app).id });
  const turkana = listAdminUnits(app, { level: 'county' }).find((unit) => unit.name === 'Turkana');
  if (!turkana) throw new Error('Turkana County is missing from the administrative units.');
  const wards = listAdminUnits(app, { level: 'ward', withinId: turkana.id }).map((unit) => unit.id);
  const size = { organisations: 12, activities: 300, contributions: 1_200, indicators: 60, risks: 30 };
  cycles.push({ name: 'a generated plan', id: loadCycleFile(app, generateLargePlan(turkana.id, wards, size)).id });
}, 60_000);
afterAll(() => app.close());

/** The rows as drizzle reads them, the clock columns aside, with each link list read row by row in stored order. */
function plainList(register: RegisterName, cycleId: string): Record<string, unknown>[] {
  const table = registerTables[register];
  const { hlc: _hlc, origin: _origin, ...columns } = getTableColumns(table);
  const rows: Record<string, unknown>[] = app.db
    .select(columns)
    .from(table)
    .where(eq(table.cycleId, cycleId))
    .orderBy(sql`rowid`)
    .all();
  return rows.map((row) => {
    const withLinks: Record<string, unknown> = { ...row };
    for (const link of registerLinks[register] ?? []) {
      withLinks[link.field] = app.db.$client
        .prepare(`SELECT "${link.valueColumn}" FROM "${link.table}" WHERE "${link.parentColumn}" = ? ORDER BY rowid`)
        .pluck()
        .all(row.id);
    }
    return withLinks;
  });
}

describe('register lists', () => {
  for (const register of registerNames) {
    it(`${register}: the same rows, fields, values and order as the plain query, valid DTOs`, () => {
      for (const cycle of cycles) {
        const listed = registerServices[register].list(app, { cycleId: cycle.id });
        const plain = plainList(register, cycle.id);
        expect(listed, cycle.name).toStrictEqual(plain);
        // Same keys in the same order: what the renderer and the CLI's --json print.
        expect(JSON.stringify(listed), cycle.name).toBe(JSON.stringify(plain));
        for (const row of listed) expect(registerSchemas[register].dto.parse(row)).toStrictEqual(row);
      }
    });
  }

  it('the sample and the generated plan fill the registers the lists are timed on', () => {
    const counts = cycles.map((cycle) => registerNames.filter((register) => registerServices[register].list(app, { cycleId: cycle.id }).length > 0));
    expect(counts[0]).toEqual(registerNames);
    expect(counts[1]).toEqual(expect.arrayContaining(['organisation', 'activity', 'contribution', 'indicator', 'indicatorPeriod', 'risk']));
  });

  it('the analyses read some fields of activities and budget lines: exactly those fields of the listed rows', () => {
    const pick = (row: Record<string, unknown>, fields: readonly string[]) => Object.fromEntries(fields.map((field) => [field, row[field]]));
    for (const cycle of cycles) {
      const activities = registerServices.activity.list(app, { cycleId: cycle.id });
      const contributions = registerServices.contribution.list(app, { cycleId: cycle.id });
      for (const fields of [overlapActivityFields, coverageActivityFields, costShareActivityFields, ['wardIds'] as const]) {
        const lean = listFields(app, 'activity', cycle.id, fields);
        // A link list is joined by the row's id, which comes along when not asked for.
        const wanted: readonly string[] = fields;
        const expected = activities.map((row) => pick(row, wanted.includes('wardIds') && !wanted.includes('id') ? ['id', ...wanted] : wanted));
        expect(lean, `${cycle.name}: ${fields.join(', ')}`).toStrictEqual(expected);
      }
      for (const fields of [coverageContributionFields, costShareContributionFields]) {
        expect(listFields(app, 'contribution', cycle.id, fields), `${cycle.name}: ${fields.join(', ')}`).toStrictEqual(
          contributions.map((row) => pick(row, fields)),
        );
      }
    }
  });

  it('the rows streamed one at a time are the listed rows, links joined, and a stream left early frees its query', () => {
    for (const cycle of cycles) {
      const fields = ['id', 'title', 'wardIds'] as const;
      expect([...streamFields(app, 'activity', cycle.id, fields)], cycle.name).toStrictEqual(listFields(app, 'activity', cycle.id, fields));
      expect([...streamFields(app, 'contribution', cycle.id, costShareContributionFields)], cycle.name).toStrictEqual(
        listFields(app, 'contribution', cycle.id, costShareContributionFields),
      );
      // Stopped after one row: the statement is reset, so the same stream reads again from the start.
      for (const first of streamFields(app, 'contribution', cycle.id, costShareContributionFields)) {
        expect(first).toStrictEqual(listFields(app, 'contribution', cycle.id, costShareContributionFields)[0]);
        break;
      }
      expect([...streamFields(app, 'contribution', cycle.id, costShareContributionFields)]).toHaveLength(
        registerServices.contribution.list(app, { cycleId: cycle.id }).length,
      );
    }
  });
});
