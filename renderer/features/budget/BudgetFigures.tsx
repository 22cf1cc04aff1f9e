import { DataTable } from '../../components/ui/DataTable';
import { contributionTypes } from '../../../shared/domain/vocabulary';
import { kes } from '../../components/charts/money-format';
import { MoneyBars } from '../../components/charts/MoneyBars';
import { ShareBar } from '../../components/charts/ShareBar';
import { percentOf, type ShareTotals } from './budget-totals';

export const COUNTY_COLOUR = '#185c45';
export const PARTNER_COLOUR = '#c79a2e';
const PLANNED_COLOUR = '#9fb8ac';
const DISBURSED_COLOUR = '#185c45';

/** Charts need few bars to stay readable: the largest contributors, the rest as one bar. */
export function topContributors(totals: ShareTotals, count = 12) {
  const rows = totals.byContributor.map((row) => ({ label: row.label, county: row.county ? row.kes : 0, partner: row.county ? 0 : row.kes }));
  if (rows.length <= count + 1) return rows;
  const rest = rows.slice(count);
  return [
    ...rows.slice(0, count),
    { label: `${rest.length} others`, county: rest.reduce((sum, row) => sum + row.county, 0), partner: rest.reduce((sum, row) => sum + row.partner, 0) },
  ];
}

export function ContributorChart({ totals }: { totals: ShareTotals }) {
  return (
    <MoneyBars
      label="Budget by contributor, in KES"
      data={topContributors(totals)}
      stacked
      series={[
        { key: 'county', name: 'County government', colour: COUNTY_COLOUR },
        { key: 'partner', name: 'Partners', colour: PARTNER_COLOUR },
      ]}
    />
  );
}

export function SectorChart({ totals }: { totals: ShareTotals }) {
  return (
    <MoneyBars
      label="Budget by sector, in KES"
      data={totals.bySector.map((row) => ({ label: row.label, kes: row.kes }))}
      series={[{ key: 'kes', name: 'Budget', colour: COUNTY_COLOUR }]}
    />
  );
}

export function CountyPartnerShare({ totals }: { totals: ShareTotals }) {
  return (
    <ShareBar
      label="Cost share: county government and partners"
      parts={[
        { name: 'County government', kes: totals.countyKes, className: 'share--county' },
        { name: 'Partners', kes: totals.partnerKes, className: 'share--partner' },
      ]}
    />
  );
}

export function PeriodChart({ totals }: { totals: ShareTotals }) {
  return (
    <MoneyBars
      label="Planned and disbursed per reporting period, in KES"
      layout="up"
      data={totals.periods.map((period) => ({ label: period.label, planned: period.plannedKes, disbursed: period.disbursedKes }))}
      series={[
        { key: 'planned', name: 'Planned', colour: PLANNED_COLOUR },
        { key: 'disbursed', name: 'Disbursed', colour: DISBURSED_COLOUR },
      ]}
    />
  );
}

export function PeriodTable({ totals }: { totals: ShareTotals }) {
  return (
    <DataTable label="Planned and disbursed per reporting period" compact>
      <thead>
        <tr>
          <th scope="col">Period</th>
          <th scope="col" className="cell--num">
            Planned
          </th>
          <th scope="col" className="cell--num">
            Disbursed
          </th>
          <th scope="col" className="cell--num">
            Variance
          </th>
        </tr>
      </thead>
      <tbody>
        {totals.periods.map((period) => (
          <tr key={period.key}>
            <td className="nowrap">{period.label}</td>
            <td className="cell--num">{kes(period.plannedKes)}</td>
            <td className="cell--num">{kes(period.disbursedKes)}</td>
            <td className={period.disbursedKes < period.plannedKes ? 'cell--num cell--short' : 'cell--num'}>{kes(period.disbursedKes - period.plannedKes)}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

export function ContributorTable({ totals }: { totals: ShareTotals }) {
  return (
    <DataTable label="Totals by contributor" compact>
      <thead>
        <tr>
          <th scope="col">Contributor</th>
          {contributionTypes.keys.map((type) => (
            <th key={type} scope="col" className="cell--num">
              {contributionTypes.label(type)}
            </th>
          ))}
          <th scope="col" className="cell--num">
            Total
          </th>
          <th scope="col" className="cell--num">
            Share
          </th>
        </tr>
      </thead>
      <tbody>
        {totals.byContributor.map((row) => (
          <tr key={row.key}>
            <td>
              {row.label} {row.county ? <span className="badge badge--county">County</span> : null}
            </td>
            {contributionTypes.keys.map((type) => (
              <td key={type} className="cell--num">
                {row.byType[type] ? kes(row.byType[type]) : '—'}
              </td>
            ))}
            <td className="cell--num">
              <strong>{kes(row.kes)}</strong>
            </td>
            <td className="cell--num">{percentOf(row.kes, totals.totalKes)} %</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">All contributors</th>
          {totals.byType.map((row) => (
            <td key={row.key} className="cell--num">
              {kes(row.kes)}
            </td>
          ))}
          <td className="cell--num">
            <strong>{kes(totals.totalKes)}</strong>
          </td>
          <td className="cell--num">100 %</td>
        </tr>
      </tfoot>
    </DataTable>
  );
}

export function SectorTable({ totals }: { totals: ShareTotals }) {
  return <ShareTable heading="Sector" label="Totals by sector" rows={totals.bySector} totalKes={totals.totalKes} />;
}

export function TypeTable({ totals }: { totals: ShareTotals }) {
  return <ShareTable heading="Type" label="Totals by type of contribution" rows={totals.byType} totalKes={totals.totalKes} />;
}

/** One total per group with its share of the whole budget. */
function ShareTable({ heading, label, rows, totalKes }: { heading: string; label: string; rows: ShareTotals['bySector']; totalKes: number }) {
  return (
    <DataTable label={label} compact>
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col" className="cell--num">
            Total
          </th>
          <th scope="col" className="cell--num">
            Share
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <td>{row.label}</td>
            <td className="cell--num">{kes(row.kes)}</td>
            <td className="cell--num">{percentOf(row.kes, totalKes)} %</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
