import type { WorkbookPreviewDto } from '../../../shared/api/methods/workbook-import';
import type { ImportPreviewDto } from '../../../shared/api/methods/xlsx';

/**
 * What an import would do, as the one preview shows it, whatever brought the rows: a partner's
 * template, the cycle workbook, or rows pasted from Excel.
 */
export interface ImportPreviewModel {
  /** The file's name, or "Pasted rows". */
  source: string;
  /** A line on what the rows are, e.g. whose template for which cycle. */
  about: string | null;
  /** Whether the import can remove rows (the cycle workbook can; a template or pasted rows only add and change). */
  removes: boolean;
  sheets: SheetPreview[];
  problems: { sheet: string; row: number | null; column: string | null; message: string }[];
  /** Accepted, but worth the officer's eye (analysis sheets not read, activities outside the year…). */
  notes: string[];
  nothingToChange: boolean;
  /** Identifies the plan of changes shown, for an apply that must write exactly it (a partner template); else null. */
  digest: string | null;
}

export interface SheetPreview {
  sheet: string;
  rowsRead: number;
  unchanged: number;
  added: { row: number; label: string; detail?: string }[];
  changed: { row: number; label: string; fields: { column: string; old: string; new: string }[] }[];
  removed: { label: string }[];
}

export function workbookPreviewModel(preview: WorkbookPreviewDto): ImportPreviewModel {
  return {
    source: preview.fileName,
    about: null,
    removes: true,
    sheets: preview.sheets,
    problems: preview.problems,
    notes: preview.notes,
    nothingToChange: preview.nothingToChange,
    digest: null,
  };
}

/** Rows pasted into a screen: read as the workbook's sheet, but they only add and change. */
export function pastedPreviewModel(preview: WorkbookPreviewDto): ImportPreviewModel {
  return { ...workbookPreviewModel(preview), removes: false };
}

export function partnerTemplatePreviewModel(preview: ImportPreviewDto): ImportPreviewModel {
  return {
    source: preview.fileName,
    about: `The template of ${preview.organisationName} for “${preview.cycleTitle}”.`,
    removes: false,
    sheets: preview.sheets.map((sheet) => ({
      sheet: sheet.sheet,
      rowsRead: sheet.rowsRead,
      unchanged: sheet.unchanged,
      added: preview.adds
        .filter((add) => add.sheet === sheet.sheet)
        .map((add) => ({ row: add.row, label: add.label, detail: add.fields.map((field) => `${field.column}: ${field.value}`).join(' · ') })),
      changed: preview.changes.filter((change) => change.sheet === sheet.sheet),
      removed: [],
    })),
    problems: preview.errors,
    notes: [],
    nothingToChange: preview.adds.length + preview.changes.length === 0,
    digest: preview.digest,
  };
}
