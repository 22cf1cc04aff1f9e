import { InlineNotice } from '../../components/ui/InlineNotice';
import { Button } from '../../components/ui/Button';
import { useState } from 'react';
import type { BundleExportDto } from '../../../shared/api/schemas/bundles';
import { api } from '../../api/api';
import { useApiQuery } from '../../api/use-api-query';
import { Field } from '../../components/form/Field';
import { QueryView } from '../../components/QueryView';
import { saveDownload } from '../../components/files';
import { formatBytes } from './bundle-files';
import { RadioGroup } from '../../components/ui/RadioGroup';

/**
 * Makes a bundle to send by email or USB: the whole plan, or one partner's part. Before the file
 * is saved the panel says what personal data it carries, and the key fingerprint to read out to the
 * receiver by phone.
 */
export function ExportBundlePanel({ cycleId, ownOrgId = null }: { cycleId: string; ownOrgId?: string | null }) {
  const organisations = useApiQuery('organisation:list', { cycleId });
  const [kind, setKind] = useState<'full' | 'partner'>('partner');
  // A partner's copy can send only its own part: that organisation is chosen until someone changes it.
  const [chosenOrgId, setPartnerOrgId] = useState<string | null>(null);
  const partnerOrgId = chosenOrgId ?? ownOrgId ?? '';
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [made, setMade] = useState<BundleExportDto | null>(null);

  const prepare = async () => {
    setBusy(true);
    setProblem(null);
    setMade(null);
    const result = await api('bundle:export', { cycleId, kind, partnerOrgId: kind === 'partner' ? partnerOrgId || null : null });
    setBusy(false);
    if (result.ok) setMade(result.value);
    else setProblem(result.error.message);
  };

  return (
    <section className="section" aria-labelledby="bundle-export-heading">
      <div className="section__head">
        <h2 id="bundle-export-heading">Send the plan</h2>
      </div>
      <QueryView query={organisations} what="the organisations">
        {(orgs) => (
          <form
            className="form"
            onSubmit={(event) => {
              event.preventDefault();
              void prepare();
            }}
          >
            <RadioGroup
              legend="What to send"
              name="bundle-kind"
              value={kind}
              onChange={setKind}
              options={[
                { value: 'partner', label: 'One organisation’s part (for that partner)' },
                { value: 'full', label: 'The whole plan (the consolidated plan)' },
              ]}
            />
            {kind === 'partner' ? (
              <Field label="Organisation" hint="The bundle carries this organisation’s own rows and what they name.">
                {(control) => (
                  <select {...control} value={partnerOrgId} onChange={(event) => setPartnerOrgId(event.target.value)} required>
                    <option value="">Choose…</option>
                    {orgs.map((org) => (
                      <option key={org.id} value={org.id}>
                        {org.shortName ? `${org.shortName} — ${org.name}` : org.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ) : null}
            <div className="form__actions">
              <Button kind="primary" type="submit" disabled={busy || (kind === 'partner' && !partnerOrgId)}>
                {busy ? 'Preparing the bundle…' : 'Prepare the bundle'}
              </Button>
            </div>
          </form>
        )}
      </QueryView>
      {problem ? <InlineNotice>No bundle was made. {problem}</InlineNotice> : null}
      {made ? (
        <div className="panel" aria-live="polite">
          <p>
            <strong>{made.fileName}</strong> ({formatBytes(made.sizeBytes)}) is ready.
          </p>
          <p role="note">
            <strong>Personal data:</strong> {made.personalData.summary}
          </p>
          <p>
            Key fingerprint: <code>{made.fingerprint}</code> — read it out to the receiver by phone, so they can trust the file.
          </p>
          <Button kind="primary" onClick={() => saveDownload(made)}>
            Save the bundle file
          </Button>
        </div>
      ) : null}
    </section>
  );
}
