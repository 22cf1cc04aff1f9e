import { Field } from '../../components/form/Field';
import { Button } from '../../components/ui/Button';
import { useState } from 'react';
import type { XlsxDoc } from '../../../shared/api/methods/xlsx';
import type { CycleDto } from '../../../shared/api/schemas/cycle';
import type { ApiError } from '../../../shared/result';
import { api } from '../../api/api';
import { useApiQuery } from '../../api/use-api-query';
import { ErrorPanel } from '../../components/Status';
import { saveDownload } from '../../components/files';
import { runXlsxJob } from './xlsx-jobs';

type State = { kind: 'idle' } | { kind: 'working'; doc: XlsxDoc } | { kind: 'saved'; fileName: string } | { kind: 'failed'; error: ApiError };

/** The cycle workbook for finance and M&E officers, and a fill-in template for one partner. */
export function ExcelExportPanel({ cycle }: { cycle: CycleDto }) {
  const organisations = useApiQuery('organisation:list', { cycleId: cycle.id });
  const [partner, setPartner] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });

  const produce = async (doc: XlsxDoc) => {
    setState({ kind: 'working', doc });
    const result = await runXlsxJob(api('xlsx:export', { cycleId: cycle.id, doc, ...(doc === 'partner-template' ? { partnerOrgId: partner } : {}) }), api);
    if (!result.ok) return setState({ kind: 'failed', error: result.error });
    if (result.value.kind !== 'export')
      return setState({ kind: 'failed', error: { code: 'internal', message: 'Pamoja JWP answered with something other than a workbook.' } });
    saveDownload(result.value.file);
    setState({ kind: 'saved', fileName: result.value.file.fileName });
  };
  const orgs = organisations.status === 'ready' ? organisations.value : [];

  return (
    <section className="section" aria-labelledby="excel-export-heading">
      <h2 id="excel-export-heading">Excel workbooks</h2>
      <ul className="export-list">
        <li className="export-list__item">
          <Button disabled={state.kind === 'working'} onClick={() => void produce('workbook')}>
            {state.kind === 'working' && state.doc === 'workbook' ? 'Producing…' : 'Cycle workbook'}
          </Button>{' '}
          <span className="muted">
            Every register on its own sheet, the cost-share budget with live totals and the exchange rate in one cell, indicators with variance and % achieved.
          </span>
        </li>
        <li className="export-list__item">
          <Button disabled={state.kind === 'working'} onClick={() => void produce('blank-workbook')}>
            {state.kind === 'working' && state.doc === 'blank-workbook' ? 'Producing…' : 'Blank workbook'}
          </Button>{' '}
          <span className="muted">
            The same sheets and headers with no rows, for a plan kept in Excel: fill it in and bring it in with “Start from a workbook”.
          </span>
        </li>
        <li className="export-list__item">
          <Field label="Partner">
            {(control) => (
              <select {...control} value={partner} onChange={(event) => setPartner(event.target.value)}>
                <option value="">Choose an organisation…</option>
                {orgs.map((org) => (
                  <option key={org.id} value={org.id}>
                    {org.shortName ? `${org.shortName} – ${org.name}` : org.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Button disabled={state.kind === 'working' || partner === ''} onClick={() => void produce('partner-template')}>
            {state.kind === 'working' && state.doc === 'partner-template' ? 'Producing…' : 'Partner template'}
          </Button>{' '}
          <span className="muted">
            Their activities, contributions and indicator periods to fill in, with drop-downs and instructions; import it back below.
          </span>
        </li>
      </ul>
      <div role="status" aria-live="polite">
        {state.kind === 'saved' ? <p>Saved {state.fileName}.</p> : null}
      </div>
      {state.kind === 'failed' ? <ErrorPanel title="The workbook could not be produced." error={state.error} /> : null}
    </section>
  );
}
