import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { CorroborateError, type ErrorCode } from '../doc/errors.js';
import type { Doc } from '../doc/types.js';
import type { InputFile } from '../ingest/read-inputs.js';
import { storyInputOf, type StoryRequest } from './story-request.js';
import type { StoryAnalysis } from '../story/types.js';
import type { DocsReply } from './analysis-worker.js';
import type { DocOptions } from './docs-from-input.js';

/**
 * Where the CPU-heavy, pure work runs: the per-document analysis of an input (decode, clean,
 * sentences, entities, quotes, time, event signature) and a story's analysis. In the calling
 * thread (`inlineAnalyser`) or in a pool of worker threads (`createAnalyser(n)`); either way an
 * input's failure rejects with the same `CorroborateError` (an unexpected one as `internal`).
 */
export interface Analyser {
  /** Worker threads analysing at once (0: the calling thread). */
  readonly threads: number;
  docs(file: InputFile, options: DocOptions): Promise<Doc[]>;
  story(request: StoryRequest): Promise<StoryAnalysis>;
  close(): Promise<void>;
}

/** An input's failure as sent back by a worker thread (an Error's class does not survive the copy). */
export interface WorkerFailure {
  code: ErrorCode;
  message: string;
  subject: string | undefined;
  /** The stack of the original error, for --debug. */
  stack: string | undefined;
}

/**
 * Worker threads by default: one per core. The main thread's share (reading files, placing and
 * storing articles) is a fraction of the analysis, so it shares a core rather than keeping one.
 */
export const defaultThreads = (): number => availableParallelism();

/**
 * Analyses in the calling thread: for library calls and tests, where starting threads costs more than it saves.
 * The analysis modules load on its first call, not with this module: a process that analyses in
 * worker threads (the CLI, the server) never loads them in its main thread (~1 CPU s at start).
 */
export const inlineAnalyser: Analyser = {
  threads: 0,
  docs: async (file, options) => (await import('./docs-from-input.js')).docsFromInput(file, options),
  story: async (request) => (await import('../story/analyze-story.js')).analyzeStory(storyInputOf(request)),
  close: async () => {},
};

/**
 * The nice value of analysis threads that run in the background of a server (`createAnalyser`'s
 * `background`): when every core is busy, the event loop, which answers reads, is scheduled first
 * and the analyses take what is left; on an idle machine they lose nothing.
 */
export const BACKGROUND_NICE = 10;

/** What an analysis worker thread is started with. */
export interface AnalysisWorkerData {
  nice: number | null;
}

/**
 * An analyser with `threads` worker threads (0: `inlineAnalyser`). Close it when done: live
 * threads keep the process running. `background`: the threads run at `BACKGROUND_NICE` (Linux,
 * where a thread's nice value is its own; elsewhere it would lower the whole process, so there
 * the option does nothing).
 */
export function createAnalyser(threads: number = defaultThreads(), { background = false }: { background?: boolean } = {}): Analyser {
  if (!Number.isInteger(threads) || threads < 0) throw new CorroborateError('bad-option', `threads must be a whole number >= 0, not ${threads}`);
  if (threads === 0) return inlineAnalyser;
  const workerData: AnalysisWorkerData = { nice: background && process.platform === 'linux' ? BACKGROUND_NICE : null };
  const pool = new Piscina({ filename: new URL('./analysis-worker.js', import.meta.url).href, minThreads: threads, maxThreads: threads, idleTimeout: 60_000, workerData });
  return {
    threads,
    async docs(file, options) {
      const reply = (await pool.run({ file, options }, { name: 'docs' })) as DocsReply;
      // Spread then overwritten, `layers` keeps its place among the keys.
      if (reply.ok) return reply.docs.map((doc) => ({ ...doc, layers: JSON.parse(doc.layers) as Doc['layers'] }));
      const { code, message, subject, stack } = reply.failure;
      const cause = code === 'internal' ? Object.assign(new Error(message), { stack }) : undefined;
      throw new CorroborateError(code, message, { ...(subject !== undefined ? { subject } : {}), ...(cause ? { cause } : {}) });
    },
    story: async (request) => (await pool.run(request, { name: 'story' })) as StoryAnalysis,
    close: () => pool.destroy(),
  };
}
