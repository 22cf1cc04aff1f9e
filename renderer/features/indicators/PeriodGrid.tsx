import { InlineNotice } from '../../components/ui/InlineNotice';
import { DataTable } from '../../components/ui/DataTable';
import { Button } from '../../components/ui/Button';
import { useEffect, useId, useState } from 'react';
import type { IndicatorDto } from '../../../shared/api/schemas/monitoring';
import type { Result } from '../../../shared/result';
import { createRow, deleteRow, idOfSaved, updateRow } from '../../api/register-api';
import { DateInput } from '../../components/form/DateInput';
import { noticeWithUndoOfRows } from '../../components/undo';
import { setUnsaved } from '../../components/unsaved-changes';
import { formatProgress } from '../../../shared/analysis/indicator-progress';
import { periodTargetsWarning } from '../../../shared/analysis/period-targets';
import { evaluationCriteria } from '../../../shared/domain/vocabulary';
import type { PeriodProgress } from './indicator-progress';
import { IndicatorChart } from './IndicatorChart';
import { periodChanges, periodDrafts, typedTargets, type PeriodChange, type PeriodDraft, type PeriodDrafts } from './period-grid';
import { StatusChip } from './StatusChip';

interface PeriodGridProps {
  indicator: IndicatorDto;
  periods: readonly PeriodProgress[];
  onSaved: () => void;
}

function send(indicator: IndicatorDto, change: PeriodChange): Promise<Result<unknown>> | null {
  switch (change.kind) {
    case 'create':
      return createRow('indicatorPeriod', indicator.cycleId, {
        indicatorId: indicator.id,
        periodKey: change.periodKey,
        target: change.target,
        actual: change.actual,
        evaluationCriterion: change.evaluationCriterion ?? null,
        evaluatedOn: change.evaluatedOn ?? null,
      });
    case 'update':
      return updateRow('indicatorPeriod', change.rowId, change.changes);
    case 'delete':
      return deleteRow('indicatorPeriod', change.rowId);
    default:
      return null;
  }
}

/**
 * The quarterly targets and actuals of one indicator, typed in a grid (Tab moves across, Enter
 * saves, Esc undoes), with % achieved, variance and status per period, and the chart beside.
 */
