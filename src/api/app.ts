import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { bearerAuth } from 'hono/bearer-auth';
import { validator } from 'hono/validator';
import type { z } from 'zod';
import { inlineAnalyser, type Analyser } from '../pipeline/analyser.js';
import { deleteArticle, ingestInputs, type IngestReport } from '../pipeline/analyze.js';
import type { Fetcher } from '../ingest/fetch/fetch-url.js';
import { StoryExportCache } from './story-cache.js';
import { GenerationCache } from './read-cache.js';
import { EncodedBody } from './encoded-body.js';
import type { InputFile } from '../ingest/read-inputs.js';
import { charsetOfContentType } from '../ingest/markup-encoding.js';
import { MARK_END, MARK_START, type Store } from '../store/store.js';
import { webRoutes } from '../web/routes.js';
import { changesSince } from '../web/feed.js';
import { ApiError, errorBody } from './errors.js';
import { openApiDocument } from './openapi.js';
import { refuseOtherMethods } from './methods.js';
import { parseArticlesBody, IdParamSchema, JobAcceptedSchema, JobIdParamSchema, JobStatusSchema, PageQuerySchema, SearchQuerySchema } from './schemas.js';
import { fileOutcome, toJobInput } from '../queue/jobs.js';
import type { IngestJobStatus, JobQueue } from '../queue/queue.js';

export interface AppOptions {
  store: Store;
  /**
   * A job queue: `POST /api/articles` then enqueues the articles (202 with a job id, followed at
   * `GET /api/jobs/:id`) for `corroborate worker`, which also runs the story stage; stories are
   * served with their stored analysis as it is, never analysed on a read unless never analysed.
   */
  queue?: JobQueue;
  /** Bearer token required for writes; without one, writes are open (the server binds loopback only). */
  token?: string | undefined;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
  /**
   * Without a token: origins (`https://desk.example`) whose pages may write besides the server's
   * own. A write from any other origin, or addressed to a host name that is not loopback, is refused.
   */
  allowedOrigins?: string[];
  /** Fetches the pages the add form names by URL (default: public addresses only, see ingest/fetch). */
  fetcher?: Fetcher;
  /** Where posted articles and stale stories are analysed: `startServer` passes worker threads; default the calling thread (tests). */
  analyser?: Analyser;
}

/** Answers kept encoded (see EncodedBody) carry the type `c.json` would give. */
const JSON_TYPE = 'application/json; charset=UTF-8';

/** Host names a tokenless (loopback-only) server answers writes for; any other name is DNS rebinding. */
const LOOPBACK_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?$/i;

/** Large enough for a long article with its HTML; small enough that one request cannot exhaust memory. */
export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;

/** Validates one request target with a zod schema; failures are 400s with the zod issues as details. */
const valid = <T extends z.ZodType>(target: 'query' | 'param' | 'json', schema: T) =>
  validator(target, (value) => {
    const parsed = schema.safeParse(value);
    if (!parsed.success)
      throw new ApiError(400, 'invalid-request', `invalid ${target === 'param' ? 'path' : target}: ${parsed.error.issues.map((i) => `${i.path.join('.') || target}: ${i.message}`).join('; ')}`, parsed.error.issues);
    return parsed.data as z.infer<T>;
  });

/**
 * The HTTP API and the web UI of one store. Tested without a server through `app.request()`.
 */
