import { DataTable } from '../../components/ui/DataTable';
import type { ImportPreviewModel } from './preview-model';

/** At most this many problems, and rows per sheet, are listed; the rest are counted. */
const LISTED = 500;
const LISTED_PER_SHEET = 200;

/** "Activities, row 7, Start date": where a problem is, as the officer finds it in the file. */
function place(problem: ImportPreviewModel['problems'][number]): string {
  return [problem.sheet, problem.row === null ? null : `row ${problem.row}`, problem.column].filter(Boolean).join(', ');
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * An import before anything is written, whatever brought the rows: per sheet what is added,
 * changed (old → new) and removed, and every problem of every row at once.
 */
export function ImportPreview({ preview }: { preview: ImportPreviewModel }) {
  const changed = preview.sheets.filter((sheet) => sheet.added.length + sheet.changed.length + sheet.removed.length > 0);
  const counts = (sheet: ImportPreviewModel['sheets'][number]) =>
    `${sheet.added.length} to add, ${sheet.changed.length} to change${preview.removes ? `, ${sheet.removed.length} to remove` : ''}`;
  return (
    <div className="import-preview">
      {preview.about ? <p>{preview.about}</p> : null}
      <DataTable>
        <caption>Sheets read from {preview.source}</caption>
        <thead>
          <tr>
            <th scope="col">Sheet</th>
            <th scope="col">Rows read</th>
            <th scope="col">To add</th>
            <th scope="col">To change</th>
            {preview.removes ? <th scope="col">To remove</th> : null}
            <th scope="col">Unchanged</th>
          </tr>
        </thead>
        <tbody>
          {preview.sheets.map((sheet) => (
            <tr key={sheet.sheet}>
              <th scope="row">{sheet.sheet}</th>
              <td>{sheet.rowsRead}</td>
              <td>{sheet.added.length}</td>
              <td>{sheet.changed.length}</td>
              {preview.removes ? <td>{sheet.removed.length}</td> : null}
              <td>{sheet.unchanged}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      {preview.notes.map((note, index) => (
        <p className="muted" key={index}>
          {note}
        </p>
      ))}
      {preview.problems.length ? (
        <DataTable>
          <caption>{plural(preview.problems.length, 'problem', 'problems')} to fix: these rows are not imported</caption>
          <thead>
            <tr>
              <th scope="col">Where</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {preview.problems.slice(0, LISTED).map((problem, index) => (
              <tr key={index}>
                <td className="nowrap">{place(problem)}</td>
                <td>{problem.message}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
      {preview.problems.length > LISTED ? (
        <p className="muted">…and {preview.problems.length - LISTED} more (the pamoja command's --dry-run lists them all).</p>
      ) : null}
      {changed.map((sheet) => (
        <details key={sheet.sheet} className="workbook-sheet" open={sheet.changed.length + sheet.removed.length <= 20 && sheet.added.length <= 20}>
          <summary>
            {sheet.sheet}: {counts(sheet)}
          </summary>
          <ul className="plain-list">
            {sheet.added.slice(0, LISTED_PER_SHEET).map((added, index) => (
              <li key={`a${index}`}>
                <strong>Add</strong> {added.row > 0 ? `row ${added.row}: ` : ''}
                {added.label}
                {added.detail ? <span className="muted small"> · {added.detail}</span> : null}
              </li>
            ))}
            {sheet.changed.slice(0, LISTED_PER_SHEET).map((change, index) => (
              <li key={`c${index}`}>
                <strong>Change</strong> {change.row > 0 ? `row ${change.row}: ` : ''}
                {change.label}
                <ul>
                  {change.fields.map((field) => (
                    <li key={field.column}>
                      {field.column}: <del>{field.old}</del> → <ins>{field.new}</ins>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
            {sheet.removed.slice(0, LISTED_PER_SHEET).map((removed, index) => (
              <li key={`r${index}`}>
                <strong>Remove</strong> {removed.label}
              </li>
            ))}
          </ul>
          {Math.max(sheet.added.length, sheet.changed.length, sheet.removed.length) > LISTED_PER_SHEET ? (
            <p className="muted small">The first {LISTED_PER_SHEET} of each are listed.</p>
          ) : null}
        </details>
      ))}
    </div>
  );
}
