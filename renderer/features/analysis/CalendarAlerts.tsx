import type { CycleDto } from '../../../shared/api/schemas/cycle';
import { formatDisplayDate } from '../../../shared/dates';
import { useApiQuery } from '../../api/use-api-query';
import { QueryView } from '../../components/QueryView';
import { cycleRoute, hrefFor } from '../../routing/routes';
import { attentionItems, calendarStateLabels, relativeDays } from './calendar-view';
import './analysis.css';

/** For the overview: what is overdue and what falls due in the next 14 days, from the joint calendar. */
export function CalendarAlerts({ cycle }: { cycle: CycleDto }) {
  const calendar = useApiQuery('calendar:list', { cycleId: cycle.id });
  return (
    <section className="section" aria-labelledby="calendar-alerts-heading">
      <div className="section__head">
        <h2 id="calendar-alerts-heading">Deadlines</h2>
        <a href={`${hrefFor(cycleRoute(cycle.id, 'analysis'))}`}>Open the joint calendar →</a>
      </div>
      <QueryView query={calendar} what="the joint calendar">
        {(value) => {
          const items = attentionItems(value.events);
          if (items.length === 0) return <p className="muted">Nothing overdue and nothing due in the next 14 days.</p>;
          return (
            <ul className="analysis-alerts">
              {items.map((event) => (
                <li key={event.id} className={`analysis-alert analysis-alert--${event.state}`}>
                  <span className="analysis-alert__state">{calendarStateLabels[event.state]}</span>
                  <span className="analysis-alert__date">
                    {formatDisplayDate(event.date)} ({relativeDays(event.daysFromToday)})
                  </span>
                  <span className="analysis-alert__title">{event.title}</span>
                  <span className="muted"> · {event.category}</span>
                </li>
              ))}
            </ul>
          );
        }}
      </QueryView>
    </section>
  );
}
