import type { ExportArticle, ExportEvent, ExportStory, ExportWarning } from '../export/types.js';

/**
 * Bump whenever the story analysis (this folder, or the claims, brief, quotes, entity merge and
 * timeline code it calls) changes what it produces: stored analyses of an older version are
 * recomputed on their next read.
 */
export const ANALYSIS_VERSION = 136;

/**
 * The story-level analysis of one version of a story, as stored: plain JSON, every span an
 * `{articleId, start, end, text}` into the clean text of a member article.
 */
export interface StoryAnalysis extends Pick<ExportStory, 'title' | 'independentSourceCount' | 'brief' | 'entities' | 'quotes' | 'timeline' | 'claims' | 'conflicts'> {
  storyId: string;
  /** The story's version this was computed from (rises with every change of members or copy links). */
  version: number;
  analysisVersion: number;
  /** The members it was computed over, in joining order. */
  articleIds: string[];
  /** What the members' leads report (trigger, participants, place, main-event date), each part cited. */
  event: ExportEvent;
  /** Story-level warnings: `story-truncated` (too large to analyse every article in full), `outlet-unknown`. */
  warnings: ExportWarning[];
  /** Each member's outlet, byline and wire as read from its text, and its publication range inferred from the story. */
  articles: ArticleAttribution[];
}

/** What the story stage reads of one member article's provenance: the export's article fields of the same names. */
export type ArticleAttribution = { id: string } & Pick<ExportArticle, 'source' | 'byline' | 'bylineBasis' | 'wire' | 'publishedAtRange'>;

/** Whether a stored analysis still describes this version of the story, made by this analysis code. */
export const isCurrent = (analysis: Pick<StoryAnalysis, 'version' | 'analysisVersion'>, story: { version: number }): boolean =>
  analysis.version === story.version && analysis.analysisVersion === ANALYSIS_VERSION;
