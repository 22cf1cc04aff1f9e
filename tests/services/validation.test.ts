import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiMethod } from '../../shared/api/contract';
import { createDispatcher, type Dispatch } from '../../main/transport/dispatcher';
import { registerServices as s } from '../../main/services/index';
import { GARBATULLA, seedCycle } from '../support/factories';
import { tableCounts } from '../support/snapshot';
import { testApp } from '../support/test-app';

/**
 * Every rule a service enforces, tried with a bad input through the dispatcher: the call is refused
 * with a message that names the field, and no table changes.
 */
let app: ReturnType<typeof testApp>;
let dispatch: Dispatch;
let seed: ReturnType<typeof seedCycle>;

beforeEach(() => {
  app = testApp();
  dispatch = createDispatcher(app, () => undefined);
  seed = seedCycle(app);
});

function expectRefused(method: ApiMethod, input: unknown, field: string, messagePart: string | RegExp) {
  const before = tableCounts(app);
  const result = dispatch(method, input);
  expect(result.ok, JSON.stringify(result)).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe('invalid_input');
  expect(result.error.field).toBe(field);
  expect(result.error.message).toMatch(messagePart);
  expect(tableCounts(app)).toEqual(before);
}

describe('cycles', () => {
  const good = {
    title: 'JWP',
    countyId: 'ke-county-011',
    fiscalYear: '2026/27',
    startDate: '2026-07-01',
    endDate: '2027-06-30',
    kesPerUsdScaled: 1_293_500,
    exchangeRateDate: '2026-07-01',
  };

  it('refuses a missing title, naming it', () => expectRefused('cycle:create', { ...good, title: '  ' }, 'title', /^Title: this is required/));
  it('refuses an end date before the start date', () =>
    expectRefused('cycle:create', { ...good, endDate: '2026-06-30' }, 'endDate', /End date: 30 Jun 2026 is before the start date/));
  it('refuses dates outside the fiscal year named', () =>
    expectRefused('cycle:create', { ...good, startDate: '2025-07-01' }, 'startDate', /FY 2026\/27 runs 1 Jul 2026 – 30 Jun 2027/));
  it('refuses a malformed fiscal year', () => expectRefused('cycle:create', { ...good, fiscalYear: '2026-2027' }, 'fiscalYear', /2026\/27/));
  it('refuses a county that is not a county', () => expectRefused('cycle:create', { ...good, countyId: GARBATULLA }, 'countyId', /47 counties/));
  it('refuses a scope outside the county', () =>
    expectRefused('cycle:create', { ...good, scopeUnitIds: ['ke-ward-0001'] }, 'scopeUnitIds', /not a sub-county or ward of Isiolo/));
  it('refuses an impossible date', () => expectRefused('cycle:create', { ...good, exchangeRateDate: '2026-02-30' }, 'exchangeRateDate', /real date/));
  it('refuses a zero exchange rate', () => expectRefused('cycle:create', { ...good, kesPerUsdScaled: 0 }, 'kesPerUsdScaled', /Exchange rate/));
  it('refuses unknown fields', () => expectRefused('cycle:create', { ...good, hacked: true }, 'input', /unknown field hacked/));
  it('refuses a lead organisation of another cycle', () => {
    const other = s.organisation.create(app, { cycleId: dispatchCycle(), name: 'Elsewhere', category: 'other' });
    expectRefused(
      'cycle:update',
      { id: seed.cycle.id, changes: { leadOrgId: other.id } },
      'leadOrgId',
      /Lead organisation: choose an organisation of this cycle/,
    );
  });
  it('deletes a cycle only when its title is typed', () =>
    expectRefused('cycle:delete', { id: seed.cycle.id, confirmTitle: 'wrong' }, 'confirmTitle', /type the title exactly/));

  function dispatchCycle(): string {
    const result = dispatch('cycle:create', { ...good, title: 'Another cycle' });
    if (!result.ok) throw new Error(result.error.message);
    return (result.value as { id: string }).id;
  }
});

describe('organisations and contacts', () => {
  it('refuses a category outside the list, printing the choices', () =>
    expectRefused(
      'organisation:create',
      { cycleId: seed.cycle.id, name: 'X', category: 'ngo' },
      'category',
      /Category: choose one of: Government, Government agency/,
    ));
  it('refuses a duplicate name in the matrix', () =>
    expectRefused(
      'organisation:create',
      { cycleId: seed.cycle.id, name: 'resilience partners kenya', category: 'other' },
      'name',
      /already used by another organisation/,
    ));
  it('refuses an influence level outside High/Medium/Low', () =>
    expectRefused(
      'organisation:update',
      { id: seed.partner.id, changes: { influence: 'huge' } },
      'influence',
      /Level of influence: choose one of: High, Medium, Low/,
    ));
  it('refuses a bad email', () =>
    expectRefused(
      'contact:create',
      { cycleId: seed.cycle.id, organisationId: seed.partner.id, name: 'A', email: 'not-an-email' },
      'email',
      /Email: enter an email address/,
    ));
  it('refuses a bad phone number', () =>
    expectRefused('contact:create', { cycleId: seed.cycle.id, organisationId: seed.partner.id, name: 'A', phone: 'call me' }, 'phone', /Phone/));
});

