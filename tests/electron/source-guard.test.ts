import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const electronDir = path.resolve(import.meta.dirname, '../../main/electron');

/** Settings and exposures that would hand the page Node or raw IPC, whatever file they hide in. */
function forbiddenIn(source: string): string[] {
  const found = [/nodeIntegration\w*\s*:\s*true/, /sandbox\s*:\s*false/, /contextIsolation\s*:\s*false/, /webSecurity\s*:\s*false/, /webviewTag\s*:\s*true/]
    .filter((pattern) => pattern.test(source))
    .map(String);
  for (const call of source.match(/exposeInMainWorld\([\s\S]*?\);/g) ?? []) {
    if (call.includes('ipcRenderer')) found.push('ipcRenderer exposed to the page');
  }
  return found;
}

describe('the Electron sources', () => {
  const files = fs.readdirSync(electronDir).filter((name) => name.endsWith('.ts'));

  it('include the main process and the preload', () => {
    expect(files).toEqual(expect.arrayContaining(['main.ts', 'preload.ts']));
  });

  it.each(files)('%s never weakens the window or exposes ipcRenderer', (name) => {
    expect(forbiddenIn(fs.readFileSync(path.join(electronDir, name), 'utf8'))).toEqual([]);
  });

  it('use ipcRenderer in the preload only to invoke the one API channel and hear "open this bundle"', () => {
    // Comments may talk about ipcRenderer; only code counts here.
    const preload = fs.readFileSync(path.join(electronDir, 'preload.ts'), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
    const uses = preload.match(/ipcRenderer\b[^\n]*/g) ?? [];
    const allowed = ['ipcRenderer } from', 'ipcRenderer.invoke(IPC_CHANNEL,', 'ipcRenderer.on(OPEN_BUNDLE_CHANNEL,'];
    const unexpected = uses.filter((use) => !allowed.some((start) => use.startsWith(start)));
    expect(uses.length).toBeGreaterThan(1);
    expect(unexpected).toEqual([]);
  });

  it('would notice a weakened window (the guard itself works)', () => {
    const bad =
      "new BrowserWindow({ webPreferences: { nodeIntegration: true, sandbox: false } });\ncontextBridge.exposeInMainWorld('x', { send: (c) => ipcRenderer.send(c) });";
    expect(forbiddenIn(bad)).toHaveLength(3);
  });
});
