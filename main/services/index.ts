import { contributions, disbursements } from './registers/budget';
import { indicatorPeriods, indicators, risks } from './registers/monitoring';
import { contacts, organisations } from './registers/organisations';
import { activities, objectives } from './registers/plan';
import { adaptiveTriggers, learningEntries, milestones, signatories } from './registers/review';

/** The register services by API name, in the order a cycle is filled in. */
export const registerServices = {
  organisation: organisations,
  contact: contacts,
  objective: objectives,
  activity: activities,
  contribution: contributions,
  disbursement: disbursements,
  indicator: indicators,
  indicatorPeriod: indicatorPeriods,
  risk: risks,
  milestone: milestones,
  learningEntry: learningEntries,
  adaptiveTrigger: adaptiveTriggers,
  signatory: signatories,
};
