import { Field } from '../../components/form/Field';
import { Button } from '../../components/ui/Button';
import { useState } from 'react';
import { docxDocumentLabels, docxDocuments, type DocxDocument } from '../../../shared/api/methods/docx-export';
import type { CycleDto } from '../../../shared/api/schemas/cycle';
import { reportingPeriods } from '../../../shared/reporting-periods';
import type { ApiError } from '../../../shared/result';
import { api } from '../../api/api';
import { ErrorPanel } from '../../components/Status';
import { saveDownload } from '../../components/files';
import { produceWordDocument } from './word-export';

const DESCRIPTIONS: Record<DocxDocument, string> = {
  plan: 'The consolidated plan, sections 1–9 of the manual’s template, ready to print and sign.',
  budget: 'The budget template: every component with the county’s and each partner’s contribution.',
  'me-report': 'Indicators against targets, activity progress and money disbursed for one reporting period.',
  'approval-pack': 'Cover memo, one page of summary tables and the signature page for the County Executive Committee.',
};

type State =
  { kind: 'idle' } | { kind: 'working'; doc: DocxDocument } | { kind: 'saved'; fileName: string; fingerprint: string } | { kind: 'failed'; error: ApiError };

/** The four Word deliverables of a cycle, each one button; the M&E report for a chosen period. */
export function WordExportPanel({ cycle }: { cycle: CycleDto }) {
  const periods = reportingPeriods(cycle);
  const [period, setPeriod] = useState<string>('');
  const [state, setState] = useState<State>({ kind: 'idle' });

  const produce = async (doc: DocxDocument) => {
    setState({ kind: 'working', doc });
    const result = await produceWordDocument(api, { cycleId: cycle.id, doc, period: doc === 'me-report' && period ? period : undefined });
    if (!result.ok) {
      setState({ kind: 'failed', error: result.error });
      return;
    }
    saveDownload(result.value);
    setState({ kind: 'saved', fileName: result.value.fileName, fingerprint: result.value.fingerprint });
  };

  return (
    <section className="section" aria-labelledby="word-export-heading">
      <h2 id="word-export-heading">Word documents</h2>
      <p className="muted">Printed from the data as it is now: each page carries the content fingerprint, so a signed copy can be matched to the data later.</p>
      <ul className="export-list">
        {docxDocuments.map((doc) => (
          <li key={doc} className="export-list__item">
            <Button disabled={state.kind === 'working'} onClick={() => void produce(doc)}>
              {state.kind === 'working' && state.doc === doc ? 'Producing…' : docxDocumentLabels[doc]}
            </Button>{' '}
            <span className="muted">{DESCRIPTIONS[doc]}</span>
            {doc === 'me-report' ? (
              <Field label="Reporting period">
                {(control) => (
                  <select {...control} value={period} onChange={(event) => setPeriod(event.target.value)}>
                    <option value="">Latest reported</option>
                    {periods.map((p) => (
                      <option key={p.key} value={p.key}>
                        {p.label}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ) : null}
          </li>
        ))}
      </ul>
      <div role="status" aria-live="polite">
        {state.kind === 'saved' ? (
          <p>
            Saved {state.fileName} (content fingerprint {state.fingerprint}).
          </p>
        ) : null}
      </div>
      {state.kind === 'failed' ? <ErrorPanel title="The document could not be produced." error={state.error} /> : null}
    </section>
  );
}
