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
  source: { name: string | null; domain: string | null };
  url: string | null;
  title: string | null;
  byline: string | null;
  publishedAt: string | null;
  publishedAtBasis: PublishedAtBasis;
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

export interface ExportStory {
  id: string;
  title: string;
  articleIds: string[];
  independentSourceCount: number;
  brief: Array<{ text: string; citations: ExportSpan[] }>;
  entities: ExportEntity[];
  quotes: ExportQuote[];
  timeline: ExportTimelineEntry[];
  claims: ExportClaim[];
  conflicts: ExportConflict[];
  event?: ExportEvent | null;
  /** Ids of stories merged into this one: links to them lead here. */
  redirects?: string[];
}

export interface StoryExport {
  version: 1;
  generatedAt: string;
  articles: ExportArticle[];
  stories: ExportStory[];
}
