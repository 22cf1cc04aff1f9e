import { afterEach, describe, expect, it } from 'vitest';
import { registerServices as s } from '../../main/services/index';
import { previewText } from '../../main/bundles/preview-text';
import { dumpDatabase } from '../support/fault-injection';
import { contentOf, exportFull, exportPartner, importInto, preview, smallWorld } from './support';

/**
 * Issue 14 item 5: a row the county and a partner both changed, in different fields, merges field by
 * field. Only a field both changed is a question; the rest is taken from the side that changed it,
 * whatever is chosen for the question.
 */

let world: ReturnType<typeof smallWorld>;
afterEach(() => {
  world.county.close();
  world.partner.close();
});

const activityAt = (ctx: typeof world.county) => s.activity.get(ctx, { id: world.rpkActivity.id });

describe('field-by-field merging', () => {
  it('the county’s description and the partner’s title are both kept, with no question, and the copies then agree', () => {
    world = smallWorld({ partnerStart: '2026-11-25T09:00:00.000Z' });
    const { county, partner, cycleId, rpkActivity } = world;
    s.activity.update(county, { id: rpkActivity.id, changes: { description: 'Boreholes in Cherab ward' } });
    s.activity.update(partner, { id: rpkActivity.id, changes: { title: 'Drill two solar boreholes' } });

    const fromPartner = exportPartner(partner, cycleId, world.orgs.rpk);
    const shown = preview(county, fromPartner);
    expect(shown.status).toBe('ready');
    expect(shown.conflicts).toEqual([]);
    const change = shown.changes.find((c) => c.id === rpkActivity.id);
    expect(change?.fields.map((f) => [f.label, f.mine, f.theirs, f.changedBy])).toEqual([['Activity', 'Activity A1', 'Drill two solar boreholes', 'theirs']]);
    expect(change?.keeps).toBe('Also changed here since you last exchanged bundles: your change to Description is kept.');
    expect(previewText(shown)).toContain('(Also changed here since you last exchanged bundles: your change to Description is kept.)');
    expect(importInto(county, fromPartner).applied).toBe(true);
    expect(activityAt(county)).toMatchObject({ title: 'Drill two solar boreholes', description: 'Boreholes in Cherab ward' });

    // The merge travels back as a plain change: no conflict at the partner, and both copies agree.
    const back = exportFull(county, cycleId);
    expect(preview(partner, back).conflicts).toEqual([]);
    expect(importInto(partner, back).applied).toBe(true);
    expect(activityAt(partner)).toMatchObject({ title: 'Drill two solar boreholes', description: 'Boreholes in Cherab ward' });
    const only = (register: string, row: Record<string, unknown>) => register !== 'activity' || row.id === rpkActivity.id;
    expect(contentOf(partner, cycleId, only).activity).toEqual(contentOf(county, cycleId, only).activity);
  });

  it('the same holds the other way round: the partner keeps its title and takes the county’s description', () => {
    world = smallWorld();
    const { county, partner, cycleId, rpkActivity } = world;
    s.activity.update(county, { id: rpkActivity.id, changes: { description: 'Boreholes in Cherab ward' } });
    s.activity.update(partner, { id: rpkActivity.id, changes: { title: 'Drill two solar boreholes' } });
    const fromCounty = exportFull(county, cycleId);
    expect(preview(partner, fromCounty).conflicts).toEqual([]);
    expect(importInto(partner, fromCounty).applied).toBe(true);
    expect(activityAt(partner)).toMatchObject({ title: 'Drill two solar boreholes', description: 'Boreholes in Cherab ward' });
  });

  it('choosing “theirs” for the one field both changed keeps the county’s edit of another field', () => {
    world = smallWorld({ partnerStart: '2026-11-25T07:00:00.000Z' });
    const { county, partner, cycleId, rpkActivity } = world;
    s.activity.update(county, { id: rpkActivity.id, changes: { description: 'County words', completionPct: 10 } });
    s.activity.update(partner, { id: rpkActivity.id, changes: { title: 'Partner title', completionPct: 20 } });
    const fromPartner = exportPartner(partner, cycleId, world.orgs.rpk);

    const shown = preview(county, fromPartner);
    expect(shown.status).toBe('conflicts');
    const [conflict] = shown.conflicts;
    // The county's edit is later here, so keeping it is suggested for the field both changed.
    expect(conflict?.recommended).toBe('mine');
    expect(conflict?.fields.map((f) => [f.field, f.changedBy])).toEqual([
      ['title', 'theirs'],
      ['description', 'mine'],
      ['completionPct', 'both'],
    ]);
    expect(conflict?.reason).toBe(
      'This activity was changed both here and by Resilience Partners Kenya since you last exchanged bundles. Choose only for Completion %, changed on both sides. Description changed only here: yours is kept. Activity changed only by Resilience Partners Kenya: theirs is taken.',
    );
    const text = previewText(shown);
    expect(text).toContain('Description: mine: County words | theirs: —  (changed only here: yours is kept)');
    expect(text).toContain('Activity: mine: Activity A1 | theirs: Partner title  (changed only by Resilience Partners Kenya: theirs is taken)');

    const dump = dumpDatabase(county);
    expect(importInto(county, fromPartner).applied).toBe(false);
    expect(dumpDatabase(county)).toBe(dump);
    expect(importInto(county, fromPartner, { all: 'theirs' }).applied).toBe(true);
    expect(activityAt(county)).toMatchObject({ title: 'Partner title', description: 'County words', completionPct: 20 });
  });

  it('a person choosing field by field may still keep their own value of a field only the partner changed', () => {
    world = smallWorld();
    const { county, partner, cycleId, rpkActivity } = world;
    s.activity.update(county, { id: rpkActivity.id, changes: { completionPct: 10 } });
    s.activity.update(partner, { id: rpkActivity.id, changes: { title: 'Partner title', completionPct: 20 } });
    const fromPartner = exportPartner(partner, cycleId, world.orgs.rpk);
    const key = `activity:${rpkActivity.id}`;
    expect(importInto(county, fromPartner, { rows: { [key]: { fields: { title: 'mine', completionPct: 'theirs' } } } }).applied).toBe(true);
    expect(activityAt(county)).toMatchObject({ title: 'Activity A1', completionPct: 20 });
  });

  it('changes that each pass the rules but break one together are a question, not a refused bundle', () => {
    world = smallWorld();
    const { county, partner, cycleId, rpkActivity } = world;
    // Both fit the old dates; together the activity would end before it starts.
    s.activity.update(county, { id: rpkActivity.id, changes: { startDate: '2027-01-15' } });
    s.activity.update(partner, { id: rpkActivity.id, changes: { endDate: '2026-12-31' } });
    const fromPartner = exportPartner(partner, cycleId, world.orgs.rpk);
    const shown = preview(county, fromPartner);
    expect(shown.status).toBe('conflicts');
    expect(shown.conflicts[0]?.reason).toMatch(/the changes made here and in the bundle do not fit together: .*Choose field by field which to keep\.$/);
    const key = `activity:${rpkActivity.id}`;
    expect(importInto(county, fromPartner, { rows: { [key]: { fields: { startDate: 'mine', endDate: 'mine' } } } }).applied).toBe(true);
    expect(activityAt(county)).toMatchObject({ startDate: '2027-01-15', endDate: '2027-03-31' });
  });

  it('a copy that does not know the content both sides last had in common asks about every differing field, as before', () => {
    world = smallWorld();
    const { county, partner, cycleId, rpkActivity } = world;
    county.db.$client.prepare('DELETE FROM bundle_row_revisions').run();
    county.db.$client.prepare('DELETE FROM bundle_revision_snapshots').run();
    s.activity.update(county, { id: rpkActivity.id, changes: { description: 'County words' } });
    s.activity.update(partner, { id: rpkActivity.id, changes: { title: 'Partner title' } });
    const [conflict] = preview(county, exportPartner(partner, cycleId, world.orgs.rpk)).conflicts;
    expect(conflict?.fields.map((f) => [f.field, f.changedBy])).toEqual([
      ['title', 'both'],
      ['description', 'both'],
    ]);
  });
});
