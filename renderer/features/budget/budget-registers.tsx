import type { ContributionDto, DisbursementDto } from '../../../shared/api/schemas/budget';
import type { CycleDto } from '../../../shared/api/schemas/cycle';
import type { OrganisationDto } from '../../../shared/api/schemas/organisation';
import type { ActivityDto } from '../../../shared/api/schemas/plan';
import { formatDisplayDate } from '../../../shared/dates';
import { contributionTypes, currencies } from '../../../shared/domain/vocabulary';
import { lineAmountText } from '../../../shared/budget-lines';
import { formatMoney } from '../../../shared/money';
import { reportingPeriods } from '../../../shared/reporting-periods';
import type { RegisterValues } from '../../../shared/api/registers';
import type { Column } from '../../components/register/columns';
import type { RowValues } from '../../components/register/draft';
import { type Option, registerForm } from '../../components/register/field-spec';
import { activityOptions, organisationOptions, orgShortName, vocabularyOptions } from '../lookups/lookups';

export function contributionFields(activities: readonly ActivityDto[], orgs: readonly OrganisationDto[]) {
  return registerForm('contribution', {
    activityId: {
      kind: 'select',
      nullable: true,
      wide: true,
      options: activityOptions(activities),
      hint: 'None: a component outside the action plan, e.g. coordination.',
    },
    component: { kind: 'text', wide: true },
    contributorOrgId: { kind: 'select', required: true, wide: true, options: organisationOptions(orgs) },
    type: { kind: 'select', options: vocabularyOptions(contributionTypes) },
    onBudget: { kind: 'checkbox' },
    amountMinor: { kind: 'money', placeholder: 'e.g. 1,250,000', emptyWhenTicked: 'valueNotEstimated' },
    currency: { kind: 'select', options: vocabularyOptions(currencies) },
    valueNotEstimated: {
      kind: 'checkbox',
      hint: 'In-kind support nobody put a figure on: leave the amount empty. It is listed everywhere but counted in no total.',
    },
    description: { kind: 'textarea' },
    utilisationPlan: { kind: 'textarea' },
    comments: { kind: 'textarea' },
  });
}

export const contributionDefaults: RegisterValues<'contribution'> = { activityId: null, contributorOrgId: '', type: 'cash', onBudget: false, currency: 'KES' };

export const describeContribution = (values: RowValues): string => String(values.component || 'budget line');

export function contributionLabel(line: ContributionDto, activities: ReadonlyMap<string, ActivityDto>, orgs: ReadonlyMap<string, OrganisationDto>): string {
  const activity = line.activityId ? activities.get(line.activityId) : undefined;
  return [activity?.code, orgShortName(orgs.get(line.contributorOrgId)), line.component, lineAmountText(line, { cents: 'never' })].filter(Boolean).join(' · ');
}

export function disbursementFields(cycle: CycleDto, lines: readonly Option[]) {
  return registerForm('disbursement', {
    contributionId: { kind: 'select', required: true, wide: true, options: lines },
    periodKey: { kind: 'select', required: true, options: reportingPeriods(cycle).map((period) => ({ value: period.key, label: period.label })) },
    date: { kind: 'date', hint: 'Within the period' },
    amountMinor: { kind: 'money', hint: "In the contribution's currency", placeholder: 'e.g. 400,000' },
    notes: { kind: 'textarea' },
  });
}

export const disbursementDefaults = (today: string): RegisterValues<'disbursement'> => ({ contributionId: '', periodKey: '', date: today });

export const describeDisbursement = (values: RowValues): string => (values.date ? `payment of ${formatDisplayDate(String(values.date))}` : 'payment');

export function disbursementColumns(
  cycle: CycleDto,
  lines: ReadonlyMap<string, ContributionDto>,
  lineLabel: (line: ContributionDto) => string,
): Column<DisbursementDto>[] {
  const periodLabels = new Map(reportingPeriods(cycle).map((period) => [period.key, period.label]));
  return [
    { key: 'period', label: 'Period', width: '14%', render: (d) => periodLabels.get(d.periodKey) ?? d.periodKey },
    { key: 'date', label: 'Date', width: '12%', render: (d) => <span className="nowrap">{formatDisplayDate(d.date)}</span> },
    {
      key: 'line',
      label: 'Contribution',
      width: '40%',
      title: (d) => {
        const line = lines.get(d.contributionId);
        return line ? lineLabel(line) : '';
      },
      render: (d) => {
        const line = lines.get(d.contributionId);
        return line ? lineLabel(line) : <span className="muted">Unknown line</span>;
      },
    },
    {
      key: 'amount',
      label: 'Amount',
      width: '16%',
      className: 'cell--num',
      render: (d) => formatMoney({ amountMinor: d.amountMinor, currency: lines.get(d.contributionId)?.currency ?? 'KES' }, { cents: 'never' }),
    },
    { key: 'notes', label: 'Notes', width: '18%', title: (d) => d.notes, render: (d) => d.notes },
  ];
}
