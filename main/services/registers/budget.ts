import { formatDisplayDate } from '../../../shared/dates';
import { mayGoUnvalued } from '../../../shared/budget-lines';
import { contributionTypes } from '../../../shared/domain/vocabulary';
import { invalidField } from '../../../shared/result';
import { registerService } from '../register-service';

/** One contributor's line of the cost-share budget: the contributor owns it. */
export const contributions = registerService({
  register: 'contribution',
  owner: (fields) => fields.contributorOrgId,
  check(fields, rules) {
    rules.all(
      () => rules.rowInCycle('organisation', fields.contributorOrgId, 'contributorOrgId'),
      () => fields.activityId !== null && rules.rowInCycle('activity', fields.activityId, 'activityId'),
      () => checkValue(fields),
    );
  },
});

/** Cash and staff lines have an amount; in-kind support may be recorded as not valued, its amount left empty. */
function checkValue(fields: { type: string; valueNotEstimated: boolean; amountMinor: number }): void {
  if (fields.valueNotEstimated) {
    if (!mayGoUnvalued(fields.type)) {
      const kind = contributionTypes.has(fields.type) ? contributionTypes.label(fields.type) : fields.type;
      throw invalidField('amountMinor', `Amount: a ${kind.toLowerCase()} line needs an amount; only in-kind support may be left not valued.`);
    }
    if (fields.amountMinor !== 0)
      throw invalidField('amountMinor', 'Amount: leave it empty for in-kind support whose value was not estimated, or untick "value not estimated".');
  } else if (fields.amountMinor === 0) {
    throw invalidField(
      'amountMinor',
      'Amount: enter an amount greater than zero (or, for in-kind support whose value was not estimated, tick "value not estimated").',
    );
  }
}

/** Money disbursed against a contribution in one reporting period; owned with its contribution. */
export const disbursements = registerService({
  register: 'disbursement',
  owner: (fields, rules) => rules.rowInCycle('contribution', fields.contributionId, 'contributionId').contributorOrgId,
  check(fields, rules) {
    rules.all(
      () => rules.rowInCycle('contribution', fields.contributionId, 'contributionId'),
      () => {
        const period = rules.periodOfCycle(fields.periodKey, 'periodKey');
        if (fields.date < period.start || fields.date > period.end) {
          throw invalidField(
            'date',
            `Date: ${formatDisplayDate(fields.date)} is outside ${period.label} (${formatDisplayDate(period.start)} – ${formatDisplayDate(period.end)}).`,
          );
        }
      },
    );
  },
});
