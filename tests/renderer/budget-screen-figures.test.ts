import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiContract } from '../../shared/api/contract';
import { toKesMinor } from '../../shared/money';
import { loadSampleCycle } from '../../main/services/sample';
import { createDispatcher } from '../../main/transport/dispatcher';
import { totalsFromShare } from '../../renderer/features/budget/budget-totals';
import { testApp } from '../support/test-app';

/*
 * The Budget screen no longer adds up the lines it has read (they arrive page by page): its cards,
 * charts and tables come from costShare:summary on the server. Those figures are checked here
 * against the database itself, summed in SQL rows with the shared money rule.
 */

let app: ReturnType<typeof testApp>;
let cycleId: string;
beforeAll(() => {
  app = testApp();
  cycleId = loadSampleCycle(app).id;
});
afterAll(() => app.close());

interface LineRow {
  id: string;
  amount: number;
  currency: 'KES' | 'USD';
  notValued: number;
  cancelled: number;
  government: number;
  org: string;
  type: string;
}

describe('the Budget screen’s figures, from the server', () => {
  it('equal the budget lines in the database: total, county and partners, by contributor and type, disbursed', () => {
    const answer = createDispatcher(app, () => undefined)('costShare:summary', { cycleId });
    if (!answer.ok) throw new Error(answer.error.message);
    const totals = totalsFromShare(apiContract['costShare:summary'].output.parse(answer.value));

    const client = app.db.$client;
    const rate = Number(client.prepare('SELECT kes_per_usd_scaled FROM cycles WHERE id = ?').pluck().get(cycleId));
    const rows = client
      .prepare(
        `SELECT c.id, c.amount_minor AS amount, c.currency, c.value_not_estimated AS notValued, c.type, c.contributor_org_id AS org,
                COALESCE(a.status = 'cancelled', 0) AS cancelled, o.category = 'government' AS government
           FROM contributions c JOIN organisations o ON o.id = c.contributor_org_id LEFT JOIN activities a ON a.id = c.activity_id
          WHERE c.cycle_id = ?`,
      )
      .all(cycleId) as LineRow[];
    const counted = rows.filter((row) => !row.notValued && !row.cancelled);
    const kesOf = (row: LineRow) => toKesMinor({ amountMinor: row.amount, currency: row.currency }, rate);
    const sum = (list: readonly LineRow[]) => list.reduce((total, row) => total + kesOf(row), 0);

    expect(counted.length).toBeGreaterThan(5);
    expect(totals.totalKes).toBe(sum(counted));
    expect(totals.countyKes).toBe(sum(counted.filter((row) => row.government)));
    expect(totals.partnerKes).toBe(sum(counted.filter((row) => !row.government)));
    for (const contributor of totals.byContributor) expect(contributor.kes, contributor.label).toBe(sum(counted.filter((row) => row.org === contributor.key)));
    for (const type of totals.byType) expect(type.kes, type.label).toBe(sum(counted.filter((row) => row.type === type.key)));

    const paid = client
      .prepare(
        `SELECT d.amount_minor AS amount, c.currency FROM disbursements d JOIN contributions c ON c.id = d.contribution_id
           LEFT JOIN activities a ON a.id = c.activity_id WHERE d.cycle_id = ? AND COALESCE(a.status, '') <> 'cancelled'`,
      )
      .all(cycleId) as { amount: number; currency: 'KES' | 'USD' }[];
    expect(paid.length).toBeGreaterThan(0);
    expect(totals.disbursedKes).toBe(paid.reduce((total, row) => total + toKesMinor({ amountMinor: row.amount, currency: row.currency }, rate), 0));
  });
});
