import { InlineNotice } from '../../components/ui/InlineNotice';
import { Button } from '../../components/ui/Button';
import { useState } from 'react';
import type { CycleDto } from '../../../shared/api/schemas/cycle';
import { allReady } from '../../api/all-ready';
import { useApiQuery } from '../../api/use-api-query';
import { QueryView } from '../../components/QueryView';
import { CloseOutPanel } from './CloseOutPanel';
import { DiffView, type DiffSide } from './DiffView';
import { PhasePanel } from './PhasePanel';
import { PlanStateLine } from './PlanStatusBadge';
import { RolloverDialog } from './RolloverDialog';
import { VersionsPanel } from './VersionsPanel';
import './lifecycle.css';

interface LifecycleScreenProps {
  cycle: CycleDto;
  /** Called after the phase changed, so the layout can read the cycle (its header) again. */
  onCycleChanged?: () => void;
}

/**
 * The life of the cycle on one screen: phase and checklists, approval into numbered versions with
 * signatures, what changed since a version, the close-out report and the roll-over.
 */
export function LifecycleScreen({ cycle, onCycleChanged }: LifecycleScreenProps) {
  const status = useApiQuery('lifecycle:status', { cycleId: cycle.id });
  const versions = useApiQuery('version:list', { cycleId: cycle.id });
  const info = useApiQuery('app:info', {});
  const [comparison, setComparison] = useState<{ from: number; to: DiffSide } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [rollingOver, setRollingOver] = useState(false);

  return (
    <QueryView query={allReady(status, versions, info)} what="the plan's approval state">
      {([state, list, app], reload) => {
        const readOnly = state.readOnly !== null;
        const numbers = list.versions.map((v) => v.number);
        const latest = numbers[numbers.length - 1];
        const shown = comparison ?? (latest !== undefined && list.working.state === 'revision' ? { from: latest, to: 'working' as const } : null);
        const changed = () => {
          setError(null);
          reload();
        };
        return (
          <>
            <PlanStateLine status={state} />
            {state.readOnly ? (
              <InlineNotice tone="info">
                {state.readOnly.message} <a href={`#/cycles/${state.readOnly.toCycleId}`}>Open {state.readOnly.toTitle}</a>
              </InlineNotice>
            ) : null}
            {error ? (
              <InlineNotice>
                <p>{error}</p>
              </InlineNotice>
            ) : null}
            <PhasePanel
              status={state}
              onChanged={() => {
                changed();
                onCycleChanged?.();
              }}
              onError={setError}
            />
            <VersionsPanel
              cycleId={cycle.id}
              list={list}
              readOnly={readOnly}
              userName={app.userName}
              onChanged={changed}
              onCompare={(from) => setComparison({ from, to: from + 1 > (latest ?? 0) ? 'working' : from + 1 })}
            />
            {shown ? (
              <DiffView cycleId={cycle.id} versions={numbers} from={shown.from} to={shown.to} onChange={(from, to) => setComparison({ from, to })} />
            ) : null}
            <CloseOutPanel cycleId={cycle.id} readOnly={readOnly} />
            <section className="section" aria-labelledby="rollover-heading">
              <h2 id="rollover-heading">Next fiscal year</h2>
              {readOnly ? (
                <p className="muted">This cycle has been rolled over.</p>
              ) : (
                <>
                  <p>
                    Start next year&rsquo;s cycle from this one: stakeholders, contacts, objectives, indicators, open risks and the unfinished activities you
                    choose are carried; this cycle becomes read-only.
                  </p>
                  <Button onClick={() => setRollingOver(true)}>Roll over…</Button>
                </>
              )}
              {rollingOver ? <RolloverDialog cycleId={cycle.id} fiscalYear={cycle.fiscalYear} onCancel={() => setRollingOver(false)} /> : null}
            </section>
          </>
        );
      }}
    </QueryView>
  );
}
