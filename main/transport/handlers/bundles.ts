import type { bundleMethods } from '../../../shared/api/methods/bundles';
import { BUNDLE_MIME_TYPE } from '../../bundles/limits';
import { applyBundle, exportBundle, keysInfo, listImports, previewBundle, trustSender, undoLastImport } from '../../bundles/index';
import type { HandlersFor } from './handler-types';

const bytesOf = (base64: string) => Buffer.from(base64, 'base64');

/** Partner bundles: files cross the API as base64; everything else is in main/bundles. */
export const bundleHandlers: HandlersFor<typeof bundleMethods> = {
  'bundle:export': (ctx, input) => {
    const { bytes, manifest: _manifest, ...rest } = exportBundle(ctx, input);
    return { ...rest, mimeType: BUNDLE_MIME_TYPE, base64: Buffer.from(bytes).toString('base64') };
  },
  'bundle:preview': (ctx, input) => previewBundle(ctx, bytesOf(input.base64), input).preview,
  'bundle:apply': (ctx, input) => applyBundle(ctx, bytesOf(input.base64), input),
  'bundle:history': (ctx, input) => listImports(ctx, input.cycleId),
  'bundle:undo': (ctx) => undoLastImport(ctx),
  'bundle:keys': (ctx) => keysInfo(ctx),
  'bundle:trust': (ctx, input) => trustSender(ctx, bytesOf(input.base64), input.fingerprint, { replace: input.replace }),
};
