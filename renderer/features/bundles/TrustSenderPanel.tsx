import { InlineNotice } from '../../components/ui/InlineNotice';
import { Toggle } from '../../components/ui/Toggle';
import { Button } from '../../components/ui/Button';
import { useState } from 'react';
import type { BundlePreviewDto } from '../../../shared/api/schemas/bundles';
import { api } from '../../api/api';
import { ConfirmDialog } from '../../components/ConfirmDialog';

type Sender = NonNullable<BundlePreviewDto['sender']>;

/**
 * "Trust this sender", after the fingerprint was read out by phone. A sender that already has a
 * trusted key here gets a new one only by replacing the old, which the panel says plainly — both
 * fingerprints — and asks about once more before doing.
 */
export function TrustSenderPanel({
  base64,
  sender,
  onTrusted,
  onProblem,
}: {
  base64: string;
  sender: Sender;
  onTrusted(): void;
  onProblem(message: string): void;
}) {
  const [confirmed, setConfirmed] = useState(false);
  const [asking, setAsking] = useState(false);
  const replacing = sender.replaces.length > 0;
  const oldKeys = sender.replaces.map((old) => `${old.fingerprint} (trusted ${old.trustedAt.slice(0, 10)} by ${old.trustedBy})`).join(', ');

  const trust = async (replace: boolean): Promise<string | null> => {
    const result = await api('bundle:trust', { base64, fingerprint: sender.fingerprint, replace });
    if (!result.ok) return result.error.message;
    onTrusted();
    return null;
  };

  return (
    <div className="panel">
      <p>
        Phone {sender.orgName} and ask them to read the fingerprint shown in their Pamoja JWP. Trust this sender only if it is exactly{' '}
        <code>{sender.fingerprint}</code>.
      </p>
      {replacing ? (
        <InlineNotice title={`Trusting this key replaces the key ${sender.orgName} already has here.`}>
          <span>
            Their key until now: <code>{oldKeys}</code>. Trusting this new key replaces it, and bundles signed with the old key will be refused from then on. Do
            this only if {sender.orgName} told you they have a new computer or reinstalled Pamoja JWP.
          </span>
        </InlineNotice>
      ) : null}
      <Toggle checked={confirmed} onChange={setConfirmed} label="They read me the same fingerprint." />
      <div className="form__actions">
        <Button
          kind="primary"
          disabled={!confirmed}
          onClick={() => {
            if (replacing) setAsking(true);
            else void trust(false).then((problem) => problem && onProblem(problem));
          }}
        >
          {replacing ? 'Replace their key…' : 'Trust this sender'}
        </Button>
      </div>
      {asking ? (
        <ConfirmDialog
          title={`Replace ${sender.orgName}’s key?`}
          message={`The key ${oldKeys} will no longer be accepted. From now on, bundles from ${sender.orgName} must be signed with the key ${sender.fingerprint}.`}
          confirmLabel="Replace the key"
          busyLabel="Replacing…"
          failureTitle="The key was not replaced."
          danger
          onConfirm={() => trust(true)}
          onCancel={() => setAsking(false)}
        />
      ) : null}
    </div>
  );
}
