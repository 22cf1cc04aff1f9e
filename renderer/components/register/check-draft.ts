import { explainIssues } from '../../../shared/api/explain';
import { registerSchemas, type RegisterName } from '../../../shared/api/registers';
import type { FieldProblem } from '../../../shared/result';
import type { DraftResult } from './draft';

/**
 * Every problem of a register form at once, before anything is sent: what only the form can tell
 * (a number that is not one) and what the contract's own schema refuses (a required field left
 * empty, a text over its limit), in the server's words. A field the form could not read is not
 * blamed twice. Rules that need the database (an end before a start, a code used twice) remain
 * the server's.
 */
export function draftProblems<R extends RegisterName>(register: R, read: DraftResult, target: { cycleId: string } | { id: string }): FieldProblem[] {
  const own = read.ok ? [] : read.problems;
  const schemas = registerSchemas[register];
  const parsed =
    'id' in target ? schemas.update.safeParse({ id: target.id, changes: read.value }) : schemas.create.safeParse({ ...read.value, cycleId: target.cycleId });
  if (parsed.success) return own;
  const blamed = new Set(own.map((problem) => problem.field));
  const fromSchema = (explainIssues(parsed.error.issues, register).problems ?? []).filter((problem) => !blamed.has(problem.field.split('.')[0] ?? ''));
  return [...own, ...fromSchema];
}
