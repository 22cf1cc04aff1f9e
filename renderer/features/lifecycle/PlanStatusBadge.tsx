import type { ApiOutput } from '../../../shared/api/contract';
import { useApiQuery } from '../../api/use-api-query';
import './lifecycle.css';

type Status = ApiOutput<'lifecycle:status'>;

/** The phase, the version state and read-only state in one line; for a cycle's header on every screen. */
export function PlanStateLine({ status }: { status: Status }) {
  const { working, readOnly } = status;
  const chip =
    working.state === 'draft'
      ? 'Draft, not yet approved'
      : working.state === 'approved'
        ? `Version ${working.latestVersion} approved`
        : `Revision of version ${working.latestVersion}: ${working.changesSinceLatest} change${working.changesSinceLatest === 1 ? '' : 's'} not approved`;
  return (
    <p className="plan-state" data-testid="plan-state">
      <span>{status.phaseLabel} phase</span>
      <span className={`plan-state__chip plan-state__chip--${working.state}`}>{chip}</span>
      <span className="muted">fingerprint {working.workingFingerprint}</span>
      {readOnly ? <span className="plan-state__chip plan-state__chip--readonly">Read-only: rolled over into FY {readOnly.toFiscalYear}</span> : null}
    </p>
  );
}

/**
 * Reads the state itself; to mount beside the cycle title. Shows nothing until it has answered.
 * Mount it with `key={screen}` so it reads again on each screen (edits happen elsewhere).
 */
export function PlanStatusBadge({ cycleId }: { cycleId: string }) {
  const status = useApiQuery('lifecycle:status', { cycleId });
  return status.status === 'ready' ? <PlanStateLine status={status.value} /> : null;
}
