import { and, eq, inArray, sql } from 'drizzle-orm';
import { getConstituencies, getCounties, getWards } from 'kenya-locations';
import type { z } from 'zod';
import { invalidField, notFound } from '../../shared/result';
import { adminUnits } from '../db/schema';
import { recordAudit } from './audit';
import { audited } from './audited-write';
import { inWriteTransaction, stamp, type AppContext } from './context';
import { validate } from './validate';
import { adminUnitCreateInput, adminUnitRenameInput, type AdminUnitDto, type adminUnitListInput } from '../../shared/api/schemas/admin';

/**
 * Kenya's 47 counties, 290 constituencies and 1,448 wards (IEBC codes, from kenya-locations).
 * Seeded ids are derived from the codes, so every installation names a ward the same way and
 * bundles can refer to it; the seed stamp is fixed for the same reason.
 */
const SEED = { updatedAt: '2026-01-01T00:00:00.000Z', hlc: '000000000000000:00000:seed', origin: 'seed' };

export const countyUnitId = (code: string) => `ke-county-${code}`;
export const constituencyUnitId = (code: string) => `ke-constituency-${code}`;
export const wardUnitId = (code: string) => `ke-ward-${code}`;

/** "Bulla pesa" → "Bulla Pesa": the source writes later words in lower case. */
function titleCase(name: string): string {
  return name.replace(/(^|[\s/-])([a-z])/g, (_match, separator: string, letter: string) => separator + letter.toUpperCase());
}

export function seedAdminUnits(ctx: AppContext): void {
  const seeded =
    ctx.db
      .select({ n: sql<number>`count(*)` })
      .from(adminUnits)
      .where(eq(adminUnits.origin, SEED.origin))
      .get()?.n ?? 0;
  const counties = getCounties();
  const constituencies = getConstituencies();
  const wards = getWards();
  if (seeded >= counties.length + constituencies.length + wards.length) return;
  const countyIdByName = new Map(counties.map((c) => [c.name, countyUnitId(c.code)]));
  const constituencyIdByName = new Map(constituencies.map((c) => [c.name, constituencyUnitId(c.code)]));
  const rows = [
    ...counties.map((c) => ({ id: countyUnitId(c.code), level: 'county' as const, name: titleCase(c.name), code: c.code, parentId: null })),
    ...constituencies.map((c) => ({
      id: constituencyUnitId(c.code),
      level: 'sub_county' as const,
      name: titleCase(c.name),
      code: c.code,
      parentId: countyIdByName.get(c.county) ?? null,
    })),
    ...wards.map((w) => ({
      id: wardUnitId(w.code),
      level: 'ward' as const,
      name: titleCase(w.name),
      code: w.code,
      parentId: constituencyIdByName.get(w.constituency) ?? null,
    })),
  ];
  inWriteTransaction(ctx, (tx) => {
    // A prepared statement: 1,785 rows through the query builder would slow every first start.
    const insert = tx.db.$client.prepare(
      'INSERT OR IGNORE INTO admin_units (id, level, name, code, parent_id, updated_at, hlc, origin) VALUES (@id, @level, @name, @code, @parentId, @updatedAt, @hlc, @origin)',
    );
    for (const row of rows) insert.run({ ...row, ...SEED });
  });
}

const toDto = ({ id, level, name, code, parentId }: typeof adminUnits.$inferSelect): AdminUnitDto => ({ id, level, name, code, parentId });

export function listAdminUnits(ctx: AppContext, input: z.output<typeof adminUnitListInput>): AdminUnitDto[] {
  let rows = ctx.db
    .select()
    .from(adminUnits)
    .where(input.level ? eq(adminUnits.level, input.level) : undefined)
    .orderBy(adminUnits.name)
    .all();
  if (input.withinId) {
    const within = new Set([input.withinId]);
    // Two levels below a county: its sub-counties, then their wards.
    for (let depth = 0; depth < 2; depth++) {
      for (const id of ctx.db
        .select({ id: adminUnits.id })
        .from(adminUnits)
        .where(inArray(adminUnits.parentId, [...within]))
        .all())
        within.add(id.id);
    }
    within.delete(input.withinId);
    rows = rows.filter((row) => within.has(row.id));
  }
  return rows.map(toDto);
}

export function getAdminUnit(ctx: AppContext, id: string): AdminUnitDto {
  const row = ctx.db.select().from(adminUnits).where(eq(adminUnits.id, id)).get();
  if (!row) throw notFound('administrative unit', id);
  return toDto(row);
}

/** Users add a ward the source lacks (a new one gazetted, say) under a sub-county or county. */
export function createAdminUnit(ctx: AppContext, input: z.input<typeof adminUnitCreateInput>): AdminUnitDto {
  const fields = validate(adminUnitCreateInput, input);
  return audited(ctx, { cycleId: null }, (tx) => {
    const parent = getAdminUnit(tx, fields.parentId);
    const expectedParent = fields.level === 'ward' ? 'sub_county' : 'county';
    if (parent.level !== expectedParent) {
      throw invalidField('parentId', `Part of: a ${fields.level === 'ward' ? 'ward belongs to a sub-county' : 'sub-county belongs to a county'}.`);
    }
    const clash = tx.db
      .select()
      .from(adminUnits)
      .where(and(eq(adminUnits.parentId, parent.id), sql`lower(${adminUnits.name}) = lower(${fields.name})`))
      .get();
    if (clash) throw invalidField('name', `Name: ${parent.name} already has ${clash.name}.`);
    const { at, hlc } = stamp(tx);
    const row = {
      id: tx.newId(),
      level: fields.level,
      name: fields.name,
      code: fields.code,
      parentId: parent.id,
      updatedAt: at,
      hlc,
      origin: tx.installationId,
    };
    tx.db.insert(adminUnits).values(row).run();
    recordAudit(tx, at, { action: 'create', tableName: 'admin_units', rowId: row.id, cycleId: null, after: toDto(row) });
    return toDto(row);
  });
}

export function renameAdminUnit(ctx: AppContext, input: z.input<typeof adminUnitRenameInput>): AdminUnitDto {
  const { id, name } = validate(adminUnitRenameInput, input);
  return audited(ctx, { cycleId: null }, (tx) => {
    const before = getAdminUnit(tx, id);
    const { at, hlc } = stamp(tx);
    tx.db.update(adminUnits).set({ name, updatedAt: at, hlc, origin: tx.installationId }).where(eq(adminUnits.id, id)).run();
    const after = getAdminUnit(tx, id);
    recordAudit(tx, at, { action: 'update', tableName: 'admin_units', rowId: id, cycleId: null, before, after });
    return after;
  });
}
