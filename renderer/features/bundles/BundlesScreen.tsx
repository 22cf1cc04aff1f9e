import { useState } from 'react';
import type { CycleDto } from '../../../shared/api/schemas/cycle';
import { useApiQuery } from '../../api/use-api-query';
import { QueryView } from '../../components/QueryView';
import { useDocumentTitle } from '../../components/use-document-title';
import { ExportBundlePanel } from './ExportBundlePanel';
import { ImportBundlePanel } from './ImportBundlePanel';
import { ImportHistoryPanel } from './ImportHistoryPanel';
import { PageHeader } from '../../components/ui/PageHeader';
import { speakerName } from '../../../shared/domain/organisations';

/**
 * Exchanging the plan with partners as files (email, USB): send a bundle, receive one (preview,
 * conflicts, trust), and the history of imports with undo.
 */
export function BundlesScreen({ cycle, onCycleChanged }: { cycle: CycleDto; onCycleChanged?: () => void }) {
  const keys = useApiQuery('bundle:keys', {});
  const [version, setVersion] = useState(0);
  useDocumentTitle(`Exchange with partners — ${cycle.title}`);
  const identity = keys.status === 'ready' ? keys.value.identities.find((i) => i.cycleId === cycle.id) : undefined;
  return (
    <div className="stack">
      <PageHeader
        level={2}
        title="Exchange with partners"
        lead="Send the plan or a partner’s part as a file by email or USB stick, and bring in what partners send back. Every import is previewed first, backed up, and can be undone."
      />
      <QueryView query={keys} what="this copy’s key">
        {(k) => (
          <p className="muted small">
            This copy’s key fingerprint: <code>{k.fingerprint}</code>
            {identity ? ` — it speaks for ${speakerName(identity.orgName, identity.role)}.` : ''}
          </p>
        )}
      </QueryView>
      <ExportBundlePanel cycleId={cycle.id} ownOrgId={identity?.role === 'partner' ? identity.orgId : null} />
      <ImportBundlePanel
        onImported={() => {
          setVersion((v) => v + 1);
          onCycleChanged?.();
        }}
      />
      <ImportHistoryPanel key={version} cycleId={cycle.id} />
    </div>
  );
}
