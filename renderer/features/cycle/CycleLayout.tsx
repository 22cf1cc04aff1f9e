import type { ReactNode } from 'react';
import type { CycleDto } from '../../../shared/api/schemas/cycle';
import { cyclePhases } from '../../../shared/domain/vocabulary';
import { useApiQuery } from '../../api/use-api-query';
import { ErrorPanel, Loading } from '../../components/Status';
import { useDocumentTitle } from '../../components/use-document-title';
import type { CycleScreen } from '../../routing/routes';
import { CycleNav } from './CycleNav';
import { useRememberCycle } from './use-remember-cycle';

interface CycleLayoutProps {
  cycleId: string;
  screen: CycleScreen;
  /** The open screen, drawn once the cycle has been read; `reloadCycle` reads it again after a change. */
  children: (cycle: CycleDto, reloadCycle: () => void) => ReactNode;
}

/** Every screen of an open cycle: the registers on the left, the cycle named above the content. */
export function CycleLayout({ cycleId, screen, children }: CycleLayoutProps) {
  const cycle = useApiQuery('cycle:get', { id: cycleId });
  useRememberCycle(cycleId, cycle.status === 'ready');
  useDocumentTitle(cycle.status === 'ready' ? cycle.value.title : null);

  return (
    <div className="cycle-layout">
      <CycleNav cycleId={cycleId} current={screen} />
      <main className="page" id="main">
        {cycle.status === 'loading' ? <Loading label="Opening the cycle…" /> : null}
        {cycle.status === 'error' ? (
          <ErrorPanel
            title={cycle.error.code === 'not_found' ? 'This cycle no longer exists in this installation.' : 'The cycle could not be opened.'}
            error={cycle.error}
            onRetry={cycle.error.code === 'not_found' ? undefined : cycle.reload}
          />
        ) : null}
        {cycle.status === 'ready' ? (
          <>
            <header className="cycle-header">
              <p className="cycle-header__eyebrow">
                {cycle.value.countyName} County · FY {cycle.value.fiscalYear} · {cyclePhases.label(cycle.value.phase)} phase
              </p>
              <h1 className="page__title">{cycle.value.title}</h1>
            </header>
            {children(cycle.value, cycle.reload)}
          </>
        ) : null}
      </main>
    </div>
  );
}
