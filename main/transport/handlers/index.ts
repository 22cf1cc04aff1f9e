import { backupHandlers } from './backups';
import type { apiContract } from '../../../shared/api/contract';
import { foundationHandlers } from './foundation';
import { bundleHandlers } from './bundles';
import { xlsxHandlers } from './xlsx';
import { lifecycleHandlers } from './lifecycle';
import { docxExportHandlers } from './docx-export';
import { analysisHandlers } from './analysis';
import { geoHandlers } from './geo';
import { roundHandlers } from './rounds';
import { pasteHandlers } from './paste';
import type { HandlersFor } from './handler-types';

/** Every method of the contract has its handler; the type makes a missing one a compile error. */
export const handlers: HandlersFor<typeof apiContract> = {
  ...foundationHandlers,
  ...bundleHandlers,
  ...xlsxHandlers,
  ...lifecycleHandlers,
  ...docxExportHandlers,
  ...analysisHandlers,
  ...geoHandlers,
  ...backupHandlers,
  ...roundHandlers,
  ...pasteHandlers,
};
