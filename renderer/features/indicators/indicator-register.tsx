import { formatMeasure } from '../../../shared/figures';
import type { IndicatorDto } from '../../../shared/api/schemas/monitoring';
import type { OrganisationDto } from '../../../shared/api/schemas/organisation';
import type { ActivityDto, ObjectiveDto } from '../../../shared/api/schemas/plan';
import { formatProgress, indicatorDirectionLabels, indicatorDirections } from '../../../shared/analysis/indicator-progress';
import { indicatorTypes } from '../../../shared/domain/vocabulary';
import type { RegisterValues } from '../../../shared/api/registers';
import type { Column } from '../../components/register/columns';
import type { RowValues } from '../../components/register/draft';
import { registerForm } from '../../components/register/field-spec';
import { activityOptions, objectiveOptions, organisationOptions, orgShortName, vocabularyOptions } from '../lookups/lookups';
import type { PeriodProgress } from './indicator-progress';
import { StatusChip } from './StatusChip';

export function indicatorFields(orgs: readonly OrganisationDto[], objectives: readonly ObjectiveDto[], activities: readonly ActivityDto[]) {
  return registerForm('indicator', {
    code: { kind: 'text', placeholder: 'e.g. I1.2' },
    type: { kind: 'select', required: true, options: vocabularyOptions(indicatorTypes) },
    name: { kind: 'text', wide: true },
    unit: { kind: 'text', placeholder: 'e.g. %, households' },
    targetValue: { kind: 'number', hint: 'For the end of the cycle' },
    baselineValue: { kind: 'number', nullable: true },
    baselineDate: { kind: 'date', nullable: true },
    direction: {
      kind: 'select',
      required: true,
      options: indicatorDirections.map((value) => ({ value, label: indicatorDirectionLabels[value] })),
      hint: 'Decrease for malnutrition or distance to water: progress and variance follow it',
    },
    rangeMin: { kind: 'number', nullable: true, hint: 'Only to keep within a range' },
    rangeMax: { kind: 'number', nullable: true, hint: 'Only to keep within a range' },
    responsibleOrgId: { kind: 'select', required: true, wide: true, options: organisationOptions(orgs) },
    objectiveId: { kind: 'select', nullable: true, wide: true, options: objectiveOptions(objectives) },
    activityId: { kind: 'select', nullable: true, wide: true, options: activityOptions(activities) },
    definition: { kind: 'textarea' },
    dataSource: { kind: 'text', wide: true },
    collectionMethod: { kind: 'text' },
    frequency: { kind: 'text', placeholder: 'e.g. Quarterly' },
    sustainability: { kind: 'textarea', hint: 'For outcome and impact indicators: how the result lasts once support ends' },
  });
}

export const indicatorDefaults: RegisterValues<'indicator'> = {
  type: '',
  responsibleOrgId: '',
  objectiveId: null,
  activityId: null,
  baselineValue: null,
  baselineDate: null,
  direction: '',
  rangeMin: null,
  rangeMax: null,
};

export const describeIndicator = (values: RowValues): string => [values.code, values.name].filter(Boolean).join(' ') || 'indicator';

export function indicatorColumns(orgs: ReadonlyMap<string, OrganisationDto>, latest: ReadonlyMap<string, PeriodProgress | null>): Column<IndicatorDto>[] {
  return [
    { key: 'code', label: 'Code', width: '64px', render: (i) => <span className="cell__strong">{i.code}</span> },
    { key: 'name', label: 'Indicator', width: '34%', title: (i) => i.name, render: (i) => i.name },
    { key: 'type', label: 'Type', width: '9%', render: (i) => indicatorTypes.label(i.type) },
    { key: 'unit', label: 'Unit', width: '9%', title: (i) => i.unit, render: (i) => i.unit },
    { key: 'baseline', label: 'Baseline', width: '8%', className: 'cell--num', render: (i) => formatMeasure(i.baselineValue, i.unit) },
    { key: 'target', label: 'Target', width: '8%', className: 'cell--num', render: (i) => formatMeasure(i.targetValue, i.unit) },
    {
      key: 'responsible',
      label: 'Responsible',
      width: '10%',
      title: (i) => orgs.get(i.responsibleOrgId)?.name ?? '',
      render: (i) => orgShortName(orgs.get(i.responsibleOrgId)),
    },
    {
      key: 'status',
      label: 'Latest progress',
      width: '16%',
      render: (i) => {
        const period = latest.get(i.id) ?? null;
        return (
          <StatusChip
            status={period?.status ?? 'not_reported'}
            detail={period ? `${period.key}${period.pct === null ? '' : ` · ${formatProgress(period.pct)}`}` : undefined}
          />
        );
      },
    },
  ];
}
