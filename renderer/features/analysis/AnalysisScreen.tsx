import type { CycleDto } from '../../../shared/api/schemas/cycle';
import { allReady } from '../../api/all-ready';
import { useApiQuery } from '../../api/use-api-query';
import { QueryView } from '../../components/QueryView';
import { CostShareSummary } from './CostShareSummary';
import { CoverageTable } from './CoverageTable';
import { IndicatorStatusList } from './IndicatorStatusList';
import { JointCalendar } from './JointCalendar';
import { OverlapClusterList } from './OverlapClusterList';
import { OverlapList } from './OverlapList';
import { StatutoryDatesForm } from './StatutoryDatesForm';
import { TriggerProposalList } from './TriggerProposalList';
import './analysis.css';

/**
 * Joint-planning intelligence for one cycle: the joint calendar, likely duplicates, coverage gaps,
 * who pays for what, indicator status and the adaptive triggers it proposes.
 */
export function AnalysisScreen({ cycle }: { cycle: CycleDto }) {
  const cycleId = cycle.id;
  const calendar = useApiQuery('calendar:list', { cycleId });
  const statutory = useApiQuery('statutoryDate:list', { cycleId });
  const overlaps = useApiQuery('overlap:list', { cycleId });
  const clusters = useApiQuery('overlap:clusters', { cycleId });
  const organisations = useApiQuery('organisation:list', { cycleId });
  const costs = useApiQuery('costShare:summary', { cycleId });
  const status = useApiQuery('indicatorStatus:list', { cycleId });
  const proposals = useApiQuery('triggerProposal:list', { cycleId });
  const reloadMonitoring = () => {
    if (status.status !== 'loading') status.reload();
    if (proposals.status !== 'loading') proposals.reload();
  };

  return (
    <>
      <nav className="analysis-contents" aria-label="On this page">
        <a href="#analysis-calendar">Joint calendar</a> · <a href="#analysis-overlaps">Duplication</a> · <a href="#analysis-coverage">Coverage</a> ·{' '}
        <a href="#analysis-costs">Who pays for what</a> · <a href="#analysis-indicators">Indicators</a> · <a href="#analysis-triggers">Proposed triggers</a>
      </nav>

      <section className="section" id="analysis-calendar" aria-labelledby="analysis-calendar-heading">
        <h2 id="analysis-calendar-heading">Joint calendar</h2>
        <QueryView query={calendar} what="the joint calendar">
          {(value) => <JointCalendar calendar={value} cycle={cycle} />}
        </QueryView>
        <details className="analysis-details">
          <summary>County budget dates (PFM Act) for this cycle</summary>
          <QueryView query={statutory} what="the statutory dates">
            {(value, reload) => (
              <StatutoryDatesForm
                key={JSON.stringify(value.dates)}
                cycleId={cycleId}
                dates={value.dates}
                customised={value.customised}
                onSaved={() => {
                  reload();
                  if (calendar.status !== 'loading') calendar.reload();
                }}
              />
            )}
          </QueryView>
        </details>
      </section>

      <section className="section" id="analysis-overlaps" aria-labelledby="analysis-overlaps-heading">
        <h2 id="analysis-overlaps-heading">Duplication and overlap</h2>
        <h3>Clusters of likely duplicates</h3>
        <QueryView query={clusters} what="the overlap clusters">
          {(value) => <OverlapClusterList report={value} cycleTitle={cycle.title} />}
        </QueryView>
        <h3>Every flagged pair</h3>
        <QueryView query={overlaps} what="the overlap check">
          {(value, reload) => (
            <OverlapList
              report={value}
              onChanged={() => {
                reload();
                // A pair judged complementary leaves its cluster.
                if (clusters.status !== 'loading') clusters.reload();
              }}
            />
          )}
        </QueryView>
      </section>

      <section className="section" id="analysis-coverage" aria-labelledby="analysis-coverage-heading">
        <h2 id="analysis-coverage-heading">Coverage: wards × sectors</h2>
        <QueryView query={organisations} what="the organisations">
          {(orgs) => <CoverageTable cycleId={cycleId} organisations={orgs} />}
        </QueryView>
      </section>

      <section className="section" id="analysis-costs" aria-labelledby="analysis-costs-heading">
        <h2 id="analysis-costs-heading">Who pays for what</h2>
        <QueryView query={costs} what="the cost share">
          {(value) => <CostShareSummary costs={value} />}
        </QueryView>
      </section>

      <section className="section" id="analysis-indicators" aria-labelledby="analysis-indicators-heading">
        <h2 id="analysis-indicators-heading">Indicator status</h2>
        <QueryView query={status} what="the indicator status">
          {(value) => <IndicatorStatusList report={value} onChanged={reloadMonitoring} />}
        </QueryView>
      </section>

      <section className="section" id="analysis-triggers" aria-labelledby="analysis-triggers-heading">
        <h2 id="analysis-triggers-heading">Proposed adaptive triggers</h2>
        <QueryView query={allReady(proposals, organisations)} what="the proposed triggers">
          {([value, orgs], reload) => <TriggerProposalList report={value} organisations={orgs} onChanged={reload} />}
        </QueryView>
      </section>
    </>
  );
}
