import { Button } from '../../components/ui/Button';
import { useCallback, useMemo, useState } from 'react';
import type { ContributionDto, DisbursementDto } from '../../../shared/api/schemas/budget';
import type { CycleDto } from '../../../shared/api/schemas/cycle';
import type { OrganisationDto } from '../../../shared/api/schemas/organisation';
import type { ActivityDto } from '../../../shared/api/schemas/plan';
import { formatDisplayDate } from '../../../shared/dates';
import { formatRate } from '../../../shared/money';
import { allReady } from '../../api/all-ready';
import { api } from '../../api/api';
import { useApiQuery, type Query } from '../../api/use-api-query';
import { usePagedRows, type PagedRows } from '../../api/use-paged-rows';
import type { CostShareDto } from '../../../shared/api/schemas/analysis/cost-share';
import { ErrorPanel, Loading } from '../../components/Status';
import { kes } from '../../components/charts/money-format';
import { QueryView } from '../../components/QueryView';
import { RegisterDrawer } from '../../components/register/RegisterDrawer';
import { RegisterSection } from '../../components/register/RegisterSection';
import { PasteRows } from '../imports/PasteRows';
import { useEditor } from '../../components/register/use-editor';
import { todayIso } from '../../components/today';
import { indexById } from '../lookups/lookups';
import { BudgetCards } from './BudgetCards';
import { ContributorChart, ContributorTable, CountyPartnerShare, PeriodChart, PeriodTable, SectorChart, SectorTable, TypeTable } from './BudgetFigures';
import {
  contributionDefaults,
  contributionFields,
  contributionLabel,
  describeContribution,
  describeDisbursement,
  disbursementColumns,
  disbursementDefaults,
  disbursementFields,
} from './budget-registers';
import { cancelledLineCount, totalsFromShare } from './budget-totals';
import { CostShareGrid } from './CostShareGrid';

export function BudgetScreen({ cycle }: { cycle: CycleDto }) {
  // The grid paints from the first pages (budget lines under their activities, in code order) and
  // fills in behind them; the totals are the server's (costShare:summary), never a sum of the lines read so far.
  const readLines = useCallback((offset: number, limit: number) => api('contribution:page', { cycleId: cycle.id, offset, limit }), [cycle.id]);
  const readActivities = useCallback((offset: number, limit: number) => api('activity:page', { cycleId: cycle.id, offset, limit }), [cycle.id]);
  const contributions = usePagedRows(readLines);
  const activities = usePagedRows(readActivities);
  const disbursements = useApiQuery('disbursement:list', { cycleId: cycle.id });
  const organisations = useApiQuery('organisation:list', { cycleId: cycle.id });
  const share = useApiQuery('costShare:summary', { cycleId: cycle.id });
  return (
    <QueryView query={allReady(contributions, disbursements, activities, organisations)} what="the budget">
      {([lines, payments, acts, orgs], reload) => (
        <Budget
          cycle={cycle}
          lines={lines}
          payments={payments}
          activities={acts}
          orgs={orgs}
          share={share}
          reload={() => {
            reload();
            if (share.status !== 'loading') share.reload();
          }}
        />
      )}
    </QueryView>
  );
}

interface BudgetProps {
  cycle: CycleDto;
  lines: PagedRows<ContributionDto>;
  payments: readonly DisbursementDto[];
  activities: PagedRows<ActivityDto>;
  orgs: readonly OrganisationDto[];
  share: Query<CostShareDto>;
  reload: () => void;
}

