import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sortByCode } from '../../shared/analysis/activity-filter';
import { apiContract } from '../../shared/api/contract';
import { registerNames, type RegisterDto, type RegisterName } from '../../shared/api/registers';
import { MAX_PAGE_ROWS, type Page } from '../../shared/api/schemas/paging';
import { listAdminUnits } from '../../main/services/admin-units';
import { registerServices } from '../../main/services/index';
import { loadCycleFile, loadSampleCycle } from '../../main/services/sample';
import { createDispatcher } from '../../main/transport/dispatcher';
import { generateLargePlan } from '../../scripts/bench/large-plan';
import { testApp } from '../support/test-app';

/*
 * `<register>:page` serves a screen's first rows without reading the whole register. Its pages,
 * put together, must be exactly the register's list in the order the screen shows it: the same
 * rows and values as `<register>:list`, with the total the list's length.
 */

let app: ReturnType<typeof testApp>;
const cycles: { name: string; id: string }[] = [];

beforeAll(() => {
  app = testApp();
  cycles.push({ name: 'the sample', id: loadSampleCycle(app).id });
  const turkana = listAdminUnits(app, { level: 'county' }).find((unit) => unit.name === 'Turkana');
  if (!turkana) throw new Error('Turkana County is missing from the administrative units.');
  const wards = listAdminUnits(app, { level: 'ward', withinId: turkana.id }).map((unit) => unit.id);
  const size = { organisations: 8, activities: 120, contributions: 400, indicators: 20, risks: 10 };
  const generated = loadCycleFile(app, generateLargePlan(turkana.id, wards, size)).id;
  cycles.push({ name: 'a generated plan', id: generated });
  // Codes whose natural order is neither the order entered nor the order of their characters.
  const [first, second, third] = registerServices.activity.list(app, { cycleId: generated });
  for (const [row, code] of [
    [first, 'B10'],
    [second, 'B9'],
    [third, 'b2'],
  ] as const) {
    if (row) registerServices.activity.update(app, { id: row.id, changes: { code } });
  }
}, 60_000);
afterAll(() => app.close());

const dispatch = () => createDispatcher(app, () => undefined);

type Row = Record<string, unknown> & { id: string };

/** Every page of a register, read `limit` rows at a time through the dispatcher, as a screen reads them. */
function allPages(register: RegisterName, cycleId: string, limit: number): Page<Row>[] {
  const pages: Page<Row>[] = [];
  let offset: number | null = 0;
  while (offset !== null) {
    const result = dispatch()(`${register}:page`, { cycleId, offset, limit });
    if (!result.ok) throw new Error(result.error.message);
    // The value as it crosses the boundary; the contract's output schema must accept it unchanged.
    const page = apiContract[`${register}:page`].output.parse(result.value);
    expect(page).toStrictEqual(result.value);
    pages.push(result.value as Page<Row>);
    offset = page.nextOffset;
  }
  return pages;
}

/** The order each screen shows: the action plan by code, the Budget grid's lines under their activity in that order (unlinked last). */
function displayed(register: RegisterName, cycleId: string): unknown[] {
  const listed: unknown[] = registerServices[register].list(app, { cycleId });
  if (register === 'activity') return sortByCode(registerServices.activity.list(app, { cycleId }));
  if (register !== 'contribution') return listed;
  const lines = registerServices.contribution.list(app, { cycleId });
  const underActivities = sortByCode(registerServices.activity.list(app, { cycleId })).flatMap((activity) =>
    lines.filter((line) => line.activityId === activity.id),
  );
  return [...underActivities, ...lines.filter((line) => line.activityId === null)];
}

