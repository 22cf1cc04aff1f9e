import { mayGoUnvalued, NOT_VALUED_LABEL } from '../../../shared/budget-lines';
import { contributionTypes } from '../../../shared/domain/vocabulary';
import type { FieldValue } from './row-fields';

export type LineValue = { ok: true; amountMinor: number; valueNotEstimated: boolean } | { ok: false; message: string };

/**
 * A budget line's amount as read from a cell (parseLineAmount: null when empty or "in-kind, not
 * valued") with its type: in-kind support without an amount is recorded as not valued; any other
 * line needs its amount, and the message says so in the column's words. Null when the row says no
 * amount and no type, for the register's own rules to judge.
 */
export function lineValue(amount: FieldValue | undefined, type: FieldValue | undefined, amountHeader: string): LineValue | null {
  if (typeof amount === 'number') return { ok: true, amountMinor: amount, valueNotEstimated: false };
  if (typeof type !== 'string') return null;
  if (mayGoUnvalued(type)) return { ok: true, amountMinor: 0, valueNotEstimated: true };
  const kind = contributionTypes.has(type) ? contributionTypes.label(type) : type;
  return {
    ok: false,
    message: `${amountHeader}: a ${kind.toLowerCase()} line needs an amount; only in-kind support may be left empty or "${NOT_VALUED_LABEL}".`,
  };
}
