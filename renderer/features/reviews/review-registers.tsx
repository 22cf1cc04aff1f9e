import type { OrganisationDto } from '../../../shared/api/schemas/organisation';
import type { IndicatorDto } from '../../../shared/api/schemas/monitoring';
import type { AdaptiveTriggerDto, LearningEntryDto, MilestoneDto } from '../../../shared/api/schemas/review';
import { formatDisplayDate } from '../../../shared/dates';
import { learningSessions, levels, milestoneStatuses, reportTypes, triggerKinds, triggerStatuses } from '../../../shared/domain/vocabulary';
import type { RegisterValues } from '../../../shared/api/registers';
import type { Column } from '../../components/register/columns';
import type { RowValues } from '../../components/register/draft';
import { registerForm } from '../../components/register/field-spec';
import { InlineSelect } from '../../components/register/InlineSelect';
import { namesOf, organisationOptions, orgShortName, vocabularyOptions } from '../lookups/lookups';
import { isMilestoneOverdue, relativeDays } from '../../../shared/analysis/due-dates';

const milestoneStatusOptions = vocabularyOptions(milestoneStatuses);
const triggerStatusOptions = vocabularyOptions(triggerStatuses);
const shortNames = (orgs: ReadonlyMap<string, OrganisationDto>) => new Map([...orgs].map(([id, org]) => [id, orgShortName(org)]));

export function milestoneFields(orgs: readonly OrganisationDto[]) {
  return registerForm('milestone', {
    title: { kind: 'text', wide: true },
    kind: { kind: 'select', options: vocabularyOptions(reportTypes) },
    dueDate: { kind: 'date' },
    status: { kind: 'select', options: milestoneStatusOptions },
    responsibleOrgIds: { kind: 'multi', options: organisationOptions(orgs) },
    format: { kind: 'text', placeholder: 'e.g. Written report and presentation' },
    audience: { kind: 'text', placeholder: 'e.g. Steering Committee, partners' },
    progressNotes: { kind: 'textarea' },
  });
}

export const milestoneDefaults: RegisterValues<'milestone'> = { kind: 'milestone', status: 'on_track' };
export const describeMilestone = (values: RowValues): string => String(values.title || 'milestone');

export function milestoneColumns(orgs: ReadonlyMap<string, OrganisationDto>, today: string, reload: () => void): Column<MilestoneDto>[] {
  const names = shortNames(orgs);
  return [
    {
      key: 'due',
      label: 'Due',
      width: '15%',
      render: (m) => (
        <>
          <span className="nowrap">{formatDisplayDate(m.dueDate)}</span>
          <span className={isMilestoneOverdue(m, today) ? 'cell__sub cell__sub--late' : 'cell__sub'}>
            {m.status === 'completed' ? 'done' : relativeDays(m.dueDate, today)}
          </span>
        </>
      ),
    },
    { key: 'title', label: 'Milestone / deliverable', width: '37%', title: (m) => m.title, render: (m) => m.title },
    { key: 'kind', label: 'Kind', width: '15%', render: (m) => reportTypes.label(m.kind) },
    {
      key: 'responsible',
      label: 'Responsible',
      width: '15%',
      title: (m) => namesOf(m.responsibleOrgIds, names, 20),
      render: (m) => namesOf(m.responsibleOrgIds, names, 2) || '—',
    },
    {
      key: 'status',
      label: 'Status',
      width: '130px',
      render: (m) => (
        <InlineSelect
          register="milestone"
          rowId={m.id}
          field="status"
          label={`Status of ${m.title}`}
          value={m.status}
          options={milestoneStatusOptions}
          onSaved={reload}
        />
      ),
    },
  ];
}

export function learningFields(orgs: readonly OrganisationDto[]) {
  return registerForm('learningEntry', {
    entryDate: { kind: 'date' },
    session: { kind: 'select', required: true, options: vocabularyOptions(learningSessions) },
    whatWorked: { kind: 'textarea' },
    whatDidNot: { kind: 'textarea' },
    improvements: { kind: 'textarea' },
    evidence: { kind: 'textarea' },
    captureMethods: { kind: 'text', wide: true, placeholder: 'e.g. Focus group discussions, field visit' },
    timing: { kind: 'text', placeholder: 'e.g. Quarterly' },
    expectedUse: { kind: 'textarea', hint: 'How the learning will be used, e.g. to adjust Q3 distributions' },
    followUpAction: { kind: 'textarea' },
    responsibleOrgId: { kind: 'select', required: true, options: organisationOptions(orgs) },
    dueDate: { kind: 'date', nullable: true },
  });
}

