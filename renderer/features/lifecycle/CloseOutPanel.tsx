import { DataTable } from '../../components/ui/DataTable';
import { Button } from '../../components/ui/Button';
import { useState } from 'react';
import type { ApiOutput } from '../../../shared/api/contract';
import { formatDisplayDate } from '../../../shared/dates';
import { activityStatuses } from '../../../shared/domain/vocabulary';
import { formatProgress } from '../../../shared/analysis/indicator-progress';
import { formatMoney } from '../../../shared/money';
import { api } from '../../api/api';
import { useApiQuery } from '../../api/use-api-query';
import { Field } from '../../components/form/Field';
import { useSubmit } from '../../components/form/use-submit';
import { showNotice } from '../../components/notices';
import { undoBy } from '../../components/undo';
import { QueryView } from '../../components/QueryView';

type Report = ApiOutput<'closeOut:report'>;

const kes = (minor: number) => formatMoney({ amountMinor: minor, currency: 'KES' }, { cents: 'never' });
const pct = (value: number | null) => (value === null ? '—' : `${value} %`);
/** Ends a free-text answer with one full stop, whether or not its writer typed one. */
const sentence = (text: string) => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);
const num = (value: number | null) => (value === null ? '—' : String(value));

/** The end-of-cycle report's data, and the close-out meeting's summary and recommendations. */
export function CloseOutPanel({ cycleId, readOnly }: { cycleId: string; readOnly: boolean }) {
  const report = useApiQuery('closeOut:report', { cycleId });
  return (
    <section className="section" aria-labelledby="closeout-heading">
      <h2 id="closeout-heading">Close-out report</h2>
      <QueryView query={report} what="the close-out report">
        {(value, reload) => <CloseOutBody report={value} readOnly={readOnly} onSaved={reload} />}
      </QueryView>
    </section>
  );
}

