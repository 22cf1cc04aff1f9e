import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { roundChannelInput, roundMemberInput, roundOpenInput } from '../../shared/api/schemas/rounds';
import { formatDisplayDate } from '../../shared/dates';
import { reportingPeriods } from '../../shared/reporting-periods';
import { invalidField, ServiceError } from '../../shared/result';
import { bundleTrustedKeys, reportingRounds, roundMembers } from '../db/schema';
import { recordAudit } from '../services/audit';
import { audited } from '../services/audited-write';
import type { AppContext, WriteContext } from '../services/context';
import { getCycle } from '../services/cycles';
import { registerServices } from '../services/index';
import { changedRowMeta, newKeyedRowMeta, writeTombstone } from '../services/record-meta';
import { organisationsToAsk } from './asked';
import { roundRecord } from './record';
import { membersOf, openRoundOf, ROUND_TABLES, roundsOf, type MemberRow, type RoundRow } from './store';

/** Opening a round, choosing who is in it, closing and reopening it: each one audited change. */

const refuse = (message: string) => new ServiceError({ code: 'invalid_input', message });

/** The open round, or a plain refusal naming what to do. */
export function requireOpenRound(ctx: AppContext, cycleId: string): RoundRow {
  const round = openRoundOf(ctx, cycleId);
  if (round) return round;
  const latest = roundsOf(ctx, cycleId)[0];
  throw refuse(
    latest
      ? `The ${latest.periodKey} reporting round was closed${latest.closedOn ? ` on ${formatDisplayDate(latest.closedOn.slice(0, 10))}` : ''}. Reopen it, or open a round for another period.`
      : 'No reporting round is open for this cycle. Open one first (pamoja round open --period Q2).',
  );
}

/** Partners that run Pamoja JWP (this copy trusts a key of theirs) get a bundle; the others the Excel template. */
function defaultChannel(ctx: AppContext, cycleId: string, organisationId: string): 'bundle' | 'template' {
  const key = ctx.db
    .select({ orgId: bundleTrustedKeys.orgId })
    .from(bundleTrustedKeys)
    .where(and(eq(bundleTrustedKeys.cycleId, cycleId), eq(bundleTrustedKeys.orgId, organisationId)))
    .get();
  return key ? 'bundle' : 'template';
}

function insertMember(tx: WriteContext, round: RoundRow, organisationId: string): void {
  const { at, meta } = newKeyedRowMeta(tx, ROUND_TABLES.member, round.cycleId, [round.id, organisationId]);
  const row = {
    ...meta,
    roundId: round.id,
    organisationId,
    channel: defaultChannel(tx, round.cycleId, organisationId),
    askedAt: null,
    askedFile: null,
    remindedAt: null,
  };
  tx.db.insert(roundMembers).values(row).run();
  recordAudit(tx, at, { action: 'create', tableName: ROUND_TABLES.member, rowId: row.id, cycleId: round.cycleId, after: row });
}

export function openRound(ctx: AppContext, input: z.output<typeof roundOpenInput>): RoundRow {
  const cycle = getCycle(ctx, input.cycleId);
  const periods = reportingPeriods(cycle);
  const period = periods.find((p) => p.key.toLowerCase() === input.periodKey.toLowerCase());
  if (!period) throw invalidField('periodKey', `Period: this cycle has no period "${input.periodKey}"; choose one of ${periods.map((p) => p.key).join(', ')}.`);
  const open = openRoundOf(ctx, cycle.id);
  if (open) throw refuse(`The ${open.periodKey} reporting round is still open. Close it before opening the ${period.key} round.`);
  if (roundsOf(ctx, cycle.id).some((r) => r.periodKey === period.key))
    throw refuse(`A ${period.key} round was already held and closed. Reopen it instead of opening another.`);
  if (input.dueDate !== null && input.dueDate < period.start)
    throw invalidField('dueDate', `Due date: ${formatDisplayDate(input.dueDate)} is before ${period.label} starts (${formatDisplayDate(period.start)}).`);
  const secretariat = cycle.leadOrgId;
  const asked = [...organisationsToAsk(ctx, cycle.id, period)].filter((id) => id !== secretariat);
  return audited(ctx, { cycleId: cycle.id }, (tx) => {
    const { at, meta } = newKeyedRowMeta(tx, ROUND_TABLES.round, cycle.id, [period.key]);
    const round: RoundRow = {
      ...meta,
      periodKey: period.key,
      dueDate: input.dueDate,
      status: 'open',
      openedOn: at,
      openedBy: tx.userName,
      closedOn: null,
      closedBy: '',
      message: input.message,
      asksLearningAndRisks: input.asksLearningAndRisks,
    };
    tx.db.insert(reportingRounds).values(round).run();
    recordAudit(tx, at, { action: 'create', tableName: ROUND_TABLES.round, rowId: round.id, cycleId: cycle.id, after: round });
    for (const organisationId of asked) insertMember(tx, round, organisationId);
    return round;
  });
}

