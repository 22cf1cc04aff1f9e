import { z } from 'zod';
import { explainIssues } from '../../shared/api/explain';
import type { RegisterName } from '../../shared/api/registers';
import { problemsOf, type FieldProblem } from '../../shared/result';
import type { Row } from '../db/row-store';
import type { AppContext } from './context';
import { pointLookup } from './row-lookup';
import { loadCycle, rulesFor, type Rules } from './rules';

export interface RecordCheckParts {
  register: RegisterName;
  /** The create or update schema the values must pass, and the shape whose fields are checked one by one. */
  schema: z.ZodType;
  shape: z.ZodRawShape;
  input: unknown;
  /** The values as they would stand after the save: the stored row under the changes, or the new row. */
  values: Row;
  cycleId: string;
  currentId: string | null;
  check(fields: Row, rules: Rules): void;
  complete?(fields: Row): Row;
}

/** A rule read a field the schema refused: it cannot be judged, and the schema has said why. */
class RefusedFieldRead extends Error {}

/**
 * Every problem a save would meet, found without saving: the schema's, and those of the register's
 * rules (an end before its start, a code used twice) run on the fields the schema accepted. A form
 * that shows them together spares the officer a second and third round of corrections.
 */
export function recordProblems(ctx: AppContext, parts: RecordCheckParts): FieldProblem[] {
  const parsed = parts.schema.safeParse(parts.input);
  const schemaProblems = parsed.success ? [] : (explainIssues(parsed.error.issues, parts.register).problems ?? []);
  const blamed = new Set(schemaProblems.map((problem) => topField(problem.field)));

  const accepted: Row = {};
  for (const [key, schema] of Object.entries(parts.shape)) {
    if (blamed.has(key)) continue;
    const field = z.safeParse(schema, parts.values[key]);
    if (field.success) accepted[key] = field.data;
  }
  // Reading a refused field stops that rule quietly instead of judging a value nobody entered.
  const guarded = (fields: Row): Row =>
    new Proxy(fields, {
      get(target, key) {
        if (typeof key === 'string' && key in parts.shape && !(key in target)) throw new RefusedFieldRead(key);
        return Reflect.get(target, key);
      },
    });

  const rules = rulesFor(ctx, loadCycle(ctx, parts.cycleId), parts.register, parts.currentId, pointLookup(ctx, parts.cycleId), { partial: true });
  let ruleProblems: FieldProblem[] = [];
  try {
    parts.check(parts.complete ? guarded(parts.complete(guarded(accepted))) : guarded(accepted), rules);
  } catch (error) {
    if (!(error instanceof RefusedFieldRead)) ruleProblems = problemsOf(error) ?? [];
  }
  return [...schemaProblems, ...ruleProblems.filter((problem) => !blamed.has(topField(problem.field)))];
}

const topField = (path: string) => path.split('.')[0] ?? '';
