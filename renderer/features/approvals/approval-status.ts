import type { SignatoryDto } from '../../../shared/api/schemas/review';
import { signatoryRoles } from '../../../shared/domain/vocabulary';

type Role = (typeof signatoryRoles.keys)[number];

/** The manual (4.2 step 3): the County Secretary, the CEC Member for Finance and the partners' leadership sign. */
export const REQUIRED_ROLES: readonly Role[] = ['county_secretary', 'cec_finance', 'partner_leadership'];

export type ApprovalState = 'no_signatories' | 'incomplete_list' | 'awaiting' | 'partly_signed' | 'approved';

export interface ApprovalStatus {
  state: ApprovalState;
  signed: number;
  total: number;
  /** Required roles nobody on the list holds yet. */
  missingRoles: Role[];
  /** The date the last signature was given, once all have signed. */
  approvedOn: string | null;
  headline: string;
}

/** Where the plan's approval stands, from its signatories and the dates they signed. */
export function approvalStatus(signatories: readonly Pick<SignatoryDto, 'role' | 'signedOn'>[]): ApprovalStatus {
  const total = signatories.length;
  const signedDates = signatories.flatMap((s) => (s.signedOn ? [s.signedOn] : []));
  const signed = signedDates.length;
  const missingRoles = REQUIRED_ROLES.filter((role) => !signatories.some((s) => s.role === role));
  const base = { signed, total, missingRoles, approvedOn: null };
  if (total === 0) return { ...base, state: 'no_signatories', headline: 'Not approved: no signatories listed yet.' };
  if (missingRoles.length > 0) {
    const names = missingRoles.map((role) => signatoryRoles.label(role)).join(', ');
    return { ...base, state: 'incomplete_list', headline: `Not approved: the list of signatories lacks the ${names}.` };
  }
  if (signed === 0) return { ...base, state: 'awaiting', headline: `Awaiting signatures: none of the ${total} signatories has signed.` };
  if (signed < total) return { ...base, state: 'partly_signed', headline: `Partly signed: ${signed} of ${total} signatories have signed.` };
  const approvedOn = [...signedDates].sort().at(-1) ?? null;
  return { ...base, state: 'approved', approvedOn, headline: `Approved: all ${total} signatories have signed.` };
}
