import { cycleRoute, hrefFor, type CycleScreen } from '../../routing/routes';

const STEPS: readonly { key: string; screen: CycleScreen; todo: string; done: string }[] = [
  {
    key: 'organisations',
    screen: 'stakeholders',
    todo: 'No organisations yet. Map the stakeholders: the county departments and partners taking part.',
    done: 'Stakeholders mapped',
  },
  { key: 'objectives', screen: 'objectives', todo: 'Set the objectives and priority areas, linked to the CIDP.', done: 'Objectives set' },
  { key: 'activities', screen: 'action-plan', todo: 'Plan the joint activities: who leads, where and when.', done: 'Activities planned' },
  { key: 'contributions', screen: 'budget', todo: 'Record who contributes what to each activity.', done: 'Budget recorded' },
  { key: 'indicators', screen: 'indicators', todo: 'Add the indicators and their targets per quarter.', done: 'Indicators set' },
  { key: 'risks', screen: 'risks', todo: 'List the risks and who mitigates each.', done: 'Risks listed' },
];

/** While the plan's core registers are still empty, the next steps, in the manual's order. */
export function GettingStarted({ cycleId, counts }: { cycleId: string; counts: Readonly<Record<string, number>> }) {
  if (STEPS.every((step) => (counts[step.key] ?? 0) > 0)) return null;
  const next = STEPS.find((step) => (counts[step.key] ?? 0) === 0);
  return (
    <section className="section getting-started" aria-labelledby="start-heading">
      <h2 id="start-heading">Next steps for this plan</h2>
      <ol className="steps">
        {STEPS.map((step) => {
          const done = (counts[step.key] ?? 0) > 0;
          return (
            <li key={step.key} className={done ? 'steps__item steps__item--done' : step === next ? 'steps__item steps__item--next' : 'steps__item'}>
              <span className="steps__mark" aria-hidden="true">
                {done ? '✓' : ''}
              </span>
              {done ? step.done : <a href={hrefFor(cycleRoute(cycleId, step.screen))}>{step.todo}</a>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
