import type { RegisterDto, RegisterField, RegisterName } from '../../../shared/api/registers';
import type { LeftOut } from '../register-columns';
import type { CellValue, Column } from './blocks';

/** One column of a register's table in a document: the field it shows, or one worked out from other rows. */
export interface RegisterTableColumn<R extends RegisterName, K extends RegisterField<R>> extends Column {
  field?: K;
  cell: (row: RegisterDto<R>) => CellValue;
}

/**
 * A register printed as a table, accounting for every field of its schema: each column names the
 * field it shows, and the fields left out are listed with the reason (see LeftOut).
 */
export function registerTable<R extends RegisterName, const K extends RegisterField<R>>(
  _register: R,
  columns: readonly RegisterTableColumn<R, K>[],
  _leftOut: LeftOut<R, NoInfer<K>>,
): { columns: Column[]; row: (row: RegisterDto<R>) => CellValue[] } {
  return {
    columns: columns.map(({ header, weight, align }) => ({ header, weight, align })),
    row: (row) => columns.map((column) => column.cell(row)),
  };
}
