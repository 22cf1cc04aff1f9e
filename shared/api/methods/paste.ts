import { z } from 'zod';
import { textProblem } from '../../text';
import { entityId } from '../schemas/fields';
import { method } from './define';
import { workbookPreviewDto } from './workbook-import';

/**
 * Rows copied from a spreadsheet and pasted into a screen (issue 17): read as rows of the cycle
 * workbook's sheet for that screen, so they get the workbook import's cell parsers, preview (every
 * problem at once), one transaction, audit, import history and undo.
 */

/** The screens rows can be pasted into. */
export const pasteTargets = ['activities', 'budgetLines', 'indicatorTargets'] as const;
export type PasteTarget = (typeof pasteTargets)[number];

/** How the import history marks rows pasted, rather than a workbook or a bundle. */
export const PASTED_ROWS_MARK = 'pasted-rows';

/** Copied cells as the clipboard holds them (tab-separated lines). Up to 10 MB: far more than a register's rows. */
const MAX_PASTE_CHARS = 10_000_000;

/**
 * The text as pasted: tabs and line breaks are its structure, so it is not trimmed as text fields
 * are (a leading tab is an empty first cell); what no cell may hold is refused as everywhere.
 */
const pastedText = z
  .string()
  .min(1)
  .max(MAX_PASTE_CHARS)
  .refine((value) => textProblem(value) !== 'lone_surrogate', { params: { kind: 'lone_surrogate' }, abort: true })
  .refine((value) => textProblem(value) !== 'control', { params: { kind: 'control_character' }, abort: true })
  .overwrite((value) => value.normalize('NFC'));

export const pasteInput = z.strictObject({
  cycleId: entityId,
  into: z.enum(pasteTargets),
  text: pastedText,
});
export const pasteApplyInput = pasteInput.extend({
  /** Write the valid rows and hand back the others, as text to fix and paste again. */
  applyValidOnly: z.boolean().default(false),
});

export const pasteApplyResultDto = z.object({
  applied: z.boolean(),
  preview: workbookPreviewDto,
  /** The rows left out (with the header row when there was one), to fix and paste again; null when none were. */
  rejectedText: z.string().nullable(),
});
export type PasteApplyResultDto = z.infer<typeof pasteApplyResultDto>;

export const pasteColumnsDto = z.object({
  /** The columns, in the order cells are read when no header row is pasted. */
  order: z.array(z.string()),
  /** The columns a header row must have. */
  required: z.array(z.string()),
});
export type PasteColumnsDto = z.infer<typeof pasteColumnsDto>;

export const pasteMethods = {
  'paste:columns': method(
    z.strictObject({ cycleId: entityId, into: z.enum(pasteTargets) }),
    pasteColumnsDto,
    'The columns rows pasted into a screen are read as: their order without a header row, and those a header row must have.',
  ),
  'paste:preview': method(
    pasteInput,
    workbookPreviewDto,
    'Reads rows pasted from a spreadsheet into a screen as that sheet of the cycle workbook: what would be added and changed, and every problem. Writes nothing.',
  ),
  'paste:apply': method(
    pasteApplyInput,
    pasteApplyResultDto,
    'Applies pasted rows as the workbook import does: a backup first, one undoable transaction, recorded in the import history.',
  ),
};
