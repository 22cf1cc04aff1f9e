import type { RiskDto } from '../../../shared/api/schemas/monitoring';
import type { OrganisationDto } from '../../../shared/api/schemas/organisation';
import { formatDisplayDate } from '../../../shared/dates';
import { levels, riskStatuses } from '../../../shared/domain/vocabulary';
import type { RegisterValues } from '../../../shared/api/registers';
import type { Column } from '../../components/register/columns';
import type { RowValues } from '../../components/register/draft';
import { registerForm } from '../../components/register/field-spec';
import { InlineSelect } from '../../components/register/InlineSelect';
import { organisationOptions, orgShortName, vocabularyOptions } from '../lookups/lookups';
import { riskScore, severityOf } from '../../../shared/analysis/risk-matrix';

const statusOptions = vocabularyOptions(riskStatuses);

export function riskFields(orgs: readonly OrganisationDto[]) {
  return registerForm('risk', {
    code: { kind: 'text', placeholder: 'e.g. R4' },
    status: { kind: 'select', options: statusOptions },
    description: { kind: 'textarea' },
    likelihood: { kind: 'select', required: true, options: vocabularyOptions(levels) },
    impact: { kind: 'select', required: true, options: vocabularyOptions(levels) },
    responsibleOrgId: { kind: 'select', required: true, wide: true, options: organisationOptions(orgs) },
    mitigation: { kind: 'textarea' },
    reviewDate: { kind: 'date', nullable: true },
  });
}

export const riskDefaults: RegisterValues<'risk'> = { status: 'open', likelihood: '', impact: '', responsibleOrgId: '', reviewDate: null };

export const describeRisk = (values: RowValues): string => {
  const text = String(values.description ?? '');
  const short = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return [values.code, short].filter(Boolean).join(' ') || 'risk';
};

export function riskColumns(orgs: ReadonlyMap<string, OrganisationDto>, reload: () => void): Column<RiskDto>[] {
  return [
    { key: 'code', label: 'Code', width: '60px', render: (r) => <span className="cell__strong">{r.code}</span> },
    { key: 'description', label: 'Risk', width: '33%', title: (r) => r.description, render: (r) => r.description },
    { key: 'likelihood', label: 'Likelihood', width: '9%', render: (r) => levels.label(r.likelihood) },
    { key: 'impact', label: 'Impact', width: '8%', render: (r) => levels.label(r.impact) },
    {
      key: 'score',
      label: 'Rating',
      width: '8%',
      render: (r) => {
        const severity = severityOf(riskScore(r));
        return <span className={`badge badge--severity-${severity}`}>{levels.label(severity)}</span>;
      },
    },
    {
      key: 'responsible',
      label: 'Responsible',
      width: '11%',
      title: (r) => orgs.get(r.responsibleOrgId)?.name ?? '',
      render: (r) => orgShortName(orgs.get(r.responsibleOrgId)),
    },
    { key: 'review', label: 'Review', width: '11%', render: (r) => (r.reviewDate ? <span className="nowrap">{formatDisplayDate(r.reviewDate)}</span> : '—') },
    {
      key: 'status',
      label: 'Status',
      width: '120px',
      render: (r) => (
        <InlineSelect
          register="risk"
          rowId={r.id}
          field="status"
          label={`Status of risk ${r.code || r.description}`}
          value={r.status}
          options={statusOptions}
          onSaved={reload}
        />
      ),
    },
  ];
}
