import { formatMoney, type Money } from './money';

/**
 * In-kind support whose value nobody estimated (a partner lends vehicles, a hall, staff time and
 * puts no figure on it). Real plans carry such lines; the app records them as "in-kind, not valued"
 * (`valueNotEstimated`, amount 0), lists them wherever budget lines are listed, and leaves them out
 * of every total with a note saying how many there are, so a total never silently claims to be all
 * the support there is. One rule for the screens, the documents, the workbook and the analyses.
 */

export interface ValuedLine {
  type: string;
  valueNotEstimated: boolean;
}

/** How a line not valued reads wherever its amount would stand. */
export const NOT_VALUED_LABEL = 'in-kind, not valued';

/** Only in-kind lines may go without a value: cash and staff time always have an amount. */
export const mayGoUnvalued = (type: string): boolean => type === 'in_kind';

/** Whether a line's amount is in the totals. */
export const isCounted = (line: Pick<ValuedLine, 'valueNotEstimated'>): boolean => !line.valueNotEstimated;

export const countNotValued = (lines: Iterable<Pick<ValuedLine, 'valueNotEstimated'>>): number => {
  let count = 0;
  for (const line of lines) if (!isCounted(line)) count += 1;
  return count;
};

/** "2 in-kind lines not valued are not in these totals." — null when every line is valued. */
export function notValuedNote(count: number): string | null {
  if (count === 0) return null;
  return count === 1
    ? '1 in-kind line not valued is not in these totals.'
    : `${count.toLocaleString('en-GB')} in-kind lines not valued are not in these totals.`;
}

/** A line's amount as printed: its money, or "in-kind, not valued". */
export const lineAmountText = (line: Money & Pick<ValuedLine, 'valueNotEstimated'>, options?: Parameters<typeof formatMoney>[1]): string =>
  isCounted(line) ? formatMoney(line, options) : NOT_VALUED_LABEL;
