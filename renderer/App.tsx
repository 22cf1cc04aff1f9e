import { useEffect } from 'react';
import type { AppInfoDto } from '../shared/api/schemas/cycle';
import { ScreenErrorBoundary } from './components/ScreenErrorBoundary';
import { ErrorPanel, Loading } from './components/Status';
import { TopBar } from './components/TopBar';
import { AuditScreen } from './features/audit/AuditScreen';
import { BackupsScreen } from './features/backups/BackupsScreen';
import { OpenedBundleScreen } from './features/bundles/OpenedBundleScreen';
import { CycleLayout } from './features/cycle/CycleLayout';
import { renderCycleScreen } from './features/cycle/cycle-screens';
import { StartScreen } from './features/cycles/StartScreen';
import { NamePrompt } from './features/setup/NamePrompt';
import { useBoot } from './features/setup/use-boot';
import type { Route } from './routing/routes';
import { useRoute } from './routing/use-route';
import { PageHeader } from './components/ui/PageHeader';

export function App() {
  const [boot, setInfo] = useBoot();
  if (boot.status === 'loading') return <Loading label="Opening Pamoja JWP…" />;
  if (boot.status === 'error') {
    return (
      <main className="page">
        <ErrorPanel title="Pamoja JWP could not start." error={boot.error} onRetry={() => window.location.reload()} />
      </main>
    );
  }
  return (
    // Notices show in the top bar, which the name prompt does not have: its welcome shows once the app opens.
    boot.info.userName ? <Screens info={boot.info} /> : <NamePrompt onSaved={setInfo} />
  );
}

function Screens({ info }: { info: AppInfoDto }) {
  const route = useRoute();
  const screenKey = route.name === 'cycle' ? `${route.cycleId}/${route.screen}` : route.name;
  useEffect(() => {
    // A new screen starts at its top, as a new page would. (Braces: Chromium's scrollTo returns a promise.)
    void window.scrollTo(0, 0);
  }, [screenKey]);
  return (
    <div className="app">
      <TopBar userName={info.userName} route={route} />
      <ScreenErrorBoundary screenKey={screenKey}>
        <RouteScreen route={route} />
      </ScreenErrorBoundary>
    </div>
  );
}

function RouteScreen({ route }: { route: Route }) {
  return (
    <>
      {route.name === 'start' ? <StartScreen /> : null}
      {route.name === 'cycle' ? (
        <CycleLayout key={route.cycleId} cycleId={route.cycleId} screen={route.screen}>
          {(cycle, reloadCycle) => renderCycleScreen(route.screen, cycle, reloadCycle)}
        </CycleLayout>
      ) : null}
      {route.name === 'backups' ? <BackupsScreen /> : null}
      {route.name === 'import' ? <OpenedBundleScreen /> : null}
      {route.name === 'audit' ? <AuditScreen key={`${route.cycleId}/${route.rowId}`} filter={route} /> : null}
      {route.name === 'unknown' ? (
        <main className="page">
          <PageHeader title="This screen does not exist" />
          <p>
            <a href="#/">Go to the list of cycles</a>
          </p>
        </main>
      ) : null}
    </>
  );
}
