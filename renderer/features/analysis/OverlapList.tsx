import { Field } from '../../components/form/Field';
import { Button } from '../../components/ui/Button';
import { useState } from 'react';
import { maxLengthOf } from '../../../shared/api/schemas/fields';
import { markComplementaryInput, type OverlapPairDto, type OverlapReportDto } from '../../../shared/api/schemas/analysis/overlaps';
import { formatDisplayDate } from '../../../shared/dates';
import { api } from '../../api/api';
import { showNotice } from '../../components/notices';
import { undoBy } from '../../components/undo';

type Activity = OverlapPairDto['activityA'];

/** Whole numbers as people write them here: 29,319. */
const formatCount = (n: number) => n.toLocaleString('en-GB');

const activityText = (a: Activity) => `${a.code ? `${a.code} ` : ''}${a.title}`;

function ActivityLine({ activity }: { activity: Activity }) {
  return (
    <li>
      <strong>{activityText(activity)}</strong>
      <span className="muted">
        {' '}
        — {activity.leadOrgName}, {formatDisplayDate(activity.startDate)} – {formatDisplayDate(activity.endDate)}
      </span>
    </li>
  );
}

/** One flagged pair: why it was flagged, and the way to say "complementary, not duplicate". */
function PairCard({ pair, cycleId, onChanged }: { pair: OverlapPairDto; cycleId: string; onChanged: () => void }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function mark() {
    setBusy(true);
    const markIt = () => api('overlap:markComplementary', { cycleId, activityAId: pair.activityA.id, activityBId: pair.activityB.id, note });
    const result = await markIt();
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    const marked = 'Marked complementary: this pair will not be flagged again.';
    // Marked again, the pair's decision keeps its id (one per pair), so the Undo can go back and forth.
    const decisionId = result.value.id;
    showNotice(marked, { action: undoBy({ run: () => api('overlap:unmark', { id: decisionId }), done: FLAGGED_AGAIN }, { run: markIt, done: marked }) });
    onChanged();
  }

  return (
    <li className={`analysis-pair analysis-pair--${pair.level}`}>
      <div className="analysis-pair__head">
        <span className={`analysis-score analysis-score--${pair.level}`} title="Overlap score, 0–100">
          {pair.score}
        </span>
        <span className="analysis-pair__level">
          {pair.level === 'high' ? 'Likely duplicate' : pair.level === 'medium' ? 'Possible duplicate' : 'Some overlap'}
        </span>
      </div>
      <ul className="analysis-pair__activities">
        <ActivityLine activity={pair.activityA} />
        <ActivityLine activity={pair.activityB} />
      </ul>
      <p className="analysis-pair__reason">{pair.reason}</p>
      {open ? (
        <div className="analysis-pair__form">
          <Field label="Why they complement each other (kept with the decision)">
            {(control) => (
              <textarea
                {...control}
                value={note}
                onChange={(event) => setNote(event.target.value)}
                rows={2}
                maxLength={maxLengthOf(markComplementaryInput.shape.note)}
              />
            )}
          </Field>
          {error ? (
            <p className="field__error" role="alert">
              {error}
            </p>
          ) : null}
          <div className="form__actions">
            <Button kind="primary" disabled={busy} onClick={() => void mark()}>
              Mark complementary
            </Button>
            <Button kind="quiet" disabled={busy} onClick={() => setOpen(false)}>
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <Button onClick={() => setOpen(true)}>Complementary, not duplicate…</Button>
      )}
    </li>
  );
}

/** Pairs shown at first, and added by each "Show more". */
export const OVERLAP_PAGE = 25;
const FLAGGED_AGAIN = 'The pair is flagged again.';

/**
 * Likely duplicates, highest score first, as many as the report holds (`onShowMore` asks for the
 * next page), and the pairs already judged complementary.
 */
export function OverlapList({ report, onChanged, onShowMore }: { report: OverlapReportDto; onChanged: () => void; onShowMore: () => void }) {
  const count = report.pairCount;
  const left = count - report.pairs.length;
  async function unmark(pair: OverlapReportDto['complementary'][number]) {
    const unmarkIt = () => api('overlap:unmark', { id: pair.decision.id });
    const markAgain = () =>
      api('overlap:markComplementary', {
        cycleId: pair.decision.cycleId,
        activityAId: pair.decision.activityAId,
        activityBId: pair.decision.activityBId,
        note: pair.decision.note,
      });
    const result = await unmarkIt();
    if (result.ok) {
      showNotice(FLAGGED_AGAIN, {
        action: undoBy({ run: markAgain, done: 'Marked complementary again, with its note.' }, { run: unmarkIt, done: FLAGGED_AGAIN }),
      });
      onChanged();
    } else showNotice(result.error.message, { tone: 'problem' });
  }
  return (
    <>
      <p className="section__lead">
        {count === 0
          ? `No likely duplicates among ${formatCount(report.activitiesChecked)} active activities.`
          : `${formatCount(count)} pair${count === 1 ? '' : 's'} of activities led by different organisations in the same sector and ward, with overlapping dates (${formatCount(report.activitiesChecked)} active activities checked).`}
      </p>
      <ul className="analysis-pairs" aria-label="Flagged pairs">
        {report.pairs.map((pair) => (
          <PairCard key={pair.key} pair={pair} cycleId={report.cycleId} onChanged={onChanged} />
        ))}
      </ul>
      {left > 0 ? (
        <Button onClick={onShowMore}>
          Show {formatCount(Math.min(OVERLAP_PAGE, left))} more of {formatCount(left)}
        </Button>
      ) : null}
      {report.complementary.length > 0 ? (
        <>
          <h3>Marked complementary, not duplicate</h3>
          <ul className="analysis-complementary">
            {report.complementary.map((pair) => (
              <li key={pair.key}>
                {activityText(pair.activityA)} + {activityText(pair.activityB)}
                {pair.decision.note ? <span className="muted"> — “{pair.decision.note}”</span> : null}
                <span className="muted"> ({pair.decision.decidedBy || 'unknown user'})</span>{' '}
                <Button kind="link" onClick={() => void unmark(pair)}>
                  Flag again
                </Button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
