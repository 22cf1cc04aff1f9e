import { Button } from '../../components/ui/Button';
import type { CycleDto } from '../../../shared/api/schemas/cycle';
import type { ContactDto, OrganisationDto } from '../../../shared/api/schemas/organisation';
import { allReady } from '../../api/all-ready';
import { useApiQuery } from '../../api/use-api-query';
import { RegisterSection } from '../../components/register/RegisterSection';
import { useEditor, type Editor } from '../../components/register/use-editor';
import { QueryView } from '../../components/QueryView';
import { confirmDiscard } from '../../components/unsaved-changes';
import { indexById } from '../lookups/lookups';
import { contactColumns, contactDefaults, contactFields, describeContact } from './contact-register';
import { describeOrganisation, organisationColumns, organisationDefaults, organisationFields } from './organisation-register';
import { QuadrantPanel } from './QuadrantPanel';

export function StakeholdersScreen({ cycle }: { cycle: CycleDto }) {
  const organisations = useApiQuery('organisation:list', { cycleId: cycle.id });
  const contacts = useApiQuery('contact:list', { cycleId: cycle.id });
  const orgEditor = useEditor();
  const contactEditor = useEditor();
  return (
    <QueryView query={allReady(organisations, contacts)} what="the stakeholder matrix">
      {([orgs, people], reload) => (
        <>
          <section className="section" aria-labelledby="quadrant-heading">
            <h2 id="quadrant-heading">Influence × interest</h2>
            <p className="section__lead">Where each organisation sits decides how the Secretariat engages it. Click a point or a name to open it.</p>
            {orgs.length === 0 ? (
              <p className="empty">The chart fills in as organisations are added to the matrix below, each with its interest and influence.</p>
            ) : (
              <QuadrantPanel organisations={orgs} onOpen={(id) => orgEditor.openRow(id)} />
            )}
          </section>
          <RegisterSection
            register="organisation"
            noun="organisation"
            nounPlural="organisations"
            heading="Stakeholder matrix"
            lead="Interest and influence can be changed right in the table; open a row for everything else."
            cycleId={cycle.id}
            rows={orgs}
            reload={reload}
            columns={organisationColumns(people, reload)}
            fields={organisationFields}
            defaults={organisationDefaults}
            describe={describeOrganisation}
            emptyText="No organisations yet. Add the county departments, partners and groups taking part in the plan, starting with the Secretariat's own department."
            editor={orgEditor}
            editorExtra={(org) => <OrgContacts org={org} contacts={people} orgEditor={orgEditor} contactEditor={contactEditor} />}
          />
          <RegisterSection
            register="contact"
            noun="contact person"
            nounPlural="contact people"
            heading="Contact people"
            cycleId={cycle.id}
            rows={people}
            reload={reload}
            columns={contactColumns(indexById(orgs))}
            fields={contactFields(orgs)}
            defaults={contactDefaults}
            describe={describeContact}
            emptyText={
              orgs.length === 0
                ? 'Add an organisation first; then record its contact people here.'
                : 'No contact people yet. Add the key contact person of each organisation.'
            }
            editor={contactEditor}
          />
        </>
      )}
    </QueryView>
  );
}

function OrgContacts({
  org,
  contacts,
  orgEditor,
  contactEditor,
}: {
  org: OrganisationDto;
  contacts: readonly ContactDto[];
  orgEditor: Editor;
  contactEditor: Editor;
}) {
  const own = contacts.filter((contact) => contact.organisationId === org.id);
  const open = (action: () => void) => {
    if (!confirmDiscard()) return;
    orgEditor.close();
    action();
  };
  return (
    <div className="editor__extra">
      <h3>Contact people</h3>
      {own.length === 0 ? <p className="muted">None recorded.</p> : null}
      <ul className="plain-list">
        {own.map((contact) => (
          <li key={contact.id}>
            <Button kind="link" onClick={() => open(() => contactEditor.openRow(contact.id))}>
              {contact.name}
            </Button>
            {contact.title ? <span className="muted"> · {contact.title}</span> : null}
            {contact.isKeyContact ? <span className="badge badge--ok">Key</span> : null}
          </li>
        ))}
      </ul>
      <Button size="small" onClick={() => open(() => contactEditor.openNew({ organisationId: org.id, isKeyContact: own.length === 0 }))}>
        + Add a contact person
      </Button>
    </div>
  );
}
