import { z } from 'zod';
import { levels, organisationCategories } from '../../domain/vocabulary';
import { code, email, entityId, optionalName, optionalText, phone, requiredName, rowMeta, updateOf } from './fields';

/** An organisation of a cycle with its row of the stakeholder mapping matrix (manual 9.1). */
export const organisationCreateShape = {
  cycleId: entityId,
  name: requiredName(200),
  shortName: code(30),
  category: z.enum(organisationCategories.keys),
  role: optionalText(1000),
  interest: z.enum(levels.keys).default('medium'),
  influence: z.enum(levels.keys).default('medium'),
  involvement: optionalText(500),
  communicationStrategy: optionalText(1000),
  remarks: optionalText(2000),
};

export const organisationCreateInput = z.strictObject(organisationCreateShape);
export const organisationUpdateInput = updateOf(organisationCreateShape);
export const organisationDto = z.object({
  ...rowMeta,
  name: z.string(),
  shortName: z.string(),
  category: z.enum(organisationCategories.keys),
  role: z.string(),
  interest: z.enum(levels.keys),
  influence: z.enum(levels.keys),
  involvement: z.string(),
  communicationStrategy: z.string(),
  remarks: z.string(),
});
export type OrganisationDto = z.infer<typeof organisationDto>;

export const contactCreateShape = {
  cycleId: entityId,
  organisationId: entityId,
  name: requiredName(150),
  title: optionalName(150),
  phone,
  email,
  isKeyContact: z.boolean().default(false),
};

export const contactCreateInput = z.strictObject(contactCreateShape);
export const contactUpdateInput = updateOf(contactCreateShape);
export const contactDto = z.object({
  ...rowMeta,
  organisationId: entityId,
  name: z.string(),
  title: z.string(),
  phone: z.string(),
  email: z.string(),
  isKeyContact: z.boolean(),
});
export type ContactDto = z.infer<typeof contactDto>;
