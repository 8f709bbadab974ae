/**
 * Corroborate's public API. The CLI (and later the HTTP API) are thin shells over these.
 * @example
 *   import { analyze } from 'corroborate';
 *   const { report, export: story } = await analyze(['articles/'], { db: 'news.db' });
 */
export { analyze, ingestPaths, exportStories, openStore } from './pipeline/analyze.js';
export { docsFromInput, processDoc } from './pipeline/docs-from-input.js';
export type { AnalyzeOptions, IngestOptions, IngestReport, FileOutcome } from './pipeline/analyze.js';
export { createAnalyser } from './pipeline/analyser.js';
export type { Analyser } from './pipeline/analyser.js';
export { annotate, AnnotateInputSchema } from './analyze/annotate.js';
export type { AnnotateInput, AnnotateOutput } from './analyze/annotate.js';
export { findEntities, entitiesStage } from './analyze/entities/extract.js';
export { mergeEntities, entityId } from './analyze/entities/merge.js';
export type { StoryEntity, MentionRef } from './analyze/entities/merge.js';
export { entityAt, resolveName } from './analyze/entities/link.js';
export { sentenceAttribution } from './analyze/quotes/attribution.js';
export type { SentenceAttribution } from './analyze/quotes/attribution.js';
export { cleanPlainText } from './clean/clean.js';
export type { Cleaned } from './clean/clean.js';
export { decodeText } from './ingest/decode.js';
export { docFromText } from './ingest/plain-text.js';
export { docFromHtml } from './ingest/html/html-doc.js';
export { docsFromFeed } from './ingest/feed/feed-docs.js';
export { createFetcher } from './ingest/fetch/fetch-url.js';
export type { Fetcher, Fetched, FetcherOptions } from './ingest/fetch/fetch-url.js';
export { compareStatements } from './corroborate/claims/compare.js';
export type { StatementComparison } from './corroborate/claims/compare.js';
export { buildExport } from './export/build.js';
export { analyzeStory } from './story/analyze-story.js';
export { ANALYSIS_VERSION } from './story/types.js';
export type { StoryAnalysis } from './story/types.js';
export type { StoryInput, StoryLimits } from './story/stage.js';
export { renderMarkdown } from './export/markdown.js';
export type * from './export/types.js';
export type { Doc, Span, Token, Paragraph, EntityMention, EntityType, Layers, Message, Removal, ArticleMeta } from './doc/types.js';
export { CorroborateError } from './doc/errors.js';
export type { ErrorCode } from './doc/errors.js';
export type { Store, StoredStory } from './store/store.js';
export { SqliteStore } from './store/sqlite/sqlite-store.js';
export { PgStore } from './store/postgres/pg-store.js';
export type { StoreLocation } from './store/open.js';
export { main } from './cli/main.js';
