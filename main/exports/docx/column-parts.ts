import type { CellValue, Column, RowSpec } from './blocks';
import { neededWidths } from './column-widths';
import { textWidth, type Orientation } from './theme';

export interface TablePart {
  columns: Column[];
  rows: RowSpec[];
  /** Indexes of the original table's columns this part holds. */
  indexes: number[];
}

/**
 * A table too wide for the page, cut into parts that each repeat its first column and fit every
 * figure on one line: a large plan's wards × sectors figures run to billions, and shrinking or
 * wrapping them would make the annex unreadable. Parts take even shares of the columns where
 * that fits, so the last is not a stub; one part when everything fits.
 */
export function splitByWidth(columns: readonly Column[], rows: readonly RowSpec[], orientation: Orientation, firstColumnTwips: number): TablePart[] {
  const needed = neededWidths(columns, rows);
  const room = textWidth(orientation) - firstColumnTwips;
  const rest = columns.map((_, index) => index).slice(1);
  const fits = (group: number[]) => group.reduce((sum, index) => sum + (needed[index] ?? 0), 0) <= room;
  let groups = greedy(rest, fits);
  const even = evenly(rest, groups.length);
  if (even.every(fits)) groups = even;
  return groups.map((group) => {
    const indexes = [0, ...group];
    const pick = (values: readonly CellValue[]) => indexes.map((index) => values[index] ?? '');
    return {
      indexes,
      columns: indexes.flatMap((index) => columns[index] ?? []),
      rows: rows.map((row): RowSpec => (Array.isArray(row) ? pick(row) : 'total' in row ? { total: pick(row.total) } : row)),
    };
  });
}

function greedy(indexes: number[], fits: (group: number[]) => boolean): number[][] {
  const groups: number[][] = [];
  let current: number[] = [];
  for (const index of indexes) {
    if (current.length > 0 && !fits([...current, index])) {
      groups.push(current);
      current = [];
    }
    current.push(index);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

function evenly(indexes: number[], parts: number): number[][] {
  const size = Math.ceil(indexes.length / parts);
  return Array.from({ length: parts }, (_, part) => indexes.slice(part * size, (part + 1) * size)).filter((group) => group.length > 0);
}
