import type { ReactNode } from 'react';

export interface DataTableProps {
  /** What the table lists, for a screen reader ("Backups", "Bundles imported"); left out where its <caption> says it. */
  label?: string;
  /** Tighter rows, for figures beside a chart or inside a panel. */
  compact?: boolean;
  /** Columns of set widths (given by col-- classes on the headers) instead of widths from the content. */
  fixed?: boolean;
  /** A screen's own layout on top of the shared look (e.g. the analysis matrix's frozen first column). */
  className?: string;
  /** The table's <thead>, <tbody> and <tfoot>. */
  children: ReactNode;
}

/**
 * Every table that is not a register (RegisterTable draws those): one border, header, row hover,
 * number alignment and label, so a table on Backups reads like one on Analysis.
 */
export function DataTable({ label, compact = false, fixed = false, className, children }: DataTableProps) {
  const classes = ['table', compact ? 'table--compact' : '', fixed ? 'table--fixed' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <table className={classes} aria-label={label}>
      {children}
    </table>
  );
}
