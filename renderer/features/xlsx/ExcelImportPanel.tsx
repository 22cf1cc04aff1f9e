import { useState } from 'react';
import type { ImportPreviewDto, ImportSummaryDto } from '../../../shared/api/methods/xlsx';
import type { CycleDto } from '../../../shared/api/schemas/cycle';
import type { ApiError } from '../../../shared/result';
import { api } from '../../api/api';
import { ErrorPanel } from '../../components/Status';
import { ImportPreviewTables } from './ImportPreviewTables';
import { fileToBase64 } from '../../components/files';
import { runXlsxJob } from './xlsx-jobs';

type State =
  | { kind: 'idle' }
  | { kind: 'reading'; fileName: string }
  | { kind: 'preview'; fileName: string; base64: string; preview: ImportPreviewDto }
  | { kind: 'applying'; fileName: string; base64: string; preview: ImportPreviewDto }
  | { kind: 'applied'; summary: ImportSummaryDto }
  | { kind: 'failed'; error: ApiError };

const unexpected: ApiError = { code: 'internal', message: 'Pamoja JWP answered with something other than an import result.' };

/**
 * A returned partner template: pick the file, see every addition, change and error, then apply.
 * Nothing is written before Apply; a file with errors is applied only if the valid rows alone are chosen.
 */
export function ExcelImportPanel({ cycle, onApplied }: { cycle: CycleDto; onApplied?: () => void }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [validOnly, setValidOnly] = useState(false);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setValidOnly(false);
    setState({ kind: 'reading', fileName: file.name });
    const base64 = await fileToBase64(file);
    const result = await runXlsxJob(api('xlsx:importPreview', { cycleId: cycle.id, fileName: file.name, base64 }), api);
    if (!result.ok) return setState({ kind: 'failed', error: result.error });
    if (result.value.kind !== 'preview') return setState({ kind: 'failed', error: unexpected });
    setState({ kind: 'preview', fileName: file.name, base64, preview: result.value.preview });
  };

  const apply = async () => {
    if (state.kind !== 'preview') return;
    setState({ ...state, kind: 'applying' });
    const input = { cycleId: cycle.id, fileName: state.fileName, base64: state.base64, applyValidOnly: validOnly, expectedDigest: state.preview.digest };
    const result = await runXlsxJob(api('xlsx:importApply', input), api);
    if (!result.ok) return setState({ kind: 'failed', error: result.error });
    if (result.value.kind !== 'apply') return setState({ kind: 'failed', error: unexpected });
    setState({ kind: 'applied', summary: result.value.summary });
    if (result.value.summary.applied) onApplied?.();
  };

  const preview = state.kind === 'preview' || state.kind === 'applying' ? state.preview : null;
  const nothingToDo = preview !== null && preview.adds.length + preview.changes.length === 0;
  const blocked = preview !== null && preview.errors.length > 0 && !validOnly;

  return (
    <section className="section" aria-labelledby="excel-import-heading">
      <h2 id="excel-import-heading">Import a returned partner template</h2>
      <p className="muted">Pamoja JWP shows what the file would add and change, and any rows it cannot accept, before anything is saved.</p>
      <label className="field">
        <span>Workbook (.xlsx)</span>
        <input
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={state.kind === 'reading' || state.kind === 'applying'}
          onChange={(event) => void pick(event.target.files?.[0])}
        />
      </label>
      <div role="status" aria-live="polite">
        {state.kind === 'reading' ? <p>Reading {state.fileName}…</p> : null}
        {state.kind === 'applied' ? (
          <p>
            {state.summary.applied
              ? `Saved: ${state.summary.added} added, ${state.summary.changed} changed${state.summary.rowsWithErrors ? `; ${state.summary.rowsWithErrors} rows with errors left out` : ''}.`
              : 'Nothing was saved.'}
          </p>
        ) : null}
      </div>
      {state.kind === 'failed' ? <ErrorPanel title="The workbook could not be imported." error={state.error} /> : null}
      {preview ? (
        <>
          <p>
            {preview.fileName}: the template of {preview.organisationName} for “{preview.cycleTitle}”. {preview.adds.length} to add, {preview.changes.length} to
            change, {preview.unchanged} unchanged, {preview.errors.length} {preview.errors.length === 1 ? 'error' : 'errors'}.
          </p>
          <ImportPreviewTables preview={preview} />
          {preview.errors.length > 0 && !nothingToDo ? (
            <label>
              <input type="checkbox" checked={validOnly} onChange={(event) => setValidOnly(event.target.checked)} /> Save the valid rows only, leaving out the
              rows with errors
            </label>
          ) : null}
          <p>
            <button
              type="button"
              className="button button--primary"
              disabled={state.kind === 'applying' || nothingToDo || blocked}
              onClick={() => void apply()}
            >
              {state.kind === 'applying' ? 'Saving…' : 'Apply'}
            </button>{' '}
            {nothingToDo ? <span className="muted">Nothing to import: every row is as in the plan.</span> : null}
            {blocked && !nothingToDo ? (
              <span className="muted">Fix the errors in the file and pick it again, or choose to save the valid rows only.</span>
            ) : null}
          </p>
        </>
      ) : null}
    </section>
  );
}
