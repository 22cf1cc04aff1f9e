import { invalidField } from '../../../shared/result';
import { registerService } from '../register-service';

/** The M&E plan: the responsible entity owns its indicators. */
export const indicators = registerService({
  register: 'indicator',
  owner: (fields) => fields.responsibleOrgId,
  check(fields, rules) {
    rules.rowInCycle('organisation', fields.responsibleOrgId, 'responsibleOrgId');
    if (fields.objectiveId !== null) rules.rowInCycle('objective', fields.objectiveId, 'objectiveId');
    if (fields.activityId !== null) rules.rowInCycle('activity', fields.activityId, 'activityId');
    rules.uniqueInCycle('code', fields.code);
    if ((fields.baselineValue === null) !== (fields.baselineDate === null)) {
      throw invalidField(
        fields.baselineValue === null ? 'baselineValue' : 'baselineDate',
        'Baseline: give both the baseline value and the date it was measured, or neither.',
      );
    }
  },
});

/** A period's target and actual; owned by whoever is responsible for the indicator. */
export const indicatorPeriods = registerService({
  register: 'indicatorPeriod',
  owner: (fields, rules) => rules.rowInCycle('indicator', fields.indicatorId, 'indicatorId').responsibleOrgId,
  check(fields, rules) {
    rules.rowInCycle('indicator', fields.indicatorId, 'indicatorId');
    const period = rules.periodOfCycle(fields.periodKey, 'periodKey');
    rules.uniqueWhere(
      'periodKey',
      { indicatorId: fields.indicatorId, periodKey: fields.periodKey },
      `Reporting period: this indicator already has a target for ${period.label}.`,
    );
    if (fields.evaluatedOn !== null && fields.evaluatedOn < period.start) {
      throw invalidField('evaluatedOn', `Date of evaluation: it cannot be before ${period.label} begins.`);
    }
  },
});

/** The risk register: the responsible entity owns each risk. */
export const risks = registerService({
  register: 'risk',
  owner: (fields) => fields.responsibleOrgId,
  check(fields, rules) {
    rules.rowInCycle('organisation', fields.responsibleOrgId, 'responsibleOrgId');
    rules.uniqueInCycle('code', fields.code);
  },
});
