import { useState } from 'react';
import type { WorkbookApplyResultDto } from '../../../shared/api/methods/xlsx';
import type { WorkbookPreviewDto } from '../../../shared/api/methods/workbook-import';
import type { CycleDto } from '../../../shared/api/schemas/cycle';
import type { ApiError } from '../../../shared/result';
import { api } from '../../api/api';
import { fileToBase64, saveDownload } from '../../components/files';
import { ErrorPanel } from '../../components/Status';
import { WorkbookPreview } from './WorkbookPreview';
import { runXlsxJob } from './xlsx-jobs';

type State =
  | { kind: 'idle' }
  | { kind: 'reading'; fileName: string }
  | { kind: 'preview'; fileName: string; base64: string; preview: WorkbookPreviewDto }
  | { kind: 'applying'; fileName: string; base64: string; preview: WorkbookPreviewDto }
  | { kind: 'applied'; result: WorkbookApplyResultDto }
  | { kind: 'failed'; error: ApiError };

const unexpected: ApiError = { code: 'internal', message: 'Pamoja JWP answered with something other than a workbook import.' };

/**
 * A whole cycle from its workbook: into the cycle open (`cycle`), or as a new cycle (`cycle` null).
 * Pick the file, read the preview, then apply; nothing is written before Apply.
 */
export function WorkbookImportPanel({ cycle, heading, onApplied }: { cycle: CycleDto | null; heading: string; onApplied?: (cycleId: string) => void }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [validOnly, setValidOnly] = useState(false);
  const target = cycle ? { cycleId: cycle.id, createNew: false } : { createNew: true };
  const id = cycle ? 'workbook-update' : 'workbook-start';

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setValidOnly(false);
    setState({ kind: 'reading', fileName: file.name });
    const base64 = await fileToBase64(file);
    const result = await runXlsxJob(api('xlsx:workbookPreview', { ...target, fileName: file.name, base64 }), api);
    if (!result.ok) return setState({ kind: 'failed', error: result.error });
    if (result.value.kind !== 'workbookPreview') return setState({ kind: 'failed', error: unexpected });
    setState({ kind: 'preview', fileName: file.name, base64, preview: result.value.preview });
  };

  const apply = async () => {
    if (state.kind !== 'preview') return;
    setState({ ...state, kind: 'applying' });
    const result = await runXlsxJob(api('xlsx:workbookApply', { ...target, fileName: state.fileName, base64: state.base64, applyValidOnly: validOnly }), api);
    if (!result.ok) return setState({ kind: 'failed', error: result.error });
    if (result.value.kind !== 'workbookApply') return setState({ kind: 'failed', error: unexpected });
    const applied = result.value.result;
    setState({ kind: 'applied', result: applied });
    if (applied.applied && applied.cycleId) onApplied?.(applied.cycleId);
  };

  const preview = state.kind === 'preview' || state.kind === 'applying' ? state.preview : null;
  const blocked = preview !== null && preview.problems.length > 0 && !validOnly;
  const nothing = preview?.nothingToChange === true;

  return (
    <section className="section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <p className="muted">
        {cycle
          ? 'The cycle workbook, edited in Excel or LibreOffice: rows added, changed or deleted. You see every change and every problem before anything is saved; the import can be undone from the import history.'
          : 'Last year’s plan or this year’s draft, in the cycle workbook (or a blank one filled in): the whole cycle is created in one step, after you have seen what it holds.'}
      </p>
      <label className="field">
        <span>Cycle workbook (.xlsx)</span>
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
          <p>{state.result.applied ? 'Saved. A backup was taken first; undo it from the import history.' : 'Nothing was saved.'}</p>
        ) : null}
      </div>
      {state.kind === 'applied' && state.result.rejected ? (
        <p>
          The rows with problems were left out.{' '}
          <button type="button" className="button" onClick={() => state.result.rejected && saveDownload(state.result.rejected)}>
            Download the rows to fix
          </button>{' '}
          <span className="muted">Fix them in that workbook and import it here again.</span>
        </p>
      ) : null}
      {state.kind === 'failed' ? <ErrorPanel title="The workbook could not be imported." error={state.error} /> : null}
      {preview ? (
        <>
          <WorkbookPreview preview={preview} />
          {preview.problems.length > 0 && !nothing ? (
            <label>
              <input type="checkbox" checked={validOnly} onChange={(event) => setValidOnly(event.target.checked)} /> Save the valid rows only, and give me the
              others back as a workbook to fix
            </label>
          ) : null}
          <p>
            <button type="button" className="button button--primary" disabled={state.kind === 'applying' || nothing || blocked} onClick={() => void apply()}>
              {state.kind === 'applying' ? 'Saving…' : cycle ? 'Apply the changes' : 'Create the cycle'}
            </button>{' '}
            {nothing ? <span className="muted">Nothing to change: the plan is already as in this workbook.</span> : null}
            {blocked && !nothing ? <span className="muted">Fix the problems in the file and pick it again, or choose to save the valid rows only.</span> : null}
          </p>
        </>
      ) : null}
    </section>
  );
}
