import { z } from 'zod';
import { isIsoDate } from '../../dates';
import { isFiscalYearLabel } from '../../fiscal-year';
import { normaliseName, normaliseText, textProblem } from '../../text';

/** Field builders shared by every register's schemas, so one rule reads the same everywhere. */

/**
 * Every text field starts here (shared/text.ts has the rule): a control character or half of a
 * character pair is refused naming the field; the text is composed (NFC) and trimmed; a code or a
 * name also loses the characters that show nothing. It stays a string schema, so a form can read
 * its length limit from it.
 */
export function text({ name = false }: { name?: boolean } = {}) {
  return z
    .string()
    .refine((value) => textProblem(value) !== 'lone_surrogate', { params: { kind: 'lone_surrogate' }, abort: true })
    .refine((value) => textProblem(value) !== 'control', { params: { kind: 'control_character' }, abort: true })
    .overwrite(name ? normaliseName : normaliseText);
}

/** Required free text: a statement, a description. */
export const requiredText = (max = 200) => text().min(1).max(max);
export const optionalText = (max = 2000) => text().max(max).default('');
/** Names and titles people tell rows apart by. */
export const requiredName = (max = 200) => text({ name: true }).min(1).max(max);
export const optionalName = (max = 200) => text({ name: true }).max(max).default('');
/** A short code such as "A1.1" or "Q2". */
export const code = (max = 20) => text({ name: true }).max(max).default('');

export const entityId = z.uuid();
/** Administrative units seeded from IEBC codes carry readable ids such as `ke-ward-0242`. */
export const unitId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);

export const isoDate = z.string().refine(isIsoDate, { params: { kind: 'date' } });
export const fiscalYear = z.string().refine(isFiscalYearLabel, { params: { kind: 'fiscal_year' } });

/**
 * The most one budget line or disbursement may hold, in minor units: 100 billion in its currency
 * (KES 100 billion is several times a county's whole annual budget). A larger figure is a typing
 * slip or a hostile file, and totals of many such lines would no longer be exact.
 */
export const MAX_LINE_AMOUNT_MINOR = 100_000_000_000 * 100;
export const amountMinor = z
  .int()
  .min(0)
  .refine((value) => value <= MAX_LINE_AMOUNT_MINOR, { params: { kind: 'amount_ceiling' } });
export const percent = z.int().min(0).max(100);
/** Indicator values are counts, rates or percentages: finite numbers, never money. */
export const measure = z.number().finite().min(-1e12).max(1e12);

export const email = z.union([z.literal(''), z.email().max(200)]).default('');
export const phone = z
  .union([
    z.literal(''),
    z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()-]{7,20}$/),
  ])
  .default('');

/** The columns every exchangeable row carries (see docs/sync-metadata.md). */
export const rowMeta = {
  id: entityId,
  cycleId: entityId,
  ownerOrgId: entityId.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const byId = z.strictObject({ id: entityId });
export const byCycle = z.strictObject({ cycleId: entityId });
export const deleted = z.object({ id: entityId, deleted: z.literal(true) });

type WithoutDefaults<T extends z.ZodRawShape> = {
  [K in keyof T]: T[K] extends z.ZodDefault<infer Inner> ? z.ZodOptional<Inner> : z.ZodOptional<T[K]>;
};

/**
 * Update inputs carry only the fields that change. Defaults are stripped first: zod applies a
 * default even to an optional field, which would blank every field the caller left out.
 */
export function updateOf<T extends z.ZodRawShape>(createShape: T) {
  const changes: Record<string, z.ZodType> = {};
  const entries = Object.entries(createShape) as [string, z.ZodType][];
  for (const [key, field] of entries) {
    if (key === 'cycleId') continue;
    changes[key] = (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : field).optional();
  }
  return z.strictObject({
    id: entityId,
    changes: z.strictObject(changes as WithoutDefaults<Omit<T, 'cycleId'>>),
  });
}

/** The schema a default, optional or nullable field wraps. */
function inner(schema: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
  return schema instanceof z.ZodDefault || schema instanceof z.ZodOptional || schema instanceof z.ZodNullable ? inner(schema.unwrap()) : schema;
}

/** The longest text a field takes, read from its schema, so a form's limit is the server's. */
export function maxLengthOf(schema: z.core.$ZodType | undefined): number | undefined {
  const text = inner(schema);
  return text instanceof z.ZodString ? (text.maxLength ?? undefined) : undefined;
}

/** The range a whole number or measure field takes, read from its schema. */
export function rangeOf(schema: z.core.$ZodType | undefined): { min: number | undefined; max: number | undefined } {
  const number = inner(schema);
  return number instanceof z.ZodNumber ? { min: number.minValue ?? undefined, max: number.maxValue ?? undefined } : { min: undefined, max: undefined };
}
