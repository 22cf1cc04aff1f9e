import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiContract, apiMethods } from '../../shared/api/contract';
import { explainIssues } from '../../shared/api/explain';
import { activityCreateInput } from '../../shared/api/schemas/plan';
import { normaliseName, normaliseText, printable, textProblem } from '../../shared/text';

const ZWSP = '\u200B';
const decomposed = 'Cafe\u0301 Garba Tulla'; // "e" + combining acute: looks like "Café"

describe('the text rule', () => {
  it('composes and trims every text; strips what shows nothing from codes and names only', () => {
    expect(normaliseText(`  ${decomposed} `)).toBe('Café Garba Tulla');
    expect(normaliseName(`A1.1${ZWSP}`)).toBe('A1.1');
    expect(normaliseName('\u202EA1.1\u202C')).toBe('A1.1');
    expect(normaliseName(`Cherab${ZWSP} `)).toBe('Cherab');
    // In free text a joiner can be part of a symbol (an emoji family): only codes and names lose it.
    expect(normaliseText('Family 👨\u200D👩\u200D👧')).toBe('Family 👨\u200D👩\u200D👧');
  });

  it('finds control characters and lone surrogates, not tabs, line breaks or whole emoji', () => {
    expect(textProblem('Boreholes\u0000')).toBe('control');
    expect(textProblem('Boreholes\u001B[31m')).toBe('control');
    expect(textProblem('Water \uD83D')).toBe('lone_surrogate');
    expect(textProblem('\uDE00 trucking')).toBe('lone_surrogate');
    expect(textProblem('Line one\nLine two\tand a tab\r\n')).toBeNull();
    expect(textProblem('Water 💧 for Oldonyiro')).toBeNull();
  });

  it('shows unchecked text from a file without its control characters (no escape sequence reaches a terminal)', () => {
    expect(printable('A1 \u001B[2J\u001B[31mPay now\u0000 \uD83D💧')).toBe('A1 \uFFFD[2J\uFFFD[31mPay now\uFFFD \uFFFD💧');
  });

  it('is applied by the schemas, with a message that names the field', () => {
    const base = {
      cycleId: '00000000-0000-4000-8000-000000000001',
      objectiveId: '00000000-0000-4000-8000-000000000003',
      title: 'Rehabilitate boreholes',
      sector: 'water_wash',
      leadOrgId: '00000000-0000-4000-8000-000000000002',
      startDate: '2026-08-01',
      endDate: '2027-03-31',
    };
    expect(activityCreateInput.parse({ ...base, code: `A1.1${ZWSP}` }).code).toBe('A1.1');
    const nul = activityCreateInput.safeParse({ ...base, title: 'Rehabilitate\u0000 boreholes' });
    expect(nul.success).toBe(false);
    expect(explainIssues(nul.error?.issues ?? []).message).toBe('Title: it holds a control character (such as NUL) that cannot be stored; retype the text.');
    const half = activityCreateInput.safeParse({ ...base, description: 'Pumps \uD83D' });
    expect(explainIssues(half.error?.issues ?? []).message).toBe(
      'Description: it holds a broken character (half of a symbol or emoji) that cannot be stored; retype the text.',
    );
  });
});

/** Every string an API input holds, with where it is: the leaves of the contract's input schemas. */
function stringLeaves(schema: z.core.$ZodType, where: string, found: { where: string; schema: z.ZodString }[]): void {
  if (schema instanceof z.ZodString) found.push({ where, schema });
  else if (schema instanceof z.ZodObject)
    for (const [key, field] of Object.entries(schema.shape)) stringLeaves(field as z.core.$ZodType, `${where}.${key}`, found);
  else if (schema instanceof z.ZodDefault || schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) stringLeaves(schema.unwrap(), where, found);
  else if (schema instanceof z.ZodArray) stringLeaves(schema.element, `${where}[]`, found);
  else if (schema instanceof z.ZodUnion) schema.options.forEach((option, n) => stringLeaves(option, `${where}|${n}`, found));
  else if (schema instanceof z.ZodRecord) stringLeaves(schema.valueType, `${where}{}`, found);
  else if (schema instanceof z.ZodPipe) stringLeaves(schema.in, where, found);
}

describe('every text the API takes', () => {
  const leaves: { where: string; schema: z.ZodString }[] = [];
  for (const method of apiMethods) stringLeaves(apiContract[method].input, method, leaves);

  it('has text fields to check (the walk found them)', () => {
    expect(leaves.length).toBeGreaterThan(100);
  });

  it('refuses control characters and lone surrogates, and stores composed text, in every field', () => {
    const holes: string[] = [];
    for (const { where, schema } of leaves) {
      if (schema.safeParse('Garba\u0000Tulla').success) holes.push(`${where} takes NUL`);
      if (schema.safeParse('Garba \uD83D').success) holes.push(`${where} takes a lone surrogate`);
      const composed = schema.safeParse(decomposed);
      if (composed.success && composed.data !== 'Café Garba Tulla') holes.push(`${where} keeps decomposed text`);
    }
    expect(holes).toEqual([]);
  });
});
