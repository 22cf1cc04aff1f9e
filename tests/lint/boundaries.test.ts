import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../main/resource-paths';

/** The architecture's arrows are lint errors: these snippets must be refused where they stand. */
const eslint = new ESLint({ cwd: repoRoot });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

describe('import boundaries', () => {
  it('keeps shared/ pure', async () => {
    expect(await problems('shared/example.ts', "import fs from 'node:fs';\nexport const x = fs;\n")).toEqual([
      expect.stringMatching(/no-restricted-imports.*shared\/ is pure/),
    ]);
    expect(await problems('shared/example.ts', "import { openDb } from '../main/db/open-db';\nexport const x = openDb;\n")).toEqual([
      expect.stringMatching(/shared\/ imports only shared/),
    ]);
  });

  it('lets only main/electron import electron', async () => {
    expect(await problems('main/services/example.ts', "import { app } from 'electron';\nexport const x = app;\n")).toEqual([
      expect.stringMatching(/Only main\/electron\//),
    ]);
    expect(await problems('main/electron/example.ts', "import { app } from 'electron';\nexport const x = app;\n")).toEqual([]);
  });

  it('keeps the renderer away from main/ and Node', async () => {
    expect(await problems('renderer/example.ts', "import { openApp } from '../main/app-context';\nexport const x = openApp;\n")).toEqual([
      expect.stringMatching(/only through the API client/),
    ]);
    expect(await problems('renderer/example.ts', "import path from 'node:path';\nexport const x = path;\n")).toEqual([
      expect.stringMatching(/browser sandbox/),
    ]);
  });

  it('opens databases only through openDb()', async () => {
    const code = "import Database from 'better-sqlite3';\nexport const db = new Database(':memory:');\n";
    expect(await problems('main/services/example.ts', code)).toEqual([expect.stringMatching(/only through openDb/)]);
    expect(await problems('main/db/open-db.ts', code)).toEqual([]);
  });
});
