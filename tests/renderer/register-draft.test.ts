import { describe, expect, it } from 'vitest';
import { amountText, changedValues, draftOf, isDraftChanged, readDraft } from '../../renderer/components/register/draft';
import type { FieldSpec } from '../../renderer/components/register/field-spec';

const fields: FieldSpec[] = [
  { key: 'title', label: 'Activity', kind: 'text' },
  { key: 'leadOrgId', label: 'Lead organisation', kind: 'select', required: true },
  { key: 'activityId', label: 'Activity link', kind: 'select', nullable: true },
  { key: 'wardIds', label: 'Wards', kind: 'multi' },
  { key: 'amountMinor', label: 'Amount', kind: 'money' },
  { key: 'baselineValue', label: 'Baseline value', kind: 'number', nullable: true },
  { key: 'completionPct', label: 'Completion %', kind: 'integer' },
  { key: 'reviewDate', label: 'Review date', kind: 'date', nullable: true },
  { key: 'onBudget', label: 'On county budget', kind: 'checkbox' },
];

const saved = {
  title: 'Borehole rehabilitation',
  leadOrgId: 'org-1',
  activityId: null,
  wardIds: ['w1', 'w2'],
  amountMinor: 125_000_050,
  baselineValue: 58.5,
  completionPct: 45,
  reviewDate: null,
  onBudget: true,
};

describe('a register form’s draft', () => {
  it('shows a saved record as a user would type it', () => {
    expect(draftOf(fields, saved)).toEqual({
      title: 'Borehole rehabilitation',
      leadOrgId: 'org-1',
      activityId: '',
      wardIds: ['w1', 'w2'],
      amountMinor: '1,250,000.50',
      baselineValue: '58.5',
      completionPct: '45',
      reviewDate: '',
      onBudget: true,
    });
    expect(amountText(100)).toBe('1');
  });

  it('says what is wrong with a negative amount and with a text over its limit, instead of cutting it', () => {
    const limited: FieldSpec[] = [...fields, { key: 'name', label: 'Name', kind: 'text', maxLength: 200 }];
    const draft = { ...draftOf(limited, { ...saved, name: '' }), amountMinor: '-5,000', name: 'x'.repeat(10_000) };
    const read = readDraft(limited, draft);
    expect(read.ok ? [] : read.problems).toEqual([
      { field: 'amountMinor', message: 'Amount: an amount cannot be negative ("-5,000"); enter it without the minus sign.' },
      { field: 'name', message: 'Name: at most 200 characters; this has 10,000. Shorten it.' },
    ]);
    expect(readDraft(limited, { ...draft, amountMinor: '5,000', name: 'x'.repeat(200) }).ok).toBe(true);
  });

  it('shows dates day first and reads them typed day first, whatever the machine’s locale', () => {
    const dated = { ...saved, reviewDate: '2026-07-01' };
    expect(draftOf(fields, dated).reviewDate).toBe('1 Jul 2026');
    for (const typed of ['1/7/2026', '1 Jul 2026', '2026-07-01', '01-07-2026'])
      expect(readDraft(fields, { ...draftOf(fields, dated), reviewDate: typed })).toEqual({ ok: true, value: dated });
    const read = readDraft(fields, { ...draftOf(fields, dated), reviewDate: '31/02/2026' });
    expect(read.ok ? [] : read.problems).toEqual([
      { field: 'reviewDate', message: 'Review date: "31/02/2026" is not a date; type it as 25/11/2026 (day/month/year) or 25 Nov 2026.' },
    ]);
    expect(changedValues(fields, dated, { reviewDate: '2026-07-01' })).toEqual({});
  });

  it('reads the draft back to exactly the saved values', () => {
    expect(readDraft(fields, draftOf(fields, saved))).toEqual({ ok: true, value: saved });
  });

  it('reports every field the form itself can judge at once, in the server’s words', () => {
    const draft = { ...draftOf(fields, saved), leadOrgId: '', amountMinor: 'KES 12', baselineValue: 'about 5', completionPct: '4.5' };
    const read = readDraft(fields, draft);
    expect(read.ok).toBe(false);
    expect(read.ok ? [] : read.problems).toEqual([
      { field: 'leadOrgId', message: 'Lead organisation: choose one.' },
      { field: 'amountMinor', message: 'Amount: enter an amount such as 1,250,000 or 1,250,000.50 (no currency sign).' },
      { field: 'baselineValue', message: 'Baseline value: enter a number such as 12.5.' },
      { field: 'completionPct', message: 'Completion %: enter a whole number such as 45.' },
    ]);
  });

  it('sends empty optional values as null and a missing amount as a required field', () => {
    const read = readDraft(fields, { ...draftOf(fields, saved), baselineValue: ' ', amountMinor: '' });
    expect(read.ok ? null : read.problems).toEqual([{ field: 'amountMinor', message: 'Amount: this is required.' }]);
    const ok = readDraft(fields, { ...draftOf(fields, saved), baselineValue: '' });
    expect(ok.ok && ok.value.baselineValue).toBeNull();
  });

  it('updates carry only the fields that changed', () => {
    const read = readDraft(fields, {
      ...draftOf(fields, saved),
      title: 'Borehole rehabilitation (phase 2)',
      amountMinor: '1,250,000.5',
      wardIds: ['w1', 'w2', 'w3'],
    });
    if (!read.ok) throw new Error('unexpected problems');
    expect(changedValues(fields, saved, read.value)).toEqual({ title: 'Borehole rehabilitation (phase 2)', wardIds: ['w1', 'w2', 'w3'] });
  });

  it('knows when the form holds unsaved changes', () => {
    const start = draftOf(fields, saved);
    expect(isDraftChanged(start, { ...start })).toBe(false);
    expect(isDraftChanged(start, { ...start, onBudget: false })).toBe(true);
    expect(isDraftChanged(start, { ...start, wardIds: ['w1'] })).toBe(true);
  });
});
