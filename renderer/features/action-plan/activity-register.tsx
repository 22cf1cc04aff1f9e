import { outsideCycleWarning } from '../../../shared/analysis/cycle-span';
import type { CycleDto } from '../../../shared/api/schemas/cycle';
import type { OrganisationDto } from '../../../shared/api/schemas/organisation';
import type { ActivityDto, ObjectiveDto } from '../../../shared/api/schemas/plan';
import { formatDisplayDate } from '../../../shared/dates';
import { activityStatuses, activityTypes, sectors } from '../../../shared/domain/vocabulary';
import type { RegisterValues } from '../../../shared/api/registers';
import type { Column } from '../../components/register/columns';
import type { RowValues } from '../../components/register/draft';
import { type Option, registerForm } from '../../components/register/field-spec';
import { InlineSelect } from '../../components/register/InlineSelect';
import { namesOf, objectiveOptions, organisationOptions, orgShortName, vocabularyOptions } from '../lookups/lookups';

const statusOptions = vocabularyOptions(activityStatuses);

export function activityFields(objectives: readonly ObjectiveDto[], orgs: readonly OrganisationDto[], wards: readonly Option[]) {
  const orgChoices = organisationOptions(orgs);
  return registerForm('activity', {
    code: { kind: 'text', placeholder: 'e.g. A1.3' },
    sector: { kind: 'select', required: true, options: vocabularyOptions(sectors) },
    activityType: { kind: 'select', nullable: true, options: vocabularyOptions(activityTypes) },
    title: { kind: 'text', wide: true },
    objectiveId: { kind: 'select', required: true, wide: true, options: objectiveOptions(objectives) },
    leadOrgId: { kind: 'select', required: true, wide: true, options: orgChoices },
    supportingOrgIds: { kind: 'multi', options: orgChoices },
    wardIds: { kind: 'multi', options: wards, hint: 'Where the activity takes place; leave empty for county-wide work.' },
    startDate: { kind: 'date' },
    endDate: { kind: 'date' },
    status: { kind: 'select', options: statusOptions },
    completionPct: { kind: 'integer', placeholder: '0–100' },
    description: { kind: 'textarea' },
    expectedOutput: { kind: 'textarea' },
    challenges: { kind: 'textarea' },
    actionsTaken: { kind: 'textarea' },
  });
}

export const activityDefaults = (cycle: Pick<CycleDto, 'startDate' | 'endDate'>): RegisterValues<'activity'> => ({
  sector: '',
  objectiveId: '',
  leadOrgId: '',
  startDate: cycle.startDate,
  endDate: cycle.endDate,
  status: 'planned',
  completionPct: 0,
  activityType: null,
});

export const describeActivity = (values: RowValues): string => [values.code, values.title].filter(Boolean).join(' ') || 'activity';

export const dateRange = (start: string, end: string): string => `${formatDisplayDate(start)} – ${formatDisplayDate(end)}`;

export function StatusBadge({ status }: { status: ActivityDto['status'] }) {
  return <span className={`badge badge--${status}`}>{activityStatuses.label(status)}</span>;
}

export interface ActivityLookups {
  orgs: ReadonlyMap<string, OrganisationDto>;
  wardNames: ReadonlyMap<string, string>;
  /** The fiscal year, to warn of an activity that starts before or ends after it. */
  cycle: Pick<CycleDto, 'startDate' | 'endDate' | 'fiscalYear'>;
}

/** The dates, and a warning when they run outside the fiscal year (shared/analysis/cycle-span.ts). */
function datesCell(activity: ActivityDto, cycle: ActivityLookups['cycle']) {
  const warning = outsideCycleWarning(activity, cycle);
  if (!warning) return dateRange(activity.startDate, activity.endDate);
  return (
    <>
      {dateRange(activity.startDate, activity.endDate)}{' '}
      <span className="badge badge--pending" data-outside-year={activity.code || activity.id} aria-label={`Outside the fiscal year: it ${warning}`}>
        Outside FY
      </span>
    </>
  );
}

export function activityColumns({ orgs, wardNames, cycle }: ActivityLookups, reload: () => void): Column<ActivityDto>[] {
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
    {
      key: 'dates',
      label: 'Dates',
      width: '16%',
      title: (a) => {
        const warning = outsideCycleWarning(a, cycle);
        return warning ? `${dateRange(a.startDate, a.endDate)}: this activity ${warning}` : dateRange(a.startDate, a.endDate);
      },
      render: (a) => datesCell(a, cycle),
    },
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
