import fs from 'node:fs';
import path from 'node:path';
import type { CycleDto } from '../../shared/api/schemas/cycle';
import { ServiceError } from '../../shared/result';
import { explainIssues } from '../../shared/api/explain';
import { inWriteTransaction, type AppContext } from './context';
import { createCycle, getCycle, updateCycle } from './cycles';
import { registerServices as s } from './index';
import { cycleFileSchema, type CycleFile } from './sample-file';

export const sampleCycleFile = (resourcesDir: string) => path.join(resourcesDir, 'sample', 'isiolo-2026-27.json');

export function readCycleFile(file: string): CycleFile {
  const parsed = cycleFileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const error = explainIssues(parsed.error.issues);
    throw new ServiceError({ ...error, message: `The cycle file ${path.basename(file)} is not valid: ${error.message} (at ${error.field ?? 'top level'})` });
  }
  return parsed.data;
}

/**
 * Creates a cycle from a cycle file through the same services the screens use, so every rule
 * applies; all of it lands in one transaction or none of it does.
 */
export function loadCycleFile(ctx: AppContext, data: CycleFile): CycleDto {
  return inWriteTransaction(ctx, () => {
    const { leadOrgRef, ...cycleFields } = data.cycle;
    const cycle = createCycle(ctx, cycleFields);
    const cycleId = cycle.id;
    const ids = new Map<string, string>();
    const idOf = (ref: string, kind: string): string => {
      const id = ids.get(`${kind}:${ref}`);
      if (!id) throw new ServiceError({ code: 'invalid_input', message: `The cycle file refers to ${kind} "${ref}", which it does not define.` });
      return id;
    };
    const org = (ref: string) => idOf(ref, 'organisation');

    for (const { ref, contacts, ...fields } of data.organisations) {
      const created = s.organisation.create(ctx, { ...fields, cycleId });
      ids.set(`organisation:${ref}`, created.id);
      for (const contact of contacts) s.contact.create(ctx, { ...contact, cycleId, organisationId: created.id });
    }
    updateCycle(ctx, { id: cycleId, changes: { leadOrgId: org(leadOrgRef) } });
    for (const { ref, ...fields } of data.objectives) ids.set(`objective:${ref}`, s.objective.create(ctx, { ...fields, cycleId }).id);
    for (const { ref, objectiveRef, leadOrgRef: lead, supportingOrgRefs, ...fields } of data.activities) {
      const created = s.activity.create(ctx, {
        ...fields,
        cycleId,
        objectiveId: idOf(objectiveRef, 'objective'),
        leadOrgId: org(lead),
        supportingOrgIds: supportingOrgRefs.map(org),
      });
      ids.set(`activity:${ref}`, created.id);
    }
    for (const { activityRef, contributorOrgRef, disbursements, ...fields } of data.contributions) {
      const created = s.contribution.create(ctx, {
        ...fields,
        cycleId,
        activityId: activityRef === null ? null : idOf(activityRef, 'activity'),
        contributorOrgId: org(contributorOrgRef),
      });
      for (const disbursement of disbursements) s.disbursement.create(ctx, { ...disbursement, cycleId, contributionId: created.id });
    }
    for (const { ref, responsibleOrgRef, objectiveRef, activityRef, periods, ...fields } of data.indicators) {
      const created = s.indicator.create(ctx, {
        ...fields,
        cycleId,
        responsibleOrgId: org(responsibleOrgRef),
        objectiveId: objectiveRef === null ? null : idOf(objectiveRef, 'objective'),
        activityId: activityRef === null ? null : idOf(activityRef, 'activity'),
      });
      ids.set(`indicator:${ref}`, created.id);
      for (const period of periods) s.indicatorPeriod.create(ctx, { ...period, cycleId, indicatorId: created.id });
    }
    for (const { responsibleOrgRef, ...fields } of data.risks) s.risk.create(ctx, { ...fields, cycleId, responsibleOrgId: org(responsibleOrgRef) });
    for (const { responsibleOrgRefs, ...fields } of data.milestones) s.milestone.create(ctx, { ...fields, cycleId, responsibleOrgIds: responsibleOrgRefs.map(org) });
    for (const { responsibleOrgRef, ...fields } of data.learningEntries) {
      s.learningEntry.create(ctx, { ...fields, cycleId, responsibleOrgId: org(responsibleOrgRef) });
    }
    for (const { responsibleOrgRef, indicatorRef, ...fields } of data.adaptiveTriggers) {
      s.adaptiveTrigger.create(ctx, {
        ...fields,
        cycleId,
        responsibleOrgId: org(responsibleOrgRef),
        indicatorId: indicatorRef === null ? null : idOf(indicatorRef, 'indicator'),
      });
    }
    for (const { organisationRef, ...fields } of data.signatories) s.signatory.create(ctx, { ...fields, cycleId, organisationId: org(organisationRef) });
    return getCycle(ctx, cycleId);
  });
}

export function loadSampleCycle(ctx: AppContext): CycleDto {
  return loadCycleFile(ctx, readCycleFile(sampleCycleFile(ctx.resourcesDir)));
}
