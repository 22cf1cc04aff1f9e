import type { ContactDto, OrganisationDto } from '../../../shared/api/schemas/organisation';
import type { Column } from '../../components/register/columns';
import type { RowValues } from '../../components/register/draft';
import type { FieldSpec } from '../../components/register/field-spec';
import { orgShortName, organisationOptions } from '../lookups/lookups';

export function contactFields(orgs: readonly OrganisationDto[]): FieldSpec[] {
  return [
    { key: 'name', label: 'Name', kind: 'text', maxLength: 150 },
    { key: 'title', label: 'Title', kind: 'text', maxLength: 150, placeholder: 'e.g. Programme Officer' },
    { key: 'organisationId', label: 'Organisation', kind: 'select', required: true, wide: true, options: organisationOptions(orgs) },
    { key: 'phone', label: 'Phone', kind: 'text', placeholder: '+254 7xx xxx xxx' },
    { key: 'email', label: 'Email', kind: 'text', placeholder: 'name@example.org' },
    { key: 'isKeyContact', label: 'Key contact person of the organisation', kind: 'checkbox', wide: true },
  ];
}

export const contactDefaults: RowValues = { organisationId: '', isKeyContact: false };

export const describeContact = (values: RowValues): string => String(values.name || 'contact person');

export function contactColumns(orgs: ReadonlyMap<string, OrganisationDto>): Column<ContactDto>[] {
  return [
    { key: 'name', label: 'Name', width: '22%', render: (c) => <span className="cell__strong">{c.name}</span> },
    { key: 'title', label: 'Title', width: '24%', title: (c) => c.title, render: (c) => c.title },
    { key: 'org', label: 'Organisation', width: '16%', render: (c) => orgShortName(orgs.get(c.organisationId)) },
    { key: 'phone', label: 'Phone', width: '15%', render: (c) => <span className="nowrap">{c.phone}</span> },
    { key: 'email', label: 'Email', width: '19%', title: (c) => c.email, render: (c) => c.email },
    { key: 'key', label: 'Key', width: '64px', render: (c) => (c.isKeyContact ? <span className="badge badge--ok">Key</span> : null) },
  ];
}