export function addMember(ctx: AppContext, input: z.output<typeof roundMemberInput>): void {
  const round = requireOpenRound(ctx, input.cycleId);
  const org = registerServices.organisation.get(ctx, { id: input.organisationId });
  if (org.cycleId !== round.cycleId) throw invalidField('organisationId', 'Organisation: choose one of this cycle.');
  if (membersOf(ctx, round.id).some((m) => m.organisationId === org.id))
    throw refuse(`${org.shortName || org.name} is already in the ${round.periodKey} round.`);
  audited(ctx, { cycleId: round.cycleId }, (tx) => insertMember(tx, round, org.id));
}

function memberOf(ctx: AppContext, round: RoundRow, organisationId: string) {
  const member = membersOf(ctx, round.id).find((m) => m.organisationId === organisationId);
  if (!member) throw invalidField('organisationId', `Organisation: it is not in the ${round.periodKey} round.`);
  return member;
}

export function removeMember(ctx: AppContext, input: z.output<typeof roundMemberInput>): void {
  const round = requireOpenRound(ctx, input.cycleId);
  const member = memberOf(ctx, round, input.organisationId);
  audited(ctx, { cycleId: round.cycleId }, (tx) => {
    tx.db.delete(roundMembers).where(eq(roundMembers.id, member.id)).run();
    // The removal travels in the full bundle like any deletion of a record.
    writeTombstone(tx, ROUND_TABLES.member, member.id, round.cycleId);
    recordAudit(tx, tx.now().toISOString(), { action: 'delete', tableName: ROUND_TABLES.member, rowId: member.id, cycleId: round.cycleId, before: member });
  });
}

export function setChannel(ctx: AppContext, input: z.output<typeof roundChannelInput>): void {
  const round = requireOpenRound(ctx, input.cycleId);
  const member = memberOf(ctx, round, input.organisationId);
  if (member.channel === input.channel) return;
  audited(ctx, { cycleId: round.cycleId }, (tx) => updateMember(tx, round, member, { channel: input.channel }));
}

/** Changes a member of a round with its sync stamp and an audit entry; the caller holds the transaction. */
export function updateMember(tx: WriteContext, round: RoundRow, member: MemberRow, change: Partial<MemberRow>): void {
  const { at, meta } = changedRowMeta(tx);
  tx.db
    .update(roundMembers)
    .set({ ...meta, ...change })
    .where(eq(roundMembers.id, member.id))
    .run();
  recordAudit(tx, at, {
    action: 'update',
    tableName: ROUND_TABLES.member,
    rowId: member.id,
    cycleId: round.cycleId,
    before: member,
    after: { ...member, ...meta, ...change },
  });
}

/**
 * Closes the open round, with or without every return. Its record — who was asked, how and when,
 * who answered with which file, what is still missing — goes into the audit log with the change.
 */
export function closeRound(ctx: AppContext, cycleId: string): RoundRow {
  const round = requireOpenRound(ctx, cycleId);
  const record = roundRecord(ctx, round);
  return audited(ctx, { cycleId }, (tx) => {
    const { at, meta } = changedRowMeta(tx);
    const closed: RoundRow = { ...round, ...meta, status: 'closed', closedOn: at, closedBy: tx.userName };
    tx.db.update(reportingRounds).set(closed).where(eq(reportingRounds.id, round.id)).run();
    recordAudit(tx, at, { action: 'update', tableName: ROUND_TABLES.round, rowId: round.id, cycleId, before: round, after: { ...closed, record } });
    return closed;
  });
}

/** Reopens the cycle's latest closed round (or the one of `periodKey`), audited. */
export function reopenRound(ctx: AppContext, cycleId: string, periodKey?: string): RoundRow {
  const open = openRoundOf(ctx, cycleId);
  if (open) throw refuse(`The ${open.periodKey} reporting round is open; close it before reopening another.`);
  const rounds = roundsOf(ctx, cycleId);
  const round = periodKey ? rounds.find((r) => r.periodKey.toLowerCase() === periodKey.toLowerCase()) : rounds[0];
  if (!round) throw refuse(periodKey ? `No ${periodKey} reporting round was held in this cycle.` : 'No reporting round was held in this cycle yet.');
  return audited(ctx, { cycleId }, (tx) => {
    const { at, meta } = changedRowMeta(tx);
    const reopened: RoundRow = { ...round, ...meta, status: 'open', closedOn: null, closedBy: '' };
    tx.db.update(reportingRounds).set(reopened).where(eq(reportingRounds.id, round.id)).run();
    recordAudit(tx, at, { action: 'update', tableName: ROUND_TABLES.round, rowId: round.id, cycleId, before: round, after: reopened });
    return reopened;
  });
}
