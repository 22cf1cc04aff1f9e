import { Button } from '../../components/ui/Button';
import type { OrganisationDto } from '../../../shared/api/schemas/organisation';
import { orgShortName } from '../lookups/lookups';
import { QuadrantChart } from './QuadrantChart';
import { quadrantLabels, quadrantOrder, quadrantPoints } from '../../../shared/analysis/stakeholder-quadrant';

const ADVICE = {
  manage_closely: 'Involve in every decision; meet regularly.',
  keep_satisfied: 'Consult on big decisions; keep briefed.',
  keep_informed: 'Share progress; invite to reviews.',
  monitor: 'Light-touch updates.',
} as const;

/** The quadrant chart, and the same grouping as lists (readable without the chart). */
export function QuadrantPanel({ organisations, onOpen }: { organisations: readonly OrganisationDto[]; onOpen: (id: string) => void }) {
  const points = quadrantPoints(organisations.map((org) => ({ id: org.id, label: orgShortName(org), influence: org.influence, interest: org.interest })));
  return (
    <div className="quadrant-panel">
      <QuadrantChart points={points} onOpen={onOpen} />
      <div className="quadrant-lists">
        {quadrantOrder.map((quadrant) => {
          const members = points.filter((point) => point.quadrant === quadrant);
          return (
            <div key={quadrant} className={`quadrant-list quadrant-list--${quadrant}`}>
              <h3>
                {quadrantLabels[quadrant]} <span className="count">{members.length}</span>
              </h3>
              <p className="muted">{ADVICE[quadrant]}</p>
              <p className="quadrant-list__names">
                {members.length === 0
                  ? '—'
                  : members.map((member, index) => (
                      <span key={member.id}>
                        {index > 0 ? ', ' : null}
                        <Button kind="link" onClick={() => onOpen(member.id)}>
                          {member.label}
                        </Button>
                      </span>
                    ))}
              </p>
            </div>
          );
        })}
      </div>
    </div>
  );
}
