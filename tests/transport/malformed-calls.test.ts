import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../main/transport/dispatcher';
import { seedCycle } from '../support/factories';
import { tableCounts } from '../support/snapshot';
import { testApp } from '../support/test-app';

/** Whatever arrives over IPC or HTTP, the answer is a typed error and nothing is written. */
describe('malformed API calls', () => {
  const app = testApp();
  const seed = seedCycle(app);
  const dispatch = createDispatcher(app, () => undefined);
  const huge = 'x'.repeat(50 * 1024 * 1024);

  const cases: [string, string, unknown, string][] = [
    ['an unknown method', 'activity:destroyAll', {}, 'unknown_method'],
    ['a prototype key as method', '__proto__', {}, 'unknown_method'],
    ['input of the wrong type', 'activity:create', 'not an object', 'invalid_input'],
    ['a number where text belongs', 'activity:create', { ...activity(), title: 42 }, 'invalid_input'],
    ['an extra field', 'activity:create', { ...activity(), ownerOrgId: seed.county.id }, 'invalid_input'],
    ['an extra field in an update', 'risk:update', { id: seed.activity.id, changes: { hlc: 'x' } }, 'invalid_input'],
    ['a 50 MB string', 'activity:create', { ...activity(), description: huge }, 'invalid_input'],
    [
      'NaN as an amount',
      'contribution:create',
      { cycleId: seed.cycle.id, component: 'x', contributorOrgId: seed.county.id, amountMinor: Number.NaN },
      'invalid_input',
    ],
    ['an update of a row that does not exist', 'activity:update', { id: '00000000-0000-4000-8000-999999999999', changes: { title: 'x' } }, 'not_found'],
    ['null input', 'cycle:create', null, 'invalid_input'],
  ];

  it.each(cases)('refuses %s', (_label, method, input, code) => {
    const before = tableCounts(app);
    const result = dispatch(method, input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message.length).toBeLessThan(500);
      expect(result.error.message).not.toMatch(/\n\s+at /);
    }
    expect(tableCounts(app)).toEqual(before);
  });

  function activity() {
    return {
      cycleId: seed.cycle.id,
      objectiveId: seed.objective.id,
      title: 'Water trucking',
      sector: 'water_wash',
      leadOrgId: seed.county.id,
      startDate: '2026-09-01',
      endDate: '2026-12-31',
    };
  }
});
