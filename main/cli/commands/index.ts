import type { Command } from './command';
import { backupCommands } from './backup';
import { exportCommands } from './export';
import { foundationCommands } from './foundation';
import { bundleCommands } from './bundle';
import { importXlsxCommands } from './import-xlsx';
import { lifecycleCommands } from './lifecycle';
import { analysisCommands } from './analysis';

/** Every `pamoja` command; each feature area keeps its commands in its own module. */
export const commands: Record<string, Command> = {
  ...foundationCommands,
  ...bundleCommands,
  ...importXlsxCommands,
  ...lifecycleCommands,
  ...exportCommands,
  ...analysisCommands,
  ...backupCommands,
};

export function usage(): string {
  return `Usage: pamoja <command> [flags]\n\nCommands:\n${Object.values(commands)
    .map((command) => `  pamoja ${command.summary}`)
    .join('\n')}\n`;
}
