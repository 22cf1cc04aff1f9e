import { describe, expect, it } from 'vitest';
import { itemsText, memberState } from '../../shared/rounds/missing';

/** The one rule for "what is still missing" and where an organisation stands, shown by the screen, the CLI, the e-mails and the report. */
describe('what a round still misses', () => {
  it('says the missing items in words, actuals first', () => {
    expect(itemsText({ activities: 2, disbursements: 1, indicatorActuals: 3, risks: 0, learningEntries: 0 })).toBe(
      '3 indicator actuals, 1 disbursement, 2 activity updates',
    );
    expect(itemsText({ activities: 1, disbursements: 0, indicatorActuals: 1, risks: 0, learningEntries: 0 })).toBe('1 indicator actual, 1 activity update');
    expect(itemsText({ activities: 0, disbursements: 0, indicatorActuals: 0, risks: 0, learningEntries: 0 })).toBe('nothing');
  });

  it('tells returned, returned late, problems, late, awaited and not asked apart', () => {
    const base = { askedAt: '2026-12-01T08:00:00Z', appliedReturns: [], returnsWithProblems: 0, missing: 2, dueDate: '2027-01-15', today: '2027-01-10' };
    expect(memberState({ ...base, askedAt: null })).toBe('not_asked');
    expect(memberState(base)).toBe('missing');
    expect(memberState({ ...base, today: '2027-01-16' })).toBe('late');
    expect(memberState({ ...base, returnsWithProblems: 1 })).toBe('problems');
    expect(memberState({ ...base, missing: 0, appliedReturns: [{ receivedOn: '2027-01-12' }] })).toBe('returned');
    expect(memberState({ ...base, missing: 0, appliedReturns: [{ receivedOn: '2027-01-20' }] })).toBe('returned_late');
    // A return that left something empty: still awaited, and late once the date has passed.
    expect(memberState({ ...base, appliedReturns: [{ receivedOn: '2027-01-12' }], today: '2027-01-20' })).toBe('late');
    expect(memberState({ ...base, dueDate: null, today: '2099-01-01' })).toBe('missing');
  });
});
