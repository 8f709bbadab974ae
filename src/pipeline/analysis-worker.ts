/**
 * The body of an analysis worker thread (see `analyser.ts`): the pure per-input and per-story
 * analyses, run off the main thread. Failures come back as data (`WorkerFailure`) so the main
 * thread rebuilds the same `CorroborateError` the input would have failed with in-process.
 */
import { setPriority } from 'node:os';
import { workerData } from 'piscina';
import { asInputError } from '../doc/errors.js';
import type { Doc } from '../doc/types.js';
import type { InputFile } from '../ingest/read-inputs.js';
import { analyzeStory } from '../story/analyze-story.js';
import type { StoryAnalysis } from '../story/types.js';
import { docsFromInput, type DocOptions } from './docs-from-input.js';
import { storyInputOf, type StoryRequest } from './story-request.js';
import type { AnalysisWorkerData, WorkerFailure } from './analyser.js';

// A background thread yields the cores to the server's event loop (Linux: this thread only).
const { nice } = (workerData ?? { nice: null }) as AnalysisWorkerData;
if (nice !== null) setPriority(nice);

/**
 * A document as sent back to the main thread: its layers as their JSON (the form the store keeps
 * them in). Copying the layers' object tree between threads (tens of thousands of small objects,
 * each property name written again) cost ~1.6 ms of CPU an article on both sides; their JSON
 * costs a quarter of that, written here and parsed there.
 */
export type WireDoc = Omit<Doc, 'layers'> & { layers: string };

export type DocsReply = { ok: true; docs: WireDoc[] } | { ok: false; failure: WorkerFailure };

export function docs({ file, options }: { file: InputFile; options: DocOptions }): DocsReply {
  try {
    return { ok: true, docs: docsFromInput(file, options).map((doc) => ({ ...doc, layers: JSON.stringify(doc.layers) })) };
  } catch (error) {
    const failure = asInputError(error, file.input);
    const cause = failure.cause instanceof Error ? failure.cause : failure;
    return { ok: false, failure: { code: failure.code, message: failure.message, subject: failure.subject, stack: cause.stack } };
  }
}

export function story(request: StoryRequest): StoryAnalysis {
  return analyzeStory(storyInputOf(request));
}
