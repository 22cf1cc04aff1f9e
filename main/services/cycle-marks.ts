import { eq } from 'drizzle-orm';
import type { CycleSource } from '../../shared/api/schemas/cycle';
import { ServiceError } from '../../shared/result';
import { cycleMarks, cycles } from '../db/schema';
import type { AppContext, WriteContext } from './context';

/** Where this copy got the cycle, and whether it is archived here (main/db/schema-cycle-marks.ts). */
export function marksOf(ctx: AppContext, cycleId: string): { source: CycleSource | 'created'; archivedAt: string | null } {
  const row = ctx.db.select().from(cycleMarks).where(eq(cycleMarks.cycleId, cycleId)).get();
  return { source: row?.source ?? 'created', archivedAt: row?.archivedAt ?? null };
}

/** Records, inside the change that made the cycle, where it came from. */
export function markSource(tx: WriteContext, cycleId: string, source: CycleSource): void {
  tx.db.insert(cycleMarks).values({ cycleId, source }).onConflictDoUpdate({ target: cycleMarks.cycleId, set: { source } }).run();
}

export function setArchivedAt(tx: WriteContext, cycleId: string, archivedAt: string | null): void {
  tx.db.insert(cycleMarks).values({ cycleId, archivedAt }).onConflictDoUpdate({ target: cycleMarks.cycleId, set: { archivedAt } }).run();
}

/** The sample is one story told once: a second copy would only be two cycles of the same name. */
export function assertSampleNotLoaded(ctx: AppContext): void {
  const loaded = ctx.db
    .select({ title: cycles.title, fiscalYear: cycles.fiscalYear })
    .from(cycleMarks)
    .innerJoin(cycles, eq(cycles.id, cycleMarks.cycleId))
    .where(eq(cycleMarks.source, 'sample'))
    .get();
  if (loaded) {
    throw new ServiceError({
      code: 'invalid_input',
      message: `The sample cycle is already loaded: “${loaded.title}” (FY ${loaded.fiscalYear}). Open it from the list of cycles, or delete it first to load a fresh copy.`,
    });
  }
}
