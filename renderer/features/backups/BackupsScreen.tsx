import { InlineNotice } from '../../components/ui/InlineNotice';
import { DataTable } from '../../components/ui/DataTable';
import { Button } from '../../components/ui/Button';
import { useState } from 'react';
import type { BackupListDto } from '../../../shared/api/schemas/backup';
import { api } from '../../api/api';
import { useApiQuery } from '../../api/use-api-query';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { showNotice } from '../../components/notices';
import { QueryView } from '../../components/QueryView';
import { useDocumentTitle } from '../../components/use-document-title';
import { backupReasons, formatSize, formatTakenAt, saveBase64File } from './backup-format';
import { PageHeader } from '../../components/ui/PageHeader';

type Backup = BackupListDto['backups'][number];

/** The verified copies kept beside the database: take one now, restore one, or save everything to a file. */
export function BackupsScreen() {
  const backups = useApiQuery('backup:list', {});
  const [busy, setBusy] = useState<'backup' | 'export' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<Backup | null>(null);
  useDocumentTitle('Backups');

  const run = async (kind: 'backup' | 'export', reload: () => void) => {
    setBusy(kind);
    setProblem(null);
    if (kind === 'backup') {
      const result = await api('backup:create', {});
      if (result.ok) {
        showNotice(`Saved: a backup was taken (${formatSize(result.value.sizeBytes)}).`);
        reload();
      } else setProblem(`No backup was taken. ${result.error.message}`);
    } else {
      const result = await api('database:export', {});
      if (result.ok) {
        saveBase64File(result.value);
        showNotice(`The whole database is being saved as ${result.value.fileName}.`);
      } else setProblem(`The database was not saved to a file. ${result.error.message}`);
    }
    setBusy(null);
  };

  const restore = async (backup: Backup): Promise<string | null> => {
    const result = await api('backup:restore', { fileName: backup.fileName });
    if (!result.ok) return result.error.message;
    showNotice(`Restored the backup of ${formatTakenAt(backup.takenAt)}. The state before it was backed up first.`);
    // Every screen's data changed underneath: start again from the list of cycles.
    window.location.hash = '#/';
    window.location.reload();
    return null;
  };

  return (
    <main className="page" id="main">
      <PageHeader
        title="Backups"
        lead="Pamoja JWP keeps verified copies of its database beside it: one a day, and one before every update, import or restore."
      />
      <QueryView query={backups} what="the list of backups">
        {(list, reload) => (
          <>
            <div className="toolbar">
              <Button kind="primary" disabled={busy !== null} onClick={() => void run('backup', reload)}>
                {busy === 'backup' ? 'Backing up…' : 'Back up now'}
              </Button>
              <Button disabled={busy !== null} onClick={() => void run('export', reload)}>
                {busy === 'export' ? 'Preparing the file…' : 'Save the whole database to a file'}
              </Button>
              <span className="muted small">For a USB stick or another laptop: the file opens in Pamoja JWP as it is.</span>
            </div>
            {problem ? <InlineNotice>{problem}</InlineNotice> : null}
            <p className="muted small">Kept in {list.folder}</p>
            {list.backups.length === 0 ? (
              <p className="empty">No backups yet. Use “Back up now” to take the first one.</p>
            ) : (
              <DataTable label="Backups">
                <thead>
                  <tr>
                    <th scope="col">Taken</th>
                    <th scope="col">Why</th>
                    <th scope="col" className="cell--num">
                      Size
                    </th>
                    <th scope="col">File</th>
                    <th scope="col">
                      <span className="visually-hidden">Restore</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.backups.map((backup) => (
                    <tr key={backup.fileName}>
                      <td className="nowrap">{formatTakenAt(backup.takenAt)}</td>
                      <td>{backupReasons[backup.reason] ?? backup.reason}</td>
                      <td className="cell--num">{formatSize(backup.sizeBytes)}</td>
                      <td className="muted small">{backup.fileName}</td>
                      <td>
                        <Button size="small" onClick={() => setRestoring(backup)}>
                          Restore…
                        </Button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
            )}
          </>
        )}
      </QueryView>
      {restoring ? (
        <ConfirmDialog
          title="Restore this backup?"
          message={`Every cycle will go back to how it was on ${formatTakenAt(restoring.takenAt)}. The current state is backed up first, so you can return to it from this list.`}
          confirmLabel="Restore"
          busyLabel="Restoring…"
          failureTitle="Nothing was restored."
          onConfirm={() => restore(restoring)}
          onCancel={() => setRestoring(null)}
        />
      ) : null}
    </main>
  );
}
