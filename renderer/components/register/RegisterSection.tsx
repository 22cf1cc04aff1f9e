import { Button } from '../ui/Button';
import type { ReactNode } from 'react';
import type { RegisterField, RegisterName, RegisterValues } from '../../../shared/api/registers';
import type { Column } from './columns';
import type { RowValues } from './draft';
import type { FieldSpec } from './field-spec';
import { RegisterDrawer } from './RegisterDrawer';
import { RegisterTable, type RegisterTableProps } from './RegisterTable';
import type { Editor } from './use-editor';

export interface RegisterSectionProps<R extends RegisterName, Row extends RowValues & { id: string }> {
  register: R;
  /** "risk" / "risks": the record in the users' words. */
  noun: string;
  nounPlural: string;
  heading: string;
  /** A line under the heading on what the register is for. */
  lead?: string;
  cycleId: string;
  /** Every row of the register (the editor finds its record here), or those read so far (see `reading`). */
  rows: readonly Row[];
  /** How many rows the register holds, when `rows` may not hold them all yet; defaults to rows.length. */
  total?: number;
  /** The rest of the rows are still being read (a paged register): counts and filter results are not final. */
  reading?: boolean;
  /** The rows the table shows, when filters narrow it; defaults to all. */
  shownRows?: readonly Row[];
  reload: () => void;
  columns: readonly Column<Row>[];
  fields: readonly FieldSpec<RegisterField<R>>[];
  /** A new record's starting values (beyond any the screen passes to editor.openNew). */
  defaults: RegisterValues<R>;
  describe: (values: RowValues) => string;
  /** What to do when the register is empty, in words (the Add button is beside it). */
  emptyText: string;
  editor: Editor;
  /** Filters, a chart: whatever sits between the heading and the table. */
  toolbar?: ReactNode;
  /** More ways to add rows, beside "Add" (e.g. paste rows from Excel). */
  actions?: ReactNode;
  /** Another view of the shown rows (e.g. a timeline) drawn instead of the table. */
  view?: ReactNode;
  /** Shown under a saved record's form, e.g. its contact people. */
  editorExtra?: (row: Row) => ReactNode;
  /** Shown above a saved record's form, e.g. an indicator's targets and actuals. */
  editorLead?: (row: Row) => ReactNode;
  table?: Pick<RegisterTableProps<Row>, 'virtualFrom' | 'rowHeight' | 'rowProps'>;
  headingLevel?: 2 | 3;
  /** Set when a chart elsewhere on the screen already shows this register. */
  id?: string;
}

/**
 * The pattern every register screen reuses: a heading with "Add", the table, and the editor in a
 * drawer over the right of the screen. Saving reloads the rows and marks the one saved.
 */
export function RegisterSection<R extends RegisterName, Row extends RowValues & { id: string }>(props: RegisterSectionProps<R, Row>) {
  const { editor, rows, noun } = props;
  const shown = props.shownRows ?? rows;
  const target = editor.target;
  const editing = target?.mode === 'edit' ? (rows.find((row) => row.id === target.id) ?? null) : null;
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  const headingId = `${props.register}-heading`;

  return (
    <section className="section" aria-labelledby={headingId} id={props.id} aria-busy={props.reading ? true : undefined}>
      <div className="section__head">
        <Heading id={headingId}>
          {props.heading} <span className="count">{(props.total ?? rows.length).toLocaleString('en-KE')}</span>
        </Heading>
        <div className="section__actions">
          {props.actions}
          <Button kind="primary" size="small" onClick={() => editor.openNew()}>
            + Add {noun}
          </Button>
        </div>
      </div>
      {props.lead ? <p className="section__lead">{props.lead}</p> : null}
      {props.toolbar}
      {rows.length === 0 ? (
        <p className="empty">{props.emptyText}</p>
      ) : shown.length === 0 ? (
        <p className="empty">
          {props.reading
            ? `No ${props.nounPlural} read so far match these filters; still reading the rest…`
            : `No ${props.nounPlural} match these filters. Clear a filter to see more.`}
        </p>
      ) : props.view ? (
        props.view
      ) : (
        <RegisterTable
          label={props.heading}
          rows={shown}
          columns={props.columns}
          onOpen={(row) => editor.openRow(row.id)}
          selectedId={editing?.id ?? null}
          savedId={editor.savedId}
          {...props.table}
          // While the rest are read, the first page is drawn as the whole list will be, so no row changes height when they arrive.
          virtualFrom={props.reading ? 0 : props.table?.virtualFrom}
        />
      )}
      <RegisterDrawer
        register={props.register}
        noun={noun}
        cycleId={props.cycleId}
        rows={rows}
        fields={props.fields}
        defaults={props.defaults}
        describe={props.describe}
        editor={editor}
        reload={props.reload}
        editorExtra={props.editorExtra}
        editorLead={props.editorLead}
      />
    </section>
  );
}
