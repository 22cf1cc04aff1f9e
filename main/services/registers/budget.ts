import { formatDisplayDate } from '../../../shared/dates';
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
      () => {
        if (fields.amountMinor === 0) throw invalidField('amountMinor', 'Amount: enter an amount greater than zero.');
      },
    );
  },
});

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
