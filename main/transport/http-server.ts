import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { HTTP_API_PREFIX, HTTP_TOKEN_HEADER, HTTP_TOKEN_META } from '../../shared/api/contract';
import type { Dispatch } from './dispatcher';

export interface WebShellOptions {
  dispatch: Dispatch;
  /** The built renderer (out/renderer); without it the API is still served. */
  staticDir: string;
  port?: number;
  /** Fixed in tests; otherwise a fresh random token each run. */
  token?: string;
}

export interface WebShell {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 20 * 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * The "web shell": the same renderer and API as the Electron app, on 127.0.0.1 only. It is not a door
 * for other web pages: the Host must be this server (against DNS rebinding), a cross-origin Origin is
 * refused, and API calls must carry the per-run token that only the served page receives.
 */
export function startWebShell(options: WebShellOptions): Promise<WebShell> {
  const token = options.token ?? randomBytes(24).toString('hex');
  let port = options.port ?? 0;

  const server = http.createServer((request, response) => {
    const send = (status: number, body: string | Buffer, type = 'text/plain; charset=utf-8') => {
      response.writeHead(status, {
        'content-type': type,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      });
      response.end(body);
    };
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(request.headers.host ?? '')) return send(421, 'Unknown host.');
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedHosts.map((h) => `http://${h}`).includes(origin)) return send(403, 'Cross-origin requests are refused.');

    const url = new URL(request.url ?? '/', `http://${request.headers.host}`);
    if (url.pathname.startsWith(HTTP_API_PREFIX)) {
      if (request.method !== 'POST') return send(405, 'Use POST.');
      if (request.headers[HTTP_TOKEN_HEADER] !== token) return send(403, 'Missing or wrong token.');
      readBody(request)
        .then((body) => {
          let input: unknown;
          try {
            input = body.length ? JSON.parse(body.toString('utf8')) : {};
          } catch {
            return send(400, JSON.stringify({ ok: false, error: { code: 'invalid_input', message: 'The request was not valid JSON.' } }), 'application/json');
          }
          const result = options.dispatch(decodeURIComponent(url.pathname.slice(HTTP_API_PREFIX.length)), input);
          send(200, JSON.stringify(result), 'application/json');
        })
        .catch(() => send(413, JSON.stringify({ ok: false, error: { code: 'invalid_input', message: 'The request is too large.' } }), 'application/json'));
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, 'Method not allowed.');
    serveStatic(options.staticDir, url.pathname, token, send);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      port = typeof address === 'object' && address ? address.port : port;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        port,
        token,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

function readBody(request: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too large'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function serveStatic(root: string, pathname: string, token: string, send: (status: number, body: string | Buffer, type?: string) => void): void {
  const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
  const file = path.resolve(root, relative);
  // Only files inside the renderer build are served, whatever the path says.
  if (!file.startsWith(path.resolve(root) + path.sep)) return send(404, 'Not found.');
  const target = fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(root, 'index.html');
  if (!fs.existsSync(target)) {
    return send(503, 'The screens are not built yet. Run `npm run build` (npm run web does it for you).');
  }
  const extension = path.extname(target);
  if (extension === '.html') {
    const html = fs.readFileSync(target, 'utf8').replace('</head>', `<meta name="${HTTP_TOKEN_META}" content="${token}"></head>`);
    return send(200, html, CONTENT_TYPES['.html']);
  }
  send(200, fs.readFileSync(target), CONTENT_TYPES[extension] ?? 'application/octet-stream');
}
