import { InlineNotice } from '../../components/ui/InlineNotice';
import { Toggle } from '../../components/ui/Toggle';
import { Button } from '../../components/ui/Button';
import { useEffect, useRef, useState } from 'react';
import { fiscalYearLabel, fiscalYearStartYear, isFiscalYearLabel } from '../../../shared/fiscal-year';
import { formatDisplayDate } from '../../../shared/dates';
import { activityStatuses } from '../../../shared/domain/vocabulary';
import { api } from '../../api/api';
import { useApiQuery } from '../../api/use-api-query';
import { QueryView } from '../../components/QueryView';
import { showNotice } from '../../components/notices';
import { navigate } from '../../routing/navigate';

interface RolloverDialogProps {
  cycleId: string;
  fiscalYear: string;
  onCancel: () => void;
}

/**
 * Roll the cycle over into a later fiscal year: shows what will be carried, lets the user pick the
 * unfinished activities (all ticked at first), then opens the new cycle.
 */
export function RolloverDialog({ cycleId, fiscalYear, onCancel }: RolloverDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const [toFiscalYear, setToFiscalYear] = useState(fiscalYearLabel(fiscalYearStartYear(fiscalYear) + 1));
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="confirm"
      aria-labelledby="rollover-title"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id="rollover-title" className="confirm__title">
        Roll over into the next fiscal year
      </h2>
      <p>
        <label>
          New fiscal year <input type="text" value={toFiscalYear} onChange={(event) => setToFiscalYear(event.target.value.trim())} size={8} />
        </label>
      </p>
      {isFiscalYearLabel(toFiscalYear) ? (
        <Preview key={toFiscalYear} cycleId={cycleId} fromFiscalYear={fiscalYear} toFiscalYear={toFiscalYear} onCancel={onCancel} />
      ) : (
        <>
          <p className="field__error">Write the fiscal year as 2027/28.</p>
          <Button onClick={onCancel}>Cancel</Button>
        </>
      )}
    </dialog>
  );
}

function Preview({ cycleId, fromFiscalYear, toFiscalYear, onCancel }: { cycleId: string; fromFiscalYear: string; toFiscalYear: string; onCancel: () => void }) {
  const preview = useApiQuery('rollover:preview', { cycleId, toFiscalYear });
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  return (
    <QueryView query={preview} what="what the roll-over carries">
      {(p) => {
        const run = async () => {
          setBusy(true);
          const carryActivityIds = p.unfinishedActivities.filter((a) => !excluded.has(a.id)).map((a) => a.id);
          const result = await api('rollover:run', { cycleId, toFiscalYear, carryActivityIds });
          setBusy(false);
          if (!result.ok) {
            setRefusal(result.error.message);
            return;
          }
          showNotice(`"${result.value.cycle.title}" created; the FY ${fromFiscalYear} cycle is now read-only.`);
          navigate({ name: 'cycle', cycleId: result.value.cycle.id, screen: 'overview' });
        };
        const toggle = (id: string) =>
          setExcluded((before) => {
            const next = new Set(before);
            if (next.has(id)) next.delete(id);
            else next.add(id);
            return next;
          });
        return (
          <>
            <p>
              A new cycle &ldquo;{p.title}&rdquo;, {formatDisplayDate(p.startDate)} – {formatDisplayDate(p.endDate)}, starting in the preparatory phase.
              Carried: {p.organisations} organisations, {p.contacts} contacts, {p.objectives} objectives, {p.indicators.length} indicators (last actual as the
              new baseline), {p.openRisks.length} open risks, {p.signatories} signatories. This cycle becomes read-only.
            </p>
            <p>Unfinished activities to carry over (untick those that end with this year):</p>
            <ul className="carry-list">
              {p.unfinishedActivities.map((a) => (
                <li key={a.id}>
                  <Toggle
                    checked={!excluded.has(a.id)}
                    onChange={() => toggle(a.id)}
                    label={
                      <>
                        {a.code} {a.title}{' '}
                        <span className="muted">
                          ({activityStatuses.has(a.status) ? activityStatuses.label(a.status) : a.status}, {a.completionPct} %; new dates{' '}
                          {formatDisplayDate(a.newStartDate)} – {formatDisplayDate(a.newEndDate)})
                        </span>
                      </>
                    }
                  />
                </li>
              ))}
            </ul>
            <ul className="muted">
              {p.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
            {refusal ? (
              <InlineNotice title="Nothing was changed.">
                <p>{refusal}</p>
              </InlineNotice>
            ) : null}
            <div className="confirm__actions">
              <Button autoFocus onClick={onCancel} disabled={busy}>
                Cancel
              </Button>
              <Button kind="primary" disabled={busy} onClick={() => void run()}>
                {busy ? 'Rolling over…' : `Roll over into FY ${toFiscalYear} (${p.unfinishedActivities.length - excluded.size} activities)`}
              </Button>
            </div>
          </>
        );
      }}
    </QueryView>
  );
}
