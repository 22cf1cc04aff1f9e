import { Button } from '../ui/Button';
import { useEffect, useId, useState, type ReactNode } from 'react';
import type { RegisterField, RegisterName, RegisterValues } from '../../../shared/api/registers';
import { createRow, deleteRow, idOfSaved, serverProblems, updateRow } from '../../api/register-api';
import { ConfirmDialog } from '../ConfirmDialog';
import { Drawer } from '../Drawer';
import { dateHint } from '../form/date-hint';
import { Field } from '../form/Field';
import { Form } from '../form/Form';
import { SubmitButton } from '../form/SubmitButton';
import { formErrors } from '../form/form-errors';
import { useSubmit } from '../form/use-submit';
import { showNotice } from '../notices';
import { noticeWithUndo } from '../undo';
import { confirmDiscard, setUnsaved } from '../unsaved-changes';
import { auditRoute, hrefFor } from '../../routing/routes';
import { draftProblems } from './check-draft';
import { changedValues, draftOf, isDraftChanged, readDraft, type RowValues } from './draft';
import { fieldKeys, type Draft, type DraftValue, type FieldSpec } from './field-spec';
import { FieldControl } from './FieldControl';

export interface RegisterEditorProps<R extends RegisterName> {
  /** The drawer's heading. */
  title: string;
  register: R;
  /** The record's kind in the users' words, e.g. "risk". */
  noun: string;
  cycleId: string;
  fields: readonly FieldSpec<RegisterField<R>>[];
  /** The saved record, or null to add a new one. */
  row: (RowValues & { id: string }) | null;
  /** A new record's starting values. */
  defaults: RegisterValues<R>;
  /** The record named in messages, e.g. "R3 Drought delays works". */
  describe: (values: RowValues) => string;
  onSaved: (id: string) => void;
  onDeleted: () => void;
  onClose: () => void;
  /** Shown above the form, e.g. an indicator's targets and actuals. */
  lead?: ReactNode;
  /** Shown under the form, e.g. an organisation's contact people. */
  children?: ReactNode;
}

/** One form for any register: Enter saves, Esc cancels, unsaved changes are guarded, delete asks first. */
export function RegisterEditor<R extends RegisterName>({
  title,
  register,
  noun,
  cycleId,
  fields,
  row,
  defaults,
  describe,
  onSaved,
  onDeleted,
  onClose,
  lead,
  children,
}: RegisterEditorProps<R>) {
  const [start] = useState<Draft>(() => draftOf(fields, row ?? defaults));
  const [draft, setDraft] = useState<Draft>(start);
  const [deleting, setDeleting] = useState(false);
  const form = useSubmit(fieldKeys(fields));
  const changed = isDraftChanged(start, draft);
  const guardKey = useId();

  useEffect(() => {
    setUnsaved(guardKey, changed);
    return () => setUnsaved(guardKey, false);
  }, [guardKey, changed]);

  const set = (key: string, value: DraftValue) => setDraft((previous) => ({ ...previous, [key]: value }));

  const save = async () => {
    const read = readDraft(fields, draft);
    const changes = row ? changedValues(fields, row, read.value) : read.value;
    const own = draftProblems(register, read.ok ? { ok: true, value: changes } : { ...read, value: changes }, row ? { id: row.id } : { cycleId });
    if (own.length > 0 || !read.ok) {
      // The form's own findings first; the rules only the database can judge join them in the same round.
      const blamed = new Set(own.map((problem) => problem.field.split('.')[0]));
      const more = (await serverProblems(register, row ? { cycleId, id: row.id } : { cycleId }, changes)).filter(
        (problem) => !blamed.has(problem.field.split('.')[0]),
      );
      const problems = [...own, ...more];
      const [first] = problems;
      form.showErrors(formErrors({ code: 'invalid_input', message: first?.message ?? '', problems }, fieldKeys(fields)));
      return;
    }
    if (row && Object.keys(changes).length === 0) {
      showNotice(`Nothing to save: no field of the ${noun} was changed.`);
      onClose();
      return;
    }
    const saved = await form.submit(() => (row ? updateRow(register, row.id, changes) : createRow(register, cycleId, read.value)));
    if (saved === null) return;
    setUnsaved(guardKey, false);
    const savedId = idOfSaved(saved) || (row?.id ?? '');
    void noticeWithUndo(`Saved: the ${noun} “${describe({ ...(row ?? defaults), ...read.value })}”${row ? '' : ' was added'}.`, savedId);
    onSaved(savedId);
  };

  const cancel = () => {
    if (changed && !confirmDiscard()) return;
    setUnsaved(guardKey, false);
    onClose();
  };

  const remove = async (): Promise<string | null> => {
    if (!row) return null;
    const result = await deleteRow(register, row.id);
    if (!result.ok) return result.error.message;
    setUnsaved(guardKey, false);
    void noticeWithUndo(`Deleted: the ${noun} “${describe(row)}”.`, row.id);
    onDeleted();
    return null;
  };

  const errors = form.errors.byField;
  return (
    <Drawer title={title} onClose={cancel}>
      {lead}
      <Form
        label={row ? `Edit ${noun}` : `Add a ${noun}`}
        className="form--grid editor"
        errors={form.errors}
        busy={form.busy}
        onSubmit={() => void save()}
        onCancel={cancel}
      >
        {fields.map((field) => (
          <Field
            key={field.key}
            name={field.key}
            label={field.label}
            hint={field.kind === 'date' ? dateHint(typeof draft[field.key] === 'string' ? String(draft[field.key]) : '', field.hint) : field.hint}
            error={errors[field.key]}
            wide={field.wide ?? (field.kind === 'textarea' || field.kind === 'multi')}
          >
            {(control) => <FieldControl field={field} control={control} value={draft[field.key]} onChange={(value) => set(field.key, value)} />}
          </Field>
        ))}
        <div className="form__actions editor__actions field--wide">
          <SubmitButton busy={form.busy} label={row ? 'Save changes' : `Add ${noun}`} busyLabel="Saving…" />
          <Button kind="quiet" onClick={cancel}>
            Cancel
          </Button>
          <span className={changed ? 'editor__state editor__state--unsaved' : 'editor__state'} aria-live="polite">
            {changed ? 'Unsaved changes' : row ? 'No unsaved changes' : ''}
          </span>
          {row ? (
            <Button kind="danger-quiet" onClick={() => setDeleting(true)}>
              Delete…
            </Button>
          ) : null}
        </div>
        <p className="form__keys field--wide">Enter saves · Esc cancels · Ctrl+Enter saves from a text box</p>
      </Form>
      {children}
      {row ? (
        <p className="editor__history">
          <a href={hrefFor(auditRoute({ cycleId, rowId: row.id }))}>History of this {noun} in the audit log</a>
        </p>
      ) : null}
      {deleting && row ? (
        <ConfirmDialog
          title={`Delete this ${noun}?`}
          message={`“${describe(row)}” will be deleted. Records that refer to it must be changed first. Undo in the notice, or Restore in the audit log, brings it back.`}
          confirmLabel={`Delete ${noun}`}
          busyLabel="Deleting…"
          danger
          onConfirm={remove}
          onCancel={() => setDeleting(false)}
        />
      ) : null}
    </Drawer>
  );
}
