import type { CycleDto } from '../../../shared/api/schemas/cycle';
import { formatDisplayDate } from '../../../shared/dates';
import { cyclePhases, signatoryRoles } from '../../../shared/domain/vocabulary';
import { allReady } from '../../api/all-ready';
import { useApiQuery } from '../../api/use-api-query';
import { QueryView } from '../../components/QueryView';
import { RegisterSection } from '../../components/register/RegisterSection';
import { useEditor } from '../../components/register/use-editor';
import { indexById } from '../lookups/lookups';
import { approvalStatus, REQUIRED_ROLES } from './approval-status';
import { describeSignatory, signatoryColumns, signatoryDefaults, signatoryFields } from './signatory-register';
import { naturalCompare } from '../../../shared/natural-order';

export function ApprovalsScreen({ cycle }: { cycle: CycleDto }) {
  const signatories = useApiQuery('signatory:list', { cycleId: cycle.id });
  const organisations = useApiQuery('organisation:list', { cycleId: cycle.id });
  const editor = useEditor();
  return (
    <QueryView query={allReady(signatories, organisations)} what="the approvals">
      {([rows, orgs], reload) => {
        const sorted = [...rows].sort((a, b) => a.sortOrder - b.sortOrder || naturalCompare(a.name, b.name));
        const status = approvalStatus(rows);
        return (
          <>
            <section className="section" aria-labelledby="approval-heading">
              <h2 id="approval-heading">Approval of the plan</h2>
              <div className={`approval approval--${status.state}`} role="status">
                <p className="approval__headline">{status.headline}</p>
                {status.approvedOn ? (
                  <p>Last signature on {formatDisplayDate(status.approvedOn)}. Later changes should be made as a revision of the signed plan.</p>
                ) : null}
                <p className="muted">Cycle phase: {cyclePhases.label(cycle.phase)}. The consolidated plan is signed by:</p>
                <ul className="checklist">
                  {REQUIRED_ROLES.map((role) => {
                    const holder = rows.find((row) => row.role === role);
                    return (
                      <li key={role} className={holder?.signedOn ? 'checklist__item checklist__item--done' : 'checklist__item'}>
                        <span aria-hidden="true">{holder?.signedOn ? '✓' : '○'}</span> {signatoryRoles.label(role)}:{' '}
                        {holder ? `${holder.name}${holder.signedOn ? `, signed ${formatDisplayDate(holder.signedOn)}` : ', not signed yet'}` : 'nobody listed'}
                      </li>
                    );
                  })}
                </ul>
              </div>
            </section>
            <RegisterSection
              register="signatory"
              noun="signatory"
              nounPlural="signatories"
              heading="Signatories"
              lead="Listed in the order they appear on the signature page; the date is entered once the printed plan is signed."
              cycleId={cycle.id}
              rows={sorted}
              reload={reload}
              columns={signatoryColumns(indexById(orgs))}
              fields={signatoryFields(orgs)}
              defaults={signatoryDefaults(rows.reduce((max, row) => Math.max(max, row.sortOrder), 0) + 1)}
              describe={describeSignatory}
              emptyText={
                orgs.length === 0
                  ? 'Add the organisations first (Stakeholders): each signatory signs for one.'
                  : 'No signatories yet. Add the County Secretary, the CEC Member for Finance and the partners’ leadership.'
              }
              editor={editor}
            />
          </>
        );
      }}
    </QueryView>
  );
}
