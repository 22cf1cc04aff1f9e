import { z } from 'zod';
import {
  adminUnitCreateInput,
  adminUnitDto,
  adminUnitListInput,
  adminUnitRenameInput,
  auditEntryDto,
  auditListInput,
  restoreDeletedInput,
  undoChangeInput,
  undoResultDto,
} from '../schemas/admin';
import { registerSchemas } from '../registers';
import { fieldProblemDto, registerCheckInput } from '../schemas/record-check';
import {
  appInfoDto,
  cycleArchiveInput,
  cycleCreateInput,
  cycleDeleteInput,
  cycleDeletedDto,
  cycleDto,
  cycleStatsDto,
  cycleUpdateInput,
  setLastCycleInput,
  setUserNameInput,
} from '../schemas/cycle';
import { byId } from '../schemas/fields';
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
  'cycle:delete': method(cycleDeleteInput, cycleDeletedDto, 'Deletes a cycle and all its registers (the title must be typed), after a verified backup.'),
  'cycle:archive': method(cycleArchiveInput, cycleDto, 'Archives a cycle (kept whole, listed apart) or brings it back.'),
  'cycle:stats': method(z.strictObject({}), z.array(cycleStatsDto), 'Row counts of every register of every cycle.'),
  'cycle:loadSample': method(z.strictObject({}), cycleDto, 'Creates the Isiolo County FY 2026/27 sample cycle.'),

  'adminUnit:list': method(adminUnitListInput, z.array(adminUnitDto), 'Lists counties, sub-counties and wards.'),
  'adminUnit:create': method(adminUnitCreateInput, adminUnitDto, 'Adds a sub-county or ward.'),
  'adminUnit:rename': method(adminUnitRenameInput, adminUnitDto, 'Renames an administrative unit.'),

  'register:check': method(
    registerCheckInput,
    z.array(fieldProblemDto),
    "Every problem a form's values would meet if saved (the schema's and the register's rules), without saving.",
  ),

  'audit:list': method(auditListInput, z.array(auditEntryDto), 'Reads the audit log, newest first.'),
  'audit:undo': method(undoChangeInput, undoResultDto, 'Takes back one change (a save, a delete, a bulk load) whole, unless a later change stands in the way.'),
  'audit:restore': method(
    restoreDeletedInput,
    undoResultDto,
    'Brings back a deleted record, and what was deleted with it, from its deletion in the audit log.',
  ),

  ...crud('organisation', 'stakeholder matrix', registerSchemas.organisation),
  ...crud('contact', 'contacts', registerSchemas.contact),
  ...crud('objective', 'objectives', registerSchemas.objective),
  ...crud('activity', 'action plan activities', registerSchemas.activity),
  ...crud('contribution', 'cost-share budget lines', registerSchemas.contribution),
  ...crud('disbursement', 'disbursements', registerSchemas.disbursement),
  ...crud('indicator', 'M&E indicators', registerSchemas.indicator),
  ...crud('indicatorPeriod', 'indicator targets and actuals', registerSchemas.indicatorPeriod),
  ...crud('risk', 'risk register', registerSchemas.risk),
  ...crud('milestone', 'review milestones', registerSchemas.milestone),
  ...crud('learningEntry', 'learning log', registerSchemas.learningEntry),
  ...crud('adaptiveTrigger', 'adaptive triggers', registerSchemas.adaptiveTrigger),
  ...crud('signatory', 'signatories', registerSchemas.signatory),
};
