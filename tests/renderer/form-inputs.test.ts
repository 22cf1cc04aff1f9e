import { describe, expect, it } from 'vitest';
import { dateHint } from '../../renderer/components/form/date-hint';
import { formErrors, hasErrors, noErrors } from '../../renderer/components/form/form-errors';
import { readRate } from '../../renderer/components/form/rate-input';

describe('reading a typed exchange rate', () => {
  it.each([
    ['129.35', 1_293_500],
    [' 129.3500 ', 1_293_500],
    ['130', 1_300_000],
    ['0.0001', 1],
  ])('reads %j as %i', (text, scaled) => {
    expect(readRate(text)).toEqual({ ok: true, value: scaled });
  });

  it('asks for a rate when the field is empty', () => {
    expect(readRate('  ')).toEqual({ ok: false, message: 'Exchange rate (KES per USD): this is required.' });
  });

  it.each(['129,35', 'KES 129', '0', '-1', '129.35001', '1e3'])('refuses %j, naming the field', (text) => {
    const result = readRate(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toMatch(/^Exchange rate \(KES per USD\): /);
  });
});

describe('laying out a refused save', () => {
  it('puts each problem beside its field, the first message winning, list items under their list', () => {
    const errors = formErrors(
      {
        code: 'invalid_input',
        message: 'Title: this is required.',
        problems: [
          { field: 'title', message: 'Title: this is required.' },
          { field: 'title', message: 'Title: keep it short.' },
          { field: 'wardIds.2', message: 'Wards (item 3): this is not in the expected format.' },
        ],
      },
      ['title', 'wardIds'],
    );
    expect(errors).toEqual({
      byField: { title: 'Title: this is required.', wardIds: 'Wards (item 3): this is not in the expected format.' },
      general: [],
    });
  });

  it('never drops a message the form has no field for', () => {
    expect(formErrors({ code: 'internal', message: 'Something went wrong and nothing was saved.' }, ['title'])).toEqual({
      byField: {},
      general: ['Something went wrong and nothing was saved.'],
    });
    expect(formErrors({ code: 'invalid_input', message: 'Phase: choose one.', field: 'phase' }, ['title']).general).toEqual(['Phase: choose one.']);
  });

  it('knows when there is nothing to show', () => {
    expect(hasErrors(noErrors)).toBe(false);
    expect(hasErrors({ byField: {}, general: ['x'] })).toBe(true);
  });
});

describe('spelling out a date under its input', () => {
  it('says which date it understood, typed day first in any of the usual ways, with an optional note', () => {
    for (const typed of ['2026-07-01', '1/7/2026', '1 Jul 2026', '01.07.2026']) expect(dateHint(typed)).toBe('Understood as 1 Jul 2026');
    expect(dateHint('1/7/2026', 'the day the rate was read')).toBe('Understood as 1 Jul 2026 · the day the rate was read');
  });

  it('says how to type a date before one is typed, and when the text is not a date yet', () => {
    expect(dateHint('')).toBe('Day first, e.g. 1/7/2026 or 1 Jul 2026');
    expect(dateHint('31/2/2026')).toBe('Not a date yet: type it as 1/7/2026 or 1 Jul 2026');
  });
});
