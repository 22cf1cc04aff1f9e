import { InlineNotice } from '../../components/ui/InlineNotice';
import { Button } from '../../components/ui/Button';
import { useState } from 'react';
import type { CycleDto } from '../../../shared/api/schemas/cycle';
import type { RoundMemberDto, RoundStatusDto } from '../../../shared/api/schemas/rounds';
import { formatDisplayDate } from '../../../shared/dates';
import { useApiQuery } from '../../api/use-api-query';
import { api } from '../../api/api';
import { saveDownload } from '../../components/files';
import { showNotice } from '../../components/notices';
import { undoBy, type OppositeStep } from '../../components/undo';
import { QueryView } from '../../components/QueryView';
import { OpenRoundForm } from './OpenRoundForm';
import { ReturnPanel } from './ReturnPanel';
import { ReturnsChart } from './ReturnsChart';
import { RoundMembersTable } from './RoundMembersTable';
import { runRoundJob } from './round-jobs';

/**
 * The quarterly reporting round (issue 19): ask every partner for its figures of the period, see
 * who has answered, remind the late ones, and close the round into the M&E report.
 */
export function RoundScreen({ cycle }: { cycle: CycleDto }) {
  const query = useApiQuery('round:status', { cycleId: cycle.id });
  return (
    <section className="section" aria-labelledby="round-heading">
      <div className="section__head">
        <h2 id="round-heading">Reporting round</h2>
      </div>
      <QueryView query={query} what="the reporting round">
        {(status, reload) => <RoundView cycleId={cycle.id} status={status} reload={reload} />}
      </QueryView>
    </section>
  );
}

