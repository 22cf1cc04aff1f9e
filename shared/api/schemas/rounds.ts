import { z } from 'zod';
import { entityId, isoDate, optionalText, text } from './fields';

/** The quarterly reporting round (issue 19): inputs and what the round screen and CLI show. */

export const roundChannels = ['bundle', 'template'] as const;
export type RoundChannel = (typeof roundChannels)[number];

export const roundOpenInput = z.strictObject({
  cycleId: entityId,
  /** Q1..Q4, H1..H2 or M01..M12, as the cycle reports. */
  periodKey: text({ name: true }).min(1).max(10),
  dueDate: isoDate.nullable().default(null),
  /** The Secretariat's words at the top of each request. */
  message: optionalText(2000),
  /** The cycle asks for learning entries and risk updates too (issue 19 item 1). */
  asksLearningAndRisks: z.boolean().default(false),
});

export const roundMemberInput = z.strictObject({ cycleId: entityId, organisationId: entityId });
export const roundChannelInput = z.strictObject({ cycleId: entityId, organisationId: entityId, channel: z.enum(roundChannels) });

/** A returned file (template or bundle) up to 15 MB, as base64. */
export const roundReturnInput = z.strictObject({
  cycleId: entityId,
  fileName: text().min(1).max(255),
  base64: z
    .string()
    .min(1)
    .max(20_000_000)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/),
});

const counts = z.object({ activities: z.int(), disbursements: z.int(), indicatorActuals: z.int(), risks: z.int(), learningEntries: z.int() });

export const roundReturnDto = z.object({
  id: entityId,
  organisationId: entityId,
  kind: z.enum(roundChannels),
  fileName: z.string(),
  receivedAt: z.string(),
  applied: z.boolean(),
  added: z.int(),
  changed: z.int(),
  problems: z.array(z.string()),
  late: z.boolean(),
  /** The bundle import that answered (the import history), or null for a template. */
  bundleImportId: z.string().nullable(),
  /** The audit change the import wrote; null when nothing was written. */
  changeId: z.int().nullable(),
});
export type RoundReturnDto = z.infer<typeof roundReturnDto>;

export const roundMemberDto = z.object({
  organisationId: entityId,
  name: z.string(),
  shortName: z.string(),
  channel: z.enum(roundChannels),
  /** Who the e-mail goes to. */
  recipients: z.array(z.object({ name: z.string(), email: z.string() })),
  /** Why no e-mail can be prepared (no address, a malformed one); null when it can. */
  emailProblem: z.string().nullable(),
  askedAt: z.string().nullable(),
  askedFile: z.string().nullable(),
  remindedAt: z.string().nullable(),
  asked: counts,
  missing: counts,
  /** "3 indicator actuals, 1 disbursement", or "nothing". */
  missingText: z.string(),
  state: z.enum(['returned', 'returned_late', 'problems', 'late', 'missing', 'not_asked']),
  returns: z.array(roundReturnDto),
});
export type RoundMemberDto = z.infer<typeof roundMemberDto>;

export const roundDto = z.object({
  id: entityId,
  cycleId: entityId,
  periodKey: z.string(),
  periodLabel: z.string(),
  dueDate: z.string().nullable(),
  status: z.enum(['open', 'closed']),
  openedOn: z.string(),
  openedBy: z.string(),
  closedOn: z.string().nullable(),
  closedBy: z.string(),
  message: z.string(),
  asksLearningAndRisks: z.boolean(),
});
export type RoundDto = z.infer<typeof roundDto>;

export const roundStatusDto = z.object({
  /** The open round, else the latest; null before any round. */
  round: roundDto.nullable(),
  today: isoDate,
  members: z.array(roundMemberDto),
  /** The cycle's organisations not in the round, which the Secretariat may add. */
  others: z.array(z.object({ organisationId: entityId, name: z.string() })),
  /** The cycle's periods, for the open form. */
  periods: z.array(z.object({ key: z.string(), label: z.string() })),
  /** Every round of the cycle, newest first. */
  history: z.array(roundDto),
});
export type RoundStatusDto = z.infer<typeof roundStatusDto>;

export const roundFileDto = z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() });

export const roundReturnPreviewDto = z.object({
  organisationId: entityId,
  organisationName: z.string(),
  kind: z.enum(roundChannels),
  fileName: z.string(),
  /** What the import would write, and the problems it found (as the import words them). */
  adds: z.int(),
  changes: z.int(),
  problems: z.array(z.string()),
  /** Whether applying would write the rows (false: problems must be fixed first). */
  canApply: z.boolean(),
  late: z.boolean(),
});
export type RoundReturnPreviewDto = z.infer<typeof roundReturnPreviewDto>;

export const roundJobResultDto = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('file'), file: roundFileDto }),
  z.object({ kind: z.literal('preview'), preview: roundReturnPreviewDto }),
  z.object({ kind: z.literal('return'), returned: roundReturnDto, status: roundStatusDto }),
]);
export type RoundJobResultDto = z.infer<typeof roundJobResultDto>;
export const roundJobDto = z.discriminatedUnion('state', [
  z.object({ state: z.literal('running') }),
  z.object({ state: z.literal('done'), result: roundJobResultDto }),
]);
