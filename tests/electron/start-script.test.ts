import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const noElectronHere = fs.mkdtempSync(path.join(os.tmpdir(), 'pamoja-no-electron-'));
afterAll(() => fs.rmSync(noElectronHere, { recursive: true, force: true }));

describe('npm start without the Electron runtime', () => {
  it('says so in one plain sentence, points to the web shell and exits with 1', () => {
    const result = spawnSync(process.execPath, ['scripts/start.mjs'], {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...process.env,
        PAMOJA_SKIP_BUILD: '1',
        // Hermetic on any machine: Electron is looked for in an empty folder and never downloaded.
        ELECTRON_OVERRIDE_DIST_PATH: noElectronHere,
        ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
      },
    });
    const output = `${result.stdout}${result.stderr}`;
    expect(result.status).toBe(1);
    expect(output).toContain('npm run web');
    expect(output).toContain('Electron desktop runtime is not installed');
    expect(output).not.toContain('    at ');
    expect(output.trim().split('\n')).toHaveLength(1);
  });
});
