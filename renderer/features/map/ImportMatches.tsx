import { DataTable } from '../../components/ui/DataTable';
import type { WardImportPreviewDto } from '../../../shared/api/schemas/geo';
import { formatDisplayDate } from '../../../shared/dates';

/** Which feature of the file is which ward, what is left out and why, and the wards without a shape. */
export function ImportMatches({ preview }: { preview: WardImportPreviewDto }) {
  const others = preview.otherCounties.reduce((sum, c) => sum + c.features, 0);
  return (
    <div className="map-matches">
      <p>
        <strong>{preview.fileName}</strong> ({preview.format}, {preview.coordinates}): {preview.matches.length} of {preview.featureCount}{' '}
        {preview.featureCount === 1 ? 'feature is a ward' : 'features are wards'} of {preview.countyName}, recognised by {preview.matchedOn}.
      </p>
      <DataTable className="map-matches__table">
        <caption className="muted">Check each line: the feature of the file, and the ward it will draw.</caption>
        <thead>
          <tr>
            <th scope="col">Feature</th>
            <th scope="col">In the file</th>
            <th scope="col">Ward</th>
            <th scope="col">Recognised by</th>
          </tr>
        </thead>
        <tbody>
          {preview.matches.map((m) => (
            <tr key={`${m.feature}-${m.wardId}`}>
              <td>{m.feature + 1}</td>
              <td>{m.label}</td>
              <td>
                <strong>{m.wardName}</strong> <span className="muted">{m.subCountyName}</span>
              </td>
              <td>{m.matchedBy === 'code' ? 'IEBC code' : 'name'}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      {preview.unmatched.length > 0 ? (
        <>
          <h3>Left out ({preview.unmatched.length})</h3>
          <ul className="map-matches__list">
            {preview.unmatched.slice(0, 100).map((u) => (
              <li key={u.feature}>
                Feature {u.feature + 1} “{u.label}”: {u.reason}.
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {others > 0 ? (
        <p>
          {others.toLocaleString('en-GB')} features of {preview.otherCounties.length} other {preview.otherCounties.length === 1 ? 'county' : 'counties'} are
          left out (
          {preview.otherCounties
            .slice(0, 5)
            .map((c) => `${c.countyName} ${c.features}`)
            .join(', ')}
          {preview.otherCounties.length > 5 ? ', …' : ''}): only {preview.countyName}’s wards are kept.
        </p>
      ) : null}
      <p>
        {preview.wardsWithoutShape.length === 0
          ? `Every ward of ${preview.countyName} gets a shape.`
          : `Left without a shape: ${preview.wardsWithoutShape.map((w) => w.name).join(', ')}. They show in the table, not on the map.`}
      </p>
      {preview.notes.map((note) => (
        <p key={note} className="muted">
          {note}
        </p>
      ))}
      {preview.replaces ? (
        <p className="muted">
          This replaces the boundaries loaded {formatDisplayDate(preview.replaces.importedAt.slice(0, 10))} from {preview.replaces.source} (undo brings them
          back).
        </p>
      ) : null}
    </div>
  );
}
