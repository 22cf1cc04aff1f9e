import { useState } from 'react';
import type { BundleImportDto } from '../../../shared/api/schemas/bundles';
import { api } from '../../api/api';
import { useApiQuery } from '../../api/use-api-query';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { QueryView } from '../../components/QueryView';
import { showTime } from './bundle-files';

/** The bundles imported into this copy, newest first; the last can be undone while nothing changed after it. */
export function ImportHistoryPanel({ cycleId }: { cycleId: string | null }) {
  const history = useApiQuery('bundle:history', { cycleId });
  const [undoing, setUndoing] = useState<BundleImportDto | null>(null);

  const undo = async (): Promise<string | null> => {
    const result = await api('bundle:undo', {});
    if (!result.ok) return result.error.message;
    // Every screen's data changed underneath: start again from the list of cycles.
    window.location.hash = '#/';
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
            <table className="table" aria-label="Bundles imported">
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
                      {item.senderName} ({item.kind === 'full' ? 'whole plan' : 'partner part'})
                    </td>
                    <td>
                      {item.counts.adds} added, {item.counts.changes} changed, {item.counts.deletions} deleted, {item.counts.conflictsResolved} conflicts
                      resolved, {item.counts.refused} refused
                    </td>
                    <td>
                      {item.undoneAt ? (
                        <span className="muted small">Undone {showTime(item.undoneAt)}</span>
                      ) : item.canUndo ? (
                        <button type="button" className="button button--small" onClick={() => setUndoing(item)}>
                          Undo…
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
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
