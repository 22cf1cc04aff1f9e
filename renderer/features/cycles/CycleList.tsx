import { DataTable } from '../../components/ui/DataTable';
import type { CycleDto } from '../../../shared/api/schemas/cycle';
import { cyclePhases } from '../../../shared/domain/vocabulary';
import { cycleRoute, hrefFor } from '../../routing/routes';
import { CycleMarks } from './CycleMarks';

/** Every cycle in this installation; the title opens it. */
export function CycleList({ cycles }: { cycles: readonly CycleDto[] }) {
  if (cycles.length === 0) {
    return <p className="empty">No cycles yet. Create one with the form, or load the sample cycle to see a complete plan.</p>;
  }
  const current = cycles.filter((cycle) => cycle.archivedAt === null);
  const archived = cycles.filter((cycle) => cycle.archivedAt !== null);
  return (
    <>
      {current.length > 0 ? <CycleTable cycles={current} label="JWP cycles" /> : <p className="empty">Every cycle is archived.</p>}
      {archived.length > 0 ? (
        <details className="archived-cycles">
          <summary>Archived cycles ({archived.length})</summary>
          <CycleTable cycles={archived} label="Archived JWP cycles" />
        </details>
      ) : null}
    </>
  );
}

function CycleTable({ cycles, label }: { cycles: readonly CycleDto[]; label: string }) {
  return (
    <DataTable label={label}>
      <thead>
        <tr>
          <th scope="col">Title</th>
          <th scope="col">County</th>
          <th scope="col">Fiscal year</th>
          <th scope="col">Phase</th>
        </tr>
      </thead>
      <tbody>
        {cycles.map((cycle) => (
          <tr key={cycle.id}>
            <td>
              <a href={hrefFor(cycleRoute(cycle.id))}>{cycle.title}</a> <CycleMarks cycle={cycle} />
            </td>
            <td>{cycle.countyName}</td>
            <td className="nowrap">FY {cycle.fiscalYear}</td>
            <td>{cyclePhases.label(cycle.phase)}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
