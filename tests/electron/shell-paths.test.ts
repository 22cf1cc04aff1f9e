import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIN_WINDOW_SIZE, initialWindowSize, shellPaths } from '../../main/electron/shell-paths';

describe('shellPaths', () => {
  it('reads resources from the checkout in development', () => {
    const paths = shellPaths({ appPath: path.resolve('/src/pamoja'), isPackaged: false, resourcesPath: path.resolve('/usr/lib/electron/resources') });
    expect(paths).toEqual({
      rendererDir: path.resolve('/src/pamoja/out/renderer'),
      preload: path.resolve('/src/pamoja/out/electron/preload.cjs'),
      resourcesDir: path.resolve('/src/pamoja/resources'),
      icon: path.resolve('/src/pamoja/resources/icons/icon.png'),
    });
  });

  it("reads resources from beside app.asar when packaged (electron-builder's extraResources)", () => {
    const resourcesPath = path.resolve('/opt/Pamoja JWP/resources');
    const paths = shellPaths({ appPath: path.join(resourcesPath, 'app.asar'), isPackaged: true, resourcesPath });
    expect(paths.resourcesDir).toBe(path.join(resourcesPath, 'resources'));
    expect(paths.rendererDir).toBe(path.join(resourcesPath, 'app.asar', 'out', 'renderer'));
  });
});

describe('initialWindowSize', () => {
  it('opens at 1280×800 on a large screen', () => {
    expect(initialWindowSize({ width: 1920, height: 1040 })).toEqual({ width: 1280, height: 800 });
  });

  it("fits a 1366×768 laptop's work area", () => {
    expect(initialWindowSize({ width: 1366, height: 728 })).toEqual({ width: 1280, height: 728 });
  });

  it('never opens smaller than the minimum the screens are designed for', () => {
    expect(initialWindowSize({ width: 800, height: 500 })).toEqual(MIN_WINDOW_SIZE);
  });
});
