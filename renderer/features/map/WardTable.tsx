import { DataTable } from '../../components/ui/DataTable';
import { Button } from '../../components/ui/Button';
import type { WardMapDto } from '../../../shared/api/schemas/geo';
import { formatKes } from '../../../shared/money';

/** The map's numbers as a table, for people who would rather read, and for wards without a shape. */
export function WardTable({ figures, onSelect }: { figures: WardMapDto; onSelect: (wardId: string) => void }) {
  return (
    <div className="analysis-scroll">
      <DataTable className="map-table">
        <caption className="muted">
          {figures.title}: {figures.subtitle}. A multi-ward activity counts in each of its wards, its budget split evenly among them.
        </caption>
        <thead>
          <tr>
            <th scope="col">Ward</th>
            <th scope="col">{figures.legend.title}</th>
            <th scope="col" className="num">
              Planned (KES)
            </th>
            <th scope="col" className="num">
              Activities
            </th>
            <th scope="col" className="num">
              Sectors
            </th>
            <th scope="col" className="num">
              Organisations
            </th>
            <th scope="col" className="num">
              Likely duplicates
            </th>
            <th scope="col">Gap</th>
          </tr>
        </thead>
        <tbody>
          {figures.wards.map((w) => (
            <tr key={w.wardId}>
              <th scope="row">
                <Button kind="link" onClick={() => onSelect(w.wardId)}>
                  {w.name}
                </Button>{' '}
                <span className="muted">
                  {w.subCountyName}
                  {w.hasShape ? '' : ' · no shape loaded'}
                </span>
              </th>
              <td>{figures.legend.classes[w.classIndex]?.label}</td>
              <td className="num">{formatKes(w.plannedKesMinor)}</td>
              <td className="num">{w.activityCount}</td>
              <td className="num">{w.sectorCount}</td>
              <td className="num">{w.partnerCount}</td>
              <td className="num">{w.overlapPairs}</td>
              <td>{w.gap ? 'Gap' : ''}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All activities</th>
            <td />
            <td className="num">{formatKes(figures.plannedKesMinor)}</td>
            <td className="num">{figures.activityCount}</td>
            <td />
            <td />
            <td className="num">{figures.overlapPairs}</td>
            <td>{figures.wards.filter((w) => w.gap).length} gaps</td>
          </tr>
        </tfoot>
      </DataTable>
    </div>
  );
}
