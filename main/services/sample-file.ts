import { z } from 'zod';
import { contributionCreateInput, disbursementCreateInput } from '../../shared/api/schemas/budget';
import { cycleCreateInput } from '../../shared/api/schemas/cycle';
import { approveInput } from '../../shared/api/schemas/lifecycle';
import { indicatorCreateInput, indicatorPeriodCreateInput, riskCreateInput } from '../../shared/api/schemas/monitoring';
import { contactCreateInput, organisationCreateInput } from '../../shared/api/schemas/organisation';
import { activityCreateInput, objectiveCreateInput } from '../../shared/api/schemas/plan';
import { adaptiveTriggerCreateInput, learningEntryCreateInput, milestoneCreateInput, signatoryCreateInput } from '../../shared/api/schemas/review';

/**
 * A cycle written as a file (resources/sample): the create inputs of every register, with local
 * `ref` names in place of database ids so the file stays readable and the ids are made on load.
 */
const ref = z.string().min(1).max(60);

export const cycleFileSchema = z.strictObject({
  cycle: cycleCreateInput.extend({ leadOrgRef: ref }),
  organisations: z.array(
    organisationCreateInput.omit({ cycleId: true }).extend({
      ref,
      contacts: z.array(contactCreateInput.omit({ cycleId: true, organisationId: true })).default([]),
    }),
  ),
  objectives: z.array(objectiveCreateInput.omit({ cycleId: true }).extend({ ref })),
  activities: z.array(
    activityCreateInput
      .omit({ cycleId: true, objectiveId: true, leadOrgId: true, supportingOrgIds: true })
      .extend({ ref, objectiveRef: ref, leadOrgRef: ref, supportingOrgRefs: z.array(ref).default([]) }),
  ),
  contributions: z.array(
    contributionCreateInput.omit({ cycleId: true, activityId: true, contributorOrgId: true }).extend({
      activityRef: ref.nullable(),
      contributorOrgRef: ref,
      disbursements: z.array(disbursementCreateInput.omit({ cycleId: true, contributionId: true })).default([]),
    }),
  ),
  indicators: z.array(
    indicatorCreateInput.omit({ cycleId: true, responsibleOrgId: true, objectiveId: true, activityId: true }).extend({
      ref,
      responsibleOrgRef: ref,
      objectiveRef: ref.nullable(),
      activityRef: ref.nullable(),
      periods: z.array(indicatorPeriodCreateInput.omit({ cycleId: true, indicatorId: true })),
    }),
  ),
  risks: z.array(riskCreateInput.omit({ cycleId: true, responsibleOrgId: true }).extend({ responsibleOrgRef: ref })),
  milestones: z.array(milestoneCreateInput.omit({ cycleId: true, responsibleOrgIds: true }).extend({ responsibleOrgRefs: z.array(ref) })),
  learningEntries: z.array(learningEntryCreateInput.omit({ cycleId: true, responsibleOrgId: true }).extend({ responsibleOrgRef: ref })),
  adaptiveTriggers: z.array(
    adaptiveTriggerCreateInput.omit({ cycleId: true, responsibleOrgId: true, indicatorId: true }).extend({
      responsibleOrgRef: ref,
      indicatorRef: ref.nullable(),
    }),
  ),
  signatories: z.array(signatoryCreateInput.omit({ cycleId: true, organisationId: true }).extend({ organisationRef: ref })),
  /**
   * The plan as approved by the CEC: version 1 is frozen on this date once every register is
   * loaded, and each signatory with a `signedOn` date has signed it then.
   */
  approval: approveInput.omit({ cycleId: true }).extend({ approvedOn: approveInput.shape.approvedOn.unwrap() }).optional(),
});

export type CycleFile = z.output<typeof cycleFileSchema>;
