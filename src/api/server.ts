import { serve, type ServerType } from '@hono/node-server';
import { CorroborateError } from '../doc/errors.js';
import type { JobQueue } from '../queue/queue.js';
import { createAnalyser, defaultThreads } from '../pipeline/analyser.js';
import type { Store } from '../store/store.js';
import { createApp } from './app.js';

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

export interface ServeOptions {
  store: Store;
  /** With a queue, posted articles are enqueued for workers (see `AppOptions.queue`). */
  queue?: JobQueue;
  port?: number;
  host?: string;
  token?: string | undefined;
  allowedOrigins?: string[];
  /** Worker threads for the analyses (default one per core; 0 analyses on the event loop, for tests only). */
  threads?: number;
}

/**
 * How long an idle keep-alive connection stays open, in ms. Node's default (5 s) sits just above
 * the idle time after which clients stop reusing a connection (undici's fetch: the server's
 * `Keep-Alive: timeout` less 2 s), and the server's idle timer is checked before the socket is
 * read: when the event loop was held up for those last seconds, a request the client had just
 * sent on the connection found it closed under it (`ECONNRESET`, issue 13's load run). A long
 * timeout puts that race out of reach of any hold-up the server has; idle sockets cost little.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/** RFC 6750's b64token (token68): what a bearer token may hold, so a correct header can always carry it. */
const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*$/;

/**
 * Starts the API and web UI. Without a token the server only binds loopback: writes would
 * otherwise be open to anyone who can reach the port. Posted articles and stale story analyses
 * are analysed in a pool of worker threads, never on the event loop, so reads are answered while
 * writes are analysed; the pool ends when the server closes.
 */
export async function startServer({ store, queue, port = DEFAULT_PORT, host = DEFAULT_HOST, token, allowedOrigins = [], threads = defaultThreads() }: ServeOptions): Promise<{ server: ServerType; url: string }> {
  if (token && !TOKEN68.test(token))
    throw new CorroborateError('bad-option', 'CORROBORATE_TOKEN holds characters a bearer token cannot carry: use letters, digits and - . _ ~ + / (with = only at the end)');
  for (const origin of allowedOrigins)
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) throw new CorroborateError('bad-option', `--allowed-origins: "${origin}" is not an origin (scheme://host[:port], no path)`);
  if (!token && !LOOPBACK.test(host))
    throw new CorroborateError('bad-option', `refusing to serve on ${host} without a token: set CORROBORATE_TOKEN, or use --host 127.0.0.1`);
  // Analyses run in the background: reads are answered first when the cores are busy.
  const analyser = createAnalyser(threads, { background: true });
  const app = createApp({ store, ...(queue ? { queue } : {}), token, allowedOrigins, analyser });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
      const shown = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({ server, url: `http://${shown}:${info.port}` });
    });
    if ('keepAliveTimeout' in server) {
      server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
      // Node wants the header deadline above the keep-alive one, else an idle connection's next request can be cut short.
      server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
    }
    server.once('error', (error) => {
      void analyser.close();
      reject(error);
    });
    server.once('close', () => void analyser.close());
  });
}