export function PeriodGrid({ indicator, periods, onSaved }: PeriodGridProps) {
  const [drafts, setDrafts] = useState<PeriodDrafts>(() => periodDrafts(periods));
  // Figures saved from elsewhere (an Undo, a partner's return) replace the grid's unless the officer
  // has typed over them: the grid shows what is stored, never a stale copy that reads as unsaved.
  const stored = periodDrafts(periods);
  const [shownStored, setShownStored] = useState<PeriodDrafts>(stored);
  if (JSON.stringify(stored) !== JSON.stringify(shownStored)) {
    setShownStored(stored);
    if (JSON.stringify(drafts) === JSON.stringify(shownStored)) setDrafts(stored);
  }
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const guardKey = useId();
  const changes = periodChanges(periods, drafts);
  const changed = changes.length > 0;

  useEffect(() => {
    setUnsaved(guardKey, changed);
    return () => setUnsaved(guardKey, false);
  }, [guardKey, changed]);

  const set = (key: string, cell: 'target' | 'actual' | 'criterion' | 'evaluatedOn', value: string) =>
    setDrafts((previous) => ({ ...previous, [key]: { target: '', actual: '', ...previous[key], [cell]: value } }));

  const save = async () => {
    if (busy) return;
    const refused: Record<string, string> = {};
    for (const change of changes) if (change.kind === 'invalid') refused[change.periodKey] = change.problems.map((p) => p.message).join(' ');
    if (Object.keys(refused).length > 0) {
      setProblems(refused);
      return;
    }
    setBusy(true);
    const savedRows: string[] = [];
    for (const change of changes) {
      const result = await send(indicator, change);
      if (result && !result.ok) refused[change.periodKey] = result.error.message;
      else if (result) savedRows.push('rowId' in change ? change.rowId : idOfSaved(result.value));
    }
    const saved = savedRows.length;
    setBusy(false);
    setProblems(refused);
    if (Object.keys(refused).length === 0) {
      setUnsaved(guardKey, false);
      // One Undo for the whole grid, though each period was its own save.
      void noticeWithUndoOfRows(`Saved: targets and actuals of ${indicator.code || indicator.name} (${saved} period${saved === 1 ? '' : 's'}).`, savedRows);
    }
    if (saved > 0) onSaved();
  };

  const targetsWarning = periodTargetsWarning(indicator, typedTargets(periods, drafts));
  return (
    <section className="period-grid" aria-label="Targets and actuals">
      <h3>Targets and actuals</h3>
      <form
        aria-label={`Targets and actuals of ${indicator.code || indicator.name}`}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && changed) {
            event.preventDefault();
            event.stopPropagation();
            setDrafts(periodDrafts(periods));
            setProblems({});
          }
        }}
      >
        {Object.keys(problems).length > 0 ? (
          <InlineNotice title={Object.keys(problems).length === changes.length ? 'Nothing was saved.' : 'Some periods were not saved.'}>
            <p>Correct the periods marked below, then save again.</p>
          </InlineNotice>
        ) : null}
        <DataTable label="Targets and actuals by period" compact>
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col" className="cell--num">
                Target
              </th>
              <th scope="col" className="cell--num">
                Actual
              </th>
              <th scope="col" className="cell--num" title="Share of the way from the baseline to the period's target">
                Progress
              </th>
              <th scope="col">Variance</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {periods.map((period) => {
              const draft: PeriodDraft = drafts[period.key] ?? { target: '', actual: '' };
              const problem = problems[period.key];
              return (
                <tr key={period.key} className={problem ? 'row--invalid' : undefined}>
                  <th scope="row" className="nowrap">
                    {period.label}
                    {problem ? (
                      <span className="field__error" id={`${guardKey}-${period.key}-error`}>
                        {problem}
                      </span>
                    ) : null}
                  </th>
                  {(['target', 'actual'] as const).map((cell) => (
                    <td key={cell} className="cell--num">
                      <input
                        type="text"
                        inputMode="decimal"
                        className="input--cell"
                        aria-label={`${cell === 'target' ? 'Target' : 'Actual'} for ${period.label}`}
                        aria-invalid={problem ? true : undefined}
                        aria-describedby={problem ? `${guardKey}-${period.key}-error` : undefined}
                        value={draft[cell]}
                        onChange={(event) => set(period.key, cell, event.target.value)}
                      />
                    </td>
                  ))}
                  <td className="cell--num">{formatProgress(period.pct)}</td>
                  <td>{period.variance === null ? '—' : period.varianceText}</td>
                  <td>{period.status === 'not_reported' ? <span className="muted">—</span> : <StatusChip status={period.status} />}</td>
                </tr>
              );
            })}
          </tbody>
        </DataTable>
        {/* The M&E template's evaluation of each result: a table of its own, so the grid above stays narrow. */}
        <DataTable label="Evaluation of the results" compact>
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col" title="The criterion the result was judged by: relevance, coherence, effectiveness, efficiency, impact or sustainability">
                Evaluation criterion
              </th>
              <th scope="col">Date of evaluation</th>
            </tr>
          </thead>
          <tbody>
            {periods.map((period) => {
              const draft: PeriodDraft = drafts[period.key] ?? { target: '', actual: '' };
              return (
                <tr key={period.key}>
                  <th scope="row" className="nowrap">
                    {period.label}
                  </th>
                  <td>
                    <select
                      className="input--cell"
                      aria-label={`Evaluation criterion for ${period.label}`}
                      value={draft.criterion ?? ''}
                      onChange={(event) => set(period.key, 'criterion', event.target.value)}
                    >
                      <option value="">—</option>
                      {evaluationCriteria.keys.map((key) => (
                        <option key={key} value={key}>
                          {evaluationCriteria.label(key)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <DateInput
                      className="input--cell"
                      aria-label={`Date of evaluation for ${period.label}`}
                      aria-invalid={problems[period.key] ? true : undefined}
                      value={draft.evaluatedOn ?? ''}
                      onChange={(text) => set(period.key, 'evaluatedOn', text)}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </DataTable>
        {targetsWarning ? (
          <InlineNotice tone="warning" live>
            {targetsWarning}
          </InlineNotice>
        ) : null}
        <div className="form__actions">
          <Button kind="primary" size="small" type="submit" disabled={busy || !changed}>
            {busy ? 'Saving…' : 'Save targets and actuals'}
          </Button>
          <span className={changed ? 'editor__state editor__state--unsaved' : 'editor__state'}>{changed ? 'Unsaved changes · Esc undoes' : 'All saved'}</span>
        </div>
      </form>
      <IndicatorChart periods={periods} unit={indicator.unit} />
    </section>
  );
}
