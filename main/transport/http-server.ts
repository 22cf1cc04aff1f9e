import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { HTTP_API_PREFIX, HTTP_TOKEN_HEADER } from '../../shared/api/contract';
import type { Dispatch } from './dispatcher';
import { decodePath, jsonError, type Send } from './http-answers';
import { serveStatic } from './http-static';

export interface WebShellOptions {
  dispatch: Dispatch;
  /** The built renderer (out/renderer); without it the API is still served. */
  staticDir: string;
  port?: number;
  /** Fixed in tests; otherwise a fresh random token each run. */
  token?: string;
  /** Where a request that failed inside the server is reported (the console by default). */
  log?: (message: string) => void;
}

export interface WebShell {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 20 * 1024 * 1024;

class BodyTooLarge extends Error {}

/**
 * The "web shell": the same renderer and API as the Electron app, on 127.0.0.1 only. It is not a door
 * for other web pages: the Host must be this server (against DNS rebinding), a cross-origin Origin is
 * refused, and API calls must carry the per-run token that only the served page receives.
 *
 * Any page the user visits can send requests here (an `<img src>` needs no token), so no request,
 * however malformed, may end the process: a bad address answers 400, a failure inside a handler
 * answers 500 and is logged, and nothing thrown escapes to Node's uncaught-exception handler.
 */
export function startWebShell(options: WebShellOptions): Promise<WebShell> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const log = options.log ?? ((message: string) => console.error(message));
  let port = options.port ?? 0;

  const server = http.createServer((request, response) => {
    const send = answerer(response);
    try {
      route(request, send);
    } catch (error) {
      fail(send, log, request, error);
    }
  });
  // A request Node cannot even parse (a broken request line, an oversized header) gets a plain 400.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  function route(request: http.IncomingMessage, send: Send): void {
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    const host = request.headers.host ?? '';
    if (!allowedHosts.includes(host)) return send(421, 'Unknown host.');
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedHosts.map((h) => `http://${h}`).includes(origin)) return send(403, 'Cross-origin requests are refused.');

    const pathname = pathOf(request.url ?? '/');
    if (pathname === null) return send(400, 'The address is not valid.');
    if (pathname.startsWith(HTTP_API_PREFIX)) {
      if (request.method !== 'POST') return send(405, 'Use POST.');
      if (request.headers[HTTP_TOKEN_HEADER] !== token) return send(403, 'Missing or wrong token.');
      // The method name is decoded before the body is read: a bad escape is the caller's mistake (400).
      const method = decodePath(pathname.slice(HTTP_API_PREFIX.length));
      if (method === null) return send(400, jsonError('The operation name in the address is not valid.'), 'application/json');
      readBody(request).then(
        (body) => {
          try {
            answerCall(body, method, send);
          } catch (error) {
            fail(send, log, request, error);
          }
        },
        (error: unknown) => {
          if (error instanceof BodyTooLarge) send(413, jsonError('The request is too large.'), 'application/json', true);
          // Otherwise the client went away mid-request: there is nobody to answer.
          else request.destroy();
        },
      );
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, 'Method not allowed.');
    serveStatic(options.staticDir, pathname, token, send);
  }

  function answerCall(body: Buffer, method: string, send: Send): void {
    let input: unknown;
    try {
      input = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch {
      return send(400, jsonError('The request was not valid JSON.'), 'application/json');
    }
    send(200, JSON.stringify(options.dispatch(method, input)), 'application/json');
  }

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

/** The path of a request target (`/api/x?y` → `/api/x`), or null when it is not a path at all. */
function pathOf(target: string): string | null {
  if (!target.startsWith('/')) return null;
  try {
    return new URL(target, 'http://127.0.0.1').pathname;
  } catch {
    return null;
  }
}

function answerer(response: http.ServerResponse): Send {
  return (status, body, type = 'text/plain; charset=utf-8', close = false) => {
    if (response.headersSent) {
      response.destroy();
      return;
    }
    response.writeHead(status, {
      'content-type': type,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      ...(close ? { connection: 'close' } : {}),
    });
    response.end(body);
  };
}

/** A failure inside the server: logged with what was asked, answered 500 without a stack. */
function fail(send: Send, log: (message: string) => void, request: http.IncomingMessage, error: unknown): void {
  try {
    log(
      `The web shell could not answer ${request.method ?? '?'} ${String(request.url).slice(0, 200)}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  } finally {
    send(500, jsonError('Something went wrong and nothing was saved. The details are in the log.', 'internal'), 'application/json');
  }
}

function readBody(request: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge());
        request.pause();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
    request.on('aborted', () => reject(new Error('aborted')));
  });
}
