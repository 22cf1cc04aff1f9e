import { DataTable } from '../../components/ui/DataTable';
import { Button } from '../../components/ui/Button';
import { useState } from 'react';
import { useApiQuery } from '../../api/use-api-query';
import { QueryView } from '../../components/QueryView';
import { restoreDeletion } from '../../components/undo';
import { useDocumentTitle } from '../../components/use-document-title';
import { navigate } from '../../routing/navigate';
import { auditRoute, cycleRoute, hrefFor, type AuditFilter } from '../../routing/routes';
import { formatTakenAt } from '../backups/backup-format';
import { actionLabels, changedFields, recordName, tableLabel } from './audit-format';
import { PageHeader } from '../../components/ui/PageHeader';

const PAGE = 200;

/** Who changed what and when, newest first; read-only, as an audit trail must be. */
export function AuditScreen({ filter }: { filter: AuditFilter }) {
  const cycles = useApiQuery('cycle:list', {});
  const [limit, setLimit] = useState(PAGE);
  const [rowText, setRowText] = useState(filter.rowId ?? '');
  const entries = useApiQuery('audit:list', {
    limit,
    ...(filter.cycleId ? { cycleId: filter.cycleId } : {}),
    ...(filter.rowId ? { rowId: filter.rowId } : {}),
  });
  useDocumentTitle('Audit log');
  const cycleTitle = (id: string | null) => (id && cycles.status === 'ready' ? (cycles.value.find((cycle) => cycle.id === id)?.title ?? '') : '');

  return (
    <main className="page" id="main">
      <PageHeader
        title="Audit log"
        lead="Every change to every register, with who made it and when. Nothing here can be edited; a deleted record can be restored, with what was deleted with it."
      />
      {filter.cycleId ? (
        <p className="back-link">
          <a href={hrefFor(cycleRoute(filter.cycleId))}>← Back to {cycleTitle(filter.cycleId) || 'the cycle'}</a>
        </p>
      ) : null}
      <form
        className="filters"
        role="search"
        aria-label="Filter the audit log"
        onSubmit={(event) => {
          event.preventDefault();
          navigate(auditRoute({ cycleId: filter.cycleId, rowId: rowText.trim() || null }));
        }}
      >
        <label className="filter">
          <span className="filter__label">Cycle</span>
          <select value={filter.cycleId ?? ''} onChange={(event) => navigate(auditRoute({ cycleId: event.target.value || null, rowId: filter.rowId }))}>
            <option value="">All cycles</option>
            {cycles.status === 'ready'
              ? cycles.value.map((cycle) => (
                  <option key={cycle.id} value={cycle.id}>
                    {cycle.title}
                  </option>
                ))
              : null}
          </select>
        </label>
        <label className="filter filter--text">
          <span className="filter__label">Record id</span>
          <input type="search" value={rowText} placeholder="Paste an id, Enter" onChange={(event) => setRowText(event.target.value)} />
        </label>
        {filter.rowId || filter.cycleId ? (
          <Button
            kind="link"
            onClick={() => {
              setRowText('');
              navigate(auditRoute());
            }}
          >
            Show the whole log
          </Button>
        ) : null}
      </form>
      <QueryView query={entries} what="the audit log">
        {(rows) =>
          rows.length === 0 ? (
            <p className="empty">No changes recorded{filter.rowId ? ' for this record' : filter.cycleId ? ' in this cycle' : ''} yet.</p>
          ) : (
            <>
              <DataTable label="Audit log" fixed className="audit">
                <colgroup>
                  <col style={{ width: '14%' }} />
                  <col style={{ width: '12%' }} />
                  <col style={{ width: '16%' }} />
                  <col style={{ width: '24%' }} />
                  <col style={{ width: '34%' }} />
                </colgroup>
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Who</th>
                    <th scope="col">What</th>
                    <th scope="col">Record</th>
                    <th scope="col">Changes</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((entry) => (
                    <tr key={entry.id}>
                      <td className="nowrap">{formatTakenAt(entry.at)}</td>
                      <td>{entry.userName}</td>
                      <td>
                        <span className={`badge badge--audit-${entry.action}`}>{actionLabels[entry.action] ?? entry.action}</span> {tableLabel(entry.tableName)}
                      </td>
                      <td>
                        {recordName(entry.before, entry.after) || <span className="muted">—</span>}
                        {!filter.cycleId && entry.cycleId ? <span className="cell__sub">{cycleTitle(entry.cycleId)}</span> : null}
                        {filter.rowId ? null : (
                          <Button kind="link" className="small" onClick={() => navigate(auditRoute({ cycleId: filter.cycleId, rowId: entry.rowId }))}>
                            Its history
                          </Button>
                        )}
                      </td>
                      <td className="small">
                        {entry.action === 'create' ? <span className="muted">New record</span> : null}
                        {entry.action === 'restore' ? <span className="muted">Deleted record brought back</span> : null}
                        {entry.action === 'delete' ? <span className="muted">Record deleted; what it held is kept in this entry</span> : null}
                        {entry.restorable ? (
                          <Button
                            size="small"
                            className="audit__restore"
                            aria-label={`Restore ${recordName(entry.before, entry.after) || 'this record'}`}
                            onClick={() => void restoreDeletion(entry.id)}
                          >
                            Restore
                          </Button>
                        ) : null}
                        {entry.action === 'update' ? (
                          <ul className="plain-list">
                            {changedFields(entry.before, entry.after, entry.tableName).map((change) => (
                              <li key={change}>{change}</li>
                            ))}
                          </ul>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
              {rows.length === limit ? (
                <Button className="show-more" onClick={() => setLimit(Math.min(5000, limit + PAGE * 5))}>
                  Show older changes
                </Button>
              ) : null}
            </>
          )
        }
      </QueryView>
    </main>
  );
}