describe('paged register reads', () => {
  for (const register of registerNames) {
    it(`${register}: the pages together are the list, in display order, with the list's total`, () => {
      for (const cycle of cycles) {
        const expected = displayed(register, cycle.id);
        for (const limit of [1, 7, 100]) {
          const pages = allPages(register, cycle.id, limit);
          const rows = pages.flatMap((page) => page.rows);
          expect(rows, `${cycle.name}, ${limit} a page`).toStrictEqual(expected);
          expect(JSON.stringify(rows), `${cycle.name}: the same keys in the same order as the list`).toBe(JSON.stringify(expected));
          for (const [index, page] of pages.entries()) {
            expect(page.total).toBe(expected.length);
            expect(page.offset).toBe(index * limit);
            expect(page.rows.length).toBe(Math.min(limit, Math.max(0, expected.length - index * limit)));
          }
          expect(pages.at(-1)?.nextOffset).toBeNull();
        }
      }
    });
  }

  it('the cycles hold what the orders are about: codes out of natural order, unlinked budget lines', () => {
    const generated = cycles[1]?.id ?? '';
    const activities = registerServices.activity.list(app, { cycleId: generated });
    const codes = sortByCode(activities).map((a) => a.code);
    expect(codes).not.toEqual(activities.map((a) => a.code));
    expect(codes.slice(-3)).toEqual(['b2', 'B9', 'B10']);
    const unlinked = cycles.some((cycle) => registerServices.contribution.list(app, { cycleId: cycle.id }).some((line) => line.activityId === null));
    expect(unlinked).toBe(true);
  });

  it('a page past the end is empty with the total; the default page is the first hundred rows', () => {
    const cycleId = cycles[1]?.id ?? '';
    const total = registerServices.contribution.list(app, { cycleId }).length;
    expect(dispatch()('contribution:page', { cycleId, offset: total + 5, limit: 10 })).toEqual({
      ok: true,
      value: { rows: [], offset: total + 5, total, nextOffset: null },
    });
    const first = dispatch()('contribution:page', { cycleId });
    expect(first).toMatchObject({ ok: true, value: { offset: 0, total, nextOffset: 100 } });
    if (first.ok) expect(apiContract['contribution:page'].output.parse(first.value).rows).toStrictEqual(displayed('contribution', cycleId).slice(0, 100));
  });

  it('after an edit the next page is read in the new order (a code changed moves the activity)', () => {
    const cycleId = cycles[0]?.id ?? '';
    const before = allPages('activity', cycleId, 100)[0]?.rows ?? [];
    const first = before[0];
    if (!first) throw new Error('The sample has no activities.');
    const moved: RegisterDto<'activity'> = registerServices.activity.update(app, { id: first.id, changes: { code: 'ZZ9.99' } });
    const after = allPages('activity', cycleId, 100)[0]?.rows ?? [];
    expect(after.at(-1)).toStrictEqual(moved);
    expect(after).toStrictEqual(displayed('activity', cycleId));
    registerServices.activity.update(app, { id: first.id, changes: { code: String(first.code) } });
    expect(allPages('activity', cycleId, 100)[0]?.rows.map((row) => row.id)).toEqual(before.map((row) => row.id));
  });

  it('refuses a bad page with a plain sentence naming the field, and an unknown cycle', () => {
    const cycleId = cycles[0]?.id ?? '';
    const refused = (input: unknown) => {
      const result = dispatch()('activity:page', input);
      if (result.ok) throw new Error(`accepted ${JSON.stringify(input)}`);
      return result.error;
    };
    expect(refused({ cycleId, limit: 0 })).toMatchObject({ code: 'invalid_input', field: 'limit', message: 'Rows per page: must be at least 1.' });
    expect(refused({ cycleId, limit: MAX_PAGE_ROWS + 1 })).toMatchObject({ field: 'limit', message: `Rows per page: must be at most ${MAX_PAGE_ROWS}.` });
    expect(refused({ cycleId, offset: -1 })).toMatchObject({ field: 'offset', message: 'First row of the page: cannot be below zero.' });
    expect(refused({ cycleId, offset: 1.5 })).toMatchObject({ field: 'offset', message: 'First row of the page: expected a whole number.' });
    expect(refused({ cycleId, offset: '10' })).toMatchObject({ field: 'offset' });
    expect(refused({ cycleId, page: 2 })).toMatchObject({ field: 'input', message: 'Input: unknown field page.' });
    expect(refused({ offset: 0 })).toMatchObject({ field: 'cycleId', message: 'JWP cycle: this is required.' });
    expect(refused({ cycleId: '00000000-0000-4000-8000-999999999999' })).toMatchObject({ code: 'not_found' });
  });
});
