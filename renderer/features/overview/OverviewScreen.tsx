import type { CycleDto } from '../../../shared/api/schemas/cycle';
import { useApiQuery } from '../../api/use-api-query';
import { ErrorPanel, Loading } from '../../components/Status';
import { cycleRoute, hrefFor } from '../../routing/routes';
import { StakeholderTable } from '../stakeholders/StakeholderTable';
import { CycleDetails } from './CycleDetails';
import { RegisterCounts } from './RegisterCounts';

export function OverviewScreen({ cycle }: { cycle: CycleDto }) {
  const stats = useApiQuery('cycle:stats', {});
  const organisations = useApiQuery('organisation:list', { cycleId: cycle.id });
  const counts = stats.status === 'ready' ? stats.value.find((entry) => entry.id === cycle.id)?.counts : undefined;

  return (
    <>
      <CycleDetails cycle={cycle} />
      <section className="section" aria-labelledby="counts-heading">
        <h2 id="counts-heading">Registers</h2>
        {stats.status === 'loading' ? <Loading label="Counting…" /> : null}
        {stats.status === 'error' ? <ErrorPanel title="The registers could not be counted." error={stats.error} onRetry={stats.reload} /> : null}
        {stats.status === 'ready' ? <RegisterCounts counts={counts ?? {}} /> : null}
      </section>
      <section className="section" aria-labelledby="stakeholders-heading">
        <div className="section__head">
          <h2 id="stakeholders-heading">Stakeholder matrix</h2>
          <a href={hrefFor(cycleRoute(cycle.id, 'stakeholders'))}>Open the stakeholders register →</a>
        </div>
        {organisations.status === 'loading' ? <Loading label="Reading organisations…" /> : null}
        {organisations.status === 'error' ? (
          <ErrorPanel title="The organisations could not be read." error={organisations.error} onRetry={organisations.reload} />
        ) : null}
        {organisations.status === 'ready' ? <StakeholderTable organisations={organisations.value} /> : null}
      </section>
    </>
  );
}