export function createApp({ store, queue, token, maxBodyBytes = DEFAULT_MAX_BODY_BYTES, allowedOrigins = [], analyser = inlineAnalyser, fetcher }: AppOptions): Hono {
  const app = new Hono();
  // With a queue, story jobs analyse: a read serves the stored analysis and analyses (in the pool) only a story never analysed.
  const stories = new StoryExportCache(store, { analyze: analyser.story, concurrency: analyser.threads, ...(queue ? { serveStored: true } : {}) });
  // Posts, deletes and reads share one analysis per story (see StoryExportCache.refresh).
  const storyStage = (ids: string[]) => stories.refresh(ids);
  // Lists and searches read the whole store: kept until the next commit.
  const reads = new GenerationCache(store);
  const writeGuard = token ? bearerAuth({ token, noAuthenticationHeader: { message: errorBody('unauthorized', 'a bearer token is required for writes') }, invalidToken: { message: errorBody('unauthorized', 'the bearer token is not valid') } }) : undefined;
  const limit = bodyLimit({
    maxSize: maxBodyBytes,
    onError: () => {
      throw new ApiError(413, 'body-too-large', `the request body is over ${maxBodyBytes} bytes`);
    },
  });

  // Every write under /api needs the token; reads stay open. Without a token, a browser page on
  // another site (a cross-site form or text/plain POST needs no preflight) or a rebound DNS name
  // could write through the user's browser: writes must come from the server's own origin.
  app.use('/api/*', async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    if (writeGuard) return writeGuard(c, next);
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    if (!LOOPBACK_HOST.test(host)) throw new ApiError(403, 'forbidden-host', `writes without a token are accepted only for a loopback host name, not "${host}"`);
    const origin = c.req.header('origin');
    if (origin !== undefined && origin !== `http://${host}` && !allowedOrigins.includes(origin))
      throw new ApiError(403, 'forbidden-origin', `writes from ${origin} are refused: only this server's own pages (or --allowed-origins) may write without a token`);
    return next();
  });

  app.post('/api/articles', limit, async (c) => {
    const files = await articleInputs(c);
    if (queue) {
      const jobId = await queue.enqueueIngest({ inputs: files.map(toJobInput) });
      c.header('Location', `/api/jobs/${jobId}`);
      return c.json(JobAcceptedSchema.parse({ jobId, state: 'created', location: `/api/jobs/${jobId}` }), 202);
    }
    const report = await ingestInputs(store, files, { analyser, storyStage });
    return c.json(ingestBody(report), report.added > 0 ? 201 : report.failed === report.files.length ? 400 : 200);
  });

  app.get('/api/jobs/:id', valid('param', JobIdParamSchema), async (c) => {
    const { id } = c.req.valid('param');
    if (!queue) throw new ApiError(404, 'not-found', 'this server has no job queue (start it with --queue): articles are stored when posted');
    const job = await queue.ingestJob(id);
    if (!job) throw new ApiError(404, 'not-found', `no job ${id}`);
    return c.json(JobStatusSchema.parse(jobBody(job)));
  });

  app.get('/api/stories', valid('query', PageQuerySchema), async (c) => {
    const { limit: pageSize, offset } = c.req.valid('query');
    // Stored figures only (the stored analyses' columns and the articles table): a list never builds or reads a story's analysis.
    const body = await reads.get(`stories ${pageSize} ${offset}`, async () => {
      const [cards, counts] = await Promise.all([store.pageStoryCards(pageSize, offset), store.counts()]);
      return EncodedBody.ofText(JSON.stringify({ stories: cards, limit: pageSize, offset, total: counts.stories }));
    });
    return body.respond(c, JSON_TYPE);
  });

  app.get('/api/stories/:id', valid('param', IdParamSchema), async (c) => {
    const { id } = c.req.valid('param');
    const json = await stories.getJson(id);
    if (!json) throw new ApiError(404, 'not-found', `no story ${id}`);
    return json.respond(c, JSON_TYPE);
  });

  app.get('/api/stories/:id/changes', valid('param', IdParamSchema), async (c) => {
    const { id } = c.req.valid('param');
    const story = (await stories.get(id))?.stories[0];
    if (!story) throw new ApiError(404, 'not-found', `no story ${id}`);
    return c.json({ storyId: id, version: story.version ?? null, changes: changesSince(story, c.req.query('since')) });
  });

  app.get('/api/articles/:id', valid('param', IdParamSchema), async (c) => {
    const { id } = c.req.valid('param');
    const storyId = await store.storyOf(id);
    const article = storyId ? (await stories.get(storyId))?.articles.find((a) => a.id === id) : undefined;
    if (!article) throw new ApiError(404, 'not-found', `no article ${id}`);
    return c.json({ ...article, storyId });
  });

  app.delete('/api/articles/:id', valid('param', IdParamSchema), async (c) => {
    const { id } = c.req.valid('param');
    const deleted = await deleteArticle(store, id, analyser, storyStage);
    if (!deleted) throw new ApiError(404, 'not-found', `no article ${id}`);
    return c.json({ deleted: id, ...deleted });
  });

  app.get('/api/search', valid('query', SearchQuerySchema), async (c) => {
    const { q, limit: max } = c.req.valid('query');
    const body = await reads.get(`search ${max} ${q}`, async () => {
      const hits = await store.search(q, max);
      return EncodedBody.ofText(JSON.stringify({ hits: hits.map((h) => ({ ...h, snippet: h.snippet.replaceAll(MARK_START, '«').replaceAll(MARK_END, '»') })) }));
    });
    return body.respond(c, JSON_TYPE);
  });

  const openApi = openApiDocument();
  app.get('/api/openapi.json', (c) => c.json(openApi));

  app.route('/', webRoutes(store, stories, { token, maxBodyBytes, analyser, reads, ...(fetcher ? { fetcher } : {}), ...(queue ? { queue } : {}) }));
  refuseOtherMethods(app);

  app.notFound((c) => c.json(errorBody('not-found', `no route ${c.req.method} ${c.req.path}`), 404));
  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json(errorBody(error.code, error.message, error.details), error.status);
    if ('getResponse' in error && typeof error.getResponse === 'function') return error.getResponse() as Response;
    console.error(error);
    return c.json(errorBody('internal', 'internal error'), 500);
  });
  return app;
}

