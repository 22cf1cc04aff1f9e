import { registerService } from '../register-service';

/** Review milestones are the Secretariat's calendar. */
export const milestones = registerService({
  register: 'milestone',
  owner: () => null,
  check(fields, rules) {
    for (const orgId of fields.responsibleOrgIds) rules.rowInCycle('organisation', orgId, 'responsibleOrgIds');
  },
});

export const learningEntries = registerService({
  register: 'learningEntry',
  owner: (fields) => fields.responsibleOrgId,
  check(fields, rules) {
    rules.all(
      () => rules.rowInCycle('organisation', fields.responsibleOrgId, 'responsibleOrgId'),
      () => rules.notBefore('dueDate', fields.dueDate, 'entryDate', fields.entryDate),
    );
  },
});

export const adaptiveTriggers = registerService({
  register: 'adaptiveTrigger',
  owner: (fields) => fields.responsibleOrgId,
  check(fields, rules) {
    rules.all(
      () => rules.rowInCycle('organisation', fields.responsibleOrgId, 'responsibleOrgId'),
      () => fields.indicatorId !== null && rules.rowInCycle('indicator', fields.indicatorId, 'indicatorId'),
    );
  },
});

/** Who signs the consolidated plan: the Secretariat decides, partners never change it. */
export const signatories = registerService({
  register: 'signatory',
  owner: () => null,
  check(fields, rules) {
    rules.rowInCycle('organisation', fields.organisationId, 'organisationId');
  },
});
