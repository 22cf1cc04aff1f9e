import { backupHandlers } from './backups';
import type { apiContract } from '../../../shared/api/contract';
import { foundationHandlers } from './foundation';
import { lifecycleHandlers } from './lifecycle';
import { analysisHandlers } from './analysis';
import type { HandlersFor } from './handler-types';

/** Every method of the contract has its handler; the type makes a missing one a compile error. */
export const handlers: HandlersFor<typeof apiContract> = {
  ...foundationHandlers,
  ...lifecycleHandlers,
  ...analysisHandlers,
  ...backupHandlers,
};
