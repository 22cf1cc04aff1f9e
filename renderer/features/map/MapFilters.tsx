import type { MapFilter, MapMeasure } from '../../../shared/api/schemas/geo';
import { mapMeasureLabels, mapMeasures } from '../../../shared/api/schemas/geo';
import type { ReportingPeriod } from '../../../shared/reporting-periods';
import { activityStatuses, sectors } from '../../../shared/domain/vocabulary';
import type { Option } from '../../components/register/field-spec';
import { vocabularyOptions } from '../lookups/lookups';

const sectorOptions = vocabularyOptions(sectors);
const statusOptions = vocabularyOptions(activityStatuses);

interface MapFiltersProps {
  measure: MapMeasure;
  onMeasure: (measure: MapMeasure) => void;
  filter: MapFilter;
  onFilter: (filter: MapFilter) => void;
  organisations: readonly Option[];
  quarters: readonly ReportingPeriod[];
}

/** What the wards are shaded by, and the action plan's filters: sector, organisation, status, quarter. */
export function MapFilters({ measure, onMeasure, filter, onFilter, organisations, quarters }: MapFiltersProps) {
  const choice = (key: keyof MapFilter, label: string, all: string, options: readonly Option[]) => (
    <label className="filter">
      <span className="filter__label">{label}</span>
      <select value={filter[key]} onChange={(event) => onFilter({ ...filter, [key]: event.target.value })}>
        <option value="">{all}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="filters" role="search" aria-label="What the map shows">
      <label className="filter">
        <span className="filter__label">Shade wards by</span>
        <select value={measure} onChange={(event) => onMeasure(mapMeasures.find((m) => m === event.target.value) ?? 'kes')}>
          {mapMeasures.map((m) => (
            <option key={m} value={m}>
              {mapMeasureLabels[m]}
            </option>
          ))}
        </select>
      </label>
      {choice('sector', 'Sector', 'All sectors', sectorOptions)}
      {choice('orgId', 'Organisation', 'All organisations', organisations)}
      {choice('status', 'Status', 'Any status', statusOptions)}
      {choice(
        'quarter',
        'Quarter (county FY)',
        'Whole year',
        quarters.map((q) => ({ value: q.key, label: q.label })),
      )}
    </div>
  );
}