function CloseOutBody({ report, readOnly, onSaved }: { report: Report; readOnly: boolean; onSaved: () => void }) {
  return (
    <>
      <h3>Achievements per objective</h3>
      <DataTable label="Achievements per objective">
        <thead>
          <tr>
            <th scope="col">Objective</th>
            <th scope="col">Activities</th>
            <th scope="col">Average completion</th>
            <th scope="col">Indicators met</th>
          </tr>
        </thead>
        <tbody>
          {report.objectives.map((o) => (
            <tr key={o.objectiveId}>
              <td>
                {o.code} {o.statement}
              </td>
              <td>
                {activityStatuses.keys
                  .filter((status) => (o.activityCounts[status] ?? 0) > 0)
                  .map((status) => `${o.activityCounts[status]} ${activityStatuses.label(status).toLowerCase()}`)
                  .join(', ') || 'none'}
              </td>
              <td>{pct(o.averageCompletionPct)}</td>
              <td>
                {o.indicators.filter((i) => i.met === true).length} of {o.indicators.length}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>

      <h3>Indicators: final value against target</h3>
      <p className="muted">
        {report.indicatorsMet} of {report.indicators.length} met their target; {report.indicatorsReported} reported an actual.
      </p>
      <DataTable label="Indicators: final value against target">
        <thead>
          <tr>
            <th scope="col">Indicator</th>
            <th scope="col">Baseline</th>
            <th scope="col">Target</th>
            <th scope="col">Final value</th>
            <th scope="col">% achieved</th>
          </tr>
        </thead>
        <tbody>
          {report.indicators.map((i) => (
            <tr key={i.indicatorId}>
              <td>
                {i.code} {i.name} <span className="muted">({i.unit})</span>
              </td>
              <td>{num(i.baselineValue)}</td>
              <td>{i.targetValue}</td>
              <td>
                {num(i.finalValue)} {i.finalPeriodKey ? <span className="muted">({i.finalPeriodKey})</span> : null}
              </td>
              <td>{i.met === null ? '—' : `${formatProgress(i.pctAchieved)} ${i.met ? '✓' : '✗'}`}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>

      <h3>Budget utilisation</h3>
      <p>
        {kes(report.budget.spentKesMinor)} disbursed of {kes(report.budget.plannedKesMinor)} planned: <strong>{pct(report.budget.utilisationPct)}</strong>.
      </p>
      <DataTable label="Budget utilisation">
        <thead>
          <tr>
            <th scope="col">Contributor</th>
            <th scope="col">Planned</th>
            <th scope="col">Disbursed</th>
            <th scope="col">Utilisation</th>
          </tr>
        </thead>
        <tbody>
          {report.budget.byContributor.map((c) => (
            <tr key={c.organisationId}>
              <td>{c.name}</td>
              <td>{kes(c.plannedKesMinor)}</td>
              <td>{kes(c.spentKesMinor)}</td>
              <td>{pct(c.utilisationPct)}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>

      <h3>Lessons from the learning log</h3>
      {report.lessons.length === 0 ? <p className="muted">The learning log is empty.</p> : null}
      <ul>
        {report.lessons.map((l) => (
          <li key={l.id}>
            <strong>{formatDisplayDate(l.entryDate)}</strong>
            {l.whatWorked ? ` Worked: ${sentence(l.whatWorked)}` : ''}
            {l.whatDidNot ? ` Did not: ${sentence(l.whatDidNot)}` : ''}
            {l.improvements ? ` Improve: ${sentence(l.improvements)}` : ''}
          </li>
        ))}
      </ul>

      <h3>Recommendations</h3>
      {report.suggestedRecommendations.length > 0 ? (
        <>
          <p className="muted">Suggested by the registers, for the close-out meeting to consider:</p>
          <ul>
            {report.suggestedRecommendations.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </>
      ) : null}
      {/* Drawn again when the notes change elsewhere (an Undo from the notice). */}
      <NotesForm key={`${report.summary}\n${report.recommendations.join('\n')}`} report={report} readOnly={readOnly} onSaved={onSaved} />
    </>
  );
}

function NotesForm({ report, readOnly, onSaved }: { report: Report; readOnly: boolean; onSaved: () => void }) {
  const [summary, setSummary] = useState(report.summary);
  const [recommendations, setRecommendations] = useState(report.recommendations.join('\n'));
  const form = useSubmit(['summary', 'recommendations']);
  const save = async () => {
    const lines = recommendations
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const saveAs = (notes: { summary: string; recommendations: string[] }) => () => api('closeOut:saveNotes', { cycleId: report.cycleId, ...notes });
    const earlier = { summary: report.summary, recommendations: report.recommendations };
    const saved = { summary, recommendations: lines };
    if (await form.submit(saveAs(saved))) {
      showNotice('Close-out notes saved.', {
        action: undoBy({ run: saveAs(earlier), done: 'Close-out notes are back as they were.' }, { run: saveAs(saved), done: 'Close-out notes saved.' }),
      });
      onSaved();
    }
  };
  return (
    <form
      className="form"
      aria-label="Close-out notes"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Field label="Summary of the close-out meeting" name="summary" wide error={form.errors.byField.summary}>
        {(control) => <textarea {...control} rows={3} value={summary} readOnly={readOnly} onChange={(event) => setSummary(event.target.value)} />}
      </Field>
      <Field
        label="Recommendations agreed"
        name="recommendations"
        hint="One per line."
        wide
        error={form.errors.byField.recommendations ?? form.errors.general[0]}
      >
        {(control) => (
          <textarea {...control} rows={4} value={recommendations} readOnly={readOnly} onChange={(event) => setRecommendations(event.target.value)} />
        )}
      </Field>
      {readOnly ? null : (
        <p className="form__actions">
          <Button type="submit" disabled={form.busy}>
            Save close-out notes
          </Button>
        </p>
      )}
    </form>
  );
}
