import type { PasteTarget } from '../../../shared/api/methods/paste';
import type { CycleDto } from '../../../shared/api/schemas/cycle';
import { reportingPeriods } from '../../../shared/reporting-periods';
import { SHEETS } from '../../exports/xlsx/sheet-names';
import { headerKey, WORKBOOK_SHEETS, type WorkbookColumn, type WorkbookSheet } from '../workbook/layout';

/**
 * What rows pasted into each screen are: a sheet of the cycle workbook (its columns, cell kinds and
 * matching rule), the order its columns are read in when no header row was pasted, and the other
 * names its headers go by.
 */
export interface PasteShape {
  sheet: WorkbookSheet;
  /** The headers, in the order cells are read when the first line is not a header row. */
  order: string[];
  /** Header key of another name a column goes by → the column's header. */
  aliases: Map<string, string>;
  /** The column naming the plan's row each line is about: every line fills it, and names a row once. */
  identifiedBy?: string;
}

function workbookSheet(name: string): WorkbookSheet {
  const sheet = WORKBOOK_SHEETS.find((candidate) => candidate.name === name);
  if (!sheet) throw new Error(`The cycle workbook has no sheet "${name}".`);
  return sheet;
}

/** The workbook sheet as exported: rows copied from the cycle workbook paste without their header. */
function asExported(name: string): PasteShape {
  const sheet = workbookSheet(name);
  return { sheet, order: sheet.columns.map((column) => column.header), aliases: new Map() };
}

export const INDICATOR_HEADER = 'Indicator';

/**
 * Indicator targets: one row per indicator (named by its code or its name), a target column per
 * reporting period and, when the header row has them, the actuals. Read as the Indicators sheet:
 * its period columns are the workbook's ("Q1 target", "Q1 actual"); "Q1" or "Q1 (Jul–Sep)" alone
 * means the target. The indicators themselves are not changed.
 */
function indicatorTargets(cycle: CycleDto): PasteShape {
  const indicator: WorkbookColumn = { field: 'id', header: INDICATOR_HEADER, kind: 'indicator', required: true };
  const sheet: WorkbookSheet = {
    register: 'indicator',
    name: SHEETS.indicators,
    columns: [indicator],
    // Rows are matched by the indicator they name (read as the row id), never by a key.
    naturalKey: () => '\u0000no key',
  };
  const periods = reportingPeriods(cycle);
  const aliases = new Map<string, string>([
    [headerKey('Code'), INDICATOR_HEADER],
    [headerKey('Indicator code'), INDICATOR_HEADER],
    [headerKey('Indicator name'), INDICATOR_HEADER],
  ]);
  for (const period of periods) {
    const target = `${period.key} target`;
    const actual = `${period.key} actual`;
    for (const name of [period.key, period.label, `${period.label} target`, `target ${period.key}`]) aliases.set(headerKey(name), target);
    for (const name of [`${period.label} actual`, `actual ${period.key}`]) aliases.set(headerKey(name), actual);
  }
  return { sheet, order: [INDICATOR_HEADER, ...periods.map((period) => `${period.key} target`)], aliases, identifiedBy: INDICATOR_HEADER };
}

/** Every header a shape knows, by header key → the column's header (shown-only columns included: they are known, not read). */
export function knownHeaders(shape: PasteShape): Map<string, string> {
  const headers = new Map<string, string>();
  for (const header of [...shape.sheet.columns.map((column) => column.header), ...shape.order]) headers.set(headerKey(header), header);
  for (const [alias, header] of shape.aliases) headers.set(alias, header);
  return headers;
}

/** A column shown for reading only (a total, a name repeated): known, never imported. */
export const isOutput = (shape: PasteShape, header: string): boolean =>
  shape.sheet.columns.some((column) => column.kind === 'output' && column.header === header);

export function pasteShape(into: PasteTarget, cycle: CycleDto): PasteShape {
  switch (into) {
    case 'activities':
      return asExported(SHEETS.activities);
    case 'budgetLines':
      return asExported(SHEETS.budgetLines);
    case 'indicatorTargets':
      return indicatorTargets(cycle);
  }
}