/** Body types read as a page or a feed; the content itself decides which (see ingest/dispatch). */
const DOCUMENT_TYPES = new Set(['text/html', 'application/xhtml+xml', 'application/xml', 'text/xml', 'application/rss+xml', 'application/atom+xml', 'application/feed+json']);

/** Request body → inputs: JSON (one article or `{articles: […]}`), a plain-text article, an HTML page or a feed. */
async function articleInputs(c: Context): Promise<InputFile[]> {
  const contentType = c.req.header('content-type') ?? '';
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type === 'text/plain' || DOCUMENT_TYPES.has(type)) {
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    return [{ input: 'api', bytes, sidecar: null, transportCharset: charsetOfContentType(contentType) }];
  }
  if (type !== 'application/json') throw new ApiError(415, 'unsupported-media-type', `send application/json, text/plain, text/html or a feed (RSS, Atom, JSON Feed), not "${type || 'no content type'}"`);
  let json: unknown;
  try {
    json = await c.req.json();
  } catch (error) {
    throw new ApiError(400, 'invalid-json', `the body is not valid JSON (${(error as Error).message})`);
  }
  const parsed = parseArticlesBody(json);
  if (!parsed.success)
    throw new ApiError(400, 'invalid-request', `invalid body: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`, parsed.error.issues);
  const articles = 'articles' in parsed.data ? parsed.data.articles : [parsed.data];
  return articles.map(({ text, ...sidecar }, i) => ({ input: `api:${i}`, bytes: new TextEncoder().encode(text), sidecar }));
}

function ingestBody(report: IngestReport) {
  return { added: report.added, unchanged: report.unchanged, failed: report.failed, results: report.files.map(fileOutcome) };
}

/** A job as `GET /api/jobs/:id` shows it: its state, then (once completed) its articles, stories and their errors. */
function jobBody(job: IngestJobStatus) {
  const articles = job.result?.articles ?? [];
  return {
    id: job.id,
    state: job.state,
    retries: job.retries,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    completedAt: job.completedAt,
    articles: articles.filter((a) => a.status !== 'failed'),
    stories: job.result?.stories ?? [],
    errors: [...articles.flatMap((a) => (a.error ? [{ input: a.input, ...a.error }] : [])), ...(job.error ? [{ input: null, code: 'job-failed', message: job.error }] : [])],
  };
}
