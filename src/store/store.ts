import type { CopyLink, CopySketch } from '../cluster/copies.js';
import type { StorySummary, TermStats } from '../cluster/stories.js';
import type { Doc } from '../doc/types.js';

/** A story as stored: its members in the order they joined. */
export interface StoredStory {
  id: string;
  articleIds: string[];
  createdAt: string;
  updatedAt: string;
  /** Ids of stories folded into this one, directly or through a chain of merges: they now lead here. */
  redirects?: string[];
}

/** Where a new article goes: an existing story, or a new one with the given id. */
export interface Placement {
  storyId: string;
  isNewStory: boolean;
  /** What the grouping and copy detection learned from the article, stored in the same transaction. */
  cluster?: ClusterWrite;
}

/** The index updates that go with one new article. */
export interface ClusterWrite {
  /** Keys whose document frequency the article raises (each once). */
  terms: string[];
  /** The story's summary after the article joined (id === placement.storyId). */
  story: StorySummary;
  /** The keyword summary the story is indexed under from now on. */
  storyKeys: string[];
  /** Stories folded into `story` because the article bridged them; they cease to exist. */
  merged: Array<{ storyId: string; score: number }>;
  /** The article's shingles and LSH band keys, for later copies to find it. */
  sketch: { shingles: Uint32Array; bands: number[]; publishedAt: number | null; length: number };
  /** The article's own copy link, if it copies a stored text. */
  copyOf: CopyLink | null;
  /** Stored articles found to copy this one; articles that copied them follow. */
  repoint: Array<{ articleId: string; link: CopyLink }>;
}

/** A recorded merge: `from` was folded into `into` when `articleId` bridged them. */
export interface StoryMerge {
  from: string;
  into: string;
  articleId: string;
  score: number;
}

/** One row of a page of stories (the API's list), newest first. */
export interface StoryListing {
  id: string;
  articleCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface SearchHit {
  articleId: string;
  title: string | null;
  /** A short extract with the matched words between « and ». */
  snippet: string;
  storyId: string | null;
}

export interface AddResult {
  /** False when the same content was stored before; `existingId` then names it. */
  added: boolean;
  id: string;
  existingId?: string;
}

/**
 * Everything that touches the database sits behind this interface, so the SQLite store and
 * the PostgreSQL store that follows run the same tests. Methods are async for the latter.
 * `addArticle` is one transaction: the article, its story and the membership land together or not at all.
 */
export interface Store {
  /** The id of the article already stored with this content hash, if any. */
  findByHash(contentHash: string): Promise<string | null>;
  addArticle(doc: Doc, placement: Placement): Promise<AddResult>;
  getArticles(ids?: string[]): Promise<Doc[]>;
  listStories(): Promise<StoredStory[]>;
  /** The named stories (unknown ids are skipped), members in joining order. */
  getStories(ids: string[]): Promise<StoredStory[]>;
  /** Articles stored and the document frequency of each key: the IDF of the grouping. */
  termStats(keys: string[]): Promise<TermStats>;
  /**
   * Stories indexed under any of the keys, at most `perKey` of the most recently active per key,
   * with how many keys each matched. Bounded work however large the store grows.
   */
  storyCandidates(keys: string[], perKey: number): Promise<Map<string, number>>;
  storySummaries(ids: string[]): Promise<StorySummary[]>;
  /** Articles sharing an LSH band with the given keys (at most `limit`). */
  copyCandidates(bands: number[], limit: number): Promise<string[]>;
  copySketches(ids: string[]): Promise<CopySketch[]>;
  /** Copy links of the given articles (those that are copies). */
  copiesOf(ids: string[]): Promise<Map<string, CopyLink>>;
  storyMerges(): Promise<StoryMerge[]>;
  storyOf(articleId: string): Promise<string | null>;
  counts(): Promise<{ articles: number; stories: number }>;
  /** Stories by last update, newest first. */
  pageStories(limit: number, offset: number): Promise<StoryListing[]>;
  /** Full-text search over titles and clean texts; `query` is plain words (no query syntax). */
  search(query: string, limit: number): Promise<SearchHit[]>;
  close(): Promise<void>;
}
