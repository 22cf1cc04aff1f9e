import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentBuildStamp, sourceInputs, writeBuildStamp } from '../../scripts/build-stamp.mjs';

/** A checkout in a temporary folder: two sources and npm's record of installed packages. */
let root: string;
const stampFile = () => path.join(root, 'out', 'stamp.json');
const write = (file: string, text = 'x') => {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
};
/** Sets a file's modification time, in milliseconds since 1970. */
const touch = (file: string, ms: number) => fs.utimesSync(path.join(root, file), ms / 1000, ms / 1000);

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'pamoja-stamp-'));
  for (const file of ['main/a.ts', 'shared/b.ts', 'node_modules/.package-lock.json', 'out/keep']) write(file);
  for (const file of ['main/a.ts', 'shared/b.ts', 'node_modules/.package-lock.json']) touch(file, 1_000_000);
  writeBuildStamp(stampFile(), { startedAt: 2_000_000, inputs: ['main/a.ts', 'shared/b.ts'], build: 'b1' });
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('a build stamp', () => {
  it('keeps a build current while nothing it was made from changed', () => {
    expect(currentBuildStamp(root, stampFile())).toMatchObject({ build: 'b1', inputs: ['main/a.ts', 'shared/b.ts'] });
  });

  it('makes the build stale when a source changed after the build started, even during it', () => {
    touch('shared/b.ts', 2_000_001);
    expect(currentBuildStamp(root, stampFile())).toBeNull();
  });

  it('makes the build stale when a source is gone, packages were installed, or there is no stamp', () => {
    fs.rmSync(path.join(root, 'main/a.ts'));
    expect(currentBuildStamp(root, stampFile())).toBeNull();
    write('main/a.ts');
    touch('main/a.ts', 1_000_000);
    expect(currentBuildStamp(root, stampFile())).not.toBeNull();
    touch('node_modules/.package-lock.json', 3_000_000);
    expect(currentBuildStamp(root, stampFile())).toBeNull();
    expect(currentBuildStamp(root, path.join(root, 'out', 'none.json'))).toBeNull();
  });

  it('lists only the checkout’s own files among a bundler’s inputs', () => {
    const inputs = [
      'main/a.ts',
      path.join(root, 'shared/b.ts'),
      'node_modules/zod/index.js',
      '\0vite/preload-helper',
      'main/a.ts?commonjs-proxy',
      'main/gone.ts',
    ];
    expect(sourceInputs(root, inputs)).toEqual(['main/a.ts', 'shared/b.ts']);
  });
});
