import { formatDisplayDate } from '../../shared/dates';
import { memberStateLabels } from '../../shared/rounds/missing';
import type { RoundReturnsSection } from '../exports/docx/me-round-returns';
import type { AppContext } from '../services/context';
import { memberStatuses, periodOf } from './status';
import { roundsOf } from './store';

const day = (iso: string | null) => (iso ? formatDisplayDate(iso.slice(0, 10)) : '—');

/**
 * What the M&E progress report for a period says of that period's reporting round: each
 * organisation asked, when and how, when it answered, and a line for each one that did not
 * ("No return for Q2 from NUTRI+."). Null when no round was held for the period.
 */
export function roundReturnsSection(ctx: AppContext, cycleId: string, periodKey: string): RoundReturnsSection | null {
  const round = roundsOf(ctx, cycleId).find((r) => r.periodKey === periodKey);
  if (!round) return null;
  const period = periodOf(ctx, round);
  const members = memberStatuses(ctx, round);
  const returned = (m: (typeof members)[number]) => m.returns.some((r) => r.applied);
  return {
    title: `Partner returns for ${period.label}`,
    intro:
      `${members.length} organisation${members.length === 1 ? ' was' : 's were'} asked for ${period.key} figures` +
      `${round.dueDate ? `, due ${formatDisplayDate(round.dueDate)}` : ''}; ${members.filter(returned).length} returned them. ` +
      `The round opened on ${day(round.openedOn)}${round.status === 'closed' ? ` and closed on ${day(round.closedOn)}` : ' and is still open'}.`,
    rows: members.map((m) => {
      const first = m.returns.find((r) => r.applied);
      return [
        m.shortName,
        `${m.channel === 'bundle' ? 'Bundle' : 'Excel template'}, ${day(m.askedAt)}`,
        first ? `${day(first.receivedAt)}${first.late ? ' (late)' : ''}` : 'No return',
        memberStateLabels[m.state],
        m.missingText === 'nothing' ? '—' : m.missingText,
      ];
    }),
    noReturns: members.filter((m) => !returned(m)).map((m) => `No return for ${period.key} from ${m.shortName}.`),
  };
}
