import { useDocumentTitle } from '../../components/use-document-title';
import { navigate } from '../../routing/navigate';
import { cycleRoute } from '../../routing/routes';
import { ImportBundlePanel } from './ImportBundlePanel';
import { useOpenedBundle } from './opened-bundle';
import { PageHeader } from '../../components/ui/PageHeader';

/** Where a .jwpb opened from Explorer lands: straight to its preview; nothing is written until Apply. */
export function OpenedBundleScreen() {
  const opened = useOpenedBundle();
  const title = opened ? `Import ${opened.file.fileName}` : 'Import a bundle';
  useDocumentTitle(title);
  return (
    <main className="page" id="main">
      <PageHeader
        title={title}
        lead={`${opened ? 'You opened this bundle file. ' : ''}Check what it would change before applying it: a backup is taken first, and the import can be undone.`}
      />
      <ImportBundlePanel
        key={opened?.serial ?? 0}
        heading="Bundle preview"
        initialFile={opened?.file ?? null}
        onImported={(cycleId) => navigate(cycleRoute(cycleId, 'exchange'))}
      />
    </main>
  );
}
