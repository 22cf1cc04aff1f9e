import { z } from 'zod';
import { adminUnitCreateInput, adminUnitDto, adminUnitListInput, adminUnitRenameInput, auditEntryDto, auditListInput } from './schemas/admin';
import {
  contributionCreateInput,
  contributionDto,
  contributionUpdateInput,
  disbursementCreateInput,
  disbursementDto,
  disbursementUpdateInput,
} from './schemas/budget';
import {
  appInfoDto,
  cycleCreateInput,
  cycleDeleteInput,
  cycleDto,
  cycleStatsDto,
  cycleUpdateInput,
  setLastCycleInput,
  setUserNameInput,
} from './schemas/cycle';
import { byCycle, byId, deleted } from './schemas/fields';
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
} from './schemas/monitoring';
import {
  contactCreateInput,
  contactDto,
  contactUpdateInput,
  organisationCreateInput,
  organisationDto,
  organisationUpdateInput,
} from './schemas/organisation';
import { activityCreateInput, activityDto, activityUpdateInput, objectiveCreateInput, objectiveDto, objectiveUpdateInput } from './schemas/plan';
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
} from './schemas/review';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** One line on what the method does. */
  doc: string;
}

const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, doc: string): MethodSpec<I, O> => ({ input, output, doc });

type CrudMethods<N extends string, C extends z.ZodType, U extends z.ZodType, D extends z.ZodType> = {
  [K in `${N}:list`]: MethodSpec<typeof byCycle, z.ZodArray<D>>;
} & { [K in `${N}:get`]: MethodSpec<typeof byId, D> } & { [K in `${N}:create`]: MethodSpec<C, D> } & {
  [K in `${N}:update`]: MethodSpec<U, D>;
} & { [K in `${N}:delete`]: MethodSpec<typeof byId, typeof deleted> };

/** The five methods every register has, named `<register>:<verb>`. */
function crud<N extends string, C extends z.ZodType, U extends z.ZodType, D extends z.ZodType>(
  name: N,
  noun: string,
  schemas: { create: C; update: U; dto: D },
): CrudMethods<N, C, U, D> {
  return {
    [`${name}:list`]: method(byCycle, z.array(schemas.dto), `Lists the cycle's ${noun}.`),
    [`${name}:get`]: method(byId, schemas.dto, `Reads one of the ${noun}.`),
    [`${name}:create`]: method(schemas.create, schemas.dto, `Adds to the ${noun}.`),
    [`${name}:update`]: method(schemas.update, schemas.dto, `Changes fields of one of the ${noun}.`),
    [`${name}:delete`]: method(byId, deleted, `Deletes one of the ${noun}, refused while other rows name it.`),
  } as CrudMethods<N, C, U, D>;
}

/**
 * The one API of Pamoja JWP: method name → input and output schemas. Electron serves it over IPC,
 * the web shell over HTTP; both go through the same dispatcher, which validates every input here.
 */
export const apiContract = {
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

export type ApiContract = typeof apiContract;
export type ApiMethod = keyof ApiContract;
export type ApiInput<M extends ApiMethod> = z.input<ApiContract[M]['input']>;
export type ApiParsedInput<M extends ApiMethod> = z.output<ApiContract[M]['input']>;
export type ApiOutput<M extends ApiMethod> = z.output<ApiContract[M]['output']>;

export const apiMethods = Object.keys(apiContract) as ApiMethod[];

export function isApiMethod(name: string): name is ApiMethod {
  return Object.hasOwn(apiContract, name);
}

/** The one IPC channel of the Electron shell and the path prefix of the web shell. */
export const IPC_CHANNEL = 'pamoja:api';
export const HTTP_API_PREFIX = '/api/';
/** The web shell hands its page a per-run token in this meta tag; the page sends it back in this header. */
export const HTTP_TOKEN_HEADER = 'x-pamoja-token';
export const HTTP_TOKEN_META = 'pamoja-token';
