import { useMemo, useState } from 'react';
import type { CostShareDto } from '../../../shared/api/schemas/analysis/cost-share';
import type { ThresholdsDto } from '../../../shared/api/schemas/analysis/indicator-status';
import type { CycleDto } from '../../../shared/api/schemas/cycle';
import type { IndicatorDto, IndicatorPeriodDto, RiskDto } from '../../../shared/api/schemas/monitoring';
import type { ActivityDto } from '../../../shared/api/schemas/plan';
import type { MilestoneDto } from '../../../shared/api/schemas/review';
import { reportingPeriods } from '../../../shared/reporting-periods';
import { allReady } from '../../api/all-ready';
import { useApiQuery, type Query } from '../../api/use-api-query';
import { QueryView } from '../../components/QueryView';
import { ErrorPanel, Loading } from '../../components/Status';
import { todayIso } from '../../components/today';
import { totalsFromShare } from '../budget/budget-totals';
import { statusCounts } from '../indicators/indicator-progress';
import { highRisks } from '../../../shared/analysis/risk-matrix';
import { overdueActivities, overdueMilestones, upcomingMilestones } from '../../../shared/analysis/due-dates';
import { CycleDetails } from './CycleDetails';
import { GettingStarted } from './GettingStarted';
import { BudgetCharts, BudgetPanel, DuePanel, IndicatorPanel, RiskPanel } from './OverviewPanels';
import { RegisterCounts } from './RegisterCounts';
import { CalendarAlerts } from '../analysis/CalendarAlerts';

export function OverviewScreen({ cycle }: { cycle: CycleDto }) {
  const stats = useApiQuery('cycle:stats', {});
  const input = { cycleId: cycle.id };
  const data = allReady(
    useApiQuery('activity:list', input),
    // The totals, not the lines: a county plan can hold 20,000 budget lines.
    useApiQuery('costShare:summary', input),
    useApiQuery('indicator:list', input),
    useApiQuery('indicatorPeriod:list', input),
    useApiQuery('risk:list', input),
    useApiQuery('milestone:list', input),
    useApiQuery('analysisSettings:get', input),
  );
  const counts = stats.status === 'ready' ? (stats.value.find((entry) => entry.id === cycle.id)?.counts ?? {}) : null;

  return (
    <>
      <CycleDetails cycle={cycle} />
      {counts ? <GettingStarted cycleId={cycle.id} counts={counts} /> : null}
      <CalendarAlerts cycle={cycle} />
      <QueryView query={data} what="the cycle's registers">
        {(values) => <Figures cycle={cycle} values={values} />}
      </QueryView>
      <Counts cycleId={cycle.id} stats={stats} counts={counts} />
    </>
  );
}

interface FiguresProps {
  cycle: CycleDto;
  values: readonly [
    readonly ActivityDto[],
    CostShareDto,
    readonly IndicatorDto[],
    readonly IndicatorPeriodDto[],
    readonly RiskDto[],
    readonly MilestoneDto[],
    ThresholdsDto,
  ];
}

/** The charts and lists the Secretariat opens the cycle for. */
function Figures({ cycle, values }: FiguresProps) {
  const [activities, share, indicators, periods, risks, milestones, thresholds] = values;
  const [today] = useState(todayIso);
  const totals = useMemo(() => totalsFromShare(share), [share]);
  const indicatorCounts = useMemo(() => statusCounts(indicators, periods, reportingPeriods(cycle), thresholds), [indicators, periods, cycle, thresholds]);
  return (
    <>
      <BudgetPanel cycleId={cycle.id} totals={totals} />
      <div className="overview-grid">
        <IndicatorPanel cycleId={cycle.id} counts={indicatorCounts} total={indicators.length} thresholds={thresholds} />
        <RiskPanel cycleId={cycle.id} risks={highRisks(risks)} total={risks.length} />
        <DuePanel
          cycleId={cycle.id}
          today={today}
          upcoming={upcomingMilestones(milestones, today)}
          overdue={overdueMilestones(milestones, today)}
          lateActivities={overdueActivities(activities, today)}
        />
      </div>
      <BudgetCharts totals={totals} />
    </>
  );
}

function Counts({ cycleId, stats, counts }: { cycleId: string; stats: Query<unknown>; counts: Record<string, number> | null }) {
  return (
    <section className="section" aria-labelledby="counts-heading">
      <h2 id="counts-heading">Registers</h2>
      {stats.status === 'loading' ? <Loading label="Counting…" /> : null}
      {stats.status === 'error' ? <ErrorPanel title="The registers could not be counted." error={stats.error} onRetry={stats.reload} /> : null}
      {counts ? <RegisterCounts cycleId={cycleId} counts={counts} /> : null}
    </section>
  );
}
