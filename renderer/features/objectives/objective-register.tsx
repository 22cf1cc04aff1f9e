import type { ObjectiveDto } from '../../../shared/api/schemas/plan';
import { sectors } from '../../../shared/domain/vocabulary';
import type { RegisterValues } from '../../../shared/api/registers';
import type { Column } from '../../components/register/columns';
import type { RowValues } from '../../components/register/draft';
import { registerForm } from '../../components/register/field-spec';
import { vocabularyOptions } from '../lookups/lookups';

export const objectiveFields = registerForm('objective', {
  code: { kind: 'text', placeholder: 'e.g. SO1' },
  sector: { kind: 'select', required: true, options: vocabularyOptions(sectors) },
  statement: { kind: 'textarea', hint: 'Specific, measurable, achievable, relevant and time-bound' },
  priorityArea: { kind: 'text', wide: true },
  cidpLink: { kind: 'text', wide: true, placeholder: 'e.g. CIDP 2023–2027 Programme 3.2' },
});

export const objectiveDefaults: RegisterValues<'objective'> = { sector: '' };

export const describeObjective = (values: RowValues): string => [values.code, values.statement].filter(Boolean).join(' ') || 'objective';

/** `activityCounts` is null while the activities are still being read: the counts would be short. */
export function objectiveColumns(activityCounts: ReadonlyMap<string, number> | null): Column<ObjectiveDto>[] {
  return [
    { key: 'code', label: 'Code', width: '72px', render: (o) => <span className="cell__strong">{o.code}</span> },
    { key: 'statement', label: 'Objective', width: '40%', title: (o) => o.statement, render: (o) => o.statement },
    { key: 'sector', label: 'Sector', width: '15%', render: (o) => sectors.label(o.sector) },
    { key: 'priority', label: 'Priority area', width: '16%', title: (o) => o.priorityArea, render: (o) => o.priorityArea },
    { key: 'cidp', label: 'CIDP / ADP link', width: '16%', title: (o) => o.cidpLink, render: (o) => o.cidpLink },
    {
      key: 'activities',
      label: 'Activities',
      width: '104px',
      className: 'cell--num',
      render: (o) =>
        activityCounts ? (
          (activityCounts.get(o.id) ?? 0).toLocaleString('en-KE')
        ) : (
          <span className="muted" data-counting aria-label="Counting the activities…" title="Counting the activities…">
            …
          </span>
        ),
    },
  ];
}