describe('activities', () => {
  const base = () => ({
    cycleId: seed.cycle.id,
    objectiveId: seed.objective.id,
    title: 'Water trucking',
    sector: 'water_wash',
    leadOrgId: seed.county.id,
    startDate: '2026-09-01',
    endDate: '2026-12-31',
  });

  it('refuses an end date before the start date', () =>
    expectRefused('activity:create', { ...base(), endDate: '2026-08-31' }, 'endDate', /End date: 31 Aug 2026 is before the start date \(1 Sep 2026\)/));
  it('refuses a ward of another county', () =>
    expectRefused('activity:create', { ...base(), wardIds: ['ke-ward-0001'] }, 'wardIds', /Wards: .* is not a ward of this county/));
  it('refuses a sub-county given as a ward', () =>
    expectRefused('activity:create', { ...base(), wardIds: ['ke-constituency-049'] }, 'wardIds', /is not a ward/));
  it('refuses a lead that is not an organisation of the cycle', () =>
    expectRefused('activity:create', { ...base(), leadOrgId: seed.objective.id }, 'leadOrgId', /Lead organisation: choose an organisation of this cycle/));
  it('refuses the lead as its own supporter', () =>
    expectRefused('activity:create', { ...base(), supportingOrgIds: [seed.county.id] }, 'supportingOrgIds', /cannot also be listed/));
  it('refuses a completion above 100 %', () =>
    expectRefused('activity:create', { ...base(), completionPct: 120 }, 'completionPct', /Completion %: must be at most 100/));
  it('refuses a completed activity that is not 100 % complete', () =>
    expectRefused(
      'activity:update',
      { id: seed.activity.id, changes: { status: 'completed', completionPct: 60 } },
      'completionPct',
      /completed activity is 100 %/,
    ));
  it('checks rules against the stored row on a partial update', () =>
    expectRefused('activity:update', { id: seed.activity.id, changes: { endDate: '2026-07-15' } }, 'endDate', /before the start date \(1 Aug 2026\)/));
  it('refuses a duplicate activity code', () => expectRefused('activity:create', { ...base(), code: 'a1' }, 'code', /already used by another activity/));
});

describe('budget', () => {
  const line = () => ({
    cycleId: seed.cycle.id,
    activityId: seed.activity.id,
    component: 'Borehole parts',
    contributorOrgId: seed.partner.id,
    amountMinor: 250_000_00,
    currency: 'USD' as const,
  });

  it('refuses a contributor that is not an organisation of the cycle', () =>
    expectRefused(
      'contribution:create',
      { ...line(), contributorOrgId: seed.activity.id },
      'contributorOrgId',
      /Contributor: choose an organisation of this cycle/,
    ));
  it('refuses a negative amount', () => expectRefused('contribution:create', { ...line(), amountMinor: -5 }, 'amountMinor', /Amount: cannot be below zero/));
  it('refuses fractions of a cent', () =>
    expectRefused('contribution:create', { ...line(), amountMinor: 10.5 }, 'amountMinor', /Amount: expected a whole number/));
  it('refuses a zero amount', () => expectRefused('contribution:create', { ...line(), amountMinor: 0 }, 'amountMinor', /greater than zero/));
  it('refuses a currency other than KES or USD', () =>
    expectRefused('contribution:create', { ...line(), currency: 'EUR' }, 'currency', /Currency: choose one of: KES, USD/));
  it('refuses a disbursement outside its period', () => {
    const contribution = s.contribution.create(app, line());
    expectRefused(
      'disbursement:create',
      { cycleId: seed.cycle.id, contributionId: contribution.id, periodKey: 'Q1', amountMinor: 100, date: '2026-10-02' },
      'date',
      /outside Q1 \(Jul–Sep\)/,
    );
    expectRefused(
      'disbursement:create',
      { cycleId: seed.cycle.id, contributionId: contribution.id, periodKey: 'Q5', amountMinor: 100, date: '2026-10-02' },
      'periodKey',
      /Q1, Q2, Q3, Q4/,
    );
  });
});

