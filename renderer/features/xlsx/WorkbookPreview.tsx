import type { WorkbookPreviewDto } from '../../../shared/api/methods/workbook-import';

/** "Activities, row 7, Start date": where a problem is, as the officer finds it in the file. */
function place(problem: WorkbookPreviewDto['problems'][number]): string {
  return [problem.sheet, problem.row === null ? null : `row ${problem.row}`, problem.column].filter(Boolean).join(', ');
}

/** A workbook import before anything is written: per sheet what is added, changed (old → new) and removed, and every problem. */
export function WorkbookPreview({ preview }: { preview: WorkbookPreviewDto }) {
  const changed = preview.sheets.filter((sheet) => sheet.added.length + sheet.changed.length + sheet.removed.length > 0);
  return (
    <>
      <table className="table">
        <caption>Sheets read from {preview.fileName}</caption>
        <thead>
          <tr>
            <th scope="col">Sheet</th>
            <th scope="col">To add</th>
            <th scope="col">To change</th>
            <th scope="col">To remove</th>
            <th scope="col">Unchanged</th>
          </tr>
        </thead>
        <tbody>
          {preview.sheets.map((sheet) => (
            <tr key={sheet.sheet}>
              <th scope="row">{sheet.sheet}</th>
              <td>{sheet.added.length}</td>
              <td>{sheet.changed.length}</td>
              <td>{sheet.removed.length}</td>
              <td>{sheet.unchanged}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {preview.notes.map((note, index) => (
        <p className="muted" key={index}>
          {note}
        </p>
      ))}
      {preview.problems.length ? (
        <table className="table">
          <caption>
            {preview.problems.length} {preview.problems.length === 1 ? 'problem' : 'problems'} to fix in the workbook
          </caption>
          <thead>
            <tr>
              <th scope="col">Where</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {preview.problems.slice(0, 500).map((problem, index) => (
              <tr key={index}>
                <td className="nowrap">{place(problem)}</td>
                <td>{problem.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {preview.problems.length > 500 ? (
        <p className="muted">…and {preview.problems.length - 500} more (the command pamoja import-workbook --dry-run lists them all).</p>
      ) : null}
      {changed.map((sheet) => (
        <details key={sheet.sheet} className="workbook-sheet" open={sheet.changed.length + sheet.removed.length <= 20 && sheet.added.length <= 20}>
          <summary>
            {sheet.sheet}: {sheet.added.length} to add, {sheet.changed.length} to change, {sheet.removed.length} to remove
          </summary>
          <ul className="plain-list">
            {sheet.added.slice(0, 200).map((added, index) => (
              <li key={`a${index}`}>
                <strong>Add</strong> {added.row > 0 ? `row ${added.row}: ` : ''}
                {added.label}
              </li>
            ))}
            {sheet.changed.slice(0, 200).map((change, index) => (
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
            {sheet.removed.slice(0, 200).map((removed, index) => (
              <li key={`r${index}`}>
                <strong>Remove</strong> {removed.label}
              </li>
            ))}
          </ul>
        </details>
      ))}
    </>
  );
}
