import { useState } from 'react';
import type { CycleDto } from '../../../shared/api/schemas/cycle';
import { allReady } from '../../api/all-ready';
import { useApiQuery } from '../../api/use-api-query';
import { QueryView } from '../../components/QueryView';
import { RegisterSection } from '../../components/register/RegisterSection';
import { useEditor } from '../../components/register/use-editor';
import { todayIso } from '../../components/today';
import { indexById } from '../lookups/lookups';
import { overdueMilestones } from '../../../shared/analysis/due-dates';
import {
  describeLearning,
  describeMilestone,
  describeTrigger,
  learningColumns,
  learningDefaults,
  learningFields,
  milestoneColumns,
  milestoneDefaults,
  milestoneFields,
  triggerColumns,
  triggerDefaults,
  triggerFields,
} from './review-registers';

export function ReviewsScreen({ cycle }: { cycle: CycleDto }) {
  const milestones = useApiQuery('milestone:list', { cycleId: cycle.id });
  const learning = useApiQuery('learningEntry:list', { cycleId: cycle.id });
  const triggers = useApiQuery('adaptiveTrigger:list', { cycleId: cycle.id });
  const organisations = useApiQuery('organisation:list', { cycleId: cycle.id });
  const indicators = useApiQuery('indicator:list', { cycleId: cycle.id });
  const milestoneEditor = useEditor();
  const learningEditor = useEditor();
  const triggerEditor = useEditor();
  const [today] = useState(todayIso);
  const needOrg = 'Add an organisation first (Stakeholders): each entry names who is responsible.';

  return (
    <QueryView query={allReady(milestones, learning, triggers, organisations, indicators)} what="reviews and learning">
      {([stones, entries, rules, orgs, inds], reload) => {
        const orgById = indexById(orgs);
        const late = overdueMilestones(stones, today).length;
        const sorted = [...stones].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
        return (
          <>
            <RegisterSection
              register="milestone"
              noun="milestone"
              nounPlural="milestones"
              heading="Milestones and reports"
              lead={
                late > 0
                  ? `${late} milestone${late === 1 ? ' is' : 's are'} past due and not completed.`
                  : 'Review meetings, reports and deliverables, in date order.'
              }
              cycleId={cycle.id}
              rows={sorted}
              reload={reload}
              columns={milestoneColumns(orgById, today, reload)}
              fields={milestoneFields(orgs)}
              defaults={{ ...milestoneDefaults, dueDate: today }}
              describe={describeMilestone}
              emptyText="No milestones yet. Add the review meetings and the quarterly progress and financial reports, each with its due date."
              editor={milestoneEditor}
            />
            <RegisterSection
              register="learningEntry"
              noun="learning log entry"
              nounPlural="learning log entries"
              heading="Learning log"
              lead="What pause-and-reflect sessions, joint monitoring visits and reviews taught, and what follows from it."
              cycleId={cycle.id}
              rows={[...entries].sort((a, b) => b.entryDate.localeCompare(a.entryDate))}
              reload={reload}
              columns={learningColumns(orgById, today)}
              fields={learningFields(orgs)}
              defaults={learningDefaults(today)}
              describe={describeLearning}
              emptyText={
                orgs.length === 0
                  ? needOrg
                  : 'Nothing logged yet. After each pause-and-reflect session or monitoring visit, record what worked and what to change.'
              }
              editor={learningEditor}
            />
            <RegisterSection
              register="adaptiveTrigger"
              noun="adaptive trigger"
              nounPlural="adaptive triggers"
              heading="Adaptive triggers"
              lead="When a target is missed, the budget overruns or stakeholders raise concerns: the agreed response."
              cycleId={cycle.id}
              rows={rules}
              reload={reload}
              columns={triggerColumns(orgById, reload)}
              fields={triggerFields(orgs, inds)}
              defaults={triggerDefaults}
              describe={describeTrigger}
              emptyText={
                orgs.length === 0
                  ? needOrg
                  : 'No adaptive triggers yet. Agree in advance what the partners will do when an indicator is off track or money runs short.'
              }
              editor={triggerEditor}
            />
          </>
        );
      }}
    </QueryView>
  );
}
