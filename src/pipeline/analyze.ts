import { entitiesStage } from '../analyze/entities/extract.js';
import { quotesStage } from '../analyze/quotes/quotes.js';
import { sentencesStage } from '../analyze/sentences.js';
import { timexesStage } from '../analyze/time/stage.js';
import { asInputError, CorroborateError, isCorroborateError } from '../doc/errors.js';
import type { Doc, Message } from '../doc/types.js';
import { buildExport } from '../export/build.js';
import type { StoryExport } from '../export/types.js';
import { docsFromInput as readDocs } from '../ingest/dispatch.js';
import { createFetcher, type Fetcher } from '../ingest/fetch/fetch-url.js';
import { charsetOfContentType } from '../ingest/markup-encoding.js';
import type { MetaOverrides } from '../ingest/plain-text.js';
import { expandPaths, readInput, type InputFailure, type InputFile, type ReadOptions, type ReadResult } from '../ingest/read-inputs.js';
import { openStore, storeLocation } from '../store/open.js';
import type { Store } from '../store/store.js';
import { eventStage } from '../cluster/signature.js';
import { capText, cleanTitle } from './cap-text.js';
import { placeArticle } from './cluster-article.js';
import { refreshStoryAnalyses, storyAnalyses, type StoryAnalysesOptions } from './story-analyses.js';
import { buildPipeline, type StageContext } from './stage.js';

/** The per-document analysis, in order; `buildPipeline` checks that each stage's inputs exist. */
export const processDoc = buildPipeline([sentencesStage, timexesStage, entitiesStage, quotesStage, eventStage]);

export interface IngestOptions extends ReadOptions {
  /** Force an input encoding instead of detecting it. */
  encoding?: string;
  meta?: MetaOverrides;
  /** Called after each input, for progress display. */
  onProgress?: (progress: { done: number; total: number; input: string }) => void;
  ctx?: StageContext;
  /** Clean text analysed and stored per article (default `DEFAULT_MAX_TEXT_CHARS`); longer text is cut with a `truncated` warning. */
  maxChars?: number;
  /** Fetches http(s) inputs; default: `createFetcher()` (public addresses only, timeout and size cap). */
  fetcher?: Fetcher;
  /**
   * Runs the story stage for the stories a batch touched. Default: in this process, now
   * (`refreshStoryAnalyses`); a queue worker enqueues one story job per story instead.
   */
  storyStage?: (storyIds: string[]) => Promise<void>;
}

export type FileOutcome =
  | { input: string; status: 'added'; id: string; storyId: string; messages: Message[] }
  | { input: string; status: 'unchanged'; id: string; storyId: string | null; messages: Message[] }
  | { input: string; status: 'failed'; error: CorroborateError };

export interface IngestReport {
  files: FileOutcome[];
  added: number;
  unchanged: number;
  failed: number;
  /** Stories that the inputs belong to (new or already stored), in first-seen order. */
  storyIds: string[];
}

/**
 * Decodes and analyses one input into its documents (pure once the bytes are read): one for a
 * text file or an HTML page, one per item for a feed.
 */
export function docsFromInput(file: InputFile, options: Pick<IngestOptions, 'encoding' | 'meta' | 'ctx' | 'maxChars'> = {}): Doc[] {
  const ctx = options.ctx ?? { now: new Date() };
  return readDocs(file, { ...(options.encoding ? { encoding: options.encoding } : {}), ...(options.meta ? { meta: options.meta } : {}) }).map((doc) => processDoc(capText(cleanTitle(doc), options.maxChars), ctx));
}

const isUrl = (path: string): boolean => /^https?:\/\//i.test(path);

/**
 * Ingests paths (files, directories, globs, `-` for stdin) into a store. Each article is stored
 * in its own transaction together with its story membership, so an interrupted run leaves only
 * whole articles and a re-run stores the rest; content already stored is reported `unchanged`.
 * A bad file fails alone: the others still go through.
 */
