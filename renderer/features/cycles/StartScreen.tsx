import { useState } from 'react';
import { useApiQuery } from '../../api/use-api-query';
import { ErrorPanel, Loading } from '../../components/Status';
import { useDocumentTitle } from '../../components/use-document-title';
import { ImportBundlePanel } from '../bundles/ImportBundlePanel';
import { WorkbookImport } from '../xlsx/WorkbookImport';
import { cycleRoute } from '../../routing/routes';
import { navigate } from '../../routing/navigate';
import { CreateCycleForm } from './CreateCycleForm';
import { CycleList } from './CycleList';
import { SampleCycleButton } from './SampleCycleButton';
import { defaultCountyId, localIsoDate } from './cycle-form';
import { PageHeader } from '../../components/ui/PageHeader';

/** Where every session starts when no cycle is open: open one, create one, or load the sample. */
export function StartScreen() {
  const cycles = useApiQuery('cycle:list', {});
  const counties = useApiQuery('adminUnit:list', { level: 'county' });
  // Read once: the form's defaults must not move while someone is typing.
  const [today] = useState(() => localIsoDate(new Date()));
  useDocumentTitle('JWP cycles');

  return (
    <main className="page page--start" id="main">
      <PageHeader
        title="Joint Work Planning cycles"
        lead="A cycle is one fiscal year of joint work planning in one county, from stakeholder mapping to signed approval."
      />
      <div className="start-grid">
        <section className="panel" aria-labelledby="open-cycle-heading">
          <h2 id="open-cycle-heading">Open a cycle</h2>
          {cycles.status === 'loading' ? <Loading label="Reading cycles…" /> : null}
          {cycles.status === 'error' ? <ErrorPanel title="The cycles could not be read." error={cycles.error} onRetry={cycles.reload} /> : null}
          {cycles.status === 'ready' ? <CycleList cycles={cycles.value} /> : null}
          <h2 className="panel__subheading">Try it with real-looking data</h2>
          <SampleCycleButton />
          <ImportBundlePanel heading="Received a plan from the Secretariat?" onImported={cycles.status === 'loading' ? undefined : cycles.reload} />
        </section>
        <section className="panel" aria-labelledby="new-cycle-heading">
          <h2 id="new-cycle-heading">Create a new cycle</h2>
          {counties.status === 'loading' || cycles.status === 'loading' ? <Loading label="Reading the list of counties…" /> : null}
          {counties.status === 'error' ? <ErrorPanel title="The list of counties could not be read." error={counties.error} onRetry={counties.reload} /> : null}
          {counties.status === 'ready' && cycles.status !== 'loading' ? (
            <CreateCycleForm
              counties={counties.value}
              defaultCountyId={defaultCountyId(counties.value, cycles.status === 'ready' ? cycles.value : [])}
              today={today}
            />
          ) : null}
          <WorkbookImport cycle={null} heading="Start from a workbook" onApplied={(cycleId) => navigate(cycleRoute(cycleId))} />
        </section>
      </div>
    </main>
  );
}
