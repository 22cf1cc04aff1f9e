import { Button } from '../../components/ui/Button';
import { useState } from 'react';
import type { CycleDto } from '../../../shared/api/schemas/cycle';
import type { ApiError } from '../../../shared/result';
import { api } from '../../api/api';
import { ErrorPanel } from '../../components/Status';
import { LoadBoundaries } from './LoadBoundaries';

/** Before any boundaries: what to load, where counties get it, and a clearly labelled demo to try the screen. */
export function NoBoundaries({ cycle, onLoaded }: { cycle: CycleDto; onLoaded: () => void }) {
  const [error, setError] = useState<ApiError | null>(null);
  const demo = async () => {
    const result = await api('wards:demo', { cycleId: cycle.id });
    if (!result.ok) return setError(result.error);
    onLoaded();
  };
  return (
    <>
      <section className="section map-empty" aria-labelledby="map-empty-heading">
        <h2 id="map-empty-heading">No ward boundaries for {cycle.countyName} yet</h2>
        <p>
          The map shows where partners work, what it costs and where the gaps are, ward by ward. It needs the shapes of {cycle.countyName}’s wards, which no
          installation carries: load them once and every cycle of the county uses them.
        </p>
        <p>Where counties get them:</p>
        <ul>
          <li>the county’s GIS unit (often in the Department of Lands or of Economic Planning), as a shapefile or GeoJSON;</li>
          <li>the IEBC ward boundaries (a national layer: Pamoja JWP keeps only {cycle.countyName}’s wards);</li>
          <li>the Kenya National Bureau of Statistics or a partner’s GIS officer, who often hold the same layers.</li>
        </ul>
        <p className="muted">
          Until then the coverage table (Analysis screen) and the Word documents give the same figures without a map; the documents say why the map is left out.
        </p>
        <p>
          <Button onClick={() => void demo()}>Try the map with a schematic demo layer</Button>{' '}
          <span className="muted">
            Invented shapes, not real boundaries; every map drawn from it says so. Load the real file later and it replaces the demo.
          </span>
        </p>
        {error ? <ErrorPanel title="The demo layer could not be loaded." error={error} /> : null}
      </section>
      <LoadBoundaries cycle={cycle} onLoaded={onLoaded} />
    </>
  );
}
