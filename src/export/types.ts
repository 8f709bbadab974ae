/**
 * The export contract (`../shared/spec/story-export.schema.json`, version 1) as types.
 * Every span indexes the `text` of the article it names.
 */
import type { PublishedAtBasis } from '../doc/types.js';

export interface ExportSpan {
  articleId: string;
  start: number;
  end: number;
  text: string;
}

export interface ExportWarning {
  code: string;
  message: string;
  span?: ExportSpan;
}

export interface ExportArticle {
  id: string;
  input: string;
  /** `basis`: where the outlet name came from (metadata, sidecar, feed, dateline, byline, copyright, domain). */
  source: { name: string | null; domain: string | null; basis?: string | null };
  url: string | null;
  title: string | null;
  byline: string | null;
  /** Where the byline came from: metadata, sidecar, feed, or a by-line printed in the text (`byline`). */
  bylineBasis?: string | null;
  /** The agency whose copy the article runs (it counts as that agency); null for the outlet's own reporting. */
  wire?: { name: string; evidence: ExportSpan[] } | null;
  publishedAt: string | null;
  publishedAtBasis: PublishedAtBasis;
  /**
   * For an article with no date of its own: the days it can have been published on, from what the
   * story's dated articles pin down ("on Saturday" of a raid another article dates), with the words
   * of both articles as evidence. Absent when nothing narrows it.
   */
  publishedAtRange?: { start: string; end: string; basis: 'inferred'; reason: string; evidence: ExportSpan[] };
  language: string | null;
  text: string;
  removed: Array<{ text: string; reason: string }>;
  duplicateOf: string | null;
  /** Containment of this copy in its original, when `duplicateOf` is set. */
  duplicateSimilarity: number | null;
  warnings: ExportWarning[];
}

export interface ExportEntity {
  id: string;
  name: string;
  type: 'person' | 'organization' | 'location' | 'other';
  aliases: string[];
  descriptions?: string[];
  mentions: ExportSpan[];
}

export interface ExportQuote {
  id: string;
  text: string;
  speakerId: string | null;
  speakerName: string | null;
  mentions: ExportSpan[];
}

export interface ExportTimelineEntry {
  date: string;
  end?: string;
  /** `happening` of the story, `scheduled` (told in the future or dated after its report), or `background` (listed last: weeks before the story, or placed by its year only). */
  kind?: 'happening' | 'scheduled' | 'background';
  /** The story's main event: the happening most reports lead with, the story event's date deciding between equals. */
  main?: true;
  /** The days its reports place it on, when they disagree: a disputed day, shown side by side. */
  days?: string[];
  description: string;
  evidence: ExportSpan[];
}

export interface ExportClaim {
  id: string;
  text: string;
  status: 'corroborated' | 'single-source' | 'disputed';
  independentSources: number;
  /** Who the representative article attributes the statement to ("Diosdado Cabello", "officials"); null when the outlet states it itself or we cannot tell. */
  attributedTo?: string | null;
  evidence: ExportSpan[];
}

export interface ExportConflict {
  subject: string;
  positions: Array<{ value: string; evidence: ExportSpan[] }>;
}

/** What the story reports: trigger, main participants, place, main-event dates, and the words each rests on. */
export interface ExportEvent {
  what: string | null;
  who: string[];
  where: string | null;
  when: { start: string; end: string } | null;
  evidence: ExportSpan[];
}

/** One entry of a story's change log: what one analysed version of the story brought. */
export interface StoryChange {
  /** The story version whose analysis found the change. */
  version: number;
  /** When it was found (ISO time of that analysis). */
  at: string;
  kind: 'created' | 'article-added' | 'article-removed' | 'fact-corroborated' | 'fact-disputed' | 'conflict-added' | 'merged' | 'split' | 'corrected';
  detail?: string;
  articleIds?: string[];
  storyIds?: string[];
}

export interface ExportStory {
  id: string;
  title: string;
  articleIds: string[];
  independentSourceCount: number;
  /** The story's version (rises whenever its members or copy links change). */
  version?: number;
  brief: Array<{ text: string; citations: ExportSpan[] }>;
  entities: ExportEntity[];
  quotes: ExportQuote[];
  timeline: ExportTimelineEntry[];
  claims: ExportClaim[];
  conflicts: ExportConflict[];
  event?: ExportEvent | null;
  /** Ids of stories merged into this one: links to them lead here. */
  redirects?: string[];
  /** The story's change log, oldest first (absent from exports made without a store). */
  changes?: StoryChange[];
  /**
   * Caveats on the story as a whole, absent when none: `story-truncated` when not every article
   * could be analysed in full, `outlet-unknown` when articles count as sources though no outlet is known.
   */
  warnings?: ExportWarning[];
}

export interface StoryExport {
  version: 1;
  generatedAt: string;
  articles: ExportArticle[];
  stories: ExportStory[];
}
