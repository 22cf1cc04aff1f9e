import type { ThresholdsDto } from '../../../shared/api/schemas/analysis/indicator-status';
import type { RiskDto } from '../../../shared/api/schemas/monitoring';
import type { ActivityDto } from '../../../shared/api/schemas/plan';
import type { MilestoneDto } from '../../../shared/api/schemas/review';
import { formatDisplayDate } from '../../../shared/dates';
import { levels } from '../../../shared/domain/vocabulary';
import { cycleRoute, hrefFor, type CycleScreen } from '../../routing/routes';
import type { ShareTotals } from '../budget/budget-totals';
import { BudgetCards } from '../budget/BudgetCards';
import { ContributorChart, CountyPartnerShare, SectorChart } from '../budget/BudgetFigures';
import { progressLabels, thresholdsInWords, type ProgressStatus, type StatusCounts } from '../indicators/indicator-progress';
import { relativeDays } from '../../../shared/analysis/due-dates';

const link = (cycleId: string, screen: CycleScreen) => hrefFor(cycleRoute(cycleId, screen));

export function BudgetPanel({ cycleId, totals }: { cycleId: string; totals: ShareTotals }) {
  return (
    <section className="section" aria-labelledby="overview-budget-heading">
      <div className="section__head">
        <h2 id="overview-budget-heading">Budget</h2>
        <a href={link(cycleId, 'budget')}>Open the budget →</a>
      </div>
      {totals.totalKes === 0 ? (
        <p className="empty">No contributions yet. On the Budget screen, add each contributor's line for each activity; the totals and charts appear here.</p>
      ) : (
        <BudgetCards totals={totals} />
      )}
    </section>
  );
}

/** Budget by contributor and by sector, and the county's share against the partners'. */
export function BudgetCharts({ totals }: { totals: ShareTotals }) {
  if (totals.totalKes === 0) return null;
  return (
    <section className="section" aria-label="Budget charts">
      <div className="chart-grid">
        <div className="panel panel--chart">
          <h3>Budget by contributor</h3>
          <ContributorChart totals={totals} />
        </div>
        <div className="panel panel--chart">
          <h3>Budget by sector</h3>
          <SectorChart totals={totals} />
        </div>
      </div>
      <div className="panel panel--chart">
        <h3>Cost share: county government and partners</h3>
        <CountyPartnerShare totals={totals} />
      </div>
    </section>
  );
}

const SHOWN: readonly ProgressStatus[] = ['on_track', 'at_risk', 'off_track', 'not_reported'];

export function IndicatorPanel({ cycleId, counts, total, thresholds }: { cycleId: string; counts: StatusCounts; total: number; thresholds: ThresholdsDto }) {
  return (
    <section className="panel" aria-labelledby="overview-indicators-heading">
      <h2 id="overview-indicators-heading">Indicators</h2>
      {total === 0 ? (
        <p className="muted">No indicators yet.</p>
      ) : (
        <>
          <ul className="status-counts">
            {SHOWN.map((status) => (
              <li key={status} className={`status-counts__item chip--${status}`} data-status={status}>
                <span className="status-counts__value">{counts[status]}</span> {progressLabels[status].toLowerCase()}
              </li>
            ))}
          </ul>
          <div className="status-bar" aria-hidden="true">
            {SHOWN.map((status) => (counts[status] > 0 ? <span key={status} className={`chip--${status}`} style={{ flexGrow: counts[status] }} /> : null))}
          </div>
          <p className="muted small">Latest reported period against its target: {thresholdsInWords(thresholds)}.</p>
        </>
      )}
      <a href={link(cycleId, 'indicators')}>Open the M&amp;E plan →</a>
    </section>
  );
}

export function RiskPanel({ cycleId, risks, total }: { cycleId: string; risks: readonly RiskDto[]; total: number }) {
  return (
    <section className="panel" aria-labelledby="overview-risks-heading">
      <h2 id="overview-risks-heading">High risks</h2>
      {risks.length > 0 ? <p className="muted small">Open risks rated high, as likelihood × impact.</p> : null}
      {risks.length === 0 ? (
        <p className="muted">{total === 0 ? 'No risks recorded yet.' : 'No open risk is rated high.'}</p>
      ) : (
        <ul className="plain-list plain-list--lines">
          {risks.slice(0, 6).map((risk) => (
            <li key={risk.id}>
              <span className="badge badge--severity-high">
                {levels.label(risk.likelihood)} × {levels.label(risk.impact)}
              </span>{' '}
              <strong>{risk.code}</strong> {risk.description}
            </li>
          ))}
          {risks.length > 6 ? <li className="muted">and {risks.length - 6} more</li> : null}
        </ul>
      )}
      <a href={link(cycleId, 'risks')}>Open the risk register →</a>
    </section>
  );
}

interface DuePanelProps {
  cycleId: string;
  today: string;
  upcoming: readonly MilestoneDto[];
  overdue: readonly MilestoneDto[];
  lateActivities: readonly ActivityDto[];
}

export function DuePanel({ cycleId, today, upcoming, overdue, lateActivities }: DuePanelProps) {
  return (
    <section className="panel" aria-labelledby="overview-due-heading">
      <h2 id="overview-due-heading">Milestones</h2>
      {overdue.length + lateActivities.length > 0 ? (
        <>
          <h3 className="panel__label panel__label--late">Overdue</h3>
          <ul className="plain-list plain-list--lines">
            {overdue.slice(0, 4).map((m) => (
              <li key={m.id}>
                <strong>{m.title}</strong>{' '}
                <span className="late">
                  due {formatDisplayDate(m.dueDate)} ({relativeDays(m.dueDate, today)})
                </span>
              </li>
            ))}
            {lateActivities.length > 0 ? (
              <li>
                <a href={link(cycleId, 'action-plan')}>
                  {lateActivities.length} activit{lateActivities.length === 1 ? 'y' : 'ies'} past {lateActivities.length === 1 ? 'its' : 'their'} end date
                </a>{' '}
                and not completed
              </li>
            ) : null}
          </ul>
        </>
      ) : null}
      <h3 className="panel__label">Coming up</h3>
      {upcoming.length === 0 ? (
        <p className="muted">Nothing due in the next two months.</p>
      ) : (
        <ul className="plain-list plain-list--lines">
          {upcoming.slice(0, 4).map((m) => (
            <li key={m.id}>
              <strong>{m.title}</strong>{' '}
              <span className="muted">
                {formatDisplayDate(m.dueDate)} ({relativeDays(m.dueDate, today)})
              </span>
            </li>
          ))}
        </ul>
      )}
      <a href={link(cycleId, 'reviews')}>Open reviews &amp; learning →</a>
    </section>
  );
}
