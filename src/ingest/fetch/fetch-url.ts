import { lookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { CorroborateError } from '../../doc/errors.js';
import { isNonPublicAddress } from './address-policy.js';

/** Whole-request time limit, first lookup to last byte, redirects included. */
export const DEFAULT_FETCH_TIMEOUT_MS = 15_000;
/** A page or feed larger than this is refused (the same default cap as files). */
export const DEFAULT_FETCH_MAX_BYTES = 20 * 1024 * 1024;
/** Redirects followed before giving up (each hop is checked like the first). */
export const DEFAULT_MAX_REDIRECTS = 5;

/** What a fetch gives the ingest stage: the bytes and what the server said about them. */
export interface Fetched {
  /** The URL as asked. */
  url: string;
  /** The URL after redirects. */
  finalUrl: string;
  contentType: string | null;
  bytes: Uint8Array;
}

/** Injected into ingest, so stages stay pure and tests can pass a fake. */
export type Fetcher = (url: string) => Promise<Fetched>;

export interface FetcherOptions {
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** Allow private, loopback and link-local addresses (tests, intranets). */
  allowPrivate?: boolean;
  /** Name resolution, injectable for tests. */
  resolve?: (host: string) => Promise<string[]>;
  /** Which addresses are refused (default: private, loopback, link-local); ignored with `allowPrivate`. */
  isBlocked?: (address: string) => boolean;
}

const defaultResolve = async (host: string): Promise<string[]> => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/**
 * A fetcher for http(s) URLs with a timeout, a size cap and limited redirects. Before each hop
 * the host is resolved and every address checked: a name that resolves to any private, loopback
 * or link-local address is refused unless `allowPrivate`. The connection then goes to the
 * checked address (not a second lookup), so a name cannot change its answer in between.
 *
 * @example
 *   const fetchUrl = createFetcher({ timeoutMs: 5000 });
 *   const page = await fetchUrl('https://example.com/news/1');
 */
export function createFetcher(options: FetcherOptions = {}): Fetcher {
  const { timeoutMs = DEFAULT_FETCH_TIMEOUT_MS, maxBytes = DEFAULT_FETCH_MAX_BYTES, maxRedirects = DEFAULT_MAX_REDIRECTS, allowPrivate = false, resolve = defaultResolve, isBlocked = isNonPublicAddress } = options;
  const blocked = allowPrivate ? () => false : isBlocked;
  return async function fetchUrl(url: string): Promise<Fetched> {
    // One deadline for the whole request (every hop's lookup, connect, headers and body): an idle
    // timer alone lets a server that trickles a byte at a time hold the fetch for ever.
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), timeoutMs);
    try {
      return await fetchWithin(url, deadline.signal);
    } catch (error) {
      if (deadline.signal.aborted) throw new CorroborateError('unreadable', `${url}: timed out after ${timeoutMs / 1000} s (the limit covers connecting, headers and body)`, { subject: url, cause: error });
      throw error;
    } finally {
      clearTimeout(timer);
    }
  };

  async function fetchWithin(url: string, signal: AbortSignal): Promise<Fetched> {
    let current = parseUrl(url, url);
    for (let hop = 0; ; hop++) {
      const address = await abortable(checkedAddress(current, url, blocked, resolve), signal);
      const response = await get(current, address, signal, url);
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && response.headers.location) {
        response.resume();
        if (hop >= maxRedirects) throw new CorroborateError('unreadable', `${url}: more than ${maxRedirects} redirects`, { subject: url });
        current = parseUrl(new URL(response.headers.location, current).toString(), url);
        continue;
      }
      if (status < 200 || status >= 300) {
        response.resume();
        throw new CorroborateError('unreadable', `${url}: the server answered HTTP ${status}`, { subject: url });
      }
      const bytes = await readCapped(response, maxBytes, signal, url);
      return { url, finalUrl: current.toString(), contentType: response.headers['content-type'] ?? null, bytes };
    }
  }
}

/** A promise that rejects when `signal` aborts (a name lookup cannot be cancelled, only left behind). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new Error('aborted'));
  return new Promise((resolvePromise, reject) => {
    const onAbort = () => reject(new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolvePromise(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function parseUrl(value: string, subject: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new CorroborateError('bad-input', `${subject}: not a valid URL`, { subject });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new CorroborateError('bad-input', `${subject}: only http and https URLs are fetched (got ${parsed.protocol})`, { subject });
  return parsed;
}

async function checkedAddress(url: URL, subject: string, isBlocked: (address: string) => boolean, resolve: (host: string) => Promise<string[]>): Promise<string> {
  // The URL parser keeps IPv6 hosts in brackets and writes IPv4-mapped ones in hex ([::ffff:7f00:1]).
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await resolve(host);
  } catch (error) {
    throw new CorroborateError('unreadable', `${subject}: cannot resolve ${host} (${(error as Error).message})`, { subject, cause: error });
  }
  if (addresses.length === 0) throw new CorroborateError('unreadable', `${subject}: ${host} has no address`, { subject });
  const blocked = addresses.find(isBlocked);
  if (blocked)
    throw new CorroborateError('bad-input', `${subject}: refused: ${host} resolves to ${blocked}, a private, loopback or link-local address (use --allow-private to fetch it)`, { subject });
  return addresses[0]!;
}

function get(url: URL, address: string, signal: AbortSignal, subject: string): Promise<IncomingMessage> {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolvePromise, reject) => {
    const req = request(
      url,
      {
        method: 'GET',
        headers: { 'user-agent': 'corroborate (+news cross-checking)', accept: 'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5' },
        // Connect to the address that was checked; Node asks for a list or for one address depending on `all`.
        lookup: (_host: string, opts: { all?: boolean }, callback: (...args: unknown[]) => void) =>
          opts.all ? callback(null, [{ address, family: isIP(address) }]) : callback(null, address, isIP(address)),
        servername: isIP(url.hostname) ? undefined : url.hostname,
        signal,
      } as never,
      resolvePromise,
    );
    req.on('error', (error) => reject(error instanceof CorroborateError ? error : new CorroborateError('unreadable', `${subject}: ${error.message}`, { subject, cause: error })));
    req.end();
  });
}

function readCapped(response: IncomingMessage, maxBytes: number, signal: AbortSignal, subject: string): Promise<Uint8Array> {
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    return Promise.reject(new CorroborateError('too-large', `${subject}: ${declared} bytes is over the size cap of ${maxBytes} bytes`, { subject }));
  }
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const onAbort = () => response.destroy(new Error('aborted'));
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    const done = () => signal.removeEventListener('abort', onAbort);
    response.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length > maxBytes) response.destroy(new CorroborateError('too-large', `${subject}: over the size cap of ${maxBytes} bytes`, { subject }));
      else chunks.push(chunk);
    });
    response.on('end', () => {
      done();
      resolvePromise(Buffer.concat(chunks));
    });
    response.on('error', (error) => {
      done();
      reject(error instanceof CorroborateError ? error : new CorroborateError('unreadable', `${subject}: ${error.message}`, { subject, cause: error }));
    });
  });
}
