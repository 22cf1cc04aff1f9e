import { Button } from '../../components/ui/Button';
import type { MapFilter } from '../../../shared/api/schemas/geo';
import { indicatorStatusLabels } from '../../../shared/api/schemas/analysis/indicator-status';
import { formatKes } from '../../../shared/money';
import { useApiQuery } from '../../api/use-api-query';
import { QueryView } from '../../components/QueryView';

/** One ward in full: its activities with this ward's share of their budget, who works there, indicators, duplicates. */
export function WardPanel({ cycleId, wardId, filter, onClose }: { cycleId: string; wardId: string; filter: MapFilter; onClose: () => void }) {
  const detail = useApiQuery('wardMap:ward', { cycleId, wardId, filter });
  return (
    <aside className="ward-panel" aria-label="Ward details">
      <QueryView query={detail} what="the ward">
        {(ward) => (
          <>
            <div className="ward-panel__head">
              <h3>
                {ward.name} <span className="muted">{ward.subCountyName}</span>
              </h3>
              <Button kind="link" onClick={onClose}>
                Close
              </Button>
            </div>
            <p>
              <strong>{formatKes(ward.plannedKesMinor)}</strong> planned in {ward.activities.length} {ward.activities.length === 1 ? 'activity' : 'activities'}.
            </p>
            {ward.activities.length === 0 ? <p className="muted">No activity here with the filters chosen: a gap.</p> : null}
            <ul className="ward-panel__list">
              {ward.activities.map((a) => (
                <li key={a.id}>
                  <strong>{a.code}</strong> {a.title}
                  <br />
                  <span className="muted">
                    {a.sector} · {a.leadOrgName} · {a.status} · {formatKes(a.plannedKesMinor)}
                  </span>
                </li>
              ))}
            </ul>
            {ward.partners.length > 0 ? (
              <>
                <h4>Organisations</h4>
                <ul className="ward-panel__list">
                  {ward.partners.map((p) => (
                    <li key={p.id}>
                      {p.name} <span className="muted">({p.roles.join(', ')})</span>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {ward.indicators.length > 0 ? (
              <>
                <h4>Indicators</h4>
                <ul className="ward-panel__list">
                  {ward.indicators.map((i) => (
                    <li key={i.id}>
                      {i.code} {i.name}: <span className={`chip chip--${i.status}`}>{indicatorStatusLabels[i.status]}</span>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {ward.overlaps.length > 0 ? (
              <>
                <h4>Likely duplicates</h4>
                <ul className="ward-panel__list">
                  {ward.overlaps.map((o) => (
                    <li key={o.key}>
                      Score {o.score}: {o.reason}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        )}
      </QueryView>
    </aside>
  );
}
