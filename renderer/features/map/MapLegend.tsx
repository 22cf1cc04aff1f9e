import type { WardMapDto } from '../../../shared/api/schemas/geo';
import { kesShort } from '../../../shared/money';

/** The classes with their colour and how many wards each holds, the gap hatching and the duplicate marker. */
export function MapLegend({ figures }: { figures: WardMapDto }) {
  const unshaped = figures.wards.filter((w) => !w.hasShape);
  return (
    <div className="map-legend" aria-label="Legend">
      <h3 className="map-legend__title">{figures.legend.title}</h3>
      <ul className="map-legend__list">
        {figures.legend.classes.map((entry) => (
          <li key={entry.label} className="map-legend__item">
            <span className="map-legend__swatch" style={{ background: entry.colour }} aria-hidden="true" />
            <span>{entry.label}</span>
            <span className="muted map-legend__count">
              {entry.wards} {entry.wards === 1 ? 'ward' : 'wards'}
            </span>
          </li>
        ))}
        <li className="map-legend__item">
          <span className="map-legend__swatch map-legend__swatch--gap" aria-hidden="true" />
          <span>{figures.legend.gapLabel}</span>
        </li>
        <li className="map-legend__item">
          <span className="map-legend__marker" aria-hidden="true">
            n
          </span>
          <span>Likely duplicates: n pairs of activities</span>
        </li>
      </ul>
      <p className="muted map-legend__note">
        {figures.activityCount} {figures.activityCount === 1 ? 'activity' : 'activities'}, {kesShort(figures.plannedKesMinor)} planned
        {figures.unplaced.activityCount > 0
          ? `; ${figures.unplaced.activityCount} with no ward (${kesShort(figures.unplaced.plannedKesMinor)}) are not on the map`
          : ''}
        .{unshaped.length > 0 ? ` No shape loaded for ${unshaped.map((w) => w.name).join(', ')} (see the table).` : ''}
      </p>
    </div>
  );
}
