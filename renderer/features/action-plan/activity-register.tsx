import type { CycleDto } from '../../../shared/api/schemas/cycle';
import type { OrganisationDto } from '../../../shared/api/schemas/organisation';
import type { ActivityDto, ObjectiveDto } from '../../../shared/api/schemas/plan';
import { formatDisplayDate } from '../../../shared/dates';
import { activityStatuses, sectors } from '../../../shared/domain/vocabulary';
import type { Column } from '../../components/register/columns';
import type { RowValues } from '../../components/register/draft';
import type { FieldSpec, Option } from '../../components/register/field-spec';
import { InlineSelect } from '../../components/register/InlineSelect';
import { namesOf, objectiveOptions, organisationOptions, orgShortName, vocabularyOptions } from '../lookups/lookups';

const statusOptions = vocabularyOptions(activityStatuses);

export function activityFields(objectives: readonly ObjectiveDto[], orgs: readonly OrganisationDto[], wards: readonly Option[]): FieldSpec[] {
  const orgChoices = organisationOptions(orgs);
  return [
    { key: 'code', label: 'Code', kind: 'text', maxLength: 20, placeholder: 'e.g. A1.3' },
    { key: 'sector', label: 'Sector', kind: 'select', required: true, options: vocabularyOptions(sectors) },
    { key: 'title', label: 'Activity', kind: 'text', wide: true, maxLength: 300 },
    { key: 'objectiveId', label: 'Objective', kind: 'select', required: true, wide: true, options: objectiveOptions(objectives) },
    { key: 'leadOrgId', label: 'Lead organisation', kind: 'select', required: true, wide: true, options: orgChoices },
    { key: 'supportingOrgIds', label: 'Supporting organisations', kind: 'multi', options: orgChoices },
    { key: 'wardIds', label: 'Wards', kind: 'multi', options: wards, hint: 'Where the activity takes place; leave empty for county-wide work.' },
    { key: 'startDate', label: 'Start date', kind: 'date' },
    { key: 'endDate', label: 'End date', kind: 'date' },
    { key: 'status', label: 'Status', kind: 'select', options: statusOptions },
    { key: 'completionPct', label: 'Completion %', kind: 'integer', placeholder: '0–100' },
    { key: 'description', label: 'Description', kind: 'textarea', maxLength: 4000 },
    { key: 'expectedOutput', label: 'Expected output / outcome', kind: 'textarea', maxLength: 2000 },
    { key: 'challenges', label: 'Challenges', kind: 'textarea', maxLength: 4000 },
    { key: 'actionsTaken', label: 'Actions taken', kind: 'textarea', maxLength: 4000 },
  ];
}

export const activityDefaults = (cycle: Pick<CycleDto, 'startDate' | 'endDate'>): RowValues => ({
  sector: '',
  objectiveId: '',
  leadOrgId: '',
  startDate: cycle.startDate,
  endDate: cycle.endDate,
  status: 'planned',
  completionPct: 0,
});

export const describeActivity = (values: RowValues): string => [values.code, values.title].filter(Boolean).join(' ') || 'activity';

export const dateRange = (start: string, end: string): string => `${formatDisplayDate(start)} – ${formatDisplayDate(end)}`;

export function StatusBadge({ status }: { status: ActivityDto['status'] }) {
  return <span className={`badge badge--${status}`}>{activityStatuses.label(status)}</span>;
}

export interface ActivityLookups {
  orgs: ReadonlyMap<string, OrganisationDto>;
  wardNames: ReadonlyMap<string, string>;
}

export function activityColumns({ orgs, wardNames }: ActivityLookups, reload: () => void): Column<ActivityDto>[] {
  return [
    { key: 'code', label: 'Code', width: '68px', render: (a) => <span className="cell__strong">{a.code}</span> },
    { key: 'title', label: 'Activity', width: '27%', title: (a) => a.title, render: (a) => a.title },
    { key: 'sector', label: 'Sector', width: '12%', title: (a) => sectors.label(a.sector), render: (a) => sectors.label(a.sector) },
    { key: 'lead', label: 'Lead', width: '9%', title: (a) => orgs.get(a.leadOrgId)?.name ?? '', render: (a) => orgShortName(orgs.get(a.leadOrgId)) },
    {
      key: 'wards',
      label: 'Wards',
      width: '13%',
      title: (a) => namesOf(a.wardIds, wardNames, 50),
      render: (a) => (a.wardIds.length === 0 ? <span className="muted">County-wide</span> : namesOf(a.wardIds, wardNames, 2)),
    },
    { key: 'dates', label: 'Dates', width: '16%', title: (a) => dateRange(a.startDate, a.endDate), render: (a) => dateRange(a.startDate, a.endDate) },
    {
      key: 'status',
      label: 'Status',
      width: '136px',
      render: (a) => (
        <InlineSelect
          register="activity"
          rowId={a.id}
          field="status"
          label={`Status of ${a.code || a.title}`}
          value={a.status}
          options={statusOptions}
          onSaved={reload}
        />
      ),
    },
    { key: 'done', label: 'Done', width: '60px', className: 'cell--num', render: (a) => `${a.completionPct} %` },
  ];
}
