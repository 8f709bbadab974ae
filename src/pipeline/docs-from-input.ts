import { entitiesStage } from '../analyze/entities/extract.js';
import { quotesStage } from '../analyze/quotes/quotes.js';
import { sentencesStage } from '../analyze/sentences.js';
import { timexesStage } from '../analyze/time/stage.js';
import { eventStage } from '../cluster/signature.js';
import type { Doc } from '../doc/types.js';
import { docsFromInput as readDocs } from '../ingest/dispatch.js';
import type { MetaOverrides } from '../ingest/plain-text.js';
import type { InputFile } from '../ingest/read-inputs.js';
import { capText, cleanTitle } from './cap-text.js';
import { buildPipeline, type StageContext } from './stage.js';

/** The per-document analysis, in order; `buildPipeline` checks that each stage's inputs exist. */
export const processDoc = buildPipeline([sentencesStage, timexesStage, entitiesStage, quotesStage, eventStage]);

/** What the per-document analysis of an input depends on besides its bytes (plain data: it is sent to worker threads). */
export interface DocOptions {
  /** Force an input encoding instead of detecting it. */
  encoding?: string;
  meta?: MetaOverrides;
  ctx?: StageContext;
  /** Clean text analysed and stored per article (default `DEFAULT_MAX_TEXT_CHARS`); longer text is cut with a `truncated` warning. */
  maxChars?: number;
  /** Wall-clock milliseconds one document's analysis may take (default `DEFAULT_TIME_BUDGET_MS`); see `StageContext.budget`. */
  timeBudgetMs?: number;
}

/**
 * Wall-clock time one document's analysis (sentences, time, entities, quotes, event) may take.
 * A document at the text cap (1,000,000 characters) takes about 2 CPU seconds; a minute leaves
 * room for a machine loaded many times over while stopping a pathological input from holding a
 * run (or a server) for minutes.
 */
export const DEFAULT_TIME_BUDGET_MS = 60_000;

/**
 * Decodes and analyses one input into its documents (pure once the bytes are read): one for a
 * text file or an HTML page, one per item for a feed. Kept apart from the store and the faces so
 * that a worker thread loads only the analysis.
 */
export function docsFromInput(file: InputFile, options: DocOptions = {}): Doc[] {
  const ctx = { budget: { ms: options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS }, ...(options.ctx ?? { now: new Date() }) };
  return readDocs(file, { ...(options.encoding ? { encoding: options.encoding } : {}), ...(options.meta ? { meta: options.meta } : {}) }).map((doc) => processDoc(capText(cleanTitle(doc), options.maxChars), ctx));
}
