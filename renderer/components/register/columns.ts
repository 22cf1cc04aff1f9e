import type { ReactNode } from 'react';

/** One column of a register table. */
export interface Column<Row> {
  key: string;
  label: string;
  /** A share of the table (e.g. "22%") or a fixed width ("96px"); the table lays out fixed. */
  width?: string;
  render: (row: Row) => ReactNode;
  /** The cell's full text as a tooltip, where a long value is cut short. */
  title?: (row: Row) => string;
  /** e.g. "cell--num" for amounts, right-aligned. */
  className?: string;
}

/** Clicks on a control inside a row (a status list, a link) act on the control, not open the row. */
export function isInsideControl(target: EventTarget | null, row: Element): boolean {
  let node = target instanceof Element ? target : null;
  while (node && node !== row) {
    if (node.matches('a, button, input, select, textarea, label')) return true;
    node = node.parentElement;
  }
  return false;
}
