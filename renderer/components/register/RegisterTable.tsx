import type { KeyboardEvent, MouseEvent, ReactNode } from 'react';
import { useVirtualRows } from '../virtual-rows';
import { isInsideControl, type Column } from './columns';

export interface RegisterTableProps<Row extends { id: string }> {
  /** The table's accessible name, e.g. "Risk register". */
  label: string;
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  /** Opens a row (click, or Enter on a focused row). */
  onOpen: (row: Row) => void;
  /** The row open in the editor, and the row saved last (briefly marked). */
  selectedId?: string | null;
  savedId?: string | null;
  /** Above this many rows, only the rows in view are drawn (one line per row). */
  virtualFrom?: number;
  rowHeight?: number;
  /** Extra attributes per row, e.g. data-activity-row for tests and styling. */
  rowProps?: (row: Row) => Record<string, string>;
}

const VIRTUAL_FROM = 150;

/** A register's rows as a table; each row opens its record. Long lists draw only what is in view. */
export function RegisterTable<Row extends { id: string }>(props: RegisterTableProps<Row>) {
  const virtual = props.rows.length > (props.virtualFrom ?? VIRTUAL_FROM);
  return virtual ? <VirtualTable {...props} /> : <PlainTable {...props} />;
}

function Head<Row>({ columns }: { columns: readonly Column<Row>[] }) {
  return (
    <>
      <colgroup>
        {columns.map((column) => (
          <col key={column.key} style={column.width ? { width: column.width } : undefined} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.key} scope="col" className={column.className}>
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
    </>
  );
}

function TableRow<R extends { id: string }>({ row, props }: { row: R; props: RegisterTableProps<R> }): ReactNode {
  const open = (event: MouseEvent<HTMLTableRowElement>) => {
    if (!isInsideControl(event.target, event.currentTarget)) props.onOpen(row);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>) => {
    if (event.key === 'Enter' && event.target === event.currentTarget) props.onOpen(row);
  };
  const className = ['row--open', row.id === props.selectedId ? 'row--selected' : '', row.id === props.savedId ? 'row--saved' : ''].filter(Boolean).join(' ');
  return (
    <tr tabIndex={0} className={className} aria-selected={row.id === props.selectedId} onClick={open} onKeyDown={onKeyDown} {...props.rowProps?.(row)}>
      {props.columns.map((column) => (
        <td key={column.key} className={column.className} title={column.title?.(row)}>
          {column.render(row)}
        </td>
      ))}
    </tr>
  );
}

function PlainTable<R extends { id: string }>(props: RegisterTableProps<R>) {
  return (
    <div className="table-frame">
      <table className="table table--fixed table--register" aria-label={props.label}>
        <Head columns={props.columns} />
        <tbody>
          {props.rows.map((row) => (
            <TableRow key={row.id} row={row} props={props} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function VirtualTable<R extends { id: string }>(props: RegisterTableProps<R>) {
  const rowHeight = props.rowHeight ?? 40;
  const { ref: boxRef, onScroll, ...view } = useVirtualRows(props.rows.length, rowHeight);
  const span = props.columns.length;
  return (
    <div ref={boxRef} className="table-frame table-frame--scroll" onScroll={onScroll}>
      <table className="table table--fixed table--register table--virtual" aria-label={props.label} aria-rowcount={props.rows.length + 1}>
        <Head columns={props.columns} />
        <tbody style={{ ['--row-height' as string]: `${rowHeight}px` }}>
          {view.padTop > 0 ? (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={span} style={{ height: view.padTop }} />
            </tr>
          ) : null}
          {props.rows.slice(view.first, view.last).map((row) => (
            <TableRow key={row.id} row={row} props={props} />
          ))}
          {view.padBottom > 0 ? (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={span} style={{ height: view.padBottom }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
