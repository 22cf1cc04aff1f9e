import type { MapFilter, MapMeasure } from '../../../shared/api/schemas/geo';
import { mapMeasureLabels, mapMeasures } from '../../../shared/api/schemas/geo';
import type { ReportingPeriod } from '../../../shared/reporting-periods';
import { activityStatuses, sectors } from '../../../shared/domain/vocabulary';
import { FilterChoice } from '../../components/FilterChoice';
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
    <FilterChoice label={label} all={all} value={filter[key]} options={options} onChange={(value) => onFilter({ ...filter, [key]: value })} />
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
