import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { closeDb } from '../../main/db/open-db';
import { resetStatutoryDates, setStatutoryDates } from '../../main/services/analysis/settings';
import type { AppContext } from '../../main/services/context';
import { recordIdFor } from '../../main/services/record-meta';
import { testApp } from '../support/test-app';
import { seedCycle } from '../support/factories';

/** Records that exist once per key in a cycle have ids derived from the key (main/services/record-meta.ts). */

let ctx: AppContext;
let cycleId: string;

beforeEach(() => {
  ctx = testApp();
  cycleId = seedCycle(ctx).cycle.id;
});
afterEach(() => closeDb(ctx.db));

const budgetDate = { key: 'budget_estimates', title: 'Budget estimates to the County Assembly', month: 4, day: 30, description: '' };

describe('keyed record ids', () => {
  it('are valid UUIDs, the same for the same key and cycle, different otherwise', () => {
    const id = recordIdFor('statutory_dates', cycleId, ['budget_estimates']);
    expect(z.uuid().safeParse(id).success).toBe(true);
    expect(recordIdFor('statutory_dates', cycleId, ['budget_estimates'])).toBe(id);
    expect(new Set([id, recordIdFor('statutory_dates', cycleId, ['cfsp']), recordIdFor('close_out_notes', cycleId, ['budget_estimates'])]).size).toBe(3);
  });

  it('a record deleted and made again is one row again, without its tombstone', () => {
    const ids = () => ctx.db.$client.prepare('SELECT id FROM statutory_dates WHERE cycle_id = ?').pluck().all(cycleId);
    setStatutoryDates(ctx, { cycleId, dates: [budgetDate] });
    const id = recordIdFor('statutory_dates', cycleId, ['budget_estimates']);
    expect(ids()).toEqual([id]);
    resetStatutoryDates(ctx, cycleId);
    const tombstone = () => ctx.db.$client.prepare('SELECT count(*) FROM tombstones WHERE row_id = ?').pluck().get(id);
    expect(tombstone()).toBe(1);
    setStatutoryDates(ctx, { cycleId, dates: [budgetDate] });
    expect(ids()).toEqual([id]);
    expect(tombstone()).toBe(0);
  });
});
