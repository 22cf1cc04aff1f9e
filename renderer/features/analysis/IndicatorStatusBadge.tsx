import { formatProgress } from '../../../shared/analysis/indicator-progress';
import { indicatorStatusLabels, type IndicatorStatus } from '../../../shared/api/schemas/analysis/indicator-status';

/** An indicator's status as a coloured badge with its words; "provisional" when its period is still running. */
export function IndicatorStatusBadge({ status, provisional = false, pct = null }: { status: IndicatorStatus; provisional?: boolean; pct?: number | null }) {
  const title = provisional ? 'Judged on an actual reported before the period ended' : undefined;
  return (
    <span className={`analysis-badge analysis-badge--${status}`} title={title}>
      {indicatorStatusLabels[status]}
      {pct !== null ? <span className="analysis-badge__detail"> {formatProgress(pct)}</span> : null}
      {provisional ? <span className="analysis-badge__detail"> (provisional)</span> : null}
    </span>
  );
}
