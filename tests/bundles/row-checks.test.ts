import { describe, expect, it } from 'vitest';
import { exportBundle } from '../../main/bundles/index';
import { readBundle } from '../../main/bundles/read';
import { Problems, validateRegisterRows } from '../../main/bundles/validate-rows';
import { smallWorld } from './support';

/**
 * Issue 18 item 4: the rows of a bundle are checked on a quicker road (keys compared without
 * building lists, messages written only for a row that has a problem); each refusal still names
 * the row, its label and the field, in the same words.
 */
describe('checking the rows of a bundle', () => {
  const world = smallWorld();
  const bytes = exportBundle(world.county, { cycleId: world.cycleId, kind: 'full', partnerOrgId: null }).bytes;
  const activities = readBundle(bytes).rows.get('activity') ?? [];
  world.county.close();
  world.partner.close();
  const sound = () => activities.map((row) => ({ ...row }));
  const problemsWith = (rows: unknown[]) => {
    const problems = new Problems();
    const kept = validateRegisterRows('activity', rows, world.cycleId, problems);
    return { kept: kept.length, problems: problems.list };
  };

  it('keeps every row of a sound bundle', () => {
    expect(activities.length).toBe(2);
    expect(problemsWith(sound())).toEqual({ kept: 2, problems: [] });
  });

  it('names the row that is not a record, has a field missing or one too many, or a bad value', () => {
    const [first, second] = sound();
    const { title: _title, ...withoutTitle } = first ?? {};
    expect(problemsWith([withoutTitle, second])).toEqual({ kept: 1, problems: ['Activities, row 1: missing field title.'] });
    expect(problemsWith([first, 'A2'])).toEqual({ kept: 1, problems: ['Activities, row 2: not a record.'] });
    expect(problemsWith([first, { ...second, colour: 'red' }])).toEqual({ kept: 1, problems: ['Activities, row 2: unknown field "colour".'] });
    const wrongly = problemsWith([first, { ...second, startDate: '2026-02-30' }]);
    expect(wrongly.kept).toBe(1);
    expect(wrongly.problems).toEqual([expect.stringMatching(/^Activities, row 2 \(“A2 Activity A2”\): Start date: enter a real date/)]);
    expect(problemsWith([first, { ...first }])).toEqual({
      kept: 1,
      problems: [`Activities, row 2 (“A1 Activity A1”): the id ${String(first?.id)} appears twice.`],
    });
  });
});
