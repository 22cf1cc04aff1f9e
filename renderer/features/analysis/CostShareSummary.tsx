import { DataTable } from '../../components/ui/DataTable';
import { NOT_VALUED_LABEL, notValuedNote } from '../../../shared/budget-lines';
import type { CostShareDto } from '../../../shared/api/schemas/analysis/cost-share';
import { kes } from '../../components/charts/money-format';

const pct = (part: number, whole: number) => (whole === 0 ? '—' : `${Math.round((part / whole) * 100)} %`);

/** Who pays for what: county vs partners, cash vs in kind, planned vs disbursed by period, and who is behind. */
export function CostShareSummary({ costs }: { costs: CostShareDto }) {
  const { overall } = costs;
  return (
    <>
      <dl className="analysis-figures">
        <div>
          <dt>Planned</dt>
          <dd>{kes(overall.plannedKesMinor)}</dd>
        </div>
        <div>
          <dt>County share</dt>
          <dd>
            {kes(overall.countyKesMinor)} ({pct(overall.countyKesMinor, overall.plannedKesMinor)})
          </dd>
        </div>
        <div>
          <dt>Partners’ share</dt>
          <dd>
            {kes(overall.partnerKesMinor)} ({pct(overall.partnerKesMinor, overall.plannedKesMinor)})
          </dd>
        </div>
        <div>
          <dt>Cash · in kind · people</dt>
          <dd>
            {pct(overall.cashKesMinor, overall.plannedKesMinor)} · {pct(overall.inKindKesMinor, overall.plannedKesMinor)} ·{' '}
            {pct(overall.humanResourcesKesMinor, overall.plannedKesMinor)}
          </dd>
        </div>
        <div>
          <dt>Disbursed</dt>
          <dd>
            {kes(overall.disbursedKesMinor)} ({pct(overall.disbursedKesMinor, overall.plannedKesMinor)})
          </dd>
        </div>
      </dl>
      <div className="analysis-scroll">
        <DataTable label="Cost share by organisation">
          <thead>
            <tr>
              <th scope="col">Organisation</th>
              <th scope="col">Side</th>
              <th scope="col">Planned</th>
              {costs.periods.map((p) => (
                <th key={p.key} scope="col">
                  {p.label}
                  <br />
                  <span className="analysis-sub-heading">planned / disbursed</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {costs.byOrganisation.map((org) => (
              <tr key={org.organisationId}>
                <th scope="row" className="analysis-row-name">
                  {org.name}
                </th>
                <td>{org.side === 'county' ? 'County' : 'Partner'}</td>
                <td className="nowrap">{kes(org.plannedKesMinor)}</td>
                {costs.periods.map((p) => (
                  <td key={p.key} className="nowrap">
                    {kes(org.plannedByPeriod[p.key] ?? 0)} /
                    <br />
                    {kes(org.disbursedByPeriod[p.key] ?? 0)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </DataTable>
      </div>
      {costs.behindSchedule.length > 0 ? (
        <>
          <h3>Behind schedule at the end of {costs.periods.find((p) => p.key === costs.behindSchedule[0]?.periodKey)?.label}</h3>
          <ul className="analysis-lags">
            {costs.behindSchedule.slice(0, 20).map((lag) => (
              <li key={lag.contributionId}>
                <strong>{lag.organisationName}</strong> — {lag.component}:{' '}
                {lag.nothingDisbursed ? 'nothing disbursed' : `${kes(lag.disbursedKesMinor)} disbursed`} of {kes(lag.expectedKesMinor)} expected by then (
                {kes(lag.shortfallKesMinor)} short)
              </li>
            ))}
          </ul>
          {costs.behindSchedule.length > 20 ? <p className="muted">and {costs.behindSchedule.length - 20} more lines.</p> : null}
        </>
      ) : null}
      {costs.notValued.length > 0 ? (
        <>
          <h3>In-kind support not valued</h3>
          <p className="muted">{notValuedNote(costs.notValued.length)}</p>
          <ul className="analysis-lags">
            {costs.notValued.map((line) => (
              <li key={line.contributionId}>
                <strong>{line.organisationName}</strong> — {line.activityTitle}
                {line.component && line.component !== line.activityTitle ? ` (${line.component})` : ''}: {NOT_VALUED_LABEL}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {costs.overspent.length > 0 ? (
        <>
          <h3>Overspent lines</h3>
          <ul className="analysis-lags">
            {costs.overspent.map((line) => (
              <li key={line.contributionId}>
                <strong>{line.organisationName}</strong> — {line.activityTitle} ({line.component}): {kes(line.disbursedKesMinor)} disbursed against{' '}
                {kes(line.plannedKesMinor)} planned
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
