import { Button } from '../../components/ui/Button';
import type { ReactNode } from 'react';
import { activityStatuses, sectors } from '../../../shared/domain/vocabulary';
import type { ReportingPeriod } from '../../../shared/reporting-periods';
import { FilterChoice } from '../../components/FilterChoice';
import type { Option } from '../../components/register/field-spec';
import { vocabularyOptions } from '../lookups/lookups';
import { isFiltered, noFilter, type ActivityFilter } from '../../../shared/analysis/activity-filter';

interface ActivityFiltersProps {
  filter: ActivityFilter;
  onChange: (filter: ActivityFilter) => void;
  wards: readonly Option[];
  organisations: readonly Option[];
  quarters: readonly ReportingPeriod[];
  shown: number;
  /** Activities read so far; fewer than `total` while the rest are still coming. */
  read: number;
  total: number;
  /** The table / timeline switch, on the line with the count. */
  views: ReactNode;
}

const sectorOptions = vocabularyOptions(sectors);
const statusOptions = vocabularyOptions(activityStatuses);

/** Narrow the action plan by sector, ward, organisation, status and county quarter, or by words. */
export function ActivityFilters({ filter, onChange, wards, organisations, quarters, shown, read, total, views }: ActivityFiltersProps) {
  const set = (key: keyof ActivityFilter, value: string) => onChange({ ...filter, [key]: value });
  const choice = (key: keyof ActivityFilter, label: string, all: string, options: readonly Option[]) => (
    <FilterChoice label={label} all={all} value={filter[key]} options={options} onChange={(value) => set(key, value)} />
  );
  return (
    <>
      <div className="filters__top">
        {views}
        <p className="filters__count" aria-live="polite">
          {countText({ shown, read, total, filtered: isFiltered(filter) })}
          {isFiltered(filter) ? (
            <Button kind="link" onClick={() => onChange(noFilter)}>
              Clear filters
            </Button>
          ) : null}
        </p>
      </div>
      <div className="filters" role="search" aria-label="Filter the action plan">
        {choice('sector', 'Sector', 'All sectors', sectorOptions)}
        {choice('wardId', 'Ward', 'All wards', wards)}
        {choice('orgId', 'Organisation', 'Any organisation', organisations)}
        {choice('status', 'Status', 'Any status', statusOptions)}
        {choice(
          'quarter',
          'Quarter (county FY)',
          'Whole year',
          quarters.map((quarter) => ({ value: quarter.key, label: quarter.label })),
        )}
        <label className="filter filter--text">
          <span className="filter__label">Words</span>
          <input type="search" value={filter.text} placeholder="Code, title…" onChange={(event) => set('text', event.target.value)} />
        </label>
      </div>
    </>
  );
}

const number = (n: number) => n.toLocaleString('en-KE');

/** What the list shows, in words; while activities are still being read, says so instead of a count that would be wrong. */
function countText({ shown, read, total, filtered }: { shown: number; read: number; total: number; filtered: boolean }): string {
  if (read < total) {
    const progress = `${number(read)} of ${number(total)} activities read, reading the rest…`;
    return filtered ? `${number(shown)} match so far (${progress})` : progress;
  }
  if (shown === total) return `${number(total)} ${total === 1 ? 'activity' : 'activities'}`;
  return `${number(shown)} of ${number(total)} activities`;
}
