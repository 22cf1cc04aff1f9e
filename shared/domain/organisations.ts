import type { OrganisationDto } from '../api/schemas/organisation';
import type { SenderRole } from '../api/schemas/bundles';
import { naturalCompare } from '../natural-order';

/**
 * The county government's own departments are the organisations of category "Government"; every
 * other organisation (national agencies such as NDMA, donors, NGOs, the private sector) is a
 * development partner. One rule for the cost-share, the plan's "partner organisations" and every
 * list that sets the county beside its partners, on screen and on paper.
 */
export const isCountyGovernment = (org: Pick<OrganisationDto, 'category'> | undefined): boolean => org?.category === 'government';

/** The development partners among `orgs`, in natural order of their names. */
export function developmentPartners<T extends Pick<OrganisationDto, 'category' | 'name'>>(orgs: readonly T[]): T[] {
  return orgs.filter((org) => !isCountyGovernment(org)).sort((a, b) => naturalCompare(a.name, b.name));
}

/** The county departments among `orgs`, in natural order of their names. */
export function countyDepartments<T extends Pick<OrganisationDto, 'category' | 'name'>>(orgs: readonly T[]): T[] {
  return orgs.filter((org) => isCountyGovernment(org)).sort((a, b) => naturalCompare(a.name, b.name));
}

/**
 * The organisation a bundle or a copy of the plan speaks for, with its role when the name does not
 * already say it: "Isiolo … (JWP Secretariat)" is not followed by a second "(the Secretariat)".
 */
export function speakerName(orgName: string, role: SenderRole): string {
  return role === 'secretariat' && !/secretariat/i.test(orgName) ? `${orgName} (the Secretariat)` : orgName;
}
