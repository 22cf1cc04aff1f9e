import { InlineNotice } from '../../components/ui/InlineNotice';
import { Toggle } from '../../components/ui/Toggle';
import { Button } from '../../components/ui/Button';
import { useState } from 'react';
import type { RoundStatusDto } from '../../../shared/api/schemas/rounds';
import { api } from '../../api/api';
import { dateHint, readDateText } from '../../components/form/date-hint';
import { DateInput } from '../../components/form/DateInput';
import { Field } from '../../components/form/Field';
import { noticeWithUndo } from '../../components/undo';

/** Opens the round of a period: who is asked follows from the plan; the due date and message are the Secretariat's. */
export function OpenRoundForm({ cycleId, status, onChanged }: { cycleId: string; status: RoundStatusDto; onChanged: () => void }) {
  const held = new Set(status.history.map((r) => r.periodKey));
  const firstFree = status.periods.find((p) => !held.has(p.key))?.key ?? status.periods[0]?.key ?? '';
  const [periodKey, setPeriodKey] = useState(firstFree);
  const [dueDate, setDueDate] = useState('');
  const [message, setMessage] = useState('');
  const [asksLearningAndRisks, setAsksLearningAndRisks] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const open = async () => {
    const due = readDateText('Returns due', dueDate, { optional: true });
    if (!due.ok) return setProblem(due.message);
    setBusy(true);
    setProblem(null);
    const result = await api('round:open', { cycleId, periodKey, dueDate: due.value, message, asksLearningAndRisks });
    setBusy(false);
    if (!result.ok) return setProblem(result.error.message);
    // Undo removes the round just opened, with the organisations it asks, while nothing was sent.
    void noticeWithUndo(`The ${periodKey} reporting round is open: ${result.value.members.length} organisations to ask.`, result.value.round?.id ?? '');
    onChanged();
  };

  return (
    <form
      className="form"
      aria-label="Open a reporting round"
      onSubmit={(event) => {
        event.preventDefault();
        void open();
      }}
    >
      <div className="form__grid">
        <Field label="Period">
          {(control) => (
            <select {...control} value={periodKey} onChange={(e) => setPeriodKey(e.target.value)}>
              {status.periods.map((p) => (
                <option key={p.key} value={p.key}>
                  {p.label}
                  {held.has(p.key) ? ' (held)' : ''}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Returns due" hint={dateHint(dueDate, 'past this date, organisations still missing something show as late')}>
          {(control) => <DateInput {...control} value={dueDate} onChange={setDueDate} />}
        </Field>
        <Field label="Message to partners" hint="Opens every request e-mail; a standard sentence is used when empty." wide>
          {(control) => <textarea {...control} rows={3} maxLength={2000} value={message} onChange={(e) => setMessage(e.target.value)} />}
        </Field>
        <Field label="Also ask for learning entries and risk updates" hint="Templates then carry a Learning and a Risks sheet; the status counts them." wide>
          {(control) => <Toggle {...control} className="checkbox" checked={asksLearningAndRisks} onChange={setAsksLearningAndRisks} />}
        </Field>
      </div>
      {problem ? <InlineNotice>{problem}</InlineNotice> : null}
      <div className="form__actions">
        <Button kind="primary" type="submit" disabled={busy || !periodKey}>
          Open the round
        </Button>
      </div>
    </form>
  );
}
