import { Field } from '../../components/form/Field';
import { Button } from '../../components/ui/Button';
import { useState } from 'react';
import type { TriggerProposalDto, TriggerProposalReportDto } from '../../../shared/api/schemas/analysis/trigger-proposals';
import type { OrganisationDto } from '../../../shared/api/schemas/organisation';
import { triggerKinds } from '../../../shared/domain/vocabulary';
import { api } from '../../api/api';
import { noticeWithUndo } from '../../components/undo';

function ProposalCard({ proposal, cycleId, orgName, onChanged }: { proposal: TriggerProposalDto; cycleId: string; orgName: string; onChanged: () => void }) {
  const [proposedAction, setAction] = useState(proposal.proposedAction);
  const [timeline, setTimeline] = useState(proposal.timeline);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function decide(decision: 'accept' | 'dismiss') {
    setBusy(true);
    // Either way, the decision recorded: what the notice's Undo takes back (with the trigger an acceptance added).
    const result =
      decision === 'accept'
        ? await api('triggerProposal:accept', { cycleId, key: proposal.key, changes: { proposedAction, timeline } }).then((r) =>
            r.ok ? { ok: true as const, value: r.value.decision } : r,
          )
        : await api('triggerProposal:dismiss', { cycleId, key: proposal.key, note });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    void noticeWithUndo(
      decision === 'accept' ? 'Added to the adaptive triggers register as accepted.' : 'Dismissed: it will not be proposed again.',
      result.value.id,
    );
    onChanged();
  }

  return (
    <li className="analysis-proposal">
      <p className="analysis-proposal__kind">{triggerKinds.label(proposal.kind)}</p>
      <p className="analysis-proposal__trigger">{proposal.trigger}</p>
      <Field label="Proposed action">
        {(control) => <textarea {...control} rows={2} value={proposedAction} onChange={(event) => setAction(event.target.value)} />}
      </Field>
      <Field label="Timeline">{(control) => <input {...control} value={timeline} onChange={(event) => setTimeline(event.target.value)} />}</Field>
      <p className="muted">Responsible: {orgName}</p>
      <Field label="Why dismiss (optional)">{(control) => <input {...control} value={note} onChange={(event) => setNote(event.target.value)} />}</Field>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="form__actions">
        <Button kind="primary" disabled={busy} onClick={() => void decide('accept')}>
          Accept
        </Button>
        <Button kind="quiet" disabled={busy} onClick={() => void decide('dismiss')}>
          Dismiss
        </Button>
      </div>
    </li>
  );
}

/** Triggers the analysis proposes (indicator off track, budget line overspent): accept into the register or dismiss. */
export function TriggerProposalList({
  report,
  organisations,
  onChanged,
}: {
  report: TriggerProposalReportDto;
  organisations: readonly OrganisationDto[];
  onChanged: () => void;
}) {
  const names = new Map(organisations.map((o) => [o.id, o.shortName || o.name]));
  if (report.proposals.length === 0) {
    return <p className="muted">No new proposals: no indicator has gone off track and no budget line is overspent since the last decisions.</p>;
  }
  return (
    <ul className="analysis-proposals">
      {report.proposals.map((proposal) => (
        <ProposalCard
          key={proposal.key}
          proposal={proposal}
          cycleId={report.cycleId}
          orgName={names.get(proposal.responsibleOrgId) ?? 'Unknown organisation'}
          onChanged={onChanged}
        />
      ))}
    </ul>
  );
}
