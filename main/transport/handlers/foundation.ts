import type { foundationMethods } from '../../../shared/api/methods/foundation';
import type { HandlersFor } from './handler-types';
import { appInfo, setLastCycle, setUserName } from '../../services/app-info';
import { createAdminUnit, listAdminUnits, renameAdminUnit } from '../../services/admin-units';
import { listAudit } from '../../services/audit';
import { archiveCycle, createCycle, deleteCycle, getCycle, listCycles, updateCycle } from '../../services/cycles';
import { registerServices } from '../../services/index';
import type { RegisterService } from '../../services/register-service';
import { loadSampleCycle } from '../../services/sample';
import { cycleStats } from '../../services/stats';
import { restoreDeleted, undoChange } from '../../services/undo';

type FoundationHandlers = HandlersFor<typeof foundationMethods>;
type CrudHandlers<N extends string> = Pick<
  FoundationHandlers,
  Extract<keyof FoundationHandlers, `${N}:${'list' | 'page' | 'get' | 'create' | 'update' | 'delete'}`>
>;

// The register's service methods take and return its contract's types (shared/api/registers.ts): the
// compiler cannot pair the generic name with its template-literal method names, so this says it.
function crudHandlers<N extends keyof typeof registerServices>(name: N, service: RegisterService<N>): CrudHandlers<N> {
  return {
    [`${name}:list`]: service.list,
    [`${name}:page`]: service.page,
    [`${name}:get`]: service.get,
    [`${name}:create`]: service.create,
    [`${name}:update`]: service.update,
    [`${name}:delete`]: service.remove,
  } as unknown as CrudHandlers<N>;
}

export const foundationHandlers: FoundationHandlers = {
  'app:info': (ctx) => appInfo(ctx),
  'app:setUserName': setUserName,
  'app:setLastCycle': setLastCycle,
  'cycle:list': (ctx) => listCycles(ctx),
  'cycle:get': (ctx, input) => getCycle(ctx, input.id),
  'cycle:create': createCycle,
  'cycle:update': updateCycle,
  'cycle:delete': deleteCycle,
  'cycle:archive': archiveCycle,
  'cycle:stats': (ctx) => cycleStats(ctx),
  'cycle:loadSample': (ctx) => loadSampleCycle(ctx),
  'adminUnit:list': listAdminUnits,
  'adminUnit:create': createAdminUnit,
  'adminUnit:rename': renameAdminUnit,
  'register:check': (ctx, { register, ...input }) => registerServices[register].problems(ctx, input),
  'audit:list': listAudit,
  'audit:undo': undoChange,
  'audit:restore': restoreDeleted,
  ...crudHandlers('organisation', registerServices.organisation),
  ...crudHandlers('contact', registerServices.contact),
  ...crudHandlers('objective', registerServices.objective),
  ...crudHandlers('activity', registerServices.activity),
  ...crudHandlers('contribution', registerServices.contribution),
  ...crudHandlers('disbursement', registerServices.disbursement),
  ...crudHandlers('indicator', registerServices.indicator),
  ...crudHandlers('indicatorPeriod', registerServices.indicatorPeriod),
  ...crudHandlers('risk', registerServices.risk),
  ...crudHandlers('milestone', registerServices.milestone),
  ...crudHandlers('learningEntry', registerServices.learningEntry),
  ...crudHandlers('adaptiveTrigger', registerServices.adaptiveTrigger),
  ...crudHandlers('signatory', registerServices.signatory),
};