function Budget({ cycle, lines: linesRead, payments, activities: activitiesRead, orgs, share, reload }: BudgetProps) {
  const lineEditor = useEditor();
  const paymentEditor = useEditor();
  const [today] = useState(todayIso);
  const lines = linesRead.rows;
  const activities = activitiesRead.rows;
  // Until every line and activity is here, nothing is offered that needs them all (a form's pickers, a payment's line).
  const complete = linesRead.complete && activitiesRead.complete;
  const totals = useMemo(() => (share.status === 'ready' ? totalsFromShare(share.value) : null), [share]);
  const cancelledLines = useMemo(() => (complete ? cancelledLineCount(activities, lines) : 0), [complete, activities, lines]);
  const orgById = useMemo(() => indexById(orgs), [orgs]);
  const activityById = useMemo(() => indexById(activities), [activities]);
  const lineById = useMemo(() => indexById(lines), [lines]);
  const lineLabel = (line: ContributionDto) => contributionLabel(line, activityById, orgById);
  const lineOptions = useMemo(
    () => lines.map((line) => ({ value: line.id, label: contributionLabel(line, activityById, orgById) })),
    [lines, activityById, orgById],
  );

  return (
    <>
      <section className="section" aria-labelledby="budget-heading">
        <div className="section__head">
          <h2 id="budget-heading">Cost-share budget</h2>
          <div className="section__actions">
            <PasteRows cycleId={cycle.id} into="budgetLines" what="budget lines" onSaved={reload} />
            <Button kind="primary" size="small" disabled={!complete} onClick={() => lineEditor.openNew()}>
              + Add contribution
            </Button>
          </div>
        </div>
        <p className="section__lead">
          All totals in KES; USD lines converted at the cycle's rate of KES {formatRate(cycle.kesPerUsdScaled)} per USD (rate of{' '}
          {formatDisplayDate(cycle.exchangeRateDate)}).
          {cancelledLines > 0
            ? ` ${cancelledLines.toLocaleString('en-KE')} line${cancelledLines === 1 ? '' : 's'} of cancelled activities left out of the totals.`
            : ''}
        </p>
        {linesRead.total === 0 ? (
          <p className="empty">
            No contributions yet. Add one line per contributor for each activity — the county's own departments and every partner — with the amount, cash or in
            kind, in KES or USD.
          </p>
        ) : !totals ? (
          <TotalsPending share={share} />
        ) : (
          <>
            <BudgetCards totals={totals} />
            <div className="chart-grid">
              <div className="panel panel--chart">
                <h3>By contributor</h3>
                <ContributorChart totals={totals} />
              </div>
              <div className="panel panel--chart">
                <h3>By sector</h3>
                <SectorChart totals={totals} />
              </div>
            </div>
            <div className="panel panel--chart">
              <h3>County government and partners</h3>
              <CountyPartnerShare totals={totals} />
            </div>
          </>
        )}
      </section>
      {linesRead.total > 0 && totals ? (
        <>
          <section className="section" aria-labelledby="periods-heading">
            <h2 id="periods-heading">Planned and disbursed per period</h2>
            <p className="section__lead">
              Planned money is spread over the periods by the days each activity runs; disbursed is what was recorded as paid or spent.
            </p>
            <div className="chart-grid">
              <div className="panel panel--chart">
                <PeriodChart totals={totals} />
              </div>
              <PeriodTable totals={totals} />
            </div>
          </section>
          <section className="section" aria-labelledby="totals-heading">
            <h2 id="totals-heading">Totals by contributor and sector</h2>
            <ContributorTable totals={totals} />
            <div className="chart-grid chart-grid--wide-left spaced">
              <SectorTable totals={totals} />
              <TypeTable totals={totals} />
            </div>
            <p className="total-line">
              Total estimated cost: <strong>{kes(totals.totalKes)}</strong>
            </p>
          </section>
        </>
      ) : null}
      <section className="section" aria-labelledby="grid-heading">
        <h2 id="grid-heading">Contributions per activity</h2>
        <CostShareGrid
          kesPerUsdScaled={cycle.kesPerUsdScaled}
          activities={activities}
          contributions={lines}
          reading={complete ? null : { lines: lines.length, totalLines: linesRead.total }}
          disbursements={payments}
          orgs={orgById}
          lineEditor={lineEditor}
          disbursementEditor={paymentEditor}
        />
      </section>
      {complete ? (
        <>
          <RegisterSection
            register="disbursement"
            noun="disbursement"
            nounPlural="disbursements"
            heading="Disbursements"
            lead="Money paid or spent against a contribution in a reporting period (the quarterly financial report)."
            cycleId={cycle.id}
            rows={[...payments].sort((a, b) => b.date.localeCompare(a.date))}
            reload={reload}
            columns={disbursementColumns(cycle, lineById, lineLabel)}
            fields={disbursementFields(cycle, lineOptions)}
            defaults={disbursementDefaults(today)}
            describe={describeDisbursement}
            emptyText={
              lines.length === 0
                ? 'Add contributions first; disbursements are recorded against them.'
                : 'Nothing disbursed yet. Use “+ Paid” on a contribution line to record a payment.'
            }
            editor={paymentEditor}
          />
          <RegisterDrawer
            register="contribution"
            noun="contribution"
            cycleId={cycle.id}
            rows={lines}
            fields={contributionFields(activities, orgs)}
            defaults={contributionDefaults}
            describe={describeContribution}
            editor={lineEditor}
            reload={reload}
          />
        </>
      ) : (
        <section className="section" aria-labelledby="disbursement-heading">
          <h2 id="disbursement-heading">Disbursements</h2>
          <Loading label="Reading the budget lines the payments are made against…" />
        </section>
      )}
    </>
  );
}

/** Where the cards and charts go while the server adds up the budget (or could not). */
function TotalsPending({ share }: { share: Query<CostShareDto> }) {
  if (share.status === 'error') return <ErrorPanel title="Could not add up the budget." error={share.error} onRetry={share.reload} />;
  return <Loading label="Adding up the budget…" />;
}
