import { outsideCycleWarning } from '../../../shared/analysis/cycle-span';
import { formatDisplayDate } from '../../../shared/dates';
import { useCallback, useMemo, useState } from 'react';
import type { AdminUnitDto } from '../../../shared/api/schemas/admin';
import type { CycleDto } from '../../../shared/api/schemas/cycle';
import type { OrganisationDto } from '../../../shared/api/schemas/organisation';
import type { ActivityDto, ObjectiveDto } from '../../../shared/api/schemas/plan';
import { allReady } from '../../api/all-ready';
import { api } from '../../api/api';
import { useApiQuery } from '../../api/use-api-query';
import { usePagedRows, type PagedRows } from '../../api/use-paged-rows';
import { QueryView } from '../../components/QueryView';
import { RegisterSection } from '../../components/register/RegisterSection';
import { useEditor } from '../../components/register/use-editor';
import { todayIso } from '../../components/today';
import { usePaintMark } from '../../components/use-paint-mark';
import { indexById, organisationOptions, wardOptions } from '../lookups/lookups';
import { activityColumns, activityDefaults, activityFields, describeActivity } from './activity-register';
import { fiscalQuarters, filterActivities, noFilter, type ActivityFilter } from '../../../shared/analysis/activity-filter';
import { PasteRows } from '../imports/PasteRows';
import { ViewSwitch } from '../../components/ui/ViewSwitch';
import { ActivityFilters } from './ActivityFilters';
import { Timeline } from './Timeline';
import { timelineScale } from './timeline';

export const ACTION_PLAN_PAINTED = 'pamoja:action-plan:painted';
/** Left once every activity has been read (the first screen is painted from the first page). */
export const ACTION_PLAN_COMPLETE = 'pamoja:action-plan:complete';

export function ActionPlanScreen({ cycle }: { cycle: CycleDto }) {
  // The first page (100 activities, in code order) paints the screen; the rest are read behind it.
  const readPage = useCallback((offset: number, limit: number) => api('activity:page', { cycleId: cycle.id, offset, limit }), [cycle.id]);
  const activities = usePagedRows(readPage);
  const objectives = useApiQuery('objective:list', { cycleId: cycle.id });
  const organisations = useApiQuery('organisation:list', { cycleId: cycle.id });
  const wards = useApiQuery('adminUnit:list', { level: 'ward', withinId: cycle.countyId });
  return (
    <QueryView query={allReady(activities, objectives, organisations, wards)} what="the action plan">
      {([acts, objs, orgs, units], reload) => <ActionPlan cycle={cycle} activities={acts} objectives={objs} orgs={orgs} wards={units} reload={reload} />}
    </QueryView>
  );
}

interface ActionPlanProps {
  cycle: CycleDto;
  activities: PagedRows<ActivityDto>;
  objectives: readonly ObjectiveDto[];
  orgs: readonly OrganisationDto[];
  wards: readonly AdminUnitDto[];
  reload: () => void;
}

type View = 'table' | 'timeline';

function ActionPlan({ cycle, activities: read, objectives, orgs, wards, reload }: ActionPlanProps) {
  const editor = useEditor();
  const [view, setView] = useState<View>('table');
  const [filter, setFilter] = useState<ActivityFilter>(noFilter);
  const [today] = useState(todayIso);
  usePaintMark(ACTION_PLAN_PAINTED, true);
  usePaintMark(ACTION_PLAN_COMPLETE, read.complete);

  // In code order as read (`activity:page` sorts as shared/analysis/activity-filter.ts does).
  const activities = read.rows;
  const quarters = useMemo(() => fiscalQuarters(cycle), [cycle]);
  const shown = useMemo(() => filterActivities(activities, filter, quarters), [activities, filter, quarters]);
  const wardChoices = useMemo(() => wardOptions(wards), [wards]);
  const orgChoices = useMemo(() => organisationOptions(orgs), [orgs]);
  const columns = useMemo(
    () => activityColumns({ orgs: indexById(orgs), wardNames: new Map(wards.map((w) => [w.id, w.name])), cycle }, reload),
    [orgs, wards, cycle, reload],
  );
  const outside = useMemo(() => activities.filter((a) => outsideCycleWarning(a, cycle) !== null).length, [activities, cycle]);
  const fields = useMemo(() => activityFields(objectives, orgs, wardChoices), [objectives, orgs, wardChoices]);
  const scale = useMemo(() => timelineScale(cycle, today), [cycle, today]);

  const missing = objectives.length === 0 ? 'an objective' : orgs.length === 0 ? 'an organisation' : null;
  return (
    <RegisterSection
      register="activity"
      noun="activity"
      nounPlural="activities"
      heading="Action plan"
      lead="Who leads, who supports, where and when. Filter to find overlaps; open an activity to change it."
      cycleId={cycle.id}
      rows={activities}
      total={read.total}
      reading={!read.complete}
      shownRows={shown}
      reload={reload}
      columns={columns}
      fields={fields}
      defaults={activityDefaults(cycle)}
      describe={describeActivity}
      emptyText={
        missing
          ? `Add ${missing} first (${missing === 'an objective' ? 'Objectives' : 'Stakeholders'} screen): every activity serves an objective and has a lead organisation.`
          : 'No activities yet. Add the first joint activity: what will be done, by whom, where and when.'
      }
      editor={editor}
      actions={<PasteRows cycleId={cycle.id} into="activities" what="activities" onSaved={reload} />}
      table={{ rowHeight: 44, virtualFrom: 100, rowProps: (activity) => ({ 'data-activity-row': activity.code || activity.id }) }}
      toolbar={
        <>
          <ActivityFilters
            views={
              <ViewSwitch
                label="Show the action plan as"
                value={view}
                onChange={setView}
                options={[
                  { value: 'table', label: 'Table' },
                  { value: 'timeline', label: 'Timeline' },
                ]}
              />
            }
            filter={filter}
            onChange={setFilter}
            wards={wardChoices}
            organisations={orgChoices}
            quarters={quarters}
            shown={shown.length}
            read={activities.length}
            total={read.total}
          />
          {outside > 0 && read.complete ? (
            <p className="outside-year-note" role="status" data-outside-year-note>
              {outside === 1 ? '1 activity runs' : `${outside.toLocaleString('en-KE')} activities run`} outside the fiscal year {cycle.fiscalYear} (
              {formatDisplayDate(cycle.startDate)} – {formatDisplayDate(cycle.endDate)}), marked &ldquo;Outside FY&rdquo;: accepted, and{' '}
              {outside === 1 ? 'its' : 'their'} whole cost counts in this cycle&rsquo;s budget.
            </p>
          ) : null}
        </>
      }
      view={view === 'timeline' ? <Timeline activities={shown} scale={scale} today={today} onOpen={(id) => editor.openRow(id)} /> : undefined}
    />
  );
}
