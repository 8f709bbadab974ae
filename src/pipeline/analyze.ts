import { asInputError, CorroborateError, isCorroborateError } from '../doc/errors.js';
import type { Doc, Message } from '../doc/types.js';
import { buildExport } from '../export/build.js';
import type { StoryChange, StoryExport } from '../export/types.js';
import { createFetcher, type Fetcher } from '../ingest/fetch/fetch-url.js';
import { charsetOfContentType } from '../ingest/markup-encoding.js';
import { expandPaths, readInput, type InputFailure, type InputFile, type ReadOptions, type ReadResult } from '../ingest/read-inputs.js';
import { openStore, storeLocation } from '../store/open.js';
import type { BatchAhead, Store } from '../store/store.js';
import { inlineAnalyser, type Analyser } from './analyser.js';
import { addAndRepair } from './repair-story.js';
import { placementTerms } from './cluster-article.js';
import type { DocOptions } from './docs-from-input.js';
import { refreshStoryAnalyses, storyAnalyses, type StoryAnalysesOptions } from './story-analyses.js';


export interface IngestOptions extends ReadOptions, DocOptions {
  /** Called after each input, for progress display. */
  onProgress?: (progress: { done: number; total: number; input: string }) => void;
  /** Fetches http(s) inputs; default: `createFetcher()` (public addresses only, timeout and size cap). */
  fetcher?: Fetcher;
  /** Where inputs and stories are analysed; default the calling thread (the CLI and the server pass worker threads, `createAnalyser`). */
  analyser?: Analyser;
  /**
   * Runs the story stage for the stories a batch touched. Default: in this process, now
   * (`refreshStoryAnalyses`), except for large stories the batch changed little, whose stored
   * analysis waits for their next read or a later batch (`changedLittle`); a queue worker
   * enqueues one story job per story instead.
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

/** One input read and analysed, ready to store: its documents, or its failure. */
type Analysed = { ok: true; docs: Doc[] } | { ok: false; outcome: FileOutcome };

/**
 * Articles stored per transaction, and the longest a transaction stays open (so that other
 * processes see progress). Each article is a savepoint inside it: one that fails to store
 * rolls back alone, and a killed run loses at most the open batch, never part of an article.
 */
export const BATCH_ARTICLES = 256;
export const BATCH_MS = 1000;

/** Inputs read and analysed ahead of the one being stored, per analysing thread (and at least this many). */
const AHEAD_PER_THREAD = 4;

const isUrl = (path: string): boolean => /^https?:\/\//i.test(path);

/**
 * Ingests paths (files, directories, globs, `-` for stdin) into a store. Inputs are read and
 * analysed ahead, several at once (in worker threads when `options.analyser` has them), and
 * stored one by one in input order, in batches (`BATCH_ARTICLES`) where each article with its
 * story membership is its own savepoint: an interrupted run leaves only whole articles and a
 * re-run stores the rest; content already stored is reported `unchanged`. A bad input fails
 * alone: the others still go through.
 */
export async function ingestPaths(store: Store, paths: string[], options: IngestOptions = {}): Promise<IngestReport> {
  const analyser = options.analyser ?? inlineAnalyser;
  const { files, failures } = await expandInputs(paths);
  const outcomes: FileOutcome[] = failures.map((f) => ({ input: f.input, status: 'failed', error: f.error }));

  const ahead = Math.max(AHEAD_PER_THREAD, analyser.threads * AHEAD_PER_THREAD);
  const pending: Array<Promise<Analysed>> = [];
  let queued = 0;
  const readAhead = () => {
    while (queued < files.length && pending.length < ahead) pending.push(readAndAnalyse(files[queued++]!, options, analyser));
  };
  readAhead();
  let done = 0;
  while (done < files.length) {
    await inWriteBatch(store, async () => {
      const started = Date.now();
      let stored = 0;
      while (done < files.length && stored < BATCH_ARTICLES && Date.now() - started < BATCH_MS) {
        const analysed = await pending.shift()!;
        readAhead();
        const stepped = await storeAnalysed(store, analysed);
        outcomes.push(...stepped);
        stored += stepped.length;
        done++;
        options.onProgress?.({ done, total: files.length, input: files[done - 1]! });
      }
    });
  }
  return finish(store, outcomes, analyser, options);
}

/** Ingests inputs already in memory (the HTTP API's bodies), with the same guarantees as `ingestPaths`. */
export async function ingestInputs(store: Store, files: InputFile[], options: IngestOptions = {}): Promise<IngestReport> {
  const analyser = options.analyser ?? inlineAnalyser;
  const analysed = await Promise.all(files.map((file) => analyse(file, options, analyser)));
  const outcomes: FileOutcome[] = [];
  // The articles the batch will try to place (refused ones are not placed).
  const docs = analysed.flatMap((one) => (one.ok ? one.docs.filter((doc) => !emptyBody(doc)) : []));
  const ahead = { contentHashes: docs.map((doc) => doc.contentHash), terms: [...new Set(docs.flatMap(placementTerms))] };
  await inWriteBatch(
    store,
    async () => {
      for (const one of analysed) outcomes.push(...(await storeAnalysed(store, one)));
    },
    ahead,
  );
  return finish(store, outcomes, analyser, options);
}

/** Once per batch, not per article: a story that gained many articles is analysed once. */
async function finish(store: Store, placed: FileOutcome[], analyser: Analyser, options: IngestOptions): Promise<IngestReport> {
  // A story an early article of the batch joined may since have been merged into another: report where each article is now.
  const outcomes = await Promise.all(placed.map(async (o) => (o.status === 'failed' || !o.storyId ? o : { ...o, storyId: (await store.storyOf(o.id)) ?? o.storyId })));
  const storyIds = [...new Set(outcomes.flatMap((o) => (o.status !== 'failed' && o.storyId ? [o.storyId] : [])))];
  // Large stories the batch changed little wait for their next read or a later batch (`changedLittle`).
  await (options.storyStage ? options.storyStage(storyIds) : refreshStoryAnalyses(store, storyIds, { analyze: analyser.story, concurrency: analyser.threads, deferSmallChanges: true }));
  const count = (status: FileOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  return { files: outcomes, added: count('added'), unchanged: count('unchanged'), failed: count('failed'), storyIds };
}

/** The store's writers, one at a time per store: placement reads what the previous article wrote. */
const writeQueues = new WeakMap<Store, Promise<unknown>>();

/**
 * Runs `work` (a run of article writes) after the store's earlier writes, as one batch when the
 * store batches (`Store.batch`). Concurrent ingests into one store in one process (the server's
 * requests) take turns, so an article is always placed against everything stored before it.
 */
async function inWriteBatch(store: Store, work: () => Promise<void>, ahead?: BatchAhead): Promise<void> {
  const previous = writeQueues.get(store) ?? Promise.resolve();
  const turn = previous.then(() => (store.batch ? store.batch(work, ahead) : work()));
  writeQueues.set(store, turn.catch(() => {}));
  await turn;
}

/**
 * One path or URL: read (or fetch) it, then analyse it. Reading, decoding and analysis are one
 * unit: whatever goes wrong in it is this input's failure, never the batch's.
 */
async function readAndAnalyse(path: string, options: IngestOptions, analyser: Analyser): Promise<Analysed> {
  const input = path === '-' ? 'stdin' : path;
  try {
    const read = await readOrFetch(path, options);
    if (!read.ok) return { ok: false, outcome: { input, status: 'failed', error: read.failure.error } };
    return await analyse(read.file, options, analyser);
  } catch (error) {
    return { ok: false, outcome: { input, status: 'failed', error: asInputError(error, input) } };
  }
}

/** Every document of a feed is analysed before any is stored, so a feed that fails to parse stores nothing. */
async function analyse(file: InputFile, options: IngestOptions, analyser: Analyser): Promise<Analysed> {
  try {
    return { ok: true, docs: await analyser.docs(file, docOptions(options)) };
  } catch (error) {
    return { ok: false, outcome: { input: file.input, status: 'failed', error: asInputError(error, file.input) } };
  }
}

/** The plain-data part of the options, as sent to a worker thread. */
function docOptions({ encoding, meta, ctx, maxChars, timeBudgetMs }: IngestOptions): DocOptions {
  return { ...(encoding ? { encoding } : {}), ...(meta ? { meta } : {}), ...(ctx ? { ctx } : {}), ...(maxChars !== undefined ? { maxChars } : {}), ...(timeBudgetMs !== undefined ? { timeBudgetMs } : {}) };
}

/** An input's documents, stored one by one: one that fails to store fails alone. */
async function storeAnalysed(store: Store, analysed: Analysed): Promise<FileOutcome[]> {
  if (!analysed.ok) return [analysed.outcome];
  const outcomes: FileOutcome[] = [];
  for (const doc of analysed.docs) {
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
    // Placement and write are one unit of work, so another writer's article cannot slip in between;
    // the content hash is checked inside it (the same content stored before is not placed again).
    // The story it joined is re-examined after: it may be split in two (the article can go with either part).
    const { result, storyId } = await addAndRepair(store, doc);
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
  const changes = new Map<string, StoryChange[]>();
  for (const story of stories) changes.set(story.id, await store.storyChanges(story.id));
  return buildExport(await store.getArticleTexts(ids), stories, analyses, generatedAt, await store.copiesOf(ids), changes);
}

/**
 * Deletes one stored article (see `Store.deleteArticle`) and brings the analyses of the stories it
 * changed up to date (`storyStage`, as in `IngestOptions`), which logs the removal in their
 * change logs. Null when no such article.
 */
export async function deleteArticle(
  store: Store,
  articleId: string,
  analyser: Analyser = inlineAnalyser,
  storyStage: (storyIds: string[]) => Promise<void> = (ids) => refreshStoryAnalyses(store, ids, { analyze: analyser.story, concurrency: analyser.threads }),
): Promise<{ storyId: string; storyDeleted: boolean } | null> {
  const deleted = await store.deleteArticle(articleId);
  if (!deleted) return null;
  await storyStage(deleted.changedStoryIds);
  return { storyId: deleted.storyId, storyDeleted: deleted.storyDeleted };
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
    return { report, export: await exportStories(store, report.storyIds, new Date(), options.analyser ? { analyze: options.analyser.story } : {}) };
  } finally {
    if (!options.store) await store.close();
  }
}

export { openStore };
