import { sentencesStage } from '../analyze/sentences.js';
import { CorroborateError, isCorroborateError } from '../doc/errors.js';
import type { Doc, Message } from '../doc/types.js';
import { buildExport } from '../export/build.js';
import type { StoryExport } from '../export/types.js';
import { decodeText } from '../ingest/decode.js';
import { docFromText, type MetaOverrides } from '../ingest/plain-text.js';
import { expandPaths, readInput, type InputFile, type ReadOptions } from '../ingest/read-inputs.js';
import { SqliteStore, DEFAULT_DB_PATH } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import { placeArticle } from './cluster-article.js';
import { buildPipeline, type StageContext } from './stage.js';

/** The per-document analysis, in order; `buildPipeline` checks that each stage's inputs exist. */
export const processDoc = buildPipeline([sentencesStage]);

export interface IngestOptions extends ReadOptions {
  /** Force an input encoding instead of detecting it. */
  encoding?: string;
  meta?: MetaOverrides;
  /** Called after each input, for progress display. */
  onProgress?: (progress: { done: number; total: number; input: string }) => void;
  ctx?: StageContext;
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

/** Decodes and analyses one input file into a document (pure once the bytes are read). */
export function docFromInput(file: InputFile, options: Pick<IngestOptions, 'encoding' | 'meta' | 'ctx'> = {}): Doc {
  const decoded = decodeText(file.bytes, { subject: file.input, ...(options.encoding ? { encoding: options.encoding } : {}) });
  const doc = docFromText(decoded.text, file.input, file.sidecar, options.meta, decoded.messages);
  return processDoc(doc, options.ctx ?? { now: new Date() });
}

/**
 * Ingests paths (files, directories, globs, `-` for stdin) into a store. Each article is stored
 * in its own transaction together with its story membership, so an interrupted run leaves only
 * whole articles and a re-run stores the rest; content already stored is reported `unchanged`.
 * A bad file fails alone: the others still go through.
 */
export async function ingestPaths(store: Store, paths: string[], options: IngestOptions = {}): Promise<IngestReport> {
  const { files, failures } = await expandPaths(paths);
  const outcomes: FileOutcome[] = failures.map((f) => ({ input: f.input, status: 'failed', error: f.error }));
  const storyIds: string[] = [];
  const noteStory = (id: string | null) => {
    if (id && !storyIds.includes(id)) storyIds.push(id);
  };

  for (const [index, path] of files.entries()) {
    const outcome = await ingestOne(store, path, options);
    outcomes.push(outcome);
    if (outcome.status !== 'failed') noteStory(outcome.storyId);
    options.onProgress?.({ done: index + 1, total: files.length, input: path });
  }
  const count = (status: FileOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  return { files: outcomes, added: count('added'), unchanged: count('unchanged'), failed: count('failed'), storyIds };
}

async function ingestOne(store: Store, path: string, options: IngestOptions): Promise<FileOutcome> {
  const input = path === '-' ? 'stdin' : path;
  const read = await readInput(path, options);
  if (!read.ok) return { input, status: 'failed', error: read.failure.error };
  try {
    const doc = docFromInput(read.file, options);
    const existing = await store.findByHash(doc.contentHash);
    if (existing) return { input: read.file.input, status: 'unchanged', id: existing, storyId: await store.storyOf(existing), messages: doc.messages };

    const placement = await placeArticle(store, doc);
    const result = await store.addArticle(doc, placement);
    if (!result.added) return { input: read.file.input, status: 'unchanged', id: result.existingId!, storyId: await store.storyOf(result.existingId!), messages: doc.messages };
    return { input: read.file.input, status: 'added', id: doc.id, storyId: placement.storyId, messages: doc.messages };
  } catch (error) {
    if (isCorroborateError(error)) return { input, status: 'failed', error };
    throw error;
  }
}

/** The export of the given stories (all stories when none are named). */
export async function exportStories(store: Store, storyIds?: string[], generatedAt = new Date()): Promise<StoryExport> {
  const stories = storyIds ? await store.getStories(storyIds) : await store.listStories();
  const ids = stories.flatMap((s) => s.articleIds);
  return buildExport(await store.getArticles(ids), stories, generatedAt, await store.copiesOf(ids));
}

export interface AnalyzeOptions extends IngestOptions {
  /** A store to use; else one is opened at `db` (default `./corroborate.db`) and closed after. */
  store?: Store;
  db?: string;
}

/**
 * Ingest + process + export in one call: the stories the given inputs belong to, whether their
 * articles were stored by this call or an earlier one.
 */
export async function analyze(paths: string[], options: AnalyzeOptions = {}): Promise<{ report: IngestReport; export: StoryExport }> {
  const store = options.store ?? (await openStore(options.db ?? DEFAULT_DB_PATH));
  try {
    const report = await ingestPaths(store, paths, options);
    return { report, export: await exportStories(store, report.storyIds) };
  } finally {
    if (!options.store) await store.close();
  }
}

/** Opens (creating and migrating if needed) the SQLite store at `path`. */
export async function openStore(path: string = DEFAULT_DB_PATH): Promise<Store> {
  return SqliteStore.open(path);
}
