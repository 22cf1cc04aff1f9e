import type { z } from 'zod';
import {
  contributionCreateInput,
  contributionDto,
  contributionUpdateInput,
  disbursementCreateInput,
  disbursementDto,
  disbursementUpdateInput,
} from './schemas/budget';
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
import { contactCreateInput, contactDto, contactUpdateInput, organisationCreateInput, organisationDto, organisationUpdateInput } from './schemas/organisation';
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

/**
 * Every register of a cycle, by the name its API methods carry (`risk:create`, …), with its
 * schemas, in the order a cycle is filled in. The contract, the register engine, the screens'
 * forms, the field labels and the documents all take a register's field names from here, so a
 * field is named in one place and a missed step is a compile error.
 */
export const registerSchemas = {
  organisation: { create: organisationCreateInput, update: organisationUpdateInput, dto: organisationDto },
  contact: { create: contactCreateInput, update: contactUpdateInput, dto: contactDto },
  objective: { create: objectiveCreateInput, update: objectiveUpdateInput, dto: objectiveDto },
  activity: { create: activityCreateInput, update: activityUpdateInput, dto: activityDto },
  contribution: { create: contributionCreateInput, update: contributionUpdateInput, dto: contributionDto },
  disbursement: { create: disbursementCreateInput, update: disbursementUpdateInput, dto: disbursementDto },
  indicator: { create: indicatorCreateInput, update: indicatorUpdateInput, dto: indicatorDto },
  indicatorPeriod: { create: indicatorPeriodCreateInput, update: indicatorPeriodUpdateInput, dto: indicatorPeriodDto },
  risk: { create: riskCreateInput, update: riskUpdateInput, dto: riskDto },
  milestone: { create: milestoneCreateInput, update: milestoneUpdateInput, dto: milestoneDto },
  learningEntry: { create: learningEntryCreateInput, update: learningEntryUpdateInput, dto: learningEntryDto },
  adaptiveTrigger: { create: adaptiveTriggerCreateInput, update: adaptiveTriggerUpdateInput, dto: adaptiveTriggerDto },
  signatory: { create: signatoryCreateInput, update: signatoryUpdateInput, dto: signatoryDto },
};

type RegisterSchemas = typeof registerSchemas;
export type RegisterName = keyof RegisterSchemas;

/** The fields a person fills in: the keys of the register's create schema, the cycle aside (of any of several registers). */
export type RegisterField<R extends RegisterName> = R extends RegisterName ? Exclude<keyof RegisterSchemas[R]['create']['shape'], 'cycleId'> & string : never;
export type RegisterCreateInput<R extends RegisterName> = z.input<RegisterSchemas[R]['create']>;
export type RegisterDto<R extends RegisterName> = z.output<RegisterSchemas[R]['dto']>;
/** Values by field, as a form or a bulk load holds them before the schema checks them. */
export type RegisterValues<R extends RegisterName> = Partial<Record<RegisterField<R>, unknown>>;

const names: readonly string[] = Object.keys(registerSchemas);
export const isRegisterName = (name: string): name is RegisterName => names.includes(name);
export const registerNames: readonly RegisterName[] = names.filter(isRegisterName);

/** The register a method such as `risk:update` works on, if it is a register's. */
export function registerOfMethod(method: string): RegisterName | undefined {
  const [name = ''] = method.split(':');
  return isRegisterName(name) ? name : undefined;
}
