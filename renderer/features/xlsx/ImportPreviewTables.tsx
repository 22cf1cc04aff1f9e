import type { ImportPreviewDto } from '../../../shared/api/methods/xlsx';

/** What an import would do, row by row: additions, field-by-field changes, and errors with their place. */
export function ImportPreviewTables({ preview }: { preview: ImportPreviewDto }) {
  return (
    <>
      <table className="table">
        <caption>Sheets read</caption>
        <thead>
          <tr>
            <th scope="col">Sheet</th>
            <th scope="col">Rows read</th>
            <th scope="col">To add</th>
            <th scope="col">To change</th>
            <th scope="col">Unchanged</th>
          </tr>
        </thead>
        <tbody>
          {preview.sheets.map((sheet) => (
            <tr key={sheet.sheet}>
              <th scope="row">{sheet.sheet}</th>
              <td>{sheet.rowsRead}</td>
              <td>{preview.adds.filter((add) => add.sheet === sheet.sheet).length}</td>
              <td>{preview.changes.filter((change) => change.sheet === sheet.sheet).length}</td>
              <td>{sheet.unchanged}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {preview.errors.length ? (
        <table className="table">
          <caption>Errors ({preview.errors.length}): these rows are not imported</caption>
          <thead>
            <tr>
              <th scope="col">Sheet</th>
              <th scope="col">Row</th>
              <th scope="col">Column</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {preview.errors.map((error, index) => (
              <tr key={index}>
                <td>{error.sheet}</td>
                <td>{error.row ?? '—'}</td>
                <td>{error.column ?? '—'}</td>
                <td>{error.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      {preview.adds.length ? (
        <table className="table">
          <caption>To add ({preview.adds.length})</caption>
          <thead>
            <tr>
              <th scope="col">Sheet, row</th>
              <th scope="col">Row</th>
              <th scope="col">Values</th>
            </tr>
          </thead>
          <tbody>
            {preview.adds.map((add) => (
              <tr key={`${add.sheet}:${add.row}`}>
                <td className="nowrap">
                  {add.sheet}, {add.row}
                </td>
                <td>{add.label}</td>
                <td>{add.fields.map((field) => `${field.column}: ${field.value}`).join(' · ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      {preview.changes.length ? (
        <table className="table">
          <caption>To change ({preview.changes.length})</caption>
          <thead>
            <tr>
              <th scope="col">Sheet, row</th>
              <th scope="col">Row</th>
              <th scope="col">Column</th>
              <th scope="col">Now</th>
              <th scope="col">After the import</th>
            </tr>
          </thead>
          <tbody>
            {preview.changes.flatMap((change) =>
              change.fields.map((field, index) => (
                <tr key={`${change.id}:${field.column}`}>
                  <td className="nowrap">{index === 0 ? `${change.sheet}, ${change.row}` : ''}</td>
                  <td>{index === 0 ? change.label : ''}</td>
                  <td>{field.column}</td>
                  <td>{field.old}</td>
                  <td>{field.new}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
