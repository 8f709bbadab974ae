import type { Doc } from '../doc/types.js';

/** A story as stored: its members in the order they joined. */
export interface StoredStory {
  id: string;
  articleIds: string[];
  createdAt: string;
  updatedAt: string;
}

/** Where a new article goes: an existing story, or a new one with the given id. */
export interface Placement {
  storyId: string;
  isNewStory: boolean;
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
  getStory(id: string): Promise<StoredStory | null>;
  storyOf(articleId: string): Promise<string | null>;
  counts(): Promise<{ articles: number; stories: number }>;
  /** Stories by last update, newest first. */
  pageStories(limit: number, offset: number): Promise<StoryListing[]>;
  /** Full-text search over titles and clean texts; `query` is plain words (no query syntax). */
  search(query: string, limit: number): Promise<SearchHit[]>;
  close(): Promise<void>;
}
