import type { RoundMemberDto, RoundStatusDto } from '../../shared/api/schemas/rounds';
import { reportingPeriods, type ReportingPeriod } from '../../shared/reporting-periods';
import { itemsText, memberState, totalItems } from '../../shared/rounds/missing';
import type { AppContext } from '../services/context';
import { getCycle } from '../services/cycles';
import { registerServices } from '../services/index';
import { todayOf } from '../services/record-meta';
import { itemsByOrganisation, noItems } from './asked';
import { recipientsOf } from './email';
import { currentRoundOf, membersOf, returnDto, returnsOf, roundDto, roundsOf, type RoundRow } from './store';

/** Where the round stands, organisation by organisation: what the screen, `round status --json` and the report show. */

export function periodOf(ctx: AppContext, round: Pick<RoundRow, 'cycleId' | 'periodKey'>): ReportingPeriod {
  const period = reportingPeriods(getCycle(ctx, round.cycleId)).find((p) => p.key === round.periodKey);
  if (!period) throw new Error(`The cycle no longer has the period ${round.periodKey}.`);
  return period;
}

/** Each member of the round with what it was asked, what it sent back and what is still missing. */
export function memberStatuses(ctx: AppContext, round: RoundRow): RoundMemberDto[] {
  const today = todayOf(ctx);
  const organisations = new Map(registerServices.organisation.list(ctx, { cycleId: round.cycleId }).map((o) => [o.id, o]));
  const contacts = registerServices.contact.list(ctx, { cycleId: round.cycleId });
  const returns = returnsOf(ctx, round.id);
  const returned = new Set(returns.filter((r) => r.applied).map((r) => r.organisationId));
  const members = membersOf(ctx, round.id);
  const items = itemsByOrganisation(
    ctx,
    round.cycleId,
    periodOf(ctx, round),
    round,
    returned,
    members.map((m) => m.organisationId),
  );
  return members
    .map((member): RoundMemberDto => {
      const org = organisations.get(member.organisationId);
      const name = org?.name ?? 'an organisation no longer in the cycle';
      const shortName = org?.shortName || name;
      const { recipients, problem } = recipientsOf(
        shortName,
        contacts.filter((c) => c.organisationId === member.organisationId),
      );
      const own = returns.filter((r) => r.organisationId === member.organisationId).map((r) => returnDto(r, round.dueDate));
      const { asked, missing } = items.get(member.organisationId) ?? noItems();
      return {
        organisationId: member.organisationId,
        name,
        shortName,
        channel: member.channel,
        recipients,
        emailProblem: problem,
        askedAt: member.askedAt,
        askedFile: member.askedFile,
        remindedAt: member.remindedAt,
        asked,
        missing,
        missingText: itemsText(missing),
        state: memberState({
          askedAt: member.askedAt,
          appliedReturns: own.filter((r) => r.applied).map((r) => ({ receivedOn: r.receivedAt.slice(0, 10) })),
          returnsWithProblems: own.filter((r) => !r.applied).length,
          missing: totalItems(missing),
          dueDate: round.dueDate,
          today,
        }),
        returns: own,
      };
    })
    .sort((a, b) => a.shortName.localeCompare(b.shortName));
}

export function roundStatus(ctx: AppContext, cycleId: string): RoundStatusDto {
  const cycle = getCycle(ctx, cycleId);
  const round = currentRoundOf(ctx, cycleId);
  const members = round ? memberStatuses(ctx, round) : [];
  const inRound = new Set(members.map((m) => m.organisationId));
  return {
    round: round ? roundDto(ctx, round) : null,
    today: todayOf(ctx),
    members,
    others: registerServices.organisation
      .list(ctx, { cycleId })
      .filter((o) => !inRound.has(o.id))
      .map((o) => ({ organisationId: o.id, name: o.shortName || o.name })),
    periods: reportingPeriods(cycle).map((p) => ({ key: p.key, label: p.label })),
    history: roundsOf(ctx, cycleId).map((r) => roundDto(ctx, r)),
  };
}
