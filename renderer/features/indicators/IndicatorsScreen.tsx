import { Button } from '../../components/ui/Button';
import { useMemo, useState } from 'react';
import type { ThresholdsDto } from '../../../shared/api/schemas/analysis/indicator-status';
import type { CycleDto } from '../../../shared/api/schemas/cycle';
import type { IndicatorDto, IndicatorPeriodDto } from '../../../shared/api/schemas/monitoring';
import type { OrganisationDto } from '../../../shared/api/schemas/organisation';
import type { ActivityDto, ObjectiveDto } from '../../../shared/api/schemas/plan';
import { reportingPeriods } from '../../../shared/reporting-periods';
import { allReady } from '../../api/all-ready';
import { useApiQuery } from '../../api/use-api-query';
import { QueryView } from '../../components/QueryView';
import { RegisterSection } from '../../components/register/RegisterSection';
import { useEditor } from '../../components/register/use-editor';
import { indexById } from '../lookups/lookups';
import { latestProgress, periodProgress, progressLabels, thresholdsInWords, type PeriodProgress, type ProgressStatus } from './indicator-progress';
import { describeIndicator, indicatorColumns, indicatorDefaults, indicatorFields } from './indicator-register';
import { PasteRows } from '../imports/PasteRows';
import { PeriodGrid } from './PeriodGrid';

export function IndicatorsScreen({ cycle }: { cycle: CycleDto }) {
  const indicators = useApiQuery('indicator:list', { cycleId: cycle.id });
  const periods = useApiQuery('indicatorPeriod:list', { cycleId: cycle.id });
  const organisations = useApiQuery('organisation:list', { cycleId: cycle.id });
  const objectives = useApiQuery('objective:list', { cycleId: cycle.id });
  const activities = useApiQuery('activity:list', { cycleId: cycle.id });
  const settings = useApiQuery('analysisSettings:get', { cycleId: cycle.id });
  return (
    <QueryView query={allReady(indicators, periods, organisations, objectives, activities, settings)} what="the M&E plan">
      {([rows, periodRows, orgs, objs, acts, thresholds], reload) => (
        <Indicators
          cycle={cycle}
          indicators={rows}
          periodRows={periodRows}
          orgs={orgs}
          objectives={objs}
          activities={acts}
          thresholds={thresholds}
          reload={reload}
        />
      )}
    </QueryView>
  );
}

interface IndicatorsProps {
  cycle: CycleDto;
  indicators: readonly IndicatorDto[];
  periodRows: readonly IndicatorPeriodDto[];
  orgs: readonly OrganisationDto[];
  objectives: readonly ObjectiveDto[];
  activities: readonly ActivityDto[];
  thresholds: ThresholdsDto;
  reload: () => void;
}

const STATUSES: readonly ProgressStatus[] = ['on_track', 'at_risk', 'off_track', 'not_reported'];

function Indicators({ cycle, indicators, periodRows, orgs, objectives, activities, thresholds, reload }: IndicatorsProps) {
  const editor = useEditor();
  const [status, setStatus] = useState<ProgressStatus | null>(null);
  const progress = useMemo(() => {
    const calendar = reportingPeriods(cycle);
    const byIndicator = new Map<string, IndicatorPeriodDto[]>();
    for (const row of periodRows) byIndicator.set(row.indicatorId, [...(byIndicator.get(row.indicatorId) ?? []), row]);
    return new Map(indicators.map((indicator) => [indicator.id, periodProgress(indicator, byIndicator.get(indicator.id) ?? [], calendar, thresholds)]));
  }, [cycle, indicators, periodRows, thresholds]);
  const latest = useMemo(() => new Map([...progress].map(([id, periods]): [string, PeriodProgress | null] => [id, latestProgress(periods)])), [progress]);
  const statusOf = (id: string): ProgressStatus => latest.get(id)?.status ?? 'not_reported';
  const counts = STATUSES.map((key) => ({ key, count: indicators.filter((indicator) => statusOf(indicator.id) === key).length }));
  const shown = status ? indicators.filter((indicator) => statusOf(indicator.id) === status) : indicators;

  return (
    <RegisterSection
      register="indicator"
      noun="indicator"
      nounPlural="indicators"
      heading="M&E plan"
      lead={`Open an indicator to enter its targets and actuals per period. Colours follow the period's target: ${thresholdsInWords(thresholds)}.`}
      cycleId={cycle.id}
      rows={indicators}
      shownRows={shown}
      reload={reload}
      columns={indicatorColumns(indexById(orgs), latest)}
      fields={indicatorFields(orgs, objectives, activities)}
      defaults={indicatorDefaults}
      describe={describeIndicator}
      emptyText={
        orgs.length === 0
          ? 'Add an organisation first (Stakeholders): every indicator has a responsible entity.'
          : 'No indicators yet. Add the indicators the plan will be measured by, each with its target.'
      }
      editor={editor}
      actions={indicators.length > 0 ? <PasteRows cycleId={cycle.id} into="indicatorTargets" what="indicator targets" onSaved={reload} /> : null}
      editorLead={(indicator) => <PeriodGrid key={indicator.id} indicator={indicator} periods={progress.get(indicator.id) ?? []} onSaved={reload} />}
      toolbar={
        indicators.length > 0 ? (
          <div className="status-filter" role="group" aria-label="Show indicators by progress">
            {counts.map(({ key, count }) => (
              <button
                key={key}
                type="button"
                className={`status-filter__item chip chip--${key}`}
                aria-pressed={status === key}
                onClick={() => setStatus(status === key ? null : key)}
              >
                <strong>{count}</strong> {progressLabels[key]}
              </button>
            ))}
            {status ? (
              <Button kind="link" onClick={() => setStatus(null)}>
                Show all
              </Button>
            ) : null}
          </div>
        ) : null
      }
    />
  );
}
