import { DataTable } from '../../components/ui/DataTable';
import { Button } from '../../components/ui/Button';
import { useState } from 'react';
import { PASTED_ROWS_MARK } from '../../../shared/api/methods/paste';
import type { BundleImportDto } from '../../../shared/api/schemas/bundles';
import { api } from '../../api/api';
import { useApiQuery } from '../../api/use-api-query';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { QueryView } from '../../components/QueryView';
import { showTime } from './bundle-files';
import { capitalised, importOutcome } from './preview-words';

/** The bundles imported into this copy, newest first; the last can be undone while nothing changed after it. */
export function ImportHistoryPanel({ cycleId }: { cycleId: string | null }) {
  const history = useApiQuery('bundle:history', { cycleId });
  const [undoing, setUndoing] = useState<BundleImportDto | null>(null);

  const undo = async (): Promise<string | null> => {
    const result = await api('bundle:undo', {});
    if (!result.ok) return result.error.message;
    // Every screen's data changed underneath: read everything afresh. Stay here, where the history
    // shows the import as undone, unless the import was what brought this cycle in.
    const cycles = await api('cycle:list', {});
    if (!cycles.ok || !cycles.value.some((cycle) => cycle.id === cycleId)) window.location.hash = '#/';
    window.location.reload();
    return null;
  };

  return (
    <section className="section" aria-labelledby="bundle-history-heading">
      <div className="section__head">
        <h2 id="bundle-history-heading">Bundles imported</h2>
      </div>
      <QueryView query={history} what="the import history">
        {(list) =>
          list.length === 0 ? (
            <p className="empty">No bundles imported yet.</p>
          ) : (
            <DataTable label="Bundles imported">
              <thead>
                <tr>
                  <th scope="col">Imported</th>
                  <th scope="col">From</th>
                  <th scope="col">What changed</th>
                  <th scope="col">
                    <span className="visually-hidden">Undo</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((item) => (
                  <tr key={item.id}>
                    <td className="nowrap">
                      {showTime(item.importedAt)}
                      <br />
                      <span className="muted small">by {item.userName}</span>
                    </td>
                    <td>
                      {item.senderName}
                      <br />
                      <span className="muted small">
                        {item.senderFingerprint === PASTED_ROWS_MARK ? 'rows pasted' : item.kind === 'full' ? 'the whole plan' : 'their part'}
                      </span>
                    </td>
                    <td>{capitalised(importOutcome(item.counts))}</td>
                    <td className="nowrap">
                      {item.undoneAt ? (
                        <span className="muted small">Undone {showTime(item.undoneAt)}</span>
                      ) : item.canUndo ? (
                        <Button size="small" onClick={() => setUndoing(item)}>
                          Undo the last import…
                        </Button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )
        }
      </QueryView>
      {undoing ? (
        <ConfirmDialog
          title="Undo this import?"
          message={`The database goes back to exactly how it was before ${undoing.senderName}’s bundle was imported on ${showTime(undoing.importedAt)} (from the backup taken then).`}
          confirmLabel="Undo the import"
          busyLabel="Undoing…"
          failureTitle="The import was not undone."
          onConfirm={undo}
          onCancel={() => setUndoing(null)}
        />
      ) : null}
    </section>
  );
}
