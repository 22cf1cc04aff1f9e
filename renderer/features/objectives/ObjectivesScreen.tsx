import type { CycleDto } from '../../../shared/api/schemas/cycle';
import type { ActivityDto } from '../../../shared/api/schemas/plan';
import { allReady } from '../../api/all-ready';
import { useCallback } from 'react';
import { api } from '../../api/api';
import { useApiQuery } from '../../api/use-api-query';
import { usePagedRows } from '../../api/use-paged-rows';
import { QueryView } from '../../components/QueryView';
import { RegisterSection } from '../../components/register/RegisterSection';
import { useEditor } from '../../components/register/use-editor';
import { describeObjective, objectiveColumns, objectiveDefaults, objectiveFields } from './objective-register';

export function ObjectivesScreen({ cycle }: { cycle: CycleDto }) {
  const objectives = useApiQuery('objective:list', { cycleId: cycle.id });
  // Only the count per objective is shown: the objectives paint at once, the counts once every activity is read.
  const readActivities = useCallback((offset: number, limit: number) => api('activity:page', { cycleId: cycle.id, offset, limit }), [cycle.id]);
  const activities = usePagedRows(readActivities);
  const editor = useEditor();
  return (
    <QueryView query={allReady(objectives, activities)} what="the objectives">
      {([rows, acts], reload) => {
        const counts = acts.complete ? activitiesPerObjective(acts.rows) : null;
        return (
          <RegisterSection
            register="objective"
            noun="objective"
            nounPlural="objectives"
            heading="Objectives and priority areas"
            lead="Each joint activity serves one objective; link every objective to the county's CIDP programme or ADP priority."
            cycleId={cycle.id}
            rows={rows}
            reload={reload}
            columns={objectiveColumns(counts)}
            fields={objectiveFields}
            defaults={objectiveDefaults}
            describe={describeObjective}
            emptyText="No objectives yet. Add the plan's strategic objectives first: every activity in the action plan belongs to one."
            editor={editor}
          />
        );
      }}
    </QueryView>
  );
}

function activitiesPerObjective(activities: readonly ActivityDto[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const activity of activities) counts.set(activity.objectiveId, (counts.get(activity.objectiveId) ?? 0) + 1);
  return counts;
}
