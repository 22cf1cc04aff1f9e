import type { pasteMethods } from '../../../shared/api/methods/paste';
import { applyPaste, pasteColumns, previewPaste } from '../../imports/paste/index';
import type { HandlersFor } from './handler-types';

export const pasteHandlers: HandlersFor<typeof pasteMethods> = {
  'paste:columns': (ctx, input) => pasteColumns(ctx, input),
  'paste:preview': (ctx, input) => previewPaste(ctx, input),
  'paste:apply': (ctx, input) => applyPaste(ctx, input),
};
