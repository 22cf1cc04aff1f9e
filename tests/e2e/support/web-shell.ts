import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp } from '../../../main/app-context';
import { closeDb } from '../../../main/db/open-db';
import type { AppContext } from '../../../main/services/context';
import { rendererBuildDir, resourcesDir } from '../../../main/resource-paths';
import { createDispatcher } from '../../../main/transport/dispatcher';
import { startWebShell } from '../../../main/transport/http-server';
import { createApiClient, type ApiClient } from '../../../shared/api/client';

export interface TestShell {
  url: string;
  /** The app behind the shell, for loading large fixtures straight through the services. */
  ctx: AppContext;
  /** The same API the page uses, called directly: to check what was (not) saved. */
  api: ApiClient;
  close(): Promise<void>;
}

/** The web shell on a fresh database file in a temporary folder, on a free port. */
export async function startTestShell(): Promise<TestShell> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pamoja-e2e-'));
  const ctx = openApp({ file: path.join(folder, 'pamoja.db'), resourcesDir });
  const dispatch = createDispatcher(ctx);
  const shell = await startWebShell({ dispatch, staticDir: rendererBuildDir });
  return {
    url: shell.url,
    ctx,
    api: createApiClient(async (method, input) => dispatch(method, input)),
    async close() {
      await shell.close();
      closeDb(ctx.db);
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}
