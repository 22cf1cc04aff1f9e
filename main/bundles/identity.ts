import { eq } from 'drizzle-orm';
import type { SenderRole } from '../../shared/api/schemas/bundles';
import { bundleIdentities, cycles, organisations } from '../db/schema';
import type { AppContext, WriteContext } from '../services/context';

/**
 * Which organisation this copy of a cycle speaks for. The copy that made the cycle is the
 * Secretariat's; a copy that received the cycle in a partner bundle is that partner's. The claim
 * goes in every bundle's manifest, but receivers decide by the key they trusted, never by the claim.
 */
export interface Identity {
  role: SenderRole;
  orgId: string | null;
  orgName: string;
}

export const SECRETARIAT_NAME = 'the County JWP Secretariat';

export function organisationName(ctx: AppContext, orgId: string | null): string | null {
  if (orgId === null) return null;
  return ctx.db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, orgId)).get()?.name ?? null;
}

/** How a file names an organisation: its short name where it has one ("RPK"), else its name. */
export function organisationFileName(ctx: AppContext, orgId: string): string | null {
  const row = ctx.db.select({ name: organisations.name, shortName: organisations.shortName }).from(organisations).where(eq(organisations.id, orgId)).get();
  return row ? row.shortName.trim() || row.name : null;
}

export function identityFor(ctx: AppContext, cycleId: string): Identity {
  const row = ctx.db.select().from(bundleIdentities).where(eq(bundleIdentities.cycleId, cycleId)).get();
  if (row?.role === 'partner') return { role: 'partner', orgId: row.orgId, orgName: organisationName(ctx, row.orgId) ?? 'an organisation not yet chosen' };
  const leadOrgId = ctx.db.select({ leadOrgId: cycles.leadOrgId }).from(cycles).where(eq(cycles.id, cycleId)).get()?.leadOrgId ?? null;
  return { role: 'secretariat', orgId: leadOrgId, orgName: organisationName(ctx, leadOrgId) ?? SECRETARIAT_NAME };
}

/** Written in the caller's transaction (an import that creates a cycle, or a copy's first partner export). */
export function setIdentity(tx: WriteContext, cycleId: string, role: SenderRole, orgId: string | null): void {
  tx.db.insert(bundleIdentities).values({ cycleId, role, orgId }).onConflictDoUpdate({ target: bundleIdentities.cycleId, set: { role, orgId } }).run();
}
