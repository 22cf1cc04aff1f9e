import type { ContactDto, OrganisationDto } from '../../../shared/api/schemas/organisation';
import type { RegisterValues } from '../../../shared/api/registers';
import type { Column } from '../../components/register/columns';
import type { RowValues } from '../../components/register/draft';
import { registerForm } from '../../components/register/field-spec';
import { orgShortName, organisationOptions } from '../lookups/lookups';

export function contactFields(orgs: readonly OrganisationDto[]) {
  return registerForm('contact', {
    name: { kind: 'text' },
    title: { kind: 'text', placeholder: 'e.g. Programme Officer' },
    organisationId: { kind: 'select', required: true, wide: true, options: organisationOptions(orgs) },
    phone: { kind: 'text', placeholder: '+254 7xx xxx xxx' },
    email: { kind: 'text', placeholder: 'name@example.org' },
    isKeyContact: { kind: 'checkbox', wide: true },
  });
}

export const contactDefaults: RegisterValues<'contact'> = { organisationId: '', isKeyContact: false };

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
