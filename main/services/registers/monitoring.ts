import { inferredDirection } from '../../../shared/analysis/indicator-progress';
import { invalidField } from '../../../shared/result';
import { registerService } from '../register-service';

/** The M&E plan: the responsible entity owns its indicators. */
export const indicators = registerService({
  register: 'indicator',
  owner: (fields) => fields.responsibleOrgId,
  check(fields, rules) {
    rules.all(
      () => rules.rowInCycle('organisation', fields.responsibleOrgId, 'responsibleOrgId'),
      () => fields.objectiveId !== null && rules.rowInCycle('objective', fields.objectiveId, 'objectiveId'),
      () => fields.activityId !== null && rules.rowInCycle('activity', fields.activityId, 'activityId'),
      () => rules.uniqueInCycle('code', fields.code),
      () => {
        // Real plans often carry a baseline whose measurement date nobody recorded: the value stands
        // alone. A date with no value measured on it says nothing, so it is refused.
        if (fields.baselineValue === null && fields.baselineDate !== null) {
          throw invalidField('baselineValue', 'Baseline: a baseline date needs the baseline value measured on it; enter the value or clear the date.');
        }
      },
      () => checkDirection(fields),
    );
  },
  // An indicator created without a direction gets the one its baseline and target imply, as the
  // rows recorded before the field existed did (migration 0008).
  complete: (fields) => (fields.direction === null ? { ...fields, direction: inferredDirection(fields) } : fields),
});

function checkDirection(fields: { direction: string | null; rangeMin: number | null; rangeMax: number | null }): void {
  if (fields.direction === null) throw invalidField('direction', 'Desired direction: choose increase, decrease or keep within a range.');
  if (fields.direction !== 'range') {
    if (fields.rangeMin !== null || fields.rangeMax !== null) {
      throw invalidField(
        fields.rangeMin !== null ? 'rangeMin' : 'rangeMax',
        'Range: only an indicator to keep within a range has one; clear it or change the direction.',
      );
    }
    return;
  }
  if (fields.rangeMin === null && fields.rangeMax === null) {
    throw invalidField('rangeMin', 'Range: give the lowest or the highest acceptable value (or both) for an indicator to keep within a range.');
  }
  if (fields.rangeMin !== null && fields.rangeMax !== null && fields.rangeMin > fields.rangeMax) {
    throw invalidField('rangeMax', `Range to: ${fields.rangeMax} is below the start of the range (${fields.rangeMin}).`);
  }
}

/** A period's target and actual; owned by whoever is responsible for the indicator. */
export const indicatorPeriods = registerService({
  register: 'indicatorPeriod',
  owner: (fields, rules) => rules.rowInCycle('indicator', fields.indicatorId, 'indicatorId').responsibleOrgId,
  check(fields, rules) {
    rules.all(
      () => rules.rowInCycle('indicator', fields.indicatorId, 'indicatorId'),
      () => {
        const period = rules.periodOfCycle(fields.periodKey, 'periodKey');
        rules.all(
          () =>
            rules.uniqueWhere(
              'periodKey',
              { indicatorId: fields.indicatorId, periodKey: fields.periodKey },
              `Reporting period: this indicator already has a target for ${period.label}.`,
            ),
          () => {
            if (fields.evaluatedOn !== null && fields.evaluatedOn < period.start) {
              throw invalidField('evaluatedOn', `Date of evaluation: it cannot be before ${period.label} begins.`);
            }
          },
        );
      },
    );
  },
});

/** The risk register: the responsible entity owns each risk. */
export const risks = registerService({
  register: 'risk',
  owner: (fields) => fields.responsibleOrgId,
  check(fields, rules) {
    rules.all(
      () => rules.rowInCycle('organisation', fields.responsibleOrgId, 'responsibleOrgId'),
      () => rules.uniqueInCycle('code', fields.code),
    );
  },
});
