import type { OrganisationDto } from '../../../shared/api/schemas/organisation';
import type { SignatoryDto } from '../../../shared/api/schemas/review';
import { formatDisplayDate } from '../../../shared/dates';
import { signatoryRoles } from '../../../shared/domain/vocabulary';
import type { RegisterValues } from '../../../shared/api/registers';
import type { Column } from '../../components/register/columns';
import type { RowValues } from '../../components/register/draft';
import { registerForm } from '../../components/register/field-spec';
import { organisationOptions, orgShortName, vocabularyOptions } from '../lookups/lookups';

export function signatoryFields(orgs: readonly OrganisationDto[]) {
  return registerForm('signatory', {
    name: { kind: 'text' },
    role: { kind: 'select', required: true, options: vocabularyOptions(signatoryRoles) },
    title: { kind: 'text', wide: true, placeholder: 'e.g. County Secretary and Head of County Public Service' },
    organisationId: { kind: 'select', required: true, wide: true, options: organisationOptions(orgs) },
    sortOrder: { kind: 'integer' },
    signedOn: { kind: 'date', nullable: true, hint: 'Leave empty until the plan is signed in ink' },
  });
}

export const signatoryDefaults = (next: number): RegisterValues<'signatory'> => ({ role: '', organisationId: '', sortOrder: next, signedOn: null });
export const describeSignatory = (values: RowValues): string => String(values.name || 'signatory');

export function signatoryColumns(orgs: ReadonlyMap<string, OrganisationDto>): Column<SignatoryDto>[] {
  return [
    { key: 'order', label: 'No.', width: '52px', className: 'cell--num', render: (s) => s.sortOrder },
    { key: 'name', label: 'Name', width: '20%', render: (s) => <span className="cell__strong">{s.name}</span> },
    { key: 'title', label: 'Title', width: '27%', title: (s) => s.title, render: (s) => s.title },
    { key: 'org', label: 'Organisation', width: '12%', render: (s) => orgShortName(orgs.get(s.organisationId)) },
    { key: 'role', label: 'Signs as', width: '20%', render: (s) => signatoryRoles.label(s.role) },
    {
      key: 'signed',
      label: 'Signed',
      width: '14%',
      render: (s) =>
        s.signedOn ? <span className="badge badge--ok">{formatDisplayDate(s.signedOn)}</span> : <span className="badge badge--pending">Not yet</span>,
    },
  ];
}
