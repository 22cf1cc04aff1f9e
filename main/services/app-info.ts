import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppInfoDto, setLastCycleInput, setUserNameInput } from '../../shared/api/schemas/cycle';
import { installation } from '../db/schema';
import { inWriteTransaction, type AppContext } from './context';
import { getCycle } from './cycles';

export const APP_VERSION = '0.1.0';

export function appInfo(ctx: AppContext): AppInfoDto {
  const row = ctx.db.select().from(installation).where(eq(installation.id, ctx.installationId)).get();
  return { installationId: ctx.installationId, userName: ctx.userName, lastCycleId: row?.lastCycleId ?? null, appVersion: APP_VERSION };
}

/** The name asked at first start; every audit entry records it. */
export function setUserName(ctx: AppContext, input: z.output<typeof setUserNameInput>): AppInfoDto {
  inWriteTransaction(ctx, (tx) => tx.db.update(installation).set({ userName: input.userName }).where(eq(installation.id, tx.installationId)).run());
  ctx.userName = input.userName;
  return appInfo(ctx);
}

/** Remembered so the app reopens the cycle last used. */
export function setLastCycle(ctx: AppContext, input: z.output<typeof setLastCycleInput>): AppInfoDto {
  if (input.cycleId !== null) getCycle(ctx, input.cycleId);
  inWriteTransaction(ctx, (tx) => tx.db.update(installation).set({ lastCycleId: input.cycleId }).where(eq(installation.id, tx.installationId)).run());
  return appInfo(ctx);
}
