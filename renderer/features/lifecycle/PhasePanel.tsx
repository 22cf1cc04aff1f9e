import { Field } from '../../components/form/Field';
import { Toggle } from '../../components/ui/Toggle';
import { Button } from '../../components/ui/Button';
import { useState } from 'react';
import type { ApiOutput } from '../../../shared/api/contract';
import { formatDisplayDate } from '../../../shared/dates';
import { cyclePhases } from '../../../shared/domain/vocabulary';
import type { Result } from '../../../shared/result';
import type { CyclePhase } from '../../../shared/lifecycle/checklists';
import { api } from '../../api/api';
import { readDateText, shownDate } from '../../components/form/date-hint';
import { DateInput } from '../../components/form/DateInput';
import { todayIso } from '../../components/today';
import { showNotice } from '../../components/notices';
import { undoBy, type OppositeStep } from '../../components/undo';

type Status = ApiOutput<'lifecycle:status'>;
type Step = Status['phases'][number]['steps'][number];

interface PhasePanelProps {
  status: Status;
  /** Called with the new status after a change, and with an error message when one was refused. */
  onChanged: (status: Status) => void;
  onError: (message: string) => void;
}

/** The current phase, a way to move it on, and each phase's checklist from the manual, ticked with dates. */
export function PhasePanel({ status, onChanged, onError }: PhasePanelProps) {
  const [target, setTarget] = useState<CyclePhase>(status.phase);
  const [busy, setBusy] = useState(false);
  const readOnly = status.readOnly !== null;

  /** Runs a change; its notice offers the opposite change as its Undo (a step unticked, the phase before). */
  const run = async (call: () => Promise<Result<Status>>, saved: { text: string; undo: OppositeStep }) => {
    setBusy(true);
    const result = await call();
    setBusy(false);
    if (!result.ok) return onError(result.error.message);
    onChanged(result.value);
    showNotice(saved.text, { action: undoBy(saved.undo, { run: call, done: saved.text }) });
  };

  const tick = (phase: CyclePhase, step: Step, doneOn: string | null) => {
    const tickTo = (date: string | null) => () => api('lifecycle:tickStep', { cycleId: status.cycleId, phase, key: step.key, doneOn: date, note: step.note });
    const said = (date: string | null) => (date ? `Ticked: ${step.label} (done ${formatDisplayDate(date)}).` : `Unticked: ${step.label}.`);
    return run(tickTo(doneOn), { text: said(doneOn), undo: { run: tickTo(step.doneOn), done: said(step.doneOn) } });
  };
  const moveTo = (phase: CyclePhase) => () => api('lifecycle:setPhase', { cycleId: status.cycleId, phase });

  return (
    <section className="section" aria-labelledby="phase-heading">
      <h2 id="phase-heading">Phase and checklist</h2>
      <p>
        Current phase: <strong data-testid="current-phase">{status.phaseLabel}</strong>
      </p>
      {readOnly ? null : (
        <div className="form__actions form__actions--bottom">
          <Field label="Move to">
            {(control) => (
              <select
                {...control}
                value={target}
                onChange={(event) => {
                  const phase = event.target.value;
                  if (cyclePhases.has(phase)) setTarget(phase);
                }}
                disabled={busy}
              >
                {cyclePhases.keys.map((phase) => (
                  <option key={phase} value={phase}>
                    {cyclePhases.label(phase)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Button
            disabled={busy || target === status.phase}
            onClick={() =>
              void run(moveTo(target), {
                text: `The cycle is now in the ${cyclePhases.label(target)} phase.`,
                undo: { run: moveTo(status.phase), done: `The cycle is back in the ${cyclePhases.label(status.phase)} phase.` },
              })
            }
          >
            Change phase
          </Button>
        </div>
      )}
      <ul className="phase-list">
        {status.phases.map((phase) => (
          <li key={phase.phase}>
            <details open={phase.isCurrent}>
              <summary>
                {phase.label}: {phase.done} of {phase.total} done
                {phase.isCurrent ? <span className="phase-list__current">(current phase)</span> : null}
              </summary>
              <ul className="step-list">
                {phase.steps.map((step) => (
                  <StepRow
                    key={step.key}
                    step={step}
                    disabled={busy || readOnly}
                    readOnly={readOnly}
                    onTick={(doneOn) => void tick(phase.phase, step, doneOn)}
                  />
                ))}
              </ul>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}

function StepRow({ step, disabled, readOnly, onTick }: { step: Step; disabled: boolean; readOnly: boolean; onTick: (doneOn: string | null) => void }) {
  const [date, setDate] = useState(() => shownDate(step.doneOn ?? todayIso()));
  const [problem, setProblem] = useState<string | null>(null);
  const done = step.doneOn !== null;
  const tick = () => {
    if (done) return onTick(null);
    const read = readDateText('Date', date);
    setProblem(read.ok ? null : read.message);
    if (read.ok && read.value) onTick(read.value);
  };
  return (
    <li className="step">
      <Toggle aria-label={step.label} checked={done} disabled={disabled} onChange={tick} />
      <span>
        {step.label} <span className="step__source">(manual {step.source})</span>
        {done ? (
          <span className="muted">
            {' '}
            — done {formatDisplayDate(step.doneOn ?? '')}
            {step.doneBy ? ` by ${step.doneBy}` : ''}
            {step.note ? `: ${step.note}` : ''}
          </span>
        ) : null}
      </span>
      {done || readOnly ? null : (
        <span>
          <DateInput aria-label={`Date: ${step.label}`} aria-invalid={problem ? true : undefined} value={date} disabled={disabled} onChange={setDate} />
          {problem ? (
            <span className="field__error" role="alert">
              {problem}
            </span>
          ) : null}
        </span>
      )}
    </li>
  );
}
