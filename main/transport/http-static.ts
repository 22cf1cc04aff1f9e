import fs from 'node:fs';
import path from 'node:path';
import { HTTP_TOKEN_META } from '../../shared/api/contract';
import { decodePath, type Send } from './http-answers';
import { RENDERER_CONTENT_TYPES } from '../renderer-content-types';

/**
 * A file of the renderer build, or its index.html for in-app routes. Only files inside the build
 * folder are served, whatever the path says; the page gets the per-run API token in a meta tag.
 */
export function serveStatic(root: string, pathname: string, token: string, send: Send): void {
  const decoded = pathname === '/' ? 'index.html' : decodePath(pathname);
  if (decoded === null) return send(400, 'The address is not valid.');
  if (decoded.includes('\0')) return send(404, 'Not found.');
  const file = path.resolve(root, decoded.replace(/^\/+/, ''));
  if (!file.startsWith(path.resolve(root) + path.sep)) return send(404, 'Not found.');
  const target = isFile(file) ? file : path.join(root, 'index.html');
  if (!isFile(target)) {
    return send(503, 'The screens are not built yet. Run `npm run build` (npm run web does it for you).');
  }
  const extension = path.extname(target);
  if (extension === '.html') {
    const html = fs.readFileSync(target, 'utf8').replace('</head>', `<meta name="${HTTP_TOKEN_META}" content="${token}"></head>`);
    return send(200, html, RENDERER_CONTENT_TYPES['.html']);
  }
  send(200, fs.readFileSync(target), RENDERER_CONTENT_TYPES[extension] ?? 'application/octet-stream');
}

/** False for anything that is not a readable regular file, including names the OS refuses (too long). */
function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
