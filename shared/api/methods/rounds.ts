import { z } from 'zod';
import { byCycle, entityId } from '../schemas/fields';
import { roundChannelInput, roundJobDto, roundMemberInput, roundOpenInput, roundReturnInput, roundStatusDto } from '../schemas/rounds';
import { method } from './define';

/**
 * The quarterly reporting round (issue 19). Preparing requests and reading returned files build or
 * read workbooks (asynchronous), so those start a job and `round:job` hands over its result, as
 * the Excel methods do.
 */

export const roundPrepareInput = z.strictObject({
  cycleId: entityId,
  /** request: everyone in the round; reminder: those still missing something. */
  kind: z.enum(['request', 'reminder']),
  /** One organisation only (its e-mail draft), else all of them (a zip of one folder each). */
  organisationId: entityId.optional(),
});

const jobStarted = z.object({ jobId: z.uuid() });

export const roundMethods = {
  'round:status': method(byCycle, roundStatusDto, 'The open (else latest) round: each organisation asked, its returns, what is late and missing.'),
  'round:open': method(roundOpenInput, roundStatusDto, 'Opens the round of a period, asking every organisation with figures to report.'),
  'round:addMember': method(roundMemberInput, roundStatusDto, 'Adds an organisation to the open round.'),
  'round:removeMember': method(roundMemberInput, roundStatusDto, 'Takes an organisation out of the open round.'),
  'round:setChannel': method(roundChannelInput, roundStatusDto, 'Chooses whether an organisation gets a bundle or the Excel template.'),
  'round:close': method(byCycle, roundStatusDto, "Closes the open round; its record goes into the audit log and the period's M&E report."),
  'round:reopen': method(byCycle, roundStatusDto, 'Reopens the latest closed round (audited).'),
  'round:prepare': method(roundPrepareInput, jobStarted, 'Prepares requests or reminders (files and .eml drafts): a zip of folders, or one draft.'),
  'round:returnPreview': method(roundReturnInput, jobStarted, 'Checks a returned template or bundle against the round and previews its import.'),
  'round:returnApply': method(roundReturnInput, jobStarted, 'Takes a returned file in: applies its import and records it in the round.'),
  'round:job': method(z.strictObject({ jobId: z.uuid() }), roundJobDto, 'The result of a round job once it is done.'),
};
