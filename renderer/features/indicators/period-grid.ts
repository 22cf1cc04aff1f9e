import { fieldLabel } from '../../../shared/api/field-labels';
import type { IndicatorPeriodDto } from '../../../shared/api/schemas/monitoring';
import { evaluationCriteria } from '../../../shared/domain/vocabulary';
import type { RegisterField } from '../../../shared/api/registers';
import type { FieldProblem } from '../../../shared/result';
import { shownDate } from '../../components/form/date-hint';
import { readDraft } from '../../components/register/draft';
import type { FieldSpec } from '../../components/register/field-spec';
import type { PeriodProgress } from './indicator-progress';

/** One period's row of the grid as typed; an evaluation left out is an empty one. */
export interface PeriodDraft {
  target: string;
  actual: string;
  /** The evaluation criterion's key, or empty. */
  criterion?: string;
  /** The date of the evaluation as typed (day first), or empty. */
  evaluatedOn?: string;
}

type Criterion = IndicatorPeriodDto['evaluationCriterion'];
/** The fields of a period the grid may change. */
export interface PeriodFields {
  target?: number;
  actual?: number | null;
  evaluationCriterion?: Criterion;
  evaluatedOn?: string | null;
}

export type PeriodDrafts = Readonly<Record<string, PeriodDraft>>;

const asText = (value: number | null) => (value === null ? '' : String(value));
const numberOrNull = (value: unknown): number | null => (typeof value === 'number' ? value : null);

export function periodDrafts(periods: readonly PeriodProgress[]): PeriodDrafts {
  return Object.fromEntries(
    periods.map((period) => [
      period.key,
      {
        target: asText(period.target),
        actual: asText(period.actual),
        criterion: period.evaluationCriterion ?? '',
        evaluatedOn: shownDate(period.evaluatedOn ?? ''),
      },
    ]),
  );
}

/** What saving one period means: add it, change it, remove it (both cells emptied) or nothing. */
export type PeriodChange =
  | ({ kind: 'create'; periodKey: string; target: number; actual: number | null } & Pick<PeriodFields, 'evaluationCriterion' | 'evaluatedOn'>)
  | { kind: 'update'; periodKey: string; rowId: string; changes: PeriodFields }
  | { kind: 'delete'; periodKey: string; rowId: string }
  | { kind: 'invalid'; periodKey: string; problems: FieldProblem[] };

/** Two fields of an indicator period, labelled by the period since the grid shows them all at once. */
const fieldsFor = (label: string) =>
  [
    { key: 'target', label: `${fieldLabel('target', 'indicatorPeriod')} for ${label}`, kind: 'number', nullable: true },
    { key: 'actual', label: `${fieldLabel('actual', 'indicatorPeriod')} for ${label}`, kind: 'number', nullable: true },
    { key: 'evaluatedOn', label: `${fieldLabel('evaluatedOn', 'indicatorPeriod')} for ${label}`, kind: 'date', nullable: true },
  ] satisfies FieldSpec<RegisterField<'indicatorPeriod'>>[];

/** The saves a grid's edits call for, period by period; untouched periods need none. */
export function periodChanges(periods: readonly PeriodProgress[], drafts: PeriodDrafts): PeriodChange[] {
  return periods.flatMap((period): PeriodChange[] => {
    const draft = drafts[period.key] ?? { target: '', actual: '' };
    const read = readDraft(fieldsFor(period.label), { target: draft.target, actual: draft.actual, evaluatedOn: draft.evaluatedOn ?? '' });
    if (!read.ok) return [{ kind: 'invalid', periodKey: period.key, problems: read.problems }];
    const target = numberOrNull(read.value.target);
    const actual = numberOrNull(read.value.actual);
    const criterion: Criterion = evaluationCriteria.keys.find((key) => key === draft.criterion) ?? null;
    const evaluatedOn = typeof read.value.evaluatedOn === 'string' ? read.value.evaluatedOn : null;
    const evaluation = { ...(criterion ? { evaluationCriterion: criterion } : {}), ...(evaluatedOn ? { evaluatedOn } : {}) };
    if (period.rowId === null) {
      if (target === null && actual === null) return [];
      if (target === null)
        return [
          {
            kind: 'invalid',
            periodKey: period.key,
            problems: [{ field: 'target', message: `Target for ${period.label}: give the target before the actual.` }],
          },
        ];
      return [{ kind: 'create', periodKey: period.key, target, actual, ...evaluation }];
    }
    if (target === null && actual === null) return [{ kind: 'delete', periodKey: period.key, rowId: period.rowId }];
    if (target === null)
      return [
        {
          kind: 'invalid',
          periodKey: period.key,
          problems: [{ field: 'target', message: `Target for ${period.label}: this is required while the period has an actual.` }],
        },
      ];
    const changes: PeriodFields = {};
    if (target !== period.target) changes.target = target;
    if (actual !== period.actual) changes.actual = actual;
    if (criterion !== period.evaluationCriterion) changes.evaluationCriterion = criterion;
    if (evaluatedOn !== period.evaluatedOn) changes.evaluatedOn = evaluatedOn;
    return Object.keys(changes).length > 0 ? [{ kind: 'update', periodKey: period.key, rowId: period.rowId, changes }] : [];
  });
}

/** The targets typed so far, as numbers: what the grid's warning on period targets looks at. */
export function typedTargets(periods: readonly PeriodProgress[], drafts: PeriodDrafts): number[] {
  return periods.flatMap((period) => {
    const text = (drafts[period.key]?.target ?? '').replace(/,/g, '').trim();
    const value = Number(text);
    return text !== '' && Number.isFinite(value) ? [value] : [];
  });
}
