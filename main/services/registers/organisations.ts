import { registerService } from '../register-service';

/** The stakeholder mapping matrix: the Secretariat keeps it, so its rows have no partner owner. */
export const organisations = registerService({
  register: 'organisation',
  owner: () => null,
  check(fields, rules) {
    // Two rows of the matrix with one name would split every total by contributor in two.
    rules.uniqueInCycle('name', fields.name);
  },
});

/** Partners keep their own people's details. */
export const contacts = registerService({
  register: 'contact',
  owner: (fields) => fields.organisationId,
  check(fields, rules) {
    rules.rowInCycle('organisation', fields.organisationId, 'organisationId');
  },
});
