import type { lifecycleMethods } from '../../../shared/api/methods/lifecycle';
import { closeOutReport, saveCloseOutNotes } from '../../lifecycle/close-out';
import { changesSinceVersion, compareVersions } from '../../lifecycle/compare';
import { lifecycleStatus, setPhase, tickStep } from '../../lifecycle/phases';
import { previewRollover, runRollover } from '../../lifecycle/rollover';
import { approveVersion, listVersions, recordSignature, removeSignature } from '../../lifecycle/versions';
import type { HandlersFor } from './handler-types';

/** The life of a cycle: thin calls into main/lifecycle. */
export const lifecycleHandlers: HandlersFor<typeof lifecycleMethods> = {
  'lifecycle:status': (ctx, { cycleId }) => lifecycleStatus(ctx, cycleId),
  'lifecycle:setPhase': setPhase,
  'lifecycle:tickStep': tickStep,
  'version:approve': approveVersion,
  'version:list': (ctx, { cycleId }) => listVersions(ctx, cycleId),
  'version:sign': recordSignature,
  'version:unsign': removeSignature,
  'version:diff': compareVersions,
  'version:changesAnnex': (ctx, { cycleId, from, to }) => changesSinceVersion(ctx, cycleId, from, to),
  'closeOut:report': (ctx, { cycleId }) => closeOutReport(ctx, cycleId),
  'closeOut:saveNotes': saveCloseOutNotes,
  'rollover:preview': previewRollover,
  'rollover:run': runRollover,
};
