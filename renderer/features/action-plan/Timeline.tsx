import type { ActivityDto } from '../../../shared/api/schemas/plan';
import { formatDisplayDate } from '../../../shared/dates';
import { activityStatuses } from '../../../shared/domain/vocabulary';
import { useVirtualRows } from '../../components/virtual-rows';
import { dateRange } from './activity-register';
import { barOf, type TimelineScale } from './timeline';

const ROW_HEIGHT = 30;

interface TimelineProps {
  activities: readonly ActivityDto[];
  scale: TimelineScale;
  today: string;
  onOpen: (id: string) => void;
}

/**
 * The action plan as a Gantt chart across the fiscal year: months and county quarters across the
 * top, one bar per activity (its completion shaded in), and a line at today. Only the rows in view
 * are drawn, so a plan of thousands scrolls as lightly as one of thirty.
 */
export function Timeline({ activities, scale, today, onOpen }: TimelineProps) {
  const { ref: boxRef, onScroll, ...view } = useVirtualRows(activities.length, ROW_HEIGHT);
  return (
    <figure className="timeline" aria-label="Timeline of the action plan">
      <div className="timeline__head" aria-hidden="true">
        <div className="timeline__corner">Activity</div>
        <div className="timeline__axis">
          <div className="timeline__quarters">
            {scale.quarters.map((quarter) => (
              <span key={quarter.label} style={{ left: `${quarter.left}%`, width: `${quarter.width}%` }}>
                {quarter.label}
              </span>
            ))}
          </div>
          <div className="timeline__months">
            {scale.months.map((month) => (
              <span key={month.left} style={{ left: `${month.left}%`, width: `${month.width}%` }}>
                {month.label}
              </span>
            ))}
          </div>
        </div>
      </div>
      <div ref={boxRef} className="timeline__body" onScroll={onScroll}>
        <div className="timeline__canvas" style={{ height: activities.length * ROW_HEIGHT }}>
          <div className="timeline__grid" aria-hidden="true">
            {scale.months.map((month, index) => (
              <span
                key={month.left}
                className={index % 3 === 0 ? 'timeline__line timeline__line--quarter' : 'timeline__line'}
                style={{ left: `${month.left}%` }}
              />
            ))}
            {scale.today !== null ? (
              <span className="timeline__today" style={{ left: `${scale.today}%` }} title={`Today, ${formatDisplayDate(today)}`}>
                <span className="timeline__today-label">Today</span>
              </span>
            ) : null}
          </div>
          {activities.slice(view.first, view.last).map((activity, offset) => {
            const bar = barOf(activity, scale);
            const name = activity.code ? `${activity.code} ${activity.title}` : activity.title;
            const summary = `${name}: ${dateRange(activity.startDate, activity.endDate)} · ${activityStatuses.label(activity.status)} · ${activity.completionPct} % done`;
            return (
              <div
                key={activity.id}
                className="timeline__row"
                style={{ top: (view.first + offset) * ROW_HEIGHT, height: ROW_HEIGHT }}
                data-timeline-row={activity.code}
              >
                <button type="button" className="timeline__label" title={summary} onClick={() => onOpen(activity.id)}>
                  <span className="cell__strong">{activity.code}</span> {activity.title}
                </button>
                <div className="timeline__track">
                  {bar ? (
                    <span
                      className={`timeline__bar timeline__bar--${activity.status}${bar.cutStart ? ' timeline__bar--cut-start' : ''}${bar.cutEnd ? ' timeline__bar--cut-end' : ''}`}
                      style={{ left: `${bar.left}%`, width: `${bar.width}%` }}
                      title={summary}
                      onClick={() => onOpen(activity.id)}
                    >
                      <span className="timeline__done" style={{ width: `${activity.completionPct}%` }} />
                    </span>
                  ) : (
                    <span className="timeline__outside">Outside this cycle</span>
                  )}
                </div>
              </div>
            );
          })}
        </div>
      </div>
      <figcaption className="legend">
        {activityStatuses.keys.map((status) => (
          <span key={status} className="legend__item">
            <span className={`legend__swatch timeline__bar--${status}`} /> {activityStatuses.label(status)}
          </span>
        ))}
        <span className="legend__item">
          <span className="legend__swatch legend__swatch--done" /> Share completed
        </span>
        <span className="legend__item">
          <span className="legend__today" /> Today ({formatDisplayDate(today)})
        </span>
      </figcaption>
    </figure>
  );
}
