import { useState } from 'react';
import type { CycleDto } from '../../../shared/api/schemas/cycle';
import { allReady } from '../../api/all-ready';
import { useApiQuery } from '../../api/use-api-query';
import { QueryView } from '../../components/QueryView';
import { analysisRoute, analysisSections, hrefFor, type AnalysisSection } from '../../routing/routes';
import { useRoute } from '../../routing/use-route';
import { CostShareSummary } from './CostShareSummary';
import { CoverageTable } from './CoverageTable';
import { IndicatorStatusList } from './IndicatorStatusList';
import { JointCalendar } from './JointCalendar';
import { OverlapClusterList } from './OverlapClusterList';
import { OVERLAP_PAGE, OverlapList } from './OverlapList';
import { useLastAnswer } from './use-last-answer';
import { StatutoryDatesForm } from './StatutoryDatesForm';
import { TriggerProposalList } from './TriggerProposalList';
import './analysis.css';

const SECTION_TITLES: Record<AnalysisSection, string> = {
  calendar: 'Joint calendar',
  overlaps: 'Duplication and overlap',
  coverage: 'Coverage: wards × sectors',
  costs: 'Who pays for what',
  indicators: 'Indicator status',
  triggers: 'Proposed adaptive triggers',
};

const SECTION_LINKS: Record<AnalysisSection, string> = {
  calendar: 'Joint calendar',
  overlaps: 'Duplication',
  coverage: 'Coverage',
  costs: 'Who pays for what',
  indicators: 'Indicators',
  triggers: 'Proposed triggers',
};

/**
 * Joint-planning intelligence for one cycle: the joint calendar, likely duplicates, coverage gaps,
 * who pays for what, indicator status and the adaptive triggers it proposes. One sub-section shows
 * at a time, each at its own address (#/cycles/<id>/analysis/overlaps), so the screen is a page a
 * person can take in, and a link or Back brings a sub-section up.
 */
export function AnalysisScreen({ cycle }: { cycle: CycleDto }) {
  const route = useRoute();
  const section = route.name === 'cycle' ? (route.section ?? 'calendar') : 'calendar';
  return (
    <>
      <nav className="view-switch analysis-sections" aria-label="Analysis sections">
        {analysisSections.map((option) => (
          <a key={option} className="view-switch__tab" href={hrefFor(analysisRoute(cycle.id, option))} aria-current={option === section ? 'page' : undefined}>
            {SECTION_LINKS[option]}
          </a>
        ))}
      </nav>
      <section className="section" aria-labelledby="analysis-heading">
        <h2 id="analysis-heading">{SECTION_TITLES[section]}</h2>
        <AnalysisSectionBody section={section} cycle={cycle} />
      </section>
    </>
  );
}

function AnalysisSectionBody({ section, cycle }: { section: AnalysisSection; cycle: CycleDto }) {
  switch (section) {
    case 'calendar':
      return <CalendarSection cycle={cycle} />;
    case 'overlaps':
      return <OverlapsSection cycle={cycle} />;
    case 'coverage':
      return <CoverageSection cycleId={cycle.id} />;
    case 'costs':
      return <CostsSection cycleId={cycle.id} />;
    case 'indicators':
      return <IndicatorsSection cycleId={cycle.id} />;
    case 'triggers':
      return <TriggersSection cycleId={cycle.id} />;
  }
}

function CalendarSection({ cycle }: { cycle: CycleDto }) {
  const calendar = useApiQuery('calendar:list', { cycleId: cycle.id });
  const statutory = useApiQuery('statutoryDate:list', { cycleId: cycle.id });
  return (
    <>
      <QueryView query={calendar} what="the joint calendar">
        {(value) => <JointCalendar calendar={value} cycle={cycle} />}
      </QueryView>
      <details className="analysis-details">
        <summary>County budget dates (PFM Act) for this cycle</summary>
        <QueryView query={statutory} what="the statutory dates">
          {(value, reload) => (
            <StatutoryDatesForm
              key={JSON.stringify(value.dates)}
              cycleId={cycle.id}
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
    </>
  );
}

function OverlapsSection({ cycle }: { cycle: CycleDto }) {
  // The pairs come a page at a time: a large plan flags tens of thousands, and nobody reads them all.
  const [limit, setLimit] = useState(OVERLAP_PAGE);
  const overlaps = useLastAnswer(useApiQuery('overlap:list', { cycleId: cycle.id, limit }));
  const clusters = useApiQuery('overlap:clusters', { cycleId: cycle.id });
  return (
    <>
      <h3>Clusters of likely duplicates</h3>
      <QueryView query={clusters} what="the overlap clusters">
        {(value) => <OverlapClusterList report={value} cycle={cycle} />}
      </QueryView>
      <h3>Every flagged pair</h3>
      <QueryView query={overlaps} what="the overlap check">
        {(value, reload) => (
          <OverlapList
            report={value}
            onShowMore={() => setLimit(value.pairs.length + OVERLAP_PAGE)}
            onChanged={() => {
              reload();
              // A pair judged complementary leaves its cluster.
              if (clusters.status !== 'loading') clusters.reload();
            }}
          />
        )}
      </QueryView>
    </>
  );
}

function CoverageSection({ cycleId }: { cycleId: string }) {
  const organisations = useApiQuery('organisation:list', { cycleId });
  return (
    <QueryView query={organisations} what="the organisations">
      {(orgs) => <CoverageTable cycleId={cycleId} organisations={orgs} />}
    </QueryView>
  );
}

function CostsSection({ cycleId }: { cycleId: string }) {
  const costs = useApiQuery('costShare:summary', { cycleId });
  return (
    <QueryView query={costs} what="the cost share">
      {(value) => <CostShareSummary costs={value} />}
    </QueryView>
  );
}

function IndicatorsSection({ cycleId }: { cycleId: string }) {
  const status = useApiQuery('indicatorStatus:list', { cycleId });
  return (
    <QueryView query={status} what="the indicator status">
      {(value, reload) => <IndicatorStatusList report={value} onChanged={reload} />}
    </QueryView>
  );
}

function TriggersSection({ cycleId }: { cycleId: string }) {
  const proposals = useApiQuery('triggerProposal:list', { cycleId });
  const organisations = useApiQuery('organisation:list', { cycleId });
  return (
    <QueryView query={allReady(proposals, organisations)} what="the proposed triggers">
      {([value, orgs], reload) => <TriggerProposalList report={value} organisations={orgs} onChanged={reload} />}
    </QueryView>
  );
}
