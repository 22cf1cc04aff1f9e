import { z } from 'zod';

/**
 * Bringing a whole cycle in from its workbook (issue 15): the preview, per sheet, of what would be
 * added, changed and removed, with every problem of every row at once.
 */

export const workbookProblemDto = z.object({
  sheet: z.string(),
  /** The spreadsheet row number; null for a problem with the whole sheet. */
  row: z.int().nullable(),
  /** The column's header as the user sees it; null when the whole row or sheet is at fault. */
  column: z.string().nullable(),
  message: z.string(),
});
export type WorkbookProblemDto = z.infer<typeof workbookProblemDto>;

export const workbookSheetPreviewDto = z.object({
  sheet: z.string(),
  rowsRead: z.int(),
  added: z.array(z.object({ row: z.int(), label: z.string() })),
  changed: z.array(
    z.object({
      row: z.int(),
      label: z.string(),
      fields: z.array(z.object({ column: z.string(), old: z.string(), new: z.string() })),
    }),
  ),
  removed: z.array(z.object({ label: z.string() })),
  unchanged: z.int(),
});
export type WorkbookSheetPreviewDto = z.infer<typeof workbookSheetPreviewDto>;

export const workbookPreviewDto = z.object({
  fileName: z.string(),
  /** The cycle updated; null when the import creates a new one. */
  cycleId: z.string().nullable(),
  cycleTitle: z.string(),
  sheets: z.array(workbookSheetPreviewDto),
  problems: z.array(workbookProblemDto),
  /** What was read but not imported, and why (analysis sheets, ids of another cycle). */
  notes: z.array(z.string()),
  /** Nothing would be added, changed or removed. */
  nothingToChange: z.boolean(),
});
export type WorkbookPreviewDto = z.infer<typeof workbookPreviewDto>;
