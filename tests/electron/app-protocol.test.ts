import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, resolveAppRequest } from '../../main/electron/app-protocol';

/** The app:// protocol serves the renderer build and nothing else, whatever the URL says. */
describe('resolveAppRequest', () => {
  const root = path.resolve('/opt/Pamoja JWP/resources/app.asar/out/renderer');

  it('serves the page and its assets with their types', () => {
    expect(resolveAppRequest(APP_ENTRY_URL, root)).toEqual({ ok: true, file: path.join(root, 'index.html'), contentType: 'text/html; charset=utf-8' });
    expect(resolveAppRequest('app://pamoja/', root)).toMatchObject({ ok: true, file: path.join(root, 'index.html') });
    expect(resolveAppRequest('app://pamoja/assets/index-4f2a.js?v=1#x', root)).toEqual({
      ok: true,
      file: path.join(root, 'assets', 'index-4f2a.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(resolveAppRequest('app://pamoja/assets/Carlito%20Bold.woff2', root)).toMatchObject({
      ok: true,
      file: path.join(root, 'assets', 'Carlito Bold.woff2'),
    });
  });

  it('never leaves the build folder', () => {
    for (const url of [
      'app://pamoja/../../../../etc/passwd',
      'app://pamoja/%2e%2e/%2e%2e/app.asar/package.json',
      'app://pamoja/assets/%2e%2e%2f%2e%2e%2fmain.cjs',
      'app://pamoja/..%5c..%5cmain.cjs',
      'app://pamoja/%00index.html',
      'app://pamoja//etc/passwd.js',
      'app://pamoja/C:/Windows/win.ini.js',
    ]) {
      const answer = resolveAppRequest(url, root);
      if (answer.ok) expect(answer.file.startsWith(root + path.sep), url).toBe(true);
      else expect(answer.status, url).toBeGreaterThanOrEqual(400);
    }
    // Dot segments are resolved by the URL itself (to the root at most); encoded slashes are refused.
    expect(resolveAppRequest('app://pamoja/%2e%2e/%2e%2e/package.json', root)).toMatchObject({ ok: true, file: path.join(root, 'package.json') });
    expect(resolveAppRequest('app://pamoja/assets/%2e%2e%2f%2e%2e%2fmain.js', root)).toEqual({ ok: false, status: 404 });
  });

  it('refuses other hosts, schemes, unknown file types and malformed escapes', () => {
    expect(resolveAppRequest('app://evil/index.html', root)).toEqual({ ok: false, status: 404 });
    expect(resolveAppRequest('file:///opt/index.html', root)).toEqual({ ok: false, status: 404 });
    expect(resolveAppRequest('app://pamoja/assets/app.asar', root)).toEqual({ ok: false, status: 404 });
    expect(resolveAppRequest('app://pamoja/%E0%A4%A', root)).toEqual({ ok: false, status: 400 });
    expect(resolveAppRequest('not a url', root)).toEqual({ ok: false, status: 400 });
  });

  it('holds on Windows paths too', () => {
    const winRoot = 'C:\\Program Files\\Pamoja JWP\\resources\\app.asar\\out\\renderer';
    expect(resolveAppRequest('app://pamoja/assets/a.css', winRoot, path.win32)).toEqual({
      ok: true,
      file: `${winRoot}\\assets\\a.css`,
      contentType: 'text/css; charset=utf-8',
    });
    for (const url of ['app://pamoja/..%5C..%5Cmain.js', 'app://pamoja/D:%5Csecrets.json', 'app://pamoja/%2e%2e%5cx.js', 'app://pamoja/assets\\..\\..\\x.js']) {
      expect(resolveAppRequest(url, winRoot, path.win32), url).toMatchObject({ ok: false });
    }
  });
});