describe('indicators, risks and reviews', () => {
  it("refuses a target for a period outside the cycle's reporting periods", () =>
    expectRefused(
      'indicatorPeriod:create',
      { cycleId: seed.cycle.id, indicatorId: seed.indicator.id, periodKey: 'M01', target: 3 },
      'periodKey',
      /choose one of this cycle's periods \(Q1, Q2, Q3, Q4\)/,
    ));
  it('refuses a second target for the same period', () => {
    s.indicatorPeriod.create(app, { cycleId: seed.cycle.id, indicatorId: seed.indicator.id, periodKey: 'Q1', target: 3 });
    expectRefused(
      'indicatorPeriod:create',
      { cycleId: seed.cycle.id, indicatorId: seed.indicator.id, periodKey: 'Q1', target: 4 },
      'periodKey',
      /already has a target for Q1 \(Jul–Sep\)/,
    );
  });
  it('refuses an actual that is not a number', () =>
    expectRefused(
      'indicatorPeriod:create',
      { cycleId: seed.cycle.id, indicatorId: seed.indicator.id, periodKey: 'Q2', target: 3, actual: 'NaN' },
      'actual',
      /Actual: expected a number/,
    ));
  it('refuses a baseline date without its value (a value without its date is accepted: real plans carry them)', () =>
    expectRefused('indicator:update', { id: seed.indicator.id, changes: { baselineDate: '2026-07-01' } }, 'baselineValue', /Baseline: a baseline date needs/));
  it('refuses a band on an indicator that is not kept within a range', () =>
    expectRefused('indicator:update', { id: seed.indicator.id, changes: { rangeMax: 4 } }, 'rangeMax', /Range: only an indicator to keep within a range/));
  it('refuses a range indicator without a band, or with its ends reversed', () => {
    expectRefused('indicator:update', { id: seed.indicator.id, changes: { direction: 'range' } }, 'rangeMin', /Range: give the lowest or the highest/);
    expectRefused(
      'indicator:update',
      { id: seed.indicator.id, changes: { direction: 'range', rangeMin: 9, rangeMax: 3 } },
      'rangeMax',
      /Range to: 3 is below the start of the range \(9\)/,
    );
  });
  it('refuses a direction outside the list', () =>
    expectRefused('indicator:update', { id: seed.indicator.id, changes: { direction: 'down' } }, 'direction', /Desired direction/));
  it('refuses an indicator type outside the list', () =>
    expectRefused(
      'indicator:create',
      { cycleId: seed.cycle.id, name: 'X', type: 'result', unit: 'n', targetValue: 1, responsibleOrgId: seed.partner.id },
      'type',
      /Type: choose one of: Process, Output, Outcome, Impact/,
    ));
  it('refuses a likelihood outside the scale', () =>
    expectRefused(
      'risk:create',
      { cycleId: seed.cycle.id, description: 'Drought', likelihood: 'very high', impact: 'high', responsibleOrgId: seed.county.id },
      'likelihood',
      /Likelihood: choose one of: High, Medium, Low/,
    ));
  it('refuses a risk status outside the list', () =>
    expectRefused(
      'risk:create',
      { cycleId: seed.cycle.id, description: 'Drought', likelihood: 'high', impact: 'high', responsibleOrgId: seed.county.id, status: 'gone' },
      'status',
      /Status: choose one of: Open, Mitigated, Occurred, Closed/,
    ));
  it('refuses a milestone party outside the cycle', () =>
    expectRefused(
      'milestone:create',
      { cycleId: seed.cycle.id, title: 'Q1 review', dueDate: '2026-10-15', responsibleOrgIds: [seed.activity.id] },
      'responsibleOrgIds',
      /Responsible parties/,
    ));
  it('refuses a follow-up due before the learning session', () =>
    expectRefused(
      'learningEntry:create',
      { cycleId: seed.cycle.id, entryDate: '2026-10-10', session: 'review_meeting', responsibleOrgId: seed.county.id, dueDate: '2026-10-01' },
      'dueDate',
      /Due date: 1 Oct 2026 is before the date/,
    ));
  it('refuses a trigger on an indicator of another register', () =>
    expectRefused(
      'adaptiveTrigger:create',
      { cycleId: seed.cycle.id, kind: 'other', trigger: 'x', proposedAction: 'y', responsibleOrgId: seed.county.id, indicatorId: seed.activity.id },
      'indicatorId',
      /Indicator: choose an indicator of this cycle/,
    ));
  it('refuses a signatory without a title', () =>
    expectRefused(
      'signatory:create',
      { cycleId: seed.cycle.id, name: 'A. Officer', title: '', organisationId: seed.county.id, role: 'county_secretary' },
      'title',
      /Title: this is required/,
    ));
});
