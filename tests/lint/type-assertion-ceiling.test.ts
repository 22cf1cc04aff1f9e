import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../../main/resource-paths';

/** `npm run lint` fails when the application's type assertions rise above the ceiling (issue 13). */
const script = path.join(repoRoot, 'scripts', 'count-type-assertions.mjs');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamoja-assertions-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const count = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [script, ...args], { cwd, encoding: 'utf8' });

describe('the type-assertion ceiling', () => {
  // Two in main, one in shared, one in renderer; `as const`, the word "as" in text and the tests' casts do not count.
  const files = {
    'main/a.ts': "export const a = JSON.parse('1') as number;\nexport const b = [1] as const;\nexport const c = (JSON.parse('{}') as { x?: string }).x;\n",
    'shared/b.ts': "// counted as text, not code\nexport const d = 'as T';\nexport const e = <string>(<unknown>'x');\n",
    'renderer/c.tsx': 'export const f = (v: unknown) => v as string;\n',
    'tests/d.test.ts': 'export const g = 1 as unknown as string;\n',
  };

  it('passes at or under the ceiling, counting main, shared and renderer only', () => {
    const result = count(project(files), '--max', '5');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/main\s+as:\s+2/);
    expect(result.stdout).toMatch(/shared\s+as:\s+2/);
    expect(result.stdout).toMatch(/tests\s+as:\s+2/);
    expect(result.stdout).toContain('main, shared and renderer: 5 type assertions, within the 5 allowed.');
  });

  it('fails above it, saying how many and where to look', () => {
    const result = count(project(files), '--max', '4');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('main, shared and renderer hold 5 type assertions, more than the 4 allowed.');
    expect(result.stderr).toContain('--list');
  });

  it('refuses a ceiling that is not a whole number', () => {
    expect(count(project(files), '--max', 'many').status).toBe(2);
  });

  it('is what the lint step runs on this repository', () => {
    const lint: unknown = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).scripts.lint;
    expect(lint).toMatch(/node scripts\/count-type-assertions\.mjs --max \d+/);
  });
});
