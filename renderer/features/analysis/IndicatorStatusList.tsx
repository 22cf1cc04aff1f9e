import { DataTable } from '../../components/ui/DataTable';
import { Button } from '../../components/ui/Button';
import { formatMeasure } from '../../../shared/figures';
import { useState } from 'react';
import { analysisSettingsUpdateInput } from '../../../shared/api/schemas/analysis/indicator-status';
import { rangeOf } from '../../../shared/api/schemas/fields';
import type { IndicatorStatusReportDto } from '../../../shared/api/schemas/analysis/indicator-status';
import { api } from '../../api/api';
import { showNotice } from '../../components/notices';
import { undoBy } from '../../components/undo';
import { IndicatorStatusBadge } from './IndicatorStatusBadge';

function Thresholds({ report, onSaved }: { report: IndicatorStatusReportDto; onSaved: () => void }) {
  const [onTrackPct, setOnTrack] = useState(report.thresholds.onTrackPct);
  const [atRiskPct, setAtRisk] = useState(report.thresholds.atRiskPct);
  const [error, setError] = useState<string | null>(null);
  async function save() {
    const earlier = report.thresholds;
    const set = (values: { onTrackPct: number; atRiskPct: number }) => () => api('analysisSettings:update', { cycleId: report.cycleId, ...values });
    const saved = `Thresholds saved: on track from ${onTrackPct} %, at risk from ${atRiskPct} %.`;
    const result = await set({ onTrackPct, atRiskPct })();
    if (!result.ok) return setError(result.error.message);
    setError(null);
    showNotice(saved, {
      action: undoBy(
        { run: set(earlier), done: `Thresholds back to on track from ${earlier.onTrackPct} %, at risk from ${earlier.atRiskPct} %.` },
        { run: set({ onTrackPct, atRiskPct }), done: saved },
      ),
    });
    onSaved();
  }
  return (
    <div className="analysis-thresholds">
      <label>
        On track from{' '}
        <input
          type="number"
          {...rangeOf(analysisSettingsUpdateInput.shape.onTrackPct)}
          value={onTrackPct}
          onChange={(event) => setOnTrack(Number(event.target.value))}
        />{' '}
        % of the period target
      </label>
      <label>
        at risk from{' '}
        <input
          type="number"
          {...rangeOf(analysisSettingsUpdateInput.shape.atRiskPct)}
          value={atRiskPct}
          onChange={(event) => setAtRisk(Number(event.target.value))}
        />{' '}
        %, off track below.
      </label>
      <Button onClick={() => void save()}>Save thresholds</Button>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Every indicator's status by period, with the cycle's thresholds. */
export function IndicatorStatusList({ report, onChanged }: { report: IndicatorStatusReportDto; onChanged: () => void }) {
  const periodKeys = [...new Set(report.indicators.flatMap((i) => i.periods.map((p) => p.periodKey)))];
  const labels = new Map(report.indicators.flatMap((i) => i.periods.map((p) => [p.periodKey, p.label] as const)));
  return (
    <>
      <p className="section__lead">
        {report.counts.off_track} off track · {report.counts.at_risk} at risk · {report.counts.on_track} on track · {report.counts.no_data} with an actual due
        but missing.
      </p>
      <Thresholds key={`${report.thresholds.onTrackPct}-${report.thresholds.atRiskPct}`} report={report} onSaved={onChanged} />
      <div className="analysis-scroll">
        <DataTable label="Indicator status">
          <thead>
            <tr>
              <th scope="col">Indicator</th>
              <th scope="col">Status</th>
              {periodKeys.map((key) => (
                <th key={key} scope="col">
                  {labels.get(key) ?? key}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.indicators.map((indicator) => (
              <tr key={indicator.indicatorId}>
                <th scope="row" className="analysis-row-name">
                  {indicator.code ? `${indicator.code} ` : ''}
                  {indicator.name}
                  {indicator.direction === 'decrease' ? <span className="muted"> (lower is better)</span> : null}
                </th>
                <td>
                  <IndicatorStatusBadge status={indicator.status} provisional={indicator.provisional} />
                </td>
                {periodKeys.map((key) => {
                  const period = indicator.periods.find((p) => p.periodKey === key);
                  return (
                    <td key={key}>
                      {period ? (
                        <>
                          <IndicatorStatusBadge status={period.status} pct={period.pctAchieved} provisional={period.provisional} />
                          <span className="muted analysis-period-figures">
                            {' '}
                            {formatMeasure(period.actual)} / {formatMeasure(period.target, indicator.unit)}
                            {indicator.unit === '%' ? '' : ` ${indicator.unit}`}
                          </span>
                        </>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </DataTable>
      </div>
    </>
  );
}
