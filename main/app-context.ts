import { openDb } from './db/open-db';
import { seedAdminUnits } from './services/admin-units';
import { createContext, type AppContext, type ContextOptions } from './services/context';

export interface OpenAppOptions extends ContextOptions {
  file: string;
  migrationsFolder: string;
}

/** Opens (creating on first start) a Pamoja database ready for the services. */
export function openApp({ file, migrationsFolder, ...options }: OpenAppOptions): AppContext {
  const ctx = createContext(openDb({ file, migrationsFolder }), options);
  seedAdminUnits(ctx);
  return ctx;
}
