/**
 * What a reporting round asks an organisation for, and how what is still missing is said: one rule
 * for the round screen, `pamoja round status`, the reminder e-mails and the M&E report.
 */
export interface RoundItemCounts {
  /** Activity status and % done, per activity the organisation leads. */
  activities: number;
  /** One disbursement figure per budget line the organisation contributes. */
  disbursements: number;
  /** The period's actual, per indicator the organisation is responsible for. */
  indicatorActuals: number;
  /** When the round asks for them: a status and mitigation update per open risk the organisation is responsible for. */
  risks: number;
  /** When the round asks for them: the organisation's learning entries for the period (1: asked; missing while none came). */
  learningEntries: number;
}

const NOUNS: Record<keyof RoundItemCounts, [string, string]> = {
  activities: ['activity update', 'activity updates'],
  disbursements: ['disbursement', 'disbursements'],
  indicatorActuals: ['indicator actual', 'indicator actuals'],
  risks: ['risk update', 'risk updates'],
  learningEntries: ['learning entry', 'learning entries'],
};

const ORDER: (keyof RoundItemCounts)[] = ['indicatorActuals', 'disbursements', 'activities', 'risks', 'learningEntries'];

export const totalItems = (counts: RoundItemCounts): number => ORDER.reduce((sum, key) => sum + counts[key], 0);

/** "3 indicator actuals, 1 disbursement"; "nothing" when every item is in. */
export function itemsText(counts: RoundItemCounts): string {
  const parts = ORDER.filter((key) => counts[key] > 0).map((key) => {
    const [one, many] = NOUNS[key];
    return `${counts[key]} ${counts[key] === 1 ? one : many}`;
  });
  return parts.length ? parts.join(', ') : 'nothing';
}

/** Where an organisation stands in a round, for the screen's chips and chart. */
export type MemberState = 'returned' | 'returned_late' | 'problems' | 'late' | 'missing' | 'not_asked';

export const memberStateLabels: Record<MemberState, string> = {
  returned: 'Returned',
  returned_late: 'Returned late',
  problems: 'Returned with problems',
  late: 'Late',
  missing: 'Awaited',
  not_asked: 'Not yet asked',
};

/**
 * The state of one organisation: returned when a return was applied and nothing is missing (late
 * when it came after the due date); a return with errors shows until a good one arrives; past the
 * due date with something missing is late.
 */
export function memberState(input: {
  askedAt: string | null;
  appliedReturns: { receivedOn: string }[];
  returnsWithProblems: number;
  missing: number;
  dueDate: string | null;
  today: string;
}): MemberState {
  const firstApplied = input.appliedReturns.map((r) => r.receivedOn).sort()[0];
  const pastDue = input.dueDate !== null && input.today > input.dueDate;
  if (firstApplied !== undefined && input.missing === 0) return input.dueDate !== null && firstApplied > input.dueDate ? 'returned_late' : 'returned';
  if (input.returnsWithProblems > 0 && firstApplied === undefined) return 'problems';
  if (input.askedAt === null) return 'not_asked';
  return pastDue ? 'late' : 'missing';
}
