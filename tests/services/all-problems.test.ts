import { beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../main/transport/dispatcher';
import type { FieldProblem } from '../../shared/result';
import { seedCycle } from '../support/factories';
import { dumpDatabase } from '../support/fault-injection';
import { testApp } from '../support/test-app';

/**
 * A form hears of every problem in one round: the rules only the database can judge (an end before
 * its start, a code used twice) together with each other and with the schema's, never one at a time.
 */
let app: ReturnType<typeof testApp>;
let dispatch: Dispatch;
let seed: ReturnType<typeof seedCycle>;

beforeEach(() => {
  app = testApp();
  dispatch = createDispatcher(app, () => undefined);
  seed = seedCycle(app);
});

const fieldsOf = (problems: readonly FieldProblem[] | undefined) => (problems ?? []).map((problem) => problem.field).sort();

function check(input: Record<string, unknown>): FieldProblem[] {
  const before = dumpDatabase(app);
  const result = dispatch('register:check', input);
  if (!result.ok) throw new Error(result.error.message);
  expect(dumpDatabase(app)).toEqual(before);
  return result.value as FieldProblem[];
}

describe('a save refused by several rules', () => {
  it('names the end before the start, the code used twice and the unfinished completion together, saving nothing', () => {
    const before = dumpDatabase(app);
    const result = dispatch('activity:create', {
      cycleId: seed.cycle.id,
      objectiveId: seed.objective.id,
      code: 'a1',
      title: 'Second borehole programme',
      sector: 'water_wash',
      leadOrgId: seed.partner.id,
      startDate: '2026-09-01',
      endDate: '2026-08-01',
      status: 'completed',
      completionPct: 50,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(fieldsOf(result.error.problems)).toEqual(['code', 'completionPct', 'endDate']);
    expect(result.error.problems?.map((problem) => problem.message)).toEqual([
      'End date: 1 Aug 2026 is before the start date (1 Sep 2026).',
      'Code: a1 is already used by another activity of this cycle.',
      'Completion %: a completed activity is 100 % complete; change the status or the percentage.',
    ]);
    // The first problem is the message and the field a form focuses, as for the schema's refusals.
    expect(result.error).toMatchObject({ field: 'endDate', message: 'End date: 1 Aug 2026 is before the start date (1 Sep 2026).' });
    expect(dumpDatabase(app)).toEqual(before);
  });

  it('does the same for a change to a saved row', () => {
    const other = dispatch('activity:create', {
      cycleId: seed.cycle.id,
      objectiveId: seed.objective.id,
      code: 'A2',
      title: 'Water trucking',
      sector: 'water_wash',
      leadOrgId: seed.partner.id,
      startDate: '2026-08-01',
      endDate: '2026-12-31',
    });
    if (!other.ok) throw new Error(other.error.message);
    const result = dispatch('activity:update', { id: seed.activity.id, changes: { code: 'A2', endDate: '2026-07-15' } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(fieldsOf(result.error.problems)).toEqual(['code', 'endDate']);
  });
});

describe('register:check, the form’s dry run', () => {
  it('adds the rules’ problems to the schema’s, on the fields the schema accepted', () => {
    const problems = check({
      register: 'activity',
      cycleId: seed.cycle.id,
      values: {
        code: 'A1',
        title: '',
        sector: 'water_wash',
        leadOrgId: seed.partner.id,
        objectiveId: seed.objective.id,
        startDate: '2026-09-01',
        endDate: '2026-08-01',
      },
    });
    expect(problems.map((problem) => problem.message)).toEqual([
      'Activity: this is required.',
      'End date: 1 Aug 2026 is before the start date (1 Sep 2026).',
      'Code: A1 is already used by another activity of this cycle.',
    ]);
  });

  it('says nothing of a rule that would need a field the schema refused', () => {
    // The start date is not a date: whether the end comes before it cannot be judged, and is not blamed.
    const problems = check({
      register: 'activity',
      cycleId: seed.cycle.id,
      values: {
        code: 'A9',
        title: 'Trucking',
        sector: 'water_wash',
        leadOrgId: seed.partner.id,
        objectiveId: seed.objective.id,
        startDate: 'soon',
        endDate: '2026-08-01',
      },
    });
    expect(fieldsOf(problems)).toEqual(['startDate']);
  });

  it('checks changes to a saved row against the row as it would stand', () => {
    const problems = check({ register: 'activity', cycleId: seed.cycle.id, id: seed.activity.id, values: { endDate: '2026-07-15', title: '' } });
    expect(fieldsOf(problems)).toEqual(['endDate', 'title']);
    expect(problems.find((problem) => problem.field === 'endDate')?.message).toBe('End date: 15 Jul 2026 is before the start date (1 Aug 2026).');
  });

  it('finds nothing wrong with values that would save, and an indicator without a direction gets the one its figures imply', () => {
    expect(check({ register: 'activity', cycleId: seed.cycle.id, id: seed.activity.id, values: { endDate: '2027-01-31' } })).toEqual([]);
    expect(
      check({
        register: 'indicator',
        cycleId: seed.cycle.id,
        values: { code: 'I2', name: 'Water points', type: 'output', unit: 'points', targetValue: 8, responsibleOrgId: seed.partner.id },
      }),
    ).toEqual([]);
  });

  it('refuses a register that does not exist, or a row of another cycle, in plain words', () => {
    const unknown = dispatch('register:check', { register: 'budget', cycleId: seed.cycle.id, values: {} });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error.message).toMatch(/^Register: choose one of: organisation, contact, objective, activity/);
    const otherCycle = dispatch('cycle:create', { ...pick(seed.cycle), title: 'Another cycle' });
    if (!otherCycle.ok) throw new Error(otherCycle.error.message);
    const elsewhere = dispatch('register:check', { register: 'activity', cycleId: (otherCycle.value as { id: string }).id, id: seed.activity.id, values: {} });
    expect(elsewhere.ok).toBe(false);
    if (!elsewhere.ok) expect(elsewhere.error.code).toBe('not_found');
  });
});

function pick(cycle: typeof seed.cycle) {
  const { countyId, fiscalYear, startDate, endDate, kesPerUsdScaled, exchangeRateDate } = cycle;
  return { countyId, fiscalYear, startDate, endDate, kesPerUsdScaled, exchangeRateDate };
}
