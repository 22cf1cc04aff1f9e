import { z } from 'zod';
import { entityId } from './fields';

/** Rows a screen's first page holds: a screenful and more, read and drawn well under 30 ms on a large plan. */
export const FIRST_PAGE_ROWS = 100;
/** The most rows one page may ask for: the pages after the first fill in the rest in a few calls. */
export const MAX_PAGE_ROWS = 2_000;

/**
 * A bounded slice of a register in the order its screen shows it: the first `limit` rows from
 * position `offset` (0 is the first row).
 */
export const pageInput = z.strictObject({
  cycleId: entityId,
  offset: z.int().min(0).default(0),
  limit: z.int().min(1).max(MAX_PAGE_ROWS).default(FIRST_PAGE_ROWS),
});
export type PageInput = z.input<typeof pageInput>;

/** One page of rows, with how many rows the register holds and where the next page starts (null: this was the last). */
export const pageOf = <D extends z.ZodType>(dto: D) =>
  z.object({
    rows: z.array(dto),
    offset: z.int().min(0),
    total: z.int().min(0),
    nextOffset: z.int().min(0).nullable(),
  });

export interface Page<Row> {
  rows: Row[];
  offset: number;
  total: number;
  nextOffset: number | null;
}
