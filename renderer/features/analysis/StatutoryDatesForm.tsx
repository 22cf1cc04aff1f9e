import { DataTable } from '../../components/ui/DataTable';
import { Button } from '../../components/ui/Button';
import { useState } from 'react';
import { statutoryDateFields, type StatutoryDateDto } from '../../../shared/api/schemas/analysis/calendar';
import { rangeOf } from '../../../shared/api/schemas/fields';
import { formatDisplayDate, monthAbbreviation } from '../../../shared/dates';
import { api } from '../../api/api';
import { showNotice } from '../../components/notices';
import { undoBy } from '../../components/undo';

type Row = Pick<StatutoryDateDto, 'key' | 'title' | 'month' | 'day' | 'description'>;

/** The county's statutory budget dates for this cycle: edit a day or month, or go back to the PFM Act defaults. */
export function StatutoryDatesForm({
  cycleId,
  dates,
  customised,
  onSaved,
}: {
  cycleId: string;
  dates: readonly StatutoryDateDto[];
  customised: boolean;
  onSaved: () => void;
}) {
  const [rows, setRows] = useState<Row[]>(() => dates.map(({ key, title, month, day, description }) => ({ key, title, month, day, description })));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const change = (index: number, patch: Partial<Row>) => setRows(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  async function save(action: 'set' | 'reset') {
    // The dates as they were, to put back from the notice: the cycle's own, or the PFM Act defaults.
    const earlier = dates.map(({ key, title, month, day, description }) => ({ key, title, month, day, description }));
    const setTo = (wanted: Row[] | 'defaults') => () =>
      wanted === 'defaults' ? api('statutoryDate:reset', { cycleId }) : api('statutoryDate:set', { cycleId, dates: wanted });
    setBusy(true);
    const result = await setTo(action === 'set' ? rows : 'defaults')();
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setError(null);
    if (action === 'reset') setRows(result.value.dates.map(({ key, title, month, day, description }) => ({ key, title, month, day, description })));
    const done = action === 'set' ? 'Statutory dates saved for this cycle.' : 'Statutory dates are back to the PFM Act defaults.';
    showNotice(done, {
      action: undoBy(
        { run: setTo(customised ? earlier : 'defaults'), done: 'Statutory dates are back as they were.' },
        { run: setTo(action === 'set' ? rows : 'defaults'), done },
      ),
    });
    onSaved();
  }

  return (
    <div className="analysis-statutory">
      <p className="muted">
        {customised ? 'This cycle uses its own dates.' : 'The PFM Act defaults.'} County circulars sometimes differ: change a date here and the calendar
        follows.
      </p>
      <DataTable label="Statutory dates">
        <thead>
          <tr>
            <th scope="col">Deadline</th>
            <th scope="col">Day</th>
            <th scope="col">Month</th>
            <th scope="col">This cycle</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={row.key}>
              <td>
                <input aria-label="Deadline" value={row.title} onChange={(event) => change(index, { title: event.target.value })} />
              </td>
              <td>
                <input
                  aria-label={`Day of ${row.title}`}
                  type="number"
                  {...rangeOf(statutoryDateFields.day)}
                  value={row.day}
                  onChange={(event) => change(index, { day: Number(event.target.value) })}
                />
              </td>
              <td>
                <select aria-label={`Month of ${row.title}`} value={row.month} onChange={(event) => change(index, { month: Number(event.target.value) })}>
                  {Array.from({ length: 12 }, (_, i) => (
                    <option key={i + 1} value={i + 1}>
                      {monthAbbreviation(i + 1)}
                    </option>
                  ))}
                </select>
              </td>
              <td className="nowrap">{formatDisplayDate(dates.find((d) => d.key === row.key)?.date ?? '')}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="form__actions">
        <Button kind="primary" disabled={busy} onClick={() => void save('set')}>
          Save dates
        </Button>
        <Button kind="quiet" disabled={busy || !customised} onClick={() => void save('reset')}>
          Back to the defaults
        </Button>
      </div>
    </div>
  );
}
