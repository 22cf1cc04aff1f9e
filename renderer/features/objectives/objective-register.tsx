import type { ObjectiveDto } from '../../../shared/api/schemas/plan';
import { sectors } from '../../../shared/domain/vocabulary';
import type { Column } from '../../components/register/columns';
import type { RowValues } from '../../components/register/draft';
import type { FieldSpec } from '../../components/register/field-spec';
import { vocabularyOptions } from '../lookups/lookups';

export const objectiveFields: readonly FieldSpec[] = [
  { key: 'code', label: 'Code', kind: 'text', maxLength: 20, placeholder: 'e.g. SO1' },
  { key: 'sector', label: 'Sector', kind: 'select', required: true, options: vocabularyOptions(sectors) },
  { key: 'statement', label: 'Objective', kind: 'textarea', maxLength: 1000, hint: 'Specific, measurable, achievable, relevant and time-bound' },
  { key: 'priorityArea', label: 'Priority area', kind: 'text', wide: true, maxLength: 300 },
  { key: 'cidpLink', label: 'Link to CIDP / ADP', kind: 'text', wide: true, maxLength: 300, placeholder: 'e.g. CIDP 2023–2027 Programme 3.2' },
];

export const objectiveDefaults: RowValues = { sector: '' };

export const describeObjective = (values: RowValues): string => [values.code, values.statement].filter(Boolean).join(' ') || 'objective';

export function objectiveColumns(activityCounts: ReadonlyMap<string, number>): Column<ObjectiveDto>[] {
  return [
    { key: 'code', label: 'Code', width: '72px', render: (o) => <span className="cell__strong">{o.code}</span> },
    { key: 'statement', label: 'Objective', width: '40%', title: (o) => o.statement, render: (o) => o.statement },
    { key: 'sector', label: 'Sector', width: '15%', render: (o) => sectors.label(o.sector) },
    { key: 'priority', label: 'Priority area', width: '16%', title: (o) => o.priorityArea, render: (o) => o.priorityArea },
    { key: 'cidp', label: 'CIDP / ADP link', width: '16%', title: (o) => o.cidpLink, render: (o) => o.cidpLink },
    { key: 'activities', label: 'Activities', width: '104px', className: 'cell--num', render: (o) => (activityCounts.get(o.id) ?? 0).toLocaleString('en-KE') },
  ];
}
