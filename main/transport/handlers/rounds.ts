import { zipSync } from 'fflate';
import type { roundMethods } from '../../../shared/api/methods/rounds';
import { exportFileName, type ExportDocument, type ExportExtension } from '../../../shared/export-file-name';
import type { RoundJobResultDto } from '../../../shared/api/schemas/rounds';
import {
  addMember,
  applyReturn,
  closeRound,
  openRound,
  prepareRound,
  previewReturn,
  removeMember,
  reopenRound,
  requireOpenRound,
  roundStatus,
  setChannel,
} from '../../rounds/index';
import type { AppContext } from '../../services/context';
import { getCycle } from '../../services/cycles';
import { jobTable } from '../jobs';
import type { HandlersFor } from './handler-types';

const jobs = jobTable<RoundJobResultDto>('reporting round job');

const EML_MIME_TYPE = 'message/rfc822';
const ZIP_MIME_TYPE = 'application/zip';

/** A round's download, named as every export is: `isiolo-jwp-2026-27-round-requests-q2.zip`, `…-request-lbnc-q2.eml`. */
function roundFileName(
  ctx: AppContext,
  cycleId: string,
  document: ExportDocument,
  organisation: string | undefined | null,
  extension: ExportExtension,
): string {
  return exportFileName({ cycle: getCycle(ctx, cycleId), document, organisation, period: requireOpenRound(ctx, cycleId).periodKey, extension });
}

/** The reporting round: thin calls into main/rounds; files travel as base64. */
export const roundHandlers: HandlersFor<typeof roundMethods> = {
  'round:status': (ctx, { cycleId }) => roundStatus(ctx, cycleId),
  'round:open': (ctx, input) => {
    openRound(ctx, input);
    return roundStatus(ctx, input.cycleId);
  },
  'round:addMember': (ctx, input) => {
    addMember(ctx, input);
    return roundStatus(ctx, input.cycleId);
  },
  'round:removeMember': (ctx, input) => {
    removeMember(ctx, input);
    return roundStatus(ctx, input.cycleId);
  },
  'round:setChannel': (ctx, input) => {
    setChannel(ctx, input);
    return roundStatus(ctx, input.cycleId);
  },
  'round:close': (ctx, { cycleId }) => {
    closeRound(ctx, cycleId);
    return roundStatus(ctx, cycleId);
  },
  'round:reopen': (ctx, { cycleId }) => {
    reopenRound(ctx, cycleId);
    return roundStatus(ctx, cycleId);
  },
  'round:prepare': (ctx, input) =>
    jobs.start(ctx, async () => {
      const folders = await prepareRound(ctx, input.cycleId, input.kind, input.organisationId);
      const single = input.organisationId !== undefined ? folders[0]?.files.find((f) => f.name.endsWith('.eml')) : undefined;
      if (single)
        return {
          kind: 'file',
          file: {
            fileName: roundFileName(ctx, input.cycleId, input.kind, folders[0]?.folder, 'eml'),
            mimeType: EML_MIME_TYPE,
            base64: single.content.toString('base64'),
          },
        };
      // One folder per organisation, to unpack onto a USB stick.
      const zip = zipSync(Object.fromEntries(folders.flatMap((f) => f.files.map((file) => [`${f.folder}/${file.name}`, new Uint8Array(file.content)]))));
      return {
        kind: 'file',
        file: {
          fileName: roundFileName(ctx, input.cycleId, `round-${input.kind}s`, null, 'zip'),
          mimeType: ZIP_MIME_TYPE,
          base64: Buffer.from(zip).toString('base64'),
        },
      };
    }),
  'round:returnPreview': (ctx, input) =>
    jobs.start(ctx, async () => ({
      kind: 'preview',
      preview: await previewReturn(ctx, input.cycleId, { fileName: input.fileName, buffer: Buffer.from(input.base64, 'base64') }),
    })),
  'round:returnApply': (ctx, input) =>
    jobs.start(ctx, async () => {
      const returned = await applyReturn(ctx, input.cycleId, { fileName: input.fileName, buffer: Buffer.from(input.base64, 'base64') });
      return { kind: 'return', returned, status: roundStatus(ctx, input.cycleId) };
    }),
  'round:job': (ctx, { jobId }) => {
    const result = jobs.collect(ctx, jobId);
    return result === null ? { state: 'running' } : { state: 'done', result };
  },
};
