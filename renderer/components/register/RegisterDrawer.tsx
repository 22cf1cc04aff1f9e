import type { ReactNode } from 'react';
import type { RegisterField, RegisterName, RegisterValues } from '../../../shared/api/registers';
import type { RowValues } from './draft';
import type { FieldSpec } from './field-spec';
import { RegisterEditor } from './RegisterEditor';
import type { Editor } from './use-editor';

export interface RegisterDrawerProps<R extends RegisterName, Row extends RowValues & { id: string }> {
  register: R;
  noun: string;
  cycleId: string;
  /** The register's rows: the open record is found here (a record deleted meanwhile closes). */
  rows: readonly Row[];
  fields: readonly FieldSpec<RegisterField<R>>[];
  defaults: RegisterValues<R>;
  describe: (values: RowValues) => string;
  editor: Editor;
  reload: () => void;
  editorExtra?: (row: Row) => ReactNode;
  editorLead?: (row: Row) => ReactNode;
}

/** The open record's editor, for screens that list a register their own way (the budget grid). */
export function RegisterDrawer<R extends RegisterName, Row extends RowValues & { id: string }>(props: RegisterDrawerProps<R, Row>) {
  const { editor, noun } = props;
  const target = editor.target;
  const editing = target?.mode === 'edit' ? (props.rows.find((row) => row.id === target.id) ?? null) : null;
  if (!target || (target.mode === 'edit' && !editing)) return null;

  const afterChange = (id: string | null) => {
    if (id) editor.saved(id);
    else editor.close();
    props.reload();
  };

  return (
    <RegisterEditor
      key={editing ? editing.id : 'new'}
      title={editing ? `${capitalise(noun)}: ${props.describe(editing)}` : `New ${noun}`}
      register={props.register}
      noun={noun}
      cycleId={props.cycleId}
      fields={props.fields}
      row={editing}
      defaults={{ ...props.defaults, ...(target.mode === 'new' ? target.defaults : {}) }}
      describe={props.describe}
      onSaved={afterChange}
      onDeleted={() => afterChange(null)}
      onClose={editor.close}
      lead={editing && props.editorLead ? props.editorLead(editing) : null}
    >
      {editing && props.editorExtra ? props.editorExtra(editing) : null}
    </RegisterEditor>
  );
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
