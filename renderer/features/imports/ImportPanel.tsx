import { Field } from '../../components/form/Field';
import { Toggle } from '../../components/ui/Toggle';
import { Button } from '../../components/ui/Button';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { ApiError, Result } from '../../../shared/result';
import { fileToBase64 } from '../../components/files';
import { ErrorPanel } from '../../components/Status';
import { ImportPreview } from './ImportPreview';
import type { ImportPreviewModel } from './preview-model';

/** What an apply did, in words, and anything the officer can do next (download the rows to fix…). */
export interface ImportOutcome {
  applied: boolean;
  message: string;
  next?: ReactNode;
}

/** One way rows come in: how they are previewed and applied, and the words of its buttons. */
export interface ImportKind<S> {
  preview: (source: S) => Promise<Result<ImportPreviewModel>>;
  apply: (source: S, options: { validOnly: boolean; preview: ImportPreviewModel }) => Promise<Result<ImportOutcome>>;
  applyLabel: string;
  /** The checkbox that lets the valid rows go in without the others. */
  validOnlyLabel: string;
  /** Said beside a disabled Apply while rows have problems. */
  fixHint: string;
  /** Said when the rows would change nothing. */
  nothingHint: string;
}

type State<S> =
  | { kind: 'idle' }
  | { kind: 'reading'; name: string }
  | { kind: 'preview'; source: S; preview: ImportPreviewModel }
  | { kind: 'applying'; source: S; preview: ImportPreviewModel }
  | { kind: 'applied'; outcome: ImportOutcome }
  | { kind: 'failed'; error: ApiError };

export interface ImportPanelProps<S> {
  /** Names the region; with `heading` it is the section's heading, inside a drawer its label. */
  label: string;
  heading?: boolean;
  lead?: ReactNode;
  kind: ImportKind<S>;
  /** Where the rows come from (a file picker, the paste box): calls `read` with them. */
  input: (read: (source: S, name: string) => void, busy: boolean) => ReactNode;
  /** A Cancel button beside Apply (in a drawer, it closes it). */
  onCancel?: () => void;
  /** Rows to read as soon as the panel opens (rows pasted on the screen itself). */
  start?: { source: S; name: string };
}

/**
 * The one import flow: read the rows, see every addition, change, removal and problem, then apply,
 * or cancel. Nothing is written before Apply; rows with problems go in only if the officer chose
 * the valid rows alone. Used by the partner template, the cycle workbook and rows pasted from Excel.
 */
export function ImportPanel<S>({ label, heading = true, lead, kind, input, onCancel, start }: ImportPanelProps<S>) {
  const [state, setState] = useState<State<S>>({ kind: 'idle' });
  const [validOnly, setValidOnly] = useState(false);
  const id = label.toLowerCase().replace(/[^a-z0-9]+/g, '-');

  const read = async (source: S, name: string) => {
    setValidOnly(false);
    setState({ kind: 'reading', name });
    const result = await kind.preview(source);
    setState(result.ok ? { kind: 'preview', source, preview: result.value } : { kind: 'failed', error: result.error });
  };

  // Once, on opening: the rows were given with the panel.
  const started = useRef(false);
  useEffect(() => {
    if (started.current || !start) return;
    started.current = true;
    void read(start.source, start.name);
  });

  const apply = async () => {
    if (state.kind !== 'preview') return;
    setState({ ...state, kind: 'applying' });
    const result = await kind.apply(state.source, { validOnly, preview: state.preview });
    setState(result.ok ? { kind: 'applied', outcome: result.value } : { kind: 'failed', error: result.error });
  };

  const preview = state.kind === 'preview' || state.kind === 'applying' ? state.preview : null;
  const nothing = preview?.nothingToChange === true;
  const blocked = preview !== null && preview.problems.length > 0 && !validOnly;
  const busy = state.kind === 'reading' || state.kind === 'applying';

  return (
    <section className="section import-panel" {...(heading ? { 'aria-labelledby': `${id}-heading` } : { 'aria-label': label })}>
      {heading ? <h2 id={`${id}-heading`}>{label}</h2> : null}
      {lead ? <p className="muted">{lead}</p> : null}
      {input((source, name) => void read(source, name), busy)}
      <div role="status" aria-live="polite">
        {state.kind === 'reading' ? <p>Reading {state.name}…</p> : null}
        {state.kind === 'applied' ? <p>{state.outcome.message}</p> : null}
      </div>
      {state.kind === 'applied' ? state.outcome.next : null}
      {state.kind === 'failed' ? <ErrorPanel title="The rows could not be imported." error={state.error} /> : null}
      {preview ? (
        <>
          <ImportPreview preview={preview} />
          {preview.problems.length > 0 && !nothing ? (
            <Toggle className="check" checked={validOnly} onChange={setValidOnly} label={kind.validOnlyLabel} />
          ) : null}
          <p className="button-row">
            <Button kind="primary" disabled={state.kind === 'applying' || nothing || blocked} onClick={() => void apply()}>
              {state.kind === 'applying' ? 'Saving…' : kind.applyLabel}
            </Button>
            {onCancel ? (
              <Button disabled={state.kind === 'applying'} onClick={onCancel}>
                Cancel
              </Button>
            ) : null}
            {nothing ? <span className="muted">{kind.nothingHint}</span> : null}
            {blocked && !nothing ? <span className="muted">{kind.fixHint}</span> : null}
          </p>
        </>
      ) : null}
    </section>
  );
}

export interface PickedWorkbook {
  fileName: string;
  base64: string;
}

const XLSX_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The input of a workbook import: a file picker whose file goes to the API as base64. */
export function workbookPicker(label: string): ImportPanelProps<PickedWorkbook>['input'] {
  function WorkbookPicker(read: (source: PickedWorkbook, name: string) => void, busy: boolean) {
    return (
      <Field label={label}>
        {(control) => (
          <input
            {...control}
            type="file"
            accept={XLSX_ACCEPT}
            disabled={busy}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void fileToBase64(file).then((base64) => read({ fileName: file.name, base64 }, file.name));
            }}
          />
        )}
      </Field>
    );
  }
  return WorkbookPicker;
}
