import path from 'node:path';
import { openDb } from './db/open-db';
import { seedAdminUnits } from './services/admin-units';
import { createContext, type AppContext, type ContextOptions } from './services/context';

export interface OpenAppOptions extends ContextOptions {
  file: string;
}

export const migrationsFolderIn = (resourcesDir: string) => path.join(resourcesDir, 'migrations');

/** Opens (creating on first start) a Pamoja database ready for the services. */
export function openApp({ file, ...options }: OpenAppOptions): AppContext {
  const ctx = createContext(openDb({ file, migrationsFolder: migrationsFolderIn(options.resourcesDir) }), options);
  seedAdminUnits(ctx);
  return ctx;
}
