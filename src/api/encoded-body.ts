import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Context } from 'hono';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * Brotli quality for bodies compressed once per story version or store generation: the home page
 * is compressed again after every commit, so the level is one that costs about what gzip's
 * default does (~1–2 ms for a 100 KB page) while still beating it on size; 11 would cost ~50×.
 */
const BROTLI_QUALITY = 5;
/** Below this a body is sent as it is: compression saves less than its headers and work cost. */
const MIN_COMPRESSED_BYTES = 1024;

type Coding = 'br' | 'gzip';

/**
 * A response body kept in memory (a story's JSON or page, a list page, a search), with its
 * compressed forms made once, on the first request that accepts each, instead of per request:
 * a story answer is ~100 KB, and sending it whole cost the server more than anything else a
 * cached read does. The compression runs on libuv's thread pool, off the event loop; concurrent
 * first requests share it. The ETag is a hash of the uncompressed bytes, so a client that has the
 * body gets a 304.
 */
export class EncodedBody {
  readonly etag: string;
  private readonly compressed = new Map<Coding, Promise<Uint8Array>>();

  constructor(readonly bytes: Uint8Array<ArrayBuffer>) {
    this.etag = createHash('sha1').update(bytes).digest('base64url');
  }

  static ofText(text: string): EncodedBody {
    return new EncodedBody(new TextEncoder().encode(text));
  }

  get length(): number {
    return this.bytes.length;
  }

  private encoded(coding: Coding): Promise<Uint8Array> {
    let body = this.compressed.get(coding);
    if (!body) {
      body = coding === 'br' ? brotli(this.bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: this.bytes.length } }) : gzipped(this.bytes);
      this.compressed.set(coding, body);
      // A failure is answered once (uncompressed), not kept.
      body.catch(() => this.compressed.delete(coding));
    }
    return body;
  }

  /**
   * The response for `c`'s request: 304 when its `If-None-Match` names this body, else the body
   * in the best coding its `Accept-Encoding` allows. Each coding has its own strong ETag (they are
   * different bytes), and `Vary` tells caches that the answer depends on the header.
   */
  async respond(c: Context, contentType: string): Promise<Response> {
    const coding = this.length >= MIN_COMPRESSED_BYTES ? preferredCoding(c.req.header('accept-encoding')) : null;
    const etag = `"${this.etag}${coding ? `-${coding}` : ''}"`;
    const headers: Record<string, string> = { 'content-type': contentType, vary: 'Accept-Encoding', etag, 'cache-control': 'no-cache' };
    if (matchesAny(c.req.header('if-none-match'), this.etag)) return c.body(null, 304, headers);
    if (!coding) return c.body(this.bytes, 200, headers);
    const body = await this.encoded(coding).catch(() => null);
    if (!body) return c.body(this.bytes, 200, { ...headers, etag: `"${this.etag}"` });
    return c.body(body as Uint8Array<ArrayBuffer>, 200, { ...headers, 'content-encoding': coding });
  }
}

/** Brotli when the client takes it, else gzip, else none; a coding with `q=0` is refused (RFC 9110 §12.5.3). */
export function preferredCoding(acceptEncoding: string | undefined): Coding | null {
  if (!acceptEncoding) return null;
  const quality = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    quality.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const accepts = (coding: string) => (quality.get(coding) ?? quality.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return null;
}

/** Whether an `If-None-Match` header names the body with this hash, in any of its codings (weak comparison, as RFC 9110 asks for it). */
function matchesAny(ifNoneMatch: string | undefined, hash: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => {
    const opaque = tag.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
    return opaque === hash || opaque === `${hash}-br` || opaque === `${hash}-gzip`;
  });
}