export const learningDefaults = (today: string): RegisterValues<'learningEntry'> => ({ entryDate: today, session: '', responsibleOrgId: '', dueDate: null });
const sessionLabel = (value: unknown): string => {
  const key = learningSessions.keys.find((session) => session === value);
  return key ? learningSessions.label(key) : 'Learning entry';
};
export const describeLearning = (values: RowValues): string =>
  `${sessionLabel(values.session)} of ${values.entryDate ? formatDisplayDate(String(values.entryDate)) : 'no date'}`;

export function learningColumns(orgs: ReadonlyMap<string, OrganisationDto>, today: string): Column<LearningEntryDto>[] {
  return [
    { key: 'date', label: 'Date', width: '11%', render: (e) => <span className="nowrap">{formatDisplayDate(e.entryDate)}</span> },
    { key: 'session', label: 'Session', width: '15%', render: (e) => learningSessions.label(e.session) },
    { key: 'worked', label: 'What worked', width: '21%', title: (e) => e.whatWorked, render: (e) => e.whatWorked },
    { key: 'improve', label: 'What can be improved', width: '21%', title: (e) => e.improvements, render: (e) => e.improvements },
    { key: 'follow', label: 'Follow-up', width: '16%', title: (e) => e.followUpAction, render: (e) => e.followUpAction },
    { key: 'responsible', label: 'Who', width: '10%', render: (e) => orgShortName(orgs.get(e.responsibleOrgId)) },
    {
      key: 'due',
      label: 'Due',
      width: '11%',
      render: (e) => (e.dueDate ? <span className={e.dueDate < today ? 'nowrap cell__sub--late' : 'nowrap'}>{formatDisplayDate(e.dueDate)}</span> : '—'),
    },
  ];
}

export function triggerFields(orgs: readonly OrganisationDto[], indicators: readonly IndicatorDto[]) {
  return registerForm('adaptiveTrigger', {
    kind: { kind: 'select', required: true, options: vocabularyOptions(triggerKinds) },
    status: { kind: 'select', options: triggerStatusOptions },
    priority: { kind: 'select', nullable: true, options: vocabularyOptions(levels) },
    trigger: { kind: 'textarea', hint: 'What happened, e.g. Q1 water access target missed by 20 %' },
    proposedAction: { kind: 'textarea' },
    timeline: { kind: 'text', placeholder: 'e.g. By end of Q2' },
    responsibleOrgId: { kind: 'select', required: true, options: organisationOptions(orgs) },
    indicatorId: {
      kind: 'select',
      nullable: true,
      wide: true,
      options: indicators.map((i) => ({ value: i.id, label: [i.code, i.name].filter(Boolean).join(' ') })),
    },
    expectedOutcome: { kind: 'textarea' },
  });
}

export const triggerDefaults: RegisterValues<'adaptiveTrigger'> = { kind: '', status: 'proposed', priority: null, responsibleOrgId: '', indicatorId: null };
export const describeTrigger = (values: RowValues): string => {
  const text = String(values.trigger ?? '');
  return text.length > 60 ? `${text.slice(0, 57)}…` : text || 'adaptive trigger';
};

export function triggerColumns(orgs: ReadonlyMap<string, OrganisationDto>, reload: () => void): Column<AdaptiveTriggerDto>[] {
  return [
    { key: 'kind', label: 'Kind', width: '15%', render: (t) => triggerKinds.label(t.kind) },
    { key: 'trigger', label: 'Trigger', width: '23%', title: (t) => t.trigger, render: (t) => t.trigger },
    { key: 'action', label: 'Proposed action', width: '23%', title: (t) => t.proposedAction, render: (t) => t.proposedAction },
    { key: 'timeline', label: 'Timeline', width: '11%', title: (t) => t.timeline, render: (t) => t.timeline },
    { key: 'responsible', label: 'Responsible', width: '10%', render: (t) => orgShortName(orgs.get(t.responsibleOrgId)) },
    { key: 'priority', label: 'Priority', width: '8%', render: (t) => (t.priority ? levels.label(t.priority) : '') },
    {
      key: 'status',
      label: 'Status',
      width: '120px',
      render: (t) => (
        <InlineSelect
          register="adaptiveTrigger"
          rowId={t.id}
          field="status"
          label={`Status of trigger ${describeTrigger(t)}`}
          value={t.status}
          options={triggerStatusOptions}
          onSaved={reload}
        />
      ),
    },
  ];
}
