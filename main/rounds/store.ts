import { and, desc, eq } from 'drizzle-orm';
import type { RoundDto, RoundReturnDto } from '../../shared/api/schemas/rounds';
import { reportingPeriods } from '../../shared/reporting-periods';
import { z } from 'zod';
import { reportingRounds, roundMembers, roundReturns } from '../db/schema';
import type { AppContext } from '../services/context';
import { getCycle } from '../services/cycles';

/** Reading the round tables (main/db/schema-rounds.ts) into what the screen and CLI show. */

export type RoundRow = typeof reportingRounds.$inferSelect;
export type MemberRow = typeof roundMembers.$inferSelect;
export type ReturnRow = typeof roundReturns.$inferSelect;

export const ROUND_TABLES = { round: 'reporting_rounds', member: 'round_members', return: 'round_returns' } as const;

/** Every round of the cycle, newest first. */
export function roundsOf(ctx: AppContext, cycleId: string): RoundRow[] {
  return ctx.db.select().from(reportingRounds).where(eq(reportingRounds.cycleId, cycleId)).orderBy(desc(reportingRounds.openedOn)).all();
}

/** The open round of the cycle, if any (at most one is open at a time). */
export function openRoundOf(ctx: AppContext, cycleId: string): RoundRow | undefined {
  return ctx.db
    .select()
    .from(reportingRounds)
    .where(and(eq(reportingRounds.cycleId, cycleId), eq(reportingRounds.status, 'open')))
    .get();
}

/** The round the screen shows: the open one, else the newest. */
export const currentRoundOf = (ctx: AppContext, cycleId: string): RoundRow | undefined => openRoundOf(ctx, cycleId) ?? roundsOf(ctx, cycleId)[0];

export const roundById = (ctx: AppContext, id: string): RoundRow | undefined => ctx.db.select().from(reportingRounds).where(eq(reportingRounds.id, id)).get();

export const membersOf = (ctx: AppContext, roundId: string): MemberRow[] => ctx.db.select().from(roundMembers).where(eq(roundMembers.roundId, roundId)).all();

export const returnsOf = (ctx: AppContext, roundId: string): ReturnRow[] =>
  ctx.db.select().from(roundReturns).where(eq(roundReturns.roundId, roundId)).orderBy(roundReturns.receivedAt).all();

export function periodLabelOf(ctx: AppContext, cycleId: string, periodKey: string): string {
  return reportingPeriods(getCycle(ctx, cycleId)).find((p) => p.key === periodKey)?.label ?? periodKey;
}

export function roundDto(ctx: AppContext, row: RoundRow): RoundDto {
  return {
    id: row.id,
    cycleId: row.cycleId,
    periodKey: row.periodKey,
    periodLabel: periodLabelOf(ctx, row.cycleId, row.periodKey),
    dueDate: row.dueDate,
    status: row.status,
    openedOn: row.openedOn,
    openedBy: row.openedBy,
    closedOn: row.closedOn,
    closedBy: row.closedBy,
    message: row.message,
    asksLearningAndRisks: row.asksLearningAndRisks,
  };
}

const problemList = z.array(z.string());

export function returnDto(row: ReturnRow, dueDate: string | null): RoundReturnDto {
  return {
    id: row.id,
    organisationId: row.organisationId,
    kind: row.kind,
    fileName: row.fileName,
    receivedAt: row.receivedAt,
    applied: row.applied,
    added: row.added,
    changed: row.changed,
    problems: problemList.parse(JSON.parse(row.problemsJson)),
    late: isLate(row.receivedAt, dueDate),
    bundleImportId: row.bundleImportId,
    changeId: row.changeId,
  };
}

/** A return is late when it arrived after the due date (compared as dates, in the county's day). */
export const isLate = (receivedAt: string, dueDate: string | null): boolean => dueDate !== null && receivedAt.slice(0, 10) > dueDate;
