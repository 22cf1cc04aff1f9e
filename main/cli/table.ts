/** Tab-separated with a header line: readable in a terminal, and pastes into a spreadsheet. */
export function tsv(header: string[], rows: (string | number)[][]): string {
  const clean = (value: string | number) => String(value).replace(/[\t\r\n]+/g, ' ');
  return [header, ...rows].map((row) => row.map(clean).join('\t')).join('\n') + '\n';
}

/** Columns padded to line up, for humans reading a terminal. */
export function alignedTable(header: string[], rows: (string | number)[][]): string {
  const all = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, column) => Math.max(...all.map((row) => (row[column] ?? '').length)));
  return (
    all.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ')).join('\n') +
    '\n'
  );
}
