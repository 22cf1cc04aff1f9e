import { ViewSwitch } from '../../components/ui/ViewSwitch';
import { Button } from '../../components/ui/Button';
import { useMemo, useState } from 'react';
import type { CycleDto } from '../../../shared/api/schemas/cycle';
import { mapFilter, type MapFilter, type MapMeasure, type WardBoundariesDto } from '../../../shared/api/schemas/geo';
import type { OrganisationDto } from '../../../shared/api/schemas/organisation';
import { fiscalQuarters } from '../../../shared/analysis/activity-filter';
import { formatDisplayDate } from '../../../shared/dates';
import type { ApiError } from '../../../shared/result';
import { allReady } from '../../api/all-ready';
import { api } from '../../api/api';
import { useApiQuery } from '../../api/use-api-query';
import { QueryView } from '../../components/QueryView';
import { ErrorPanel, Loading } from '../../components/Status';
import { usePaintMark } from '../../components/use-paint-mark';
import { organisationOptions } from '../lookups/lookups';
import { LoadBoundaries } from './LoadBoundaries';
import { MapFilters } from './MapFilters';
import { MapLegend } from './MapLegend';
import { NoBoundaries } from './NoBoundaries';
import { WardMap } from './WardMap';
import { WardPanel } from './WardPanel';
import { WardTable } from './WardTable';
import './map.css';

/** Marks for the browser tests and `npm run bench`: the ward shapes on screen, then shaded by their figures. */
export const MAP_SHAPES_PAINTED = 'pamoja:map:shapes-painted';
export const MAP_PAINTED = 'pamoja:map:painted';

export function MapScreen({ cycle }: { cycle: CycleDto }) {
  const boundaries = useApiQuery('wards:boundaries', { cycleId: cycle.id });
  const organisations = useApiQuery('organisation:list', { cycleId: cycle.id });
  return (
    <QueryView query={allReady(boundaries, organisations)} what="the ward map">
      {([value, orgs], reload) =>
        value.layer && value.topology ? (
          <WardMapView cycle={cycle} boundaries={value} orgs={orgs} reload={reload} />
        ) : (
          <NoBoundaries cycle={cycle} onLoaded={reload} />
        )
      }
    </QueryView>
  );
}

interface ViewProps {
  cycle: CycleDto;
  boundaries: WardBoundariesDto;
  orgs: readonly OrganisationDto[];
  reload: () => void;
}

function WardMapView({ cycle, boundaries, orgs, reload }: ViewProps) {
  const [measure, setMeasure] = useState<MapMeasure>('kes');
  const [filter, setFilter] = useState<MapFilter>(() => mapFilter.parse({}));
  const [view, setView] = useState<'map' | 'table'>('map');
  const [selected, setSelected] = useState<string | null>(null);
  const [replacing, setReplacing] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const figures = useApiQuery('wardMap:figures', { cycleId: cycle.id, measure, filter });
  const quarters = useMemo(() => fiscalQuarters(cycle), [cycle]);
  const orgChoices = useMemo(() => organisationOptions([...orgs]), [orgs]);
  usePaintMark(MAP_SHAPES_PAINTED, true);
  usePaintMark(MAP_PAINTED, figures.status === 'ready');
  // The wards are drawn from the boundaries at once; their shading waits for the figures.
  const value = figures.status === 'ready' ? figures.value : null;
  const layer = boundaries.layer;
  const topology = boundaries.topology;
  if (!layer || !topology) return null;

  const undo = async () => {
    const result = await api('wards:undo', { cycleId: cycle.id });
    if (!result.ok) return setError(result.error);
    setSelected(null);
    reload();
  };

  return (
    <section className="section map-screen" aria-labelledby="map-heading">
      <div className="map-screen__head">
        <div>
          <h2 id="map-heading">Ward map</h2>
          <p className="muted map-screen__source">
            {layer.schematic ? (
              <strong className="map-screen__schematic">Schematic demo: invented shapes, not real boundaries. </strong>
            ) : (
              `Boundaries: ${layer.source} `
            )}
            ({layer.wardCount} wards, loaded {formatDisplayDate(layer.importedAt.slice(0, 10))} by {layer.importedBy}).
          </p>
        </div>
        <div className="map-screen__actions">
          <Button onClick={() => setReplacing((open) => !open)} aria-expanded={replacing}>
            Replace boundaries…
          </Button>
          {layer.canUndo ? <Button onClick={() => void undo()}>Undo last load</Button> : null}
        </div>
      </div>
      {error ? <ErrorPanel title="The boundaries could not be changed." error={error} /> : null}
      {replacing ? (
        <LoadBoundaries
          cycle={cycle}
          onCancel={() => setReplacing(false)}
          onLoaded={() => {
            setReplacing(false);
            reload();
          }}
        />
      ) : null}
      <MapFilters measure={measure} onMeasure={setMeasure} filter={filter} onFilter={setFilter} organisations={orgChoices} quarters={quarters} />
      <ViewSwitch
        label="Show the figures as"
        options={[
          { value: 'map', label: 'Map' },
          { value: 'table', label: 'Table' },
        ]}
        value={view}
        onChange={setView}
      />
      {figures.status === 'error' ? (
        <ErrorPanel title="Could not read the figures by ward." error={figures.error} onRetry={figures.reload} />
      ) : (
        <div className={`map-screen__body${selected ? ' map-screen__body--panel' : ''}`}>
          {view === 'map' ? (
            <div className="map-screen__map">
              <p className="map-screen__subtitle">
                {value ? (
                  <>
                    <strong>{value.title}</strong> · {value.subtitle}
                  </>
                ) : (
                  <span className="muted" role="status">
                    Working out the figures by ward…
                  </span>
                )}
              </p>
              <WardMap topology={topology} wards={boundaries.wards} figures={value} schematic={layer.schematic} selectedId={selected} onSelect={setSelected} />
              {value ? <MapLegend figures={value} /> : null}
            </div>
          ) : value ? (
            <WardTable figures={value} onSelect={setSelected} />
          ) : (
            <Loading label="Reading the figures by ward…" />
          )}
          {selected ? <WardPanel cycleId={cycle.id} wardId={selected} filter={filter} onClose={() => setSelected(null)} /> : null}
        </div>
      )}
    </section>
  );
}