export async function ingestPaths(store: Store, paths: string[], options: IngestOptions = {}): Promise<IngestReport> {
  const { files, failures } = await expandInputs(paths);
  const outcomes: FileOutcome[] = failures.map((f) => ({ input: f.input, status: 'failed', error: f.error }));
  const storyIds: string[] = [];
  const noteStory = (id: string | null) => {
    if (id && !storyIds.includes(id)) storyIds.push(id);
  };

  for (const [index, path] of files.entries()) {
    for (const outcome of await ingestOne(store, path, options)) {
      outcomes.push(outcome);
      if (outcome.status !== 'failed') noteStory(outcome.storyId);
    }
    options.onProgress?.({ done: index + 1, total: files.length, input: path });
  }
  // Once per batch, not per article: a story that gained many articles is analysed once.
  await runStoryStage(store, storyIds, options);
  return summarise(outcomes, storyIds);
}

/** Ingests inputs already in memory (the HTTP API's bodies), with the same guarantees as `ingestPaths`. */
export async function ingestInputs(store: Store, files: InputFile[], options: IngestOptions = {}): Promise<IngestReport> {
  const outcomes: FileOutcome[] = [];
  for (const file of files) for (const outcome of await storeInput(store, file, options)) outcomes.push(outcome);
  const storyIds = [...new Set(outcomes.flatMap((o) => (o.status !== 'failed' && o.storyId ? [o.storyId] : [])))];
  await runStoryStage(store, storyIds, options);
  return summarise(outcomes, storyIds);
}

const runStoryStage = (store: Store, storyIds: string[], options: IngestOptions): Promise<void> =>
  options.storyStage ? options.storyStage(storyIds) : refreshStoryAnalyses(store, storyIds);

