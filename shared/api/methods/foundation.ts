import { z } from 'zod';
import { adminUnitCreateInput, adminUnitDto, adminUnitListInput, adminUnitRenameInput, auditEntryDto, auditListInput } from '../schemas/admin';
import {
  contributionCreateInput,
  contributionDto,
  contributionUpdateInput,
  disbursementCreateInput,
  disbursementDto,
  disbursementUpdateInput,
} from '../schemas/budget';
import {
  appInfoDto,
  cycleCreateInput,
  cycleDeleteInput,
  cycleDto,
  cycleStatsDto,
  cycleUpdateInput,
  setLastCycleInput,
  setUserNameInput,
} from '../schemas/cycle';
import {
  indicatorCreateInput,
  indicatorDto,
  indicatorPeriodCreateInput,
  indicatorPeriodDto,
  indicatorPeriodUpdateInput,
  indicatorUpdateInput,
  riskCreateInput,
  riskDto,
  riskUpdateInput,
} from '../schemas/monitoring';
import { contactCreateInput, contactDto, contactUpdateInput, organisationCreateInput, organisationDto, organisationUpdateInput } from '../schemas/organisation';
import { activityCreateInput, activityDto, activityUpdateInput, objectiveCreateInput, objectiveDto, objectiveUpdateInput } from '../schemas/plan';
import {
  adaptiveTriggerCreateInput,
  adaptiveTriggerDto,
  adaptiveTriggerUpdateInput,
  learningEntryCreateInput,
  learningEntryDto,
  learningEntryUpdateInput,
  milestoneCreateInput,
  milestoneDto,
  milestoneUpdateInput,
  signatoryCreateInput,
  signatoryDto,
  signatoryUpdateInput,
} from '../schemas/review';

import { byId, deleted } from '../schemas/fields';
import { crud, method } from './define';

/** The foundation's methods: the cycle, its registers, administrative units and the audit log. */
export const foundationMethods = {
  'app:info': method(z.strictObject({}), appInfoDto, 'Who uses this installation and the cycle last opened.'),
  'app:setUserName': method(setUserNameInput, appInfoDto, 'Sets the name recorded in the audit log.'),
  'app:setLastCycle': method(setLastCycleInput, appInfoDto, 'Remembers the cycle to reopen at the next start.'),

  'cycle:list': method(z.strictObject({}), z.array(cycleDto), 'Lists every JWP cycle.'),
  'cycle:get': method(byId, cycleDto, 'Reads one cycle.'),
  'cycle:create': method(cycleCreateInput, cycleDto, 'Creates an empty cycle.'),
  'cycle:update': method(cycleUpdateInput, cycleDto, "Changes a cycle's general information."),
  'cycle:delete': method(cycleDeleteInput, deleted, 'Deletes a cycle and all its registers (the title must be typed).'),
  'cycle:stats': method(z.strictObject({}), z.array(cycleStatsDto), 'Row counts of every register of every cycle.'),
  'cycle:loadSample': method(z.strictObject({}), cycleDto, 'Creates the Isiolo County FY 2026/27 sample cycle.'),

  'adminUnit:list': method(adminUnitListInput, z.array(adminUnitDto), 'Lists counties, sub-counties and wards.'),
  'adminUnit:create': method(adminUnitCreateInput, adminUnitDto, 'Adds a sub-county or ward.'),
  'adminUnit:rename': method(adminUnitRenameInput, adminUnitDto, 'Renames an administrative unit.'),

  'audit:list': method(auditListInput, z.array(auditEntryDto), 'Reads the audit log, newest first.'),

  ...crud('organisation', 'stakeholder matrix', { create: organisationCreateInput, update: organisationUpdateInput, dto: organisationDto }),
  ...crud('contact', 'contacts', { create: contactCreateInput, update: contactUpdateInput, dto: contactDto }),
  ...crud('objective', 'objectives', { create: objectiveCreateInput, update: objectiveUpdateInput, dto: objectiveDto }),
  ...crud('activity', 'action plan activities', { create: activityCreateInput, update: activityUpdateInput, dto: activityDto }),
  ...crud('contribution', 'cost-share budget lines', { create: contributionCreateInput, update: contributionUpdateInput, dto: contributionDto }),
  ...crud('disbursement', 'disbursements', { create: disbursementCreateInput, update: disbursementUpdateInput, dto: disbursementDto }),
  ...crud('indicator', 'M&E indicators', { create: indicatorCreateInput, update: indicatorUpdateInput, dto: indicatorDto }),
  ...crud('indicatorPeriod', 'indicator targets and actuals', {
    create: indicatorPeriodCreateInput,
    update: indicatorPeriodUpdateInput,
    dto: indicatorPeriodDto,
  }),
  ...crud('risk', 'risk register', { create: riskCreateInput, update: riskUpdateInput, dto: riskDto }),
  ...crud('milestone', 'review milestones', { create: milestoneCreateInput, update: milestoneUpdateInput, dto: milestoneDto }),
  ...crud('learningEntry', 'learning log', { create: learningEntryCreateInput, update: learningEntryUpdateInput, dto: learningEntryDto }),
  ...crud('adaptiveTrigger', 'adaptive triggers', {
    create: adaptiveTriggerCreateInput,
    update: adaptiveTriggerUpdateInput,
    dto: adaptiveTriggerDto,
  }),
  ...crud('signatory', 'signatories', { create: signatoryCreateInput, update: signatoryUpdateInput, dto: signatoryDto }),
};
