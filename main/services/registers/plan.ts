import { invalidField } from '../../../shared/result';
import { registerService } from '../register-service';

export const objectives = registerService({
  register: 'objective',
  owner: () => null,
  check(fields, rules) {
    rules.uniqueInCycle('code', fields.code);
  },
});

/** The joint action plan: the lead organisation owns its activities. */
export const activities = registerService({
  register: 'activity',
  owner: (fields) => fields.leadOrgId,
  check(fields, rules) {
    rules.all(
      () => rules.rowInCycle('objective', fields.objectiveId, 'objectiveId'),
      () => rules.rowInCycle('organisation', fields.leadOrgId, 'leadOrgId'),
      () => {
        for (const orgId of fields.supportingOrgIds) rules.rowInCycle('organisation', orgId, 'supportingOrgIds');
        if (fields.supportingOrgIds.includes(fields.leadOrgId)) {
          throw invalidField('supportingOrgIds', 'Supporting organisations: the lead organisation cannot also be listed as supporting.');
        }
      },
      () => rules.wardsOfCounty(fields.wardIds, 'wardIds'),
      () => rules.notBefore('endDate', fields.endDate, 'startDate', fields.startDate),
      () => rules.uniqueInCycle('code', fields.code),
      () => {
        if (fields.status === 'completed' && fields.completionPct !== 100) {
          throw invalidField('completionPct', 'Completion %: a completed activity is 100 % complete; change the status or the percentage.');
        }
      },
    );
  },
});
