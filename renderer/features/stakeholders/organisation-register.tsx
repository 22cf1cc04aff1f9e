import type { ContactDto, OrganisationDto } from '../../../shared/api/schemas/organisation';
import { levels, organisationCategories } from '../../../shared/domain/vocabulary';
import type { Column } from '../../components/register/columns';
import type { RowValues } from '../../components/register/draft';
import type { FieldSpec } from '../../components/register/field-spec';
import { InlineSelect } from '../../components/register/InlineSelect';
import { vocabularyOptions } from '../lookups/lookups';
import { quadrantLabels, stakeholderQuadrant } from './quadrant';

const levelOptions = vocabularyOptions(levels);

export const organisationFields: readonly FieldSpec[] = [
  { key: 'name', label: 'Name', kind: 'text', wide: true, maxLength: 200, placeholder: 'e.g. Isiolo County Water Services' },
  { key: 'shortName', label: 'Short name', kind: 'text', maxLength: 30, hint: 'Used on charts, e.g. IWASCO' },
  { key: 'category', label: 'Category', kind: 'select', required: true, options: vocabularyOptions(organisationCategories) },
  { key: 'interest', label: 'Interest in JWP', kind: 'select', options: levelOptions },
  { key: 'influence', label: 'Level of influence', kind: 'select', options: levelOptions },
  { key: 'role', label: 'Role', kind: 'textarea', maxLength: 1000 },
  { key: 'involvement', label: 'Level of involvement', kind: 'text', wide: true, maxLength: 500 },
  { key: 'communicationStrategy', label: 'Communication strategy', kind: 'textarea', maxLength: 1000 },
  { key: 'remarks', label: 'Remarks', kind: 'textarea', maxLength: 2000 },
];

export const organisationDefaults: RowValues = { category: '', interest: 'medium', influence: 'medium' };

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
