import fs from 'node:fs';
import path from 'node:path';
import type { CycleDto, CycleSource } from '../../shared/api/schemas/cycle';
import { ServiceError } from '../../shared/result';
import { explainIssues } from '../../shared/api/explain';
import { audited } from './audited-write';
import type { AppContext } from './context';
import { createCycle, getCycle, updateCycle } from './cycles';
import { assertSampleNotLoaded } from './cycle-marks';
import { registerServices as s } from './index';
import { approveVersion, recordSignature } from '../lifecycle/versions';
import { cycleFileSchema, type CycleFile } from './sample-file';
import { itemAt } from '../../shared/item-at';

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
 * Creates a cycle from a cycle file through the register services' bulk path, so every rule of a
 * single edit applies; all of it lands in one transaction or none of it does.
 */
export function loadCycleFile(ctx: AppContext, data: CycleFile, source?: CycleSource): CycleDto {
  const cycle = writeCycleFile(ctx, data, source);
  // A bulk load leaves a large WAL behind; fold it into the database now rather than let it grow.
  if (!ctx.db.$client.inTransaction) ctx.db.$client.pragma('wal_checkpoint(TRUNCATE)');
  return cycle;
}

function writeCycleFile(ctx: AppContext, data: CycleFile, source: CycleSource | undefined): CycleDto {
  return audited(ctx, { cycleId: null }, (tx) => {
    const { leadOrgRef, ...cycleFields } = data.cycle;
    const cycleId = createCycle(tx, cycleFields, source).id;
    const ids = new Map<string, string>();
    const remember = (kind: string, refs: string[], created: string[]) =>
      refs.forEach((ref, index) => ids.set(`${kind}:${ref}`, itemAt(created, index, `new ${kind}`)));
    const idOf =
      (kind: string) =>
      (ref: string): string => {
        const id = ids.get(`${kind}:${ref}`);
        if (!id) throw new ServiceError({ code: 'invalid_input', message: `The cycle file refers to ${kind} "${ref}", which it does not define.` });
        return id;
      };
    // Rows are made by Object.assign onto the fresh object a rest pattern gives: V8 copies by
    // spread syntax through a slow path, and a large plan has 36,000 rows.
    const org = idOf('organisation');
    const objective = idOf('objective');
    const activity = idOf('activity');
    const indicator = idOf('indicator');
    const optional = (find: (ref: string) => string, ref: string | null) => (ref === null ? null : find(ref));

    const orgs = data.organisations;
    remember(
      'organisation',
      orgs.map((o) => o.ref),
      s.organisation.createMany(
        tx,
        orgs.map(({ ref: _ref, contacts: _contacts, ...fields }) => Object.assign(fields, { cycleId })),
      ),
    );
    s.contact.createMany(
      tx,
      orgs.flatMap((o) => o.contacts.map((contact) => Object.assign({}, contact, { cycleId, organisationId: org(o.ref) }))),
    );
    updateCycle(tx, { id: cycleId, changes: { leadOrgId: org(leadOrgRef) } });

    remember(
      'objective',
      data.objectives.map((o) => o.ref),
      s.objective.createMany(
        tx,
        data.objectives.map(({ ref: _ref, ...fields }) => Object.assign(fields, { cycleId })),
      ),
    );
    const activities = data.activities.map(({ ref: _ref, objectiveRef, leadOrgRef: lead, supportingOrgRefs, ...fields }) =>
      Object.assign(fields, {
        cycleId,
        objectiveId: objective(objectiveRef),
        leadOrgId: org(lead),
        supportingOrgIds: supportingOrgRefs.map(org),
      }),
    );
    remember(
      'activity',
      data.activities.map((a) => a.ref),
      s.activity.createMany(tx, activities),
    );

    const contributionIds = s.contribution.createMany(
      tx,
      data.contributions.map(({ activityRef, contributorOrgRef, disbursements: _disbursements, ...fields }) =>
        Object.assign(fields, {
          cycleId,
          activityId: optional(activity, activityRef),
          contributorOrgId: org(contributorOrgRef),
        }),
      ),
    );
    s.disbursement.createMany(
      tx,
      data.contributions.flatMap((c, index) =>
        c.disbursements.map((d) => Object.assign({}, d, { cycleId, contributionId: itemAt(contributionIds, index, 'new contribution') })),
      ),
    );

    const indicatorIds = s.indicator.createMany(
      tx,
      data.indicators.map(({ ref: _ref, responsibleOrgRef, objectiveRef, activityRef, periods: _periods, ...fields }) =>
        Object.assign(fields, {
          cycleId,
          responsibleOrgId: org(responsibleOrgRef),
          objectiveId: optional(objective, objectiveRef),
          activityId: optional(activity, activityRef),
        }),
      ),
    );
    remember(
      'indicator',
      data.indicators.map((i) => i.ref),
      indicatorIds,
    );
    s.indicatorPeriod.createMany(
      tx,
      data.indicators.flatMap((i, index) => i.periods.map((p) => Object.assign({}, p, { cycleId, indicatorId: itemAt(indicatorIds, index, 'new indicator') }))),
    );

    s.risk.createMany(
      tx,
      data.risks.map(({ responsibleOrgRef, ...fields }) => Object.assign(fields, { cycleId, responsibleOrgId: org(responsibleOrgRef) })),
    );
    s.milestone.createMany(
      tx,
      data.milestones.map(({ responsibleOrgRefs, ...fields }) => Object.assign(fields, { cycleId, responsibleOrgIds: responsibleOrgRefs.map(org) })),
    );
    s.learningEntry.createMany(
      tx,
      data.learningEntries.map(({ responsibleOrgRef, ...fields }) => Object.assign(fields, { cycleId, responsibleOrgId: org(responsibleOrgRef) })),
    );
    s.adaptiveTrigger.createMany(
      tx,
      data.adaptiveTriggers.map(({ responsibleOrgRef, indicatorRef, ...fields }) =>
        Object.assign(fields, {
          cycleId,
          responsibleOrgId: org(responsibleOrgRef),
          indicatorId: optional(indicator, indicatorRef),
        }),
      ),
    );
    const signatoryIds = s.signatory.createMany(
      tx,
      data.signatories.map(({ organisationRef, ...fields }) => Object.assign(fields, { cycleId, organisationId: org(organisationRef) })),
    );
    if (data.approval) {
      // Approved with everything the file holds: the fingerprint covers the plan, not the quarters
      // reported against it since, so the version is the plan the CEC approved.
      const version = approveVersion(tx, { ...data.approval, cycleId });
      data.signatories.forEach(({ signedOn }, index) => {
        if (signedOn !== null) recordSignature(tx, { versionId: version.id, signatoryId: itemAt(signatoryIds, index, 'signatory id'), signedOn });
      });
    }
    return getCycle(tx, cycleId);
  });
}

/** Loads the sample once; a second time is refused, naming the copy already there. */
export function loadSampleCycle(ctx: AppContext): CycleDto {
  assertSampleNotLoaded(ctx);
  const data = readCycleFile(sampleCycleFile(ctx.resourcesDir));
  return loadCycleFile(ctx, data, 'sample');
}