function summarise(outcomes: FileOutcome[], storyIds: string[]): IngestReport {
  const count = (status: FileOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  return { files: outcomes, added: count('added'), unchanged: count('unchanged'), failed: count('failed'), storyIds };
}

/**
 * One path or URL: read (or fetch) it, then store what it holds. Reading, decoding, analysis and
 * storing are one unit: whatever goes wrong in it is this input's failure, never the batch's.
 */
async function ingestOne(store: Store, path: string, options: IngestOptions): Promise<FileOutcome[]> {
  const input = path === '-' ? 'stdin' : path;
  try {
    const read = await readOrFetch(path, options);
    if (!read.ok) return [{ input, status: 'failed', error: read.failure.error }];
    return await storeInput(store, read.file, options);
  } catch (error) {
    return [{ input, status: 'failed', error: asInputError(error, input) }];
  }
}

/**
 * One input's documents, stored one by one. Every document of a feed is read before any is
 * stored, so a feed that fails to parse stores nothing; each stored article is its own
 * transaction, and one that fails to store fails alone.
 */
async function storeInput(store: Store, file: InputFile, options: IngestOptions): Promise<FileOutcome[]> {
  let docs: Doc[];
  try {
    docs = docsFromInput(file, options);
  } catch (error) {
    return [{ input: file.input, status: 'failed', error: asInputError(error, file.input) }];
  }
  const outcomes: FileOutcome[] = [];
  for (const doc of docs) {
    const empty = emptyBody(doc);
    outcomes.push(empty ? { input: doc.meta.input, status: 'failed', error: empty } : await storeDoc(store, doc));
  }
  return outcomes;
}

/**
 * Fewer words than this in the clean text and the input is refused, not stored: a page whose body
 * was not found, or a feed item with only a title, leaves a link line or a caption, and the
 * shortest real news item (a one-sentence brief) has more. Stored, such "articles" become stories
 * of their own with nothing to cross-check.
 */
export const MIN_ARTICLE_WORDS = 5;

function emptyBody(doc: Doc): CorroborateError | null {
  let words = 0;
  for (const _ of doc.text.matchAll(/[\p{L}\p{N}]+/gu)) if (++words >= MIN_ARTICLE_WORDS) return null;
  const input = doc.meta.input;
  const found = words === 0 ? 'no article text' : `only ${words} word(s) of article text`;
  return new CorroborateError('empty-body', `${input}: ${found} after removing page boilerplate (at least ${MIN_ARTICLE_WORDS} are needed); nothing stored`, { subject: input });
}

/** The bytes of one path (`-` for stdin) or http(s) URL, as `ingestPaths` reads them. */
export const readOrFetch = (path: string, options: Pick<IngestOptions, 'fetcher' | 'maxBytes' | 'readStdin'>): Promise<ReadResult> =>
  isUrl(path) ? fetchInput(path, options) : readInput(path, options);

/** `ingestPaths`' split of its arguments: URLs as given, local paths expanded to files (and the paths that could not be). */
export async function expandInputs(paths: string[]): Promise<{ files: string[]; failures: InputFailure[] }> {
  const { files, failures } = await expandPaths(paths.filter((p) => !isUrl(p)));
  return { files: [...files, ...paths.filter(isUrl)], failures };
}

async function fetchInput(url: string, options: Pick<IngestOptions, 'fetcher' | 'maxBytes'>): Promise<ReadResult> {
  const fetcher = options.fetcher ?? createFetcher(options.maxBytes ? { maxBytes: options.maxBytes } : {});
  try {
    const fetched = await fetcher(url);
    return { ok: true, file: { input: url, bytes: fetched.bytes, sidecar: null, url: fetched.finalUrl, transportCharset: charsetOfContentType(fetched.contentType) } };
  } catch (error) {
    if (isCorroborateError(error)) return { ok: false, failure: { input: url, error } };
    return { ok: false, failure: { input: url, error: new CorroborateError('unreadable', `${url}: ${(error as Error).message}`, { subject: url, cause: error }) } };
  }
}

async function storeDoc(store: Store, doc: Doc): Promise<FileOutcome> {
  const input = doc.meta.input;
  try {
    const existing = await store.findByHash(doc.contentHash);
    if (existing) return { input, status: 'unchanged', id: existing, storyId: await store.storyOf(existing), messages: doc.messages };
    // Placement and write are one unit of work, so another writer's article cannot slip in between.
    let storyId: string | null = null;
    const result = await store.placeAndAdd(doc, async (view) => {
      const placement = await placeArticle(view, doc);
      storyId = placement.storyId;
      return placement;
    });
    if (!result.added) return { input, status: 'unchanged', id: result.existingId!, storyId: await store.storyOf(result.existingId!), messages: doc.messages };
    return { input, status: 'added', id: doc.id, storyId: storyId!, messages: doc.messages };
  } catch (error) {
    return { input, status: 'failed', error: asInputError(error, input) };
  }
}

/**
 * The export of the given stories (all stories when none are named): their stored analyses
 * (computed and stored first for any that are missing or stale) and their articles.
 */
export async function exportStories(store: Store, storyIds?: string[], generatedAt = new Date(), analysisOptions: StoryAnalysesOptions = {}): Promise<StoryExport> {
  const stories = storyIds ? await store.getStories(storyIds) : await store.listStories();
  const analyses = await storyAnalyses(store, stories, analysisOptions);
  const ids = stories.flatMap((s) => s.articleIds);
  return buildExport(await store.getArticleTexts(ids), stories, analyses, generatedAt, await store.copiesOf(ids));
}

export interface AnalyzeOptions extends IngestOptions {
  /** A store to use; else one is opened at `db` (see `openStore`) and closed after. */
  store?: Store;
  /** An SQLite path or a `postgres://` URL; default `CORROBORATE_DB`, else `./corroborate.db`. */
  db?: string;
}

/**
 * Ingest + process + export in one call: the stories the given inputs belong to, whether their
 * articles were stored by this call or an earlier one.
 */
export async function analyze(paths: string[], options: AnalyzeOptions = {}): Promise<{ report: IngestReport; export: StoryExport }> {
  const store = options.store ?? (await openStore(storeLocation(options.db)));
  try {
    const report = await ingestPaths(store, paths, options);
    return { report, export: await exportStories(store, report.storyIds) };
  } finally {
    if (!options.store) await store.close();
  }
}

export { openStore };
