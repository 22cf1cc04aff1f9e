import { InlineNotice } from '../../components/ui/InlineNotice';
import { DataTable } from '../../components/ui/DataTable';
import { Button } from '../../components/ui/Button';
import { useState } from 'react';
import type { ApiOutput } from '../../../shared/api/contract';
import { formatDisplayDate } from '../../../shared/dates';
import { api } from '../../api/api';
import { Field } from '../../components/form/Field';
import { useSubmit } from '../../components/form/use-submit';
import { showNotice } from '../../components/notices';
import { undoBy } from '../../components/undo';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { dateHint, readDateText, shownDate } from '../../components/form/date-hint';
import { DateInput } from '../../components/form/DateInput';
import { todayIso } from '../../components/today';

type VersionList = ApiOutput<'version:list'>;

const APPROVAL_IS_A_RECORD =
  'An approved version cannot be undone or deleted: it is the record of what the CEC approved. A correction is made in the working plan and approved as the next version.';
type Version = VersionList['versions'][number];

interface VersionsPanelProps {
  cycleId: string;
  list: VersionList;
  readOnly: boolean;
  /** Who is signed in: the default "approved by". */
  userName: string;
  onChanged: () => void;
  onCompare: (from: number) => void;
}

/** Approve the working plan as the next version; the versions approved so far and their signatures. */
export function VersionsPanel({ cycleId, list, readOnly, userName, onChanged, onCompare }: VersionsPanelProps) {
  const { working } = list;
  return (
    <section className="section" aria-labelledby="versions-heading">
      <h2 id="versions-heading">Approved versions</h2>
      <p data-testid="working-state">
        {working.state === 'draft' ? 'The plan has not been approved yet.' : null}
        {working.state === 'approved'
          ? `The working plan is exactly version ${working.latestVersion} as approved (fingerprint ${working.workingFingerprint}).`
          : null}
        {working.state === 'revision'
          ? `The working plan differs from version ${working.latestVersion}: ${working.changesSinceLatest} change${working.changesSinceLatest === 1 ? '' : 's'} not yet approved (fingerprint ${working.workingFingerprint}).`
          : null}{' '}
        {working.state === 'revision' && working.latestVersion !== null ? (
          <Button kind="quiet" onClick={() => onCompare(working.latestVersion ?? 1)}>
            See what changed
          </Button>
        ) : null}
      </p>
      {readOnly || working.state === 'approved' ? null : (
        <ApproveForm cycleId={cycleId} userName={userName} next={(working.latestVersion ?? 0) + 1} onApproved={onChanged} />
      )}
      {list.versions.length === 0 ? null : (
        <DataTable label="Approved versions">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Fingerprint</th>
              <th scope="col">Approved</th>
              <th scope="col">Signatures</th>
              <th scope="col">
                <span className="muted">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {[...list.versions].reverse().map((version) => (
              <tr key={version.id}>
                <td>{version.number}</td>
                <td>
                  <code>{version.fingerprint}</code>
                </td>
                <td>
                  {formatDisplayDate(version.approvedOn)} by {version.approvedBy}
                  {version.note ? <div className="muted">{version.note}</div> : null}
                </td>
                <td>
                  <Signatures version={version} readOnly={readOnly} onChanged={onChanged} />
                </td>
                <td>
                  {version.number > 1 ? (
                    <Button kind="quiet" onClick={() => onCompare(version.number - 1)}>
                      Changes from version {version.number - 1}
                    </Button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </section>
  );
}

function ApproveForm({ cycleId, userName, next, onApproved }: { cycleId: string; userName: string; next: number; onApproved: () => void }) {
  const [approvedBy, setApprovedBy] = useState(userName);
  const [approvedOn, setApprovedOn] = useState(() => shownDate(todayIso()));
  const [note, setNote] = useState('');
  const form = useSubmit(['approvedBy', 'approvedOn', 'note']);
  /** The date as read, once the officer asked to approve: the question comes before the approval. */
  const [confirming, setConfirming] = useState<string | null>(null);
  const ask = () => {
    const date = readDateText('Date the CEC approved', approvedOn);
    if (!date.ok) return form.showErrors({ byField: { approvedOn: date.message }, general: [] });
    setConfirming(date.value ?? '');
  };
  const approve = async (date: string) => {
    setConfirming(null);
    const version = await form.submit(() => api('version:approve', { cycleId, approvedBy, approvedOn: date, note }));
    if (version) {
      // No Undo: an approved version is the record of what the CEC approved, kept as it was.
      showNotice(`Version ${version.number} approved: fingerprint ${version.fingerprint}. ${APPROVAL_IS_A_RECORD}`);
      onApproved();
    }
    return null;
  };
  return (
    <form
      className="form form--grid"
      aria-label={`Approve version ${next}`}
      onSubmit={(event) => {
        event.preventDefault();
        ask();
      }}
    >
      {confirming !== null ? (
        <ConfirmDialog
          title={`Approve the working plan as version ${next}?`}
          message={`Version ${next} freezes the plan as it stands today, with its fingerprint, approved by ${approvedBy || 'you'} on ${formatDisplayDate(confirming)}. ${APPROVAL_IS_A_RECORD}`}
          confirmLabel={`Approve version ${next}`}
          busyLabel="Approving…"
          failureTitle="Nothing was approved."
          onConfirm={() => approve(confirming)}
          onCancel={() => setConfirming(null)}
        />
      ) : null}
      {form.errors.general.length > 0 ? (
        <InlineNotice>
          {form.errors.general.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </InlineNotice>
      ) : null}
      <Field label="Approval recorded by" name="approvedBy" error={form.errors.byField.approvedBy}>
        {(control) => <input {...control} type="text" value={approvedBy} onChange={(event) => setApprovedBy(event.target.value)} />}
      </Field>
      <Field label="Date the CEC approved" name="approvedOn" hint={dateHint(approvedOn)} error={form.errors.byField.approvedOn}>
        {(control) => <DateInput {...control} value={approvedOn} onChange={setApprovedOn} />}
      </Field>
      <Field label="Note" name="note" hint="E.g. the CEC minute number." wide error={form.errors.byField.note}>
        {(control) => <input {...control} type="text" value={note} onChange={(event) => setNote(event.target.value)} />}
      </Field>
      <p className="form__actions">
        <Button kind="primary" type="submit" disabled={form.busy}>
          {form.busy ? 'Approving…' : `Approve as version ${next}`}
        </Button>
      </p>
    </form>
  );
}

function Signatures({ version, readOnly, onChanged }: { version: Version; readOnly: boolean; onChanged: () => void }) {
  const [signatoryId, setSignatoryId] = useState(version.unsigned[0]?.signatoryId ?? '');
  const [signedOn, setSignedOn] = useState(() => shownDate(todayIso()));
  const form = useSubmit(['signatoryId', 'signedOn']);
  const sign = async () => {
    const date = readDateText('Date signed', signedOn);
    if (!date.ok) return form.showErrors({ byField: { signedOn: date.message }, general: [] });
    const signature = await form.submit(() => api('version:sign', { versionId: version.id, signatoryId, signedOn: date.value ?? '' }));
    if (signature) {
      // A signature entered by mistake is taken back as the app's "Remove a signature recorded by mistake".
      showNotice(`${signature.name}'s signature recorded on version ${version.number}.`, {
        action: undoBy({
          run: () => api('version:unsign', { id: signature.id }),
          done: `${signature.name}'s signature on version ${version.number} was removed.`,
        }),
      });
      onChanged();
    }
  };
  const problems = [...form.errors.general, ...Object.values(form.errors.byField)];
  return (
    <>
      <ul className="stat__list">
        {version.signatures.map((signature) => (
          <li key={signature.id}>
            ✓ {signature.name}
            {signature.title ? `, ${signature.title}` : ''} — {formatDisplayDate(signature.signedOn)}
          </li>
        ))}
        {version.unsigned.map((person) => (
          <li key={person.signatoryId} className="muted">
            ○ {person.name}
            {person.title ? `, ${person.title}` : ''} — not signed
          </li>
        ))}
      </ul>
      {readOnly || version.unsigned.length === 0 ? null : (
        <p>
          <select aria-label={`Who signed version ${version.number}`} value={signatoryId} onChange={(event) => setSignatoryId(event.target.value)}>
            {version.unsigned.map((person) => (
              <option key={person.signatoryId} value={person.signatoryId}>
                {person.name}
              </option>
            ))}
          </select>{' '}
          <DateInput aria-label={`Date signed, version ${version.number}`} value={signedOn} onChange={setSignedOn} />{' '}
          <Button disabled={form.busy || signatoryId === ''} onClick={() => void sign()}>
            Record signature
          </Button>
          {problems.map((message) => (
            <span key={message} className="field__error" role="alert">
              {' '}
              {message}
            </span>
          ))}
        </p>
      )}
    </>
  );
}
