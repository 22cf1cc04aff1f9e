import type { CycleDto } from '../../../shared/api/schemas/cycle';
import { useApiQuery } from '../../api/use-api-query';
import { ErrorPanel, Loading } from '../../components/Status';
import { StakeholderTable } from './StakeholderTable';

export function StakeholdersScreen({ cycle }: { cycle: CycleDto }) {
  const organisations = useApiQuery('organisation:list', { cycleId: cycle.id });
  return (
    <section className="section" aria-labelledby="register-heading">
      <h2 id="register-heading">Stakeholders</h2>
      <p className="page__lead">Who takes part in the plan, their interest in the JWP and their influence over it.</p>
      {organisations.status === 'loading' ? <Loading label="Reading organisations…" /> : null}
      {organisations.status === 'error' ? (
        <ErrorPanel title="The organisations could not be read." error={organisations.error} onRetry={organisations.reload} />
      ) : null}
      {organisations.status === 'ready' ? <StakeholderTable organisations={organisations.value} detailed /> : null}
    </section>
  );
}
