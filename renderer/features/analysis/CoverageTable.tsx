import { DataTable } from '../../components/ui/DataTable';
import { useState } from 'react';
import type { CoverageMatrixDto } from '../../../shared/api/schemas/analysis/coverage';
import type { OrganisationDto } from '../../../shared/api/schemas/organisation';
import { useApiQuery } from '../../api/use-api-query';
import { QueryView } from '../../components/QueryView';
import { kes, kesShort } from '../../components/charts/money-format';
import { naturalCompare } from '../../../shared/natural-order';

function Matrix({ matrix }: { matrix: CoverageMatrixDto }) {
  return (
    <div className="analysis-scroll">
      <DataTable className="analysis-matrix">
        <caption className="muted">
          Each cell: activities and planned budget. Empty cells are gaps. A multi-ward activity counts in each of its wards, its budget split evenly among them.
        </caption>
        <thead>
          <tr>
            <th scope="col">Ward</th>
            {matrix.sectors.map((sector) => (
              <th key={sector.key} scope="col">
                {sector.label}
              </th>
            ))}
            <th scope="col">All sectors</th>
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row) => (
            <tr key={row.wardId ?? 'none'}>
              <th scope="row" className="analysis-row-name">
                {row.wardName}
                {row.subCountyName ? <span className="muted analysis-matrix__sub"> {row.subCountyName}</span> : null}
              </th>
              {row.cells.map((cell) =>
                cell.activityCount === 0 ? (
                  <td key={cell.sector} className="analysis-matrix__gap" title="Gap: no activity">
                    <span className="analysis-hidden">Gap</span>—
                  </td>
                ) : (
                  <td key={cell.sector} title={kes(cell.plannedKesMinor)}>
                    <span className="analysis-matrix__count">{cell.activityCount}</span>
                    <span className="analysis-matrix__money">{kesShort(cell.plannedKesMinor)}</span>
                  </td>
                ),
              )}
              <td className="analysis-matrix__total">
                <span className="analysis-matrix__count">{row.activityCount}</span>
                <span className="analysis-matrix__money">{kesShort(row.plannedKesMinor)}</span>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All wards</th>
            {matrix.sectorTotals.map((cell) => (
              <td key={cell.sector} className={cell.activityCount === 0 ? 'analysis-matrix__gap' : 'analysis-matrix__total'}>
                <span className="analysis-matrix__count">{cell.activityCount}</span>
                <span className="analysis-matrix__money">{kesShort(cell.plannedKesMinor)}</span>
              </td>
            ))}
            <td className="analysis-matrix__total">
              <span className="analysis-matrix__count">{matrix.activityCount}</span>
              <span className="analysis-matrix__money">{kesShort(matrix.plannedKesMinor)}</span>
            </td>
          </tr>
        </tfoot>
      </DataTable>
    </div>
  );
}

/** Wards × sectors with gaps highlighted; filter by organisation to see where one partner works. */
export function CoverageTable({ cycleId, organisations }: { cycleId: string; organisations: readonly OrganisationDto[] }) {
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const matrix = useApiQuery('coverage:matrix', { cycleId, organisationId });
  return (
    <>
      <div className="analysis-filters">
        <label className="analysis-filter">
          <span className="analysis-filter__label">Organisation</span>
          <select value={organisationId ?? ''} onChange={(event) => setOrganisationId(event.target.value || null)}>
            <option value="">All organisations</option>
            {[...organisations]
              .sort((a, b) => naturalCompare(a.shortName || a.name, b.shortName || b.name))
              .map((org) => (
                <option key={org.id} value={org.id}>
                  {org.shortName ? `${org.shortName} — ${org.name}` : org.name}
                </option>
              ))}
          </select>
        </label>
      </div>
      <QueryView query={matrix} what="the coverage matrix">
        {(value) => (
          <>
            <p className="section__lead">
              {value.gapCount} of {value.rows.filter((r) => r.wardId !== null).length * value.sectors.length} ward × sector cells are gaps.
              {value.wardsWithoutActivity.length > 0 ? ` No activity at all in ${value.wardsWithoutActivity.join(', ')}.` : ''}
              {value.organisationId ? ' Budgets are this organisation’s own contributions.' : ''}
            </p>
            <Matrix matrix={value} />
          </>
        )}
      </QueryView>
    </>
  );
}
