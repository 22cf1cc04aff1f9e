import path from 'node:path';
import { RENDERER_CONTENT_TYPES } from '../renderer-content-types';

/**
 * The renderer is served from `app://pamoja/…`, a protocol of the app's own, instead of file://:
 * a page on file:// may read any other local file, and every file:// page shares one origin.
 * These are the protocol's decisions as pure functions, tested in plain Node (main.ts wires them
 * to Electron's `protocol.handle`).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'pamoja';
/** The page the window loads; screens are routes in its #hash. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export type AppFile = { ok: true; file: string; contentType: string } | { ok: false; status: 400 | 404 };

/**
 * The file of the renderer build an `app://pamoja/…` request names, or why none is served. Only
 * files inside `rendererDir` and of the build's own types are served, whatever the URL says:
 * dot segments, encoded slashes and backslashes, drive letters, NUL bytes and other hosts are
 * refused. `platformPath` is the path module of the platform (tests pass path.win32 too).
 */
export function resolveAppRequest(url: string, rendererDir: string, platformPath: path.PlatformPath = path): AppFile {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, status: 400 };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return { ok: false, status: 404 };
  let relative: string;
  try {
    relative = decodeURIComponent(parsed.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (relative === '/' || relative === '') relative = '/index.html';
  // After decoding, a path is plain segments: nothing that a file system reads as a separator,
  // a drive, a parent folder or the end of a string.
  if (/[\\\0:]/.test(relative) || relative.split('/').some((segment) => segment === '..' || segment === '.')) return { ok: false, status: 404 };
  const root = platformPath.resolve(rendererDir);
  const file = platformPath.resolve(root, ...relative.split('/').filter(Boolean));
  if (!file.startsWith(root + platformPath.sep)) return { ok: false, status: 404 };
  const contentType = RENDERER_CONTENT_TYPES[platformPath.extname(file).toLowerCase()];
  if (!contentType) return { ok: false, status: 404 };
  return { ok: true, file, contentType };
}
