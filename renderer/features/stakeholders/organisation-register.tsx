import type { ContactDto, OrganisationDto } from '../../../shared/api/schemas/organisation';
import { levels, organisationCategories } from '../../../shared/domain/vocabulary';
import type { RegisterValues } from '../../../shared/api/registers';
import type { Column } from '../../components/register/columns';
import type { RowValues } from '../../components/register/draft';
import { registerForm } from '../../components/register/field-spec';
import { InlineSelect } from '../../components/register/InlineSelect';
import { vocabularyOptions } from '../lookups/lookups';
import { quadrantLabels, stakeholderQuadrant } from '../../../shared/analysis/stakeholder-quadrant';

const levelOptions = vocabularyOptions(levels);

export const organisationFields = registerForm('organisation', {
  name: { kind: 'text', wide: true, placeholder: 'e.g. Isiolo County Water Services' },
  shortName: { kind: 'text', hint: 'Used on charts, e.g. IWASCO' },
  category: { kind: 'select', required: true, options: vocabularyOptions(organisationCategories) },
  interest: { kind: 'select', options: levelOptions },
  influence: { kind: 'select', options: levelOptions },
  role: { kind: 'textarea' },
  involvement: { kind: 'text', wide: true },
  communicationStrategy: { kind: 'textarea' },
  remarks: { kind: 'textarea' },
});

export const organisationDefaults: RegisterValues<'organisation'> = { category: '', interest: 'medium', influence: 'medium' };

export const describeOrganisation = (values: RowValues): string => String(values.shortName || values.name || 'organisation');

export function organisationColumns(contacts: readonly ContactDto[], reload: () => void): Column<OrganisationDto>[] {
  const keyContact = new Map(contacts.filter((contact) => contact.isKeyContact).map((contact) => [contact.organisationId, contact]));
  return [
    {
      key: 'name',
      label: 'Organisation',
      width: '30%',
      title: (org) => org.name,
      render: (org) => (
        <>
          <span className="cell__strong">{org.shortName || org.name}</span>
          {org.shortName ? <span className="cell__sub">{org.name}</span> : null}
        </>
      ),
    },
    { key: 'category', label: 'Category', width: '15%', render: (org) => organisationCategories.label(org.category) },
    {
      key: 'interest',
      label: 'Interest in JWP',
      width: '12%',
      render: (org) => (
        <InlineSelect
          register="organisation"
          rowId={org.id}
          field="interest"
          label={`Interest of ${org.shortName || org.name}`}
          value={org.interest}
          options={levelOptions}
          onSaved={reload}
        />
      ),
    },
    {
      key: 'influence',
      label: 'Influence',
      width: '12%',
      render: (org) => (
        <InlineSelect
          register="organisation"
          rowId={org.id}
          field="influence"
          label={`Influence of ${org.shortName || org.name}`}
          value={org.influence}
          options={levelOptions}
          onSaved={reload}
        />
      ),
    },
    { key: 'quadrant', label: 'Quadrant', width: '13%', render: (org) => quadrantLabels[stakeholderQuadrant(org.influence, org.interest)] },
    {
      key: 'contact',
      label: 'Key contact',
      width: '18%',
      title: (org) => keyContact.get(org.id)?.name ?? '',
      render: (org) => {
        const contact = keyContact.get(org.id);
        return contact ? (
          <>
            <span>{contact.name}</span>
            <span className="cell__sub">{contact.phone || contact.email}</span>
          </>
        ) : (
          <span className="muted">—</span>
        );
      },
    },
  ];
}
