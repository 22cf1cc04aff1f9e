import { Button } from '../../components/ui/Button';
import { useState } from 'react';
import type { CalendarDto, CalendarEventDto } from '../../../shared/api/schemas/analysis/calendar';
import type { CycleDto } from '../../../shared/api/schemas/cycle';
import { formatDisplayDate } from '../../../shared/dates';
import { api } from '../../api/api';
import { showNotice } from '../../components/notices';
import { calendarStateLabels, eventsByDate, relativeDays } from './calendar-view';
import { downloadText } from './download';
import { monthGrid, monthOf, monthTitle, nextMonth, startingMonth } from './month-grid';
import { ViewSwitch } from '../../components/ui/ViewSwitch';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function EventLine({ event }: { event: CalendarEventDto }) {
  return (
    <li className={`analysis-event analysis-event--${event.state} analysis-event--${event.kind}`}>
      <span className="analysis-event__date">{formatDisplayDate(event.date)}</span>
      <span className="analysis-event__title">{event.title}</span>
      <span className="analysis-event__meta">
        {event.category} · {calendarStateLabels[event.state]}
        {event.state === 'overdue' || event.state === 'due_soon' ? ` (${relativeDays(event.daysFromToday)})` : ''}
      </span>
      {event.detail ? <span className="analysis-event__detail muted">{event.detail}</span> : null}
    </li>
  );
}

function MonthView({ calendar, cycle }: { calendar: CalendarDto; cycle: CycleDto }) {
  const [month, setMonth] = useState(() => startingMonth(calendar.today, cycle));
  const byDate = eventsByDate(calendar.events);
  const first = monthOf(cycle.startDate);
  const last = monthOf(cycle.endDate);
  return (
    <div className="analysis-month">
      <div className="analysis-month__nav">
        <Button disabled={month <= first} onClick={() => setMonth(nextMonth(month, -1))}>
          ← Previous
        </Button>
        <h3 className="analysis-month__title">{monthTitle(month)}</h3>
        <Button disabled={month >= last} onClick={() => setMonth(nextMonth(month, 1))}>
          Next →
        </Button>
      </div>
      <table className="analysis-month__grid">
        <thead>
          <tr>
            {WEEKDAYS.map((day) => (
              <th key={day} scope="col">
                {day}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthGrid(month).map((week) => (
            <tr key={week[0]?.date}>
              {week.map((cell) => (
                <td
                  key={cell.date}
                  className={`analysis-day${cell.inMonth ? '' : ' analysis-day--outside'}${cell.date === calendar.today ? ' analysis-day--today' : ''}`}
                  aria-label={formatDisplayDate(cell.date)}
                >
                  <span className="analysis-day__number">{cell.day}</span>
                  <ul className="analysis-day__events">
                    {(byDate.get(cell.date) ?? []).map((event) => (
                      <li
                        key={event.id}
                        className={`analysis-chip analysis-chip--${event.state}`}
                        title={`${event.title} — ${event.category}, ${calendarStateLabels[event.state]}`}
                      >
                        {event.title}
                      </li>
                    ))}
                  </ul>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The cycle's one calendar: list or month view, overdue and due-soon items marked, exportable as .ics. */
export function JointCalendar({ calendar, cycle }: { calendar: CalendarDto; cycle: CycleDto }) {
  const [view, setView] = useState<'list' | 'month'>('list');
  const [busy, setBusy] = useState(false);

  async function exportIcs() {
    setBusy(true);
    const result = await api('calendar:ics', { cycleId: cycle.id });
    setBusy(false);
    if (!result.ok) return showNotice(result.error.message);
    downloadText(result.value.fileName, result.value.content, 'text/calendar;charset=utf-8');
    showNotice(`${result.value.eventCount} dates saved as ${result.value.fileName}: open it with Outlook or import it into Google Calendar.`);
  }

  return (
    <>
      <div className="analysis-toolbar">
        <ViewSwitch
          label="Calendar view"
          value={view}
          onChange={setView}
          options={[
            { value: 'list', label: 'List' },
            { value: 'month', label: 'Month' },
          ]}
        />
        <p className="muted">
          {calendar.overdueCount} overdue · {calendar.dueSoonCount} due within 14 days · today {formatDisplayDate(calendar.today)}
        </p>
        <Button disabled={busy} onClick={() => void exportIcs()}>
          Export .ics (Outlook, Google Calendar)
        </Button>
      </div>
      {view === 'list' ? (
        <ol className="analysis-events">
          {calendar.events.map((event) => (
            <EventLine key={event.id} event={event} />
          ))}
        </ol>
      ) : (
        <MonthView calendar={calendar} cycle={cycle} />
      )}
    </>
  );
}