function RoundView({ cycleId, status, reload }: { cycleId: string; status: RoundStatusDto; reload: () => void }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [adding, setAdding] = useState('');
  const { round } = status;

  /**
   * Runs one action; its refusal shows above the table, and the round is read again. A change of
   * the round says so in the notice, with its opposite as the Undo (close ↔ reopen, add ↔ take out).
   */
  const act = async (label: string, work: OppositeStep['run'], saved?: { text: string; undo: OppositeStep }) => {
    setBusy(label);
    setProblem(null);
    const result = await work();
    setBusy(null);
    if (!result.ok) setProblem(result.error.message);
    else if (saved) showNotice(saved.text, { action: undoBy(saved.undo, { run: work, done: saved.text }) });
    reload();
  };
  const close = () => api('round:close', { cycleId });
  const reopen = () => api('round:reopen', { cycleId });
  const member = (organisationId: string, change: 'add' | 'remove') => () =>
    api(change === 'add' ? 'round:addMember' : 'round:removeMember', { cycleId, organisationId });
  const nameOf = (organisationId: string) => status.others.find((o) => o.organisationId === organisationId)?.name ?? 'The organisation';
  const prepare = (kind: 'request' | 'reminder', member?: RoundMemberDto) =>
    act(member ? `Writing ${member.shortName}'s e-mail…` : `Preparing ${kind}s…`, async () => {
      const result = await runRoundJob('round:prepare', { cycleId, kind, organisationId: member?.organisationId });
      if (!result.ok) return result;
      if (result.value.kind === 'file') saveDownload(result.value.file);
      showNotice(
        member ? `E-mail draft for ${member.shortName} saved: open it to send.` : `Saved: unpack the folders onto the USB stick or open each .eml to send.`,
      );
      return { ok: true };
    });

  if (!round || round.status === 'closed') {
    return (
      <div className="stack">
        {round ? (
          <p>
            The {round.periodLabel} round was closed on {formatDisplayDate((round.closedOn ?? '').slice(0, 10))}. Its record is in the audit log, and the M&E
            progress report for {round.periodKey} (Deliverables) lists who did not report.{' '}
            <Button
              size="small"
              disabled={busy !== null}
              onClick={() =>
                void act('Reopening…', reopen, {
                  text: `The ${round.periodKey} round is open again.`,
                  undo: { run: close, done: `The ${round.periodKey} round is closed again.` },
                })
              }
            >
              Reopen the {round.periodKey} round
            </Button>
          </p>
        ) : (
          <p className="section__lead">No reporting round yet. Open one to ask every partner for its figures of a period.</p>
        )}
        {problem ? <InlineNotice>{problem}</InlineNotice> : null}
        <OpenRoundForm cycleId={cycleId} status={status} onChanged={reload} />
        {round ? (
          <RoundMembersTable status={status} open={false} busy onDraft={() => undefined} onChannel={() => undefined} onRemove={() => undefined} />
        ) : null}
      </div>
    );
  }

  const late = status.members.filter((m) => m.state === 'late').length;
  const returned = status.members.filter((m) => m.state === 'returned' || m.state === 'returned_late').length;
  return (
    <div className="stack">
      <p className="section__lead">
        <strong>
          {round.periodLabel} round, open{round.dueDate ? `, returns due ${formatDisplayDate(round.dueDate)}` : ''}.
        </strong>{' '}
        {round.asksLearningAndRisks ? 'Learning entries and risk updates are asked too. ' : ''}
        {status.members.length} organisations asked; {returned} returned; {late} late.
      </p>
      <div className="form__actions">
        <Button kind="primary" disabled={busy !== null} onClick={() => void prepare('request')}>
          Save all to a folder
        </Button>
        <Button disabled={busy !== null} onClick={() => void prepare('reminder')}>
          Prepare reminders
        </Button>
        <Button
          disabled={busy !== null}
          onClick={() =>
            void act('Closing…', close, {
              text: `The ${round.periodKey} round is closed: its record is in the audit log and the M&E report.`,
              undo: { run: reopen, done: `The ${round.periodKey} round is open again.` },
            })
          }
        >
          Close the round
        </Button>
      </div>
      {busy ? (
        <p className="status status--loading" role="status">
          {busy}
        </p>
      ) : null}
      {problem ? <InlineNotice>{problem}</InlineNotice> : null}
      <ReturnsChart members={status.members} />
      <RoundMembersTable
        status={status}
        open
        busy={busy !== null}
        onDraft={(m) => void prepare('request', m)}
        onChannel={(m, channel) =>
          void act('Saving…', () => api('round:setChannel', { cycleId, organisationId: m.organisationId, channel }), {
            text: `${m.shortName} will get ${channel === 'bundle' ? 'a partner bundle' : 'the Excel template'}.`,
            undo: {
              run: () => api('round:setChannel', { cycleId, organisationId: m.organisationId, channel: m.channel }),
              done: `${m.shortName} will get ${m.channel === 'bundle' ? 'a partner bundle' : 'the Excel template'} again.`,
            },
          })
        }
        onRemove={(m) =>
          void act('Saving…', member(m.organisationId, 'remove'), {
            text: `${m.shortName} was taken out of the ${round.periodKey} round.`,
            undo: { run: member(m.organisationId, 'add'), done: `${m.shortName} is in the ${round.periodKey} round again.` },
          })
        }
      />
      {status.others.length ? (
        <div className="form__actions">
          <label>
            Add an organisation{' '}
            <select value={adding} onChange={(e) => setAdding(e.target.value)}>
              <option value="">Choose…</option>
              {status.others.map((o) => (
                <option key={o.organisationId} value={o.organisationId}>
                  {o.name}
                </option>
              ))}
            </select>
          </label>
          <Button
            disabled={busy !== null || !adding}
            onClick={() =>
              void act('Saving…', member(adding, 'add'), {
                text: `${nameOf(adding)} was added to the ${round.periodKey} round.`,
                undo: { run: member(adding, 'remove'), done: `${nameOf(adding)} is out of the ${round.periodKey} round again.` },
              })
            }
          >
            Add to the round
          </Button>
        </div>
      ) : null}
      <ReturnPanel cycleId={cycleId} onTaken={() => reload()} />
    </div>
  );
}
