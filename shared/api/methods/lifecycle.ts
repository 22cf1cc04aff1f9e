import { byCycle, byId, deleted } from '../schemas/fields';
import {
  approveInput,
  changesAnnexDto,
  closeOutNotesInput,
  closeOutReportDto,
  diffInput,
  lifecycleStatusDto,
  readableDiffDto,
  rolloverInput,
  rolloverPreviewDto,
  rolloverPreviewInput,
  rolloverResultDto,
  setPhaseInput,
  signatureDto,
  signInput,
  tickStepInput,
  versionDto,
  versionListDto,
} from '../schemas/lifecycle';
import { method } from './define';

/** The life of a cycle (issue 6): phases, approval into frozen versions, diffs, close-out and roll-over. */
export const lifecycleMethods = {
  'lifecycle:status': method(
    byCycle,
    lifecycleStatusDto,
    'The current phase, every phase checklist, whether the plan differs from its approved version, and read-only state.',
  ),
  'lifecycle:setPhase': method(setPhaseInput, lifecycleStatusDto, 'Moves the cycle to another phase.'),
  'lifecycle:tickStep': method(tickStepInput, lifecycleStatusDto, 'Ticks a phase checklist step with the date it happened (a null date unticks it).'),

  'version:approve': method(approveInput, versionDto, 'Freezes the working plan as the next numbered version, with its content fingerprint.'),
  'version:list': method(byCycle, versionListDto, "The cycle's approved versions with their signatures, and how the working plan stands against the latest."),
  'version:sign': method(signInput, signatureDto, 'Records a signature (who, when) against an approved version.'),
  'version:unsign': method(byId, deleted, 'Removes a signature recorded by mistake.'),
  'version:diff': method(
    diffInput,
    readableDiffDto,
    'What changed between two versions, or a version and the working plan: register by register, row by row, field by field.',
  ),
  'version:changesAnnex': method(
    diffInput,
    changesAnnexDto,
    'The same changes as a Word annex "Changes since version N" (title, intro, one table per register).',
  ),

  'closeOut:report': method(
    byCycle,
    closeOutReportDto,
    'Close-out report data: achievements per objective, indicators final vs target, budget utilisation, lessons, recommendations.',
  ),
  'closeOut:saveNotes': method(closeOutNotesInput, closeOutReportDto, "Saves the close-out meeting's summary and agreed recommendations."),

  'rollover:preview': method(rolloverPreviewInput, rolloverPreviewDto, 'What rolling the cycle over into a new fiscal year would carry, before doing it.'),
  'rollover:run': method(rolloverInput, rolloverResultDto, 'Creates the next fiscal year cycle from this one; this cycle becomes read-only.'),
};
