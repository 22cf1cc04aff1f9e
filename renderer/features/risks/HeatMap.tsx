import { levels } from '../../../shared/domain/vocabulary';
import type { RiskDto } from '../../../shared/api/schemas/monitoring';
import { heatMap, type HeatCell } from '../../../shared/analysis/risk-matrix';

interface HeatMapProps {
  risks: readonly RiskDto[];
  /** The cell whose risks the table shows, if one is chosen. */
  selected: { likelihood: string; impact: string } | null;
  onSelect: (cell: HeatCell | null) => void;
}

/**
 * Likelihood × impact with the number of risks in each cell (closed risks left out). Choosing a
 * cell narrows the register to its risks; choosing it again shows all.
 */
export function HeatMap({ risks, selected, onSelect }: HeatMapProps) {
  const rows = heatMap(risks);
  return (
    <figure className="heatmap" aria-label="Risk heat map: likelihood by impact">
      <div className="heatmap__grid" role="grid">
        <div className="heatmap__y-title" aria-hidden="true">
          Impact
        </div>
        {rows.map((row) => (
          <div key={row[0]?.impact} className="heatmap__row" role="row">
            <span className="heatmap__axis" role="rowheader">
              {levels.label(row[0]?.impact ?? 'low')}
            </span>
            {row.map((cell) => {
              const isSelected = selected?.likelihood === cell.likelihood && selected.impact === cell.impact;
              return (
                <button
                  key={cell.likelihood}
                  type="button"
                  role="gridcell"
                  className={`heatmap__cell heatmap__cell--${cell.severity}${cell.count === 0 ? ' heatmap__cell--empty' : ''}`}
                  aria-pressed={isSelected}
                  aria-label={`${cell.count} risk${cell.count === 1 ? '' : 's'} of ${levels.label(cell.likelihood).toLowerCase()} likelihood and ${levels.label(cell.impact).toLowerCase()} impact`}
                  data-cell={`${cell.likelihood}-${cell.impact}`}
                  onClick={() => onSelect(isSelected ? null : cell)}
                >
                  <span className="heatmap__count">{cell.count}</span>
                </button>
              );
            })}
          </div>
        ))}
        <div className="heatmap__row heatmap__row--axis" aria-hidden="true">
          <span className="heatmap__axis" />
          {rows[0]?.map((cell) => (
            <span key={cell.likelihood} className="heatmap__axis heatmap__axis--x">
              {levels.label(cell.likelihood)}
            </span>
          ))}
        </div>
        <div className="heatmap__x-title" aria-hidden="true">
          Likelihood →
        </div>
      </div>
      <figcaption className="legend">
        <span className="legend__item">
          <span className="legend__swatch heatmap__cell--high" /> High
        </span>
        <span className="legend__item">
          <span className="legend__swatch heatmap__cell--medium" /> Medium
        </span>
        <span className="legend__item">
          <span className="legend__swatch heatmap__cell--low" /> Low
        </span>
        <span className="legend__item muted">Closed risks are not counted.</span>
      </figcaption>
    </figure>
  );
}
