import type { z } from 'zod';
import type { ApiError, FieldProblem } from '../result';
import * as vocabularies from '../domain/vocabulary';
import { labelForPath } from './field-labels';
import type { RegisterName } from './registers';

/**
 * Turns schema issues into plain sentences that name the field, e.g. "End date: enter a date as
 * YYYY-MM-DD."; fields are named in the register's own words when the input is a register's.
 */
export function explainIssues(issues: readonly z.core.$ZodIssue[], register?: RegisterName): ApiError {
  const problems: FieldProblem[] = issues.map((issue) => ({
    field: issue.path.filter((part) => part !== 'changes').join('.') || 'input',
    message: `${labelForPath(issue.path, register)}: ${describe(issue)}`,
  }));
  const first = problems[0];
  return {
    code: 'invalid_input',
    message: first ? first.message : 'The input is not valid.',
    ...(first ? { field: first.field } : {}),
    problems,
  };
}

function describe(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      // zod reports a missing field as "expected X, received undefined" (the input itself is left out).
      if (/received undefined/.test(issue.message)) return 'this is required.';
      return `expected ${article(issue.expected)}.`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'this is required.' : `enter at least ${issue.minimum} characters.`;
      if (issue.origin === 'array') return `choose at least ${issue.minimum}.`;
      return Number(issue.minimum) === 0 ? 'cannot be below zero.' : `must be at least ${issue.minimum}.`;
    case 'too_big':
      if (issue.origin === 'string') return `keep it to ${issue.maximum} characters or fewer.`;
      if (issue.origin === 'array') return `choose at most ${issue.maximum}.`;
      return `must be at most ${issue.maximum}.`;
    case 'invalid_value':
      return `choose one of: ${issue.values.map((value) => valueLabels.get(String(value)) ?? String(value)).join(', ')}.`;
    case 'invalid_format':
      if (issue.format === 'uuid') return 'this does not refer to an existing record.';
      if (issue.format === 'email') return 'enter an email address such as name@example.org.';
      if (issue.format === 'regex') return 'this is not in the expected format.';
      return `this is not a valid ${issue.format}.`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}.`;
    case 'custom': {
      const kind: unknown = issue.params?.kind;
      if (kind === 'date') return 'enter a real date as YYYY-MM-DD, e.g. 2026-11-25.';
      if (kind === 'fiscal_year') return 'write the fiscal year as 2026/27.';
      if (kind === 'control_character') return 'it holds a control character (such as NUL) that cannot be stored; retype the text.';
      if (kind === 'lone_surrogate') return 'it holds a broken character (half of a symbol or emoji) that cannot be stored; retype the text.';
      if (kind === 'amount_ceiling') return 'at most 100 billion (100,000,000,000) on one line; split a larger amount over several lines.';
      return issue.message;
    }
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}.`;
    default:
      return issue.message;
  }
}

const labelsOf = ({ labels }: { labels: Record<string, string> }) => Object.entries(labels);

/** Allowed values are stored as keys (`in_kind`); messages print what the user sees (`In kind`). */
const valueLabels = new Map<string, string>(Object.values(vocabularies).flatMap((vocabulary) => labelsOf(vocabulary)));

function article(expected: string): string {
  const words: Record<string, string> = {
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'yes or no',
    array: 'a list',
    object: 'a record',
  };
  return words[expected] ?? expected;
}
