import type { CopyLink, CopySketch } from '../cluster/copies.js';
import type { StorySummary, TermStats } from '../cluster/stories.js';
import type { Doc, PublishedAtBasis } from '../doc/types.js';
import type { StoryChange } from '../export/types.js';
import type { StoryAnalysis } from '../story/types.js';
import type { ArticleRow } from './rows.js';

/** What the export shows of a stored article: no layers (the story analysis has what they gave), no raw input. */
export type ArticleText = Pick<Doc, 'id' | 'meta' | 'title' | 'text' | 'removed' | 'messages'>;

/** A story as stored: its members in the order they joined. */
export interface StoredStory {
  id: string;
  articleIds: string[];
  createdAt: string;
  updatedAt: string;
  /** Ids of stories folded into this one, directly or through a chain of merges: they now lead here. */
  redirects?: string[];
  /** Rises whenever the story's members or the copy links among them change (a join, a merge, a repointed copy). */
  version: number;
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

/**
 * A story cut in two by its re-examination (cluster/repair.ts): `part.articleIds` leave
 * `storyId` for a new story `part.story.id`; the rest keep the id with the summary `kept.story`.
 */
export interface StorySplit {
  storyId: string;
  /** The story's version the split was planned on: a story that changed since is left as it is. */
  version: number;
  kept: { story: StorySummary; storyKeys: string[] };
  part: { story: StorySummary; storyKeys: string[]; articleIds: string[] };
  /** Average cosine between the two parts' members. */
  similarity: number;
}

/** The change-log entries a split writes: on the story cut, and as the first entry of the new one. */
export function splitChanges(split: StorySplit, keptVersion: number, at: string): Array<{ storyId: string; change: StoryChange }> {
  const n = split.part.articleIds.length;
  return [
    { storyId: split.storyId, change: { version: keptVersion, at, kind: 'split', detail: `${n} articles about another event were split off into a story of their own`, articleIds: split.part.articleIds, storyIds: [split.part.story.id] } },
    { storyId: split.part.story.id, change: { version: 1, at, kind: 'split', detail: `split off from another story: its ${n} articles report another event`, articleIds: split.part.articleIds, storyIds: [split.storyId] } },
  ];
}

/** Marks around matched words in snippets and highlights: control characters, which news text does not hold (unlike « »). */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

export interface SearchHit {
  articleId: string;
  title: string | null;
  /** A short extract with the matched words between MARK_START and MARK_END. */
  snippet: string;
  storyId: string | null;
  /** The story's analysed title, when it has been analysed. */
  storyTitle: string | null;
  source: { name: string | null; domain: string | null };
  publishedAt: string | null;
  publishedAtBasis: PublishedAtBasis;
}

/** The figures of a story's stored analysis that lists show: columns stored beside the analysis, so read without it. */
export interface StoryFigures {
  independentSources: number;
  claims: number;
  corroborated: number;
  disputed: number;
  conflicts: number;
}

/** One story as the home page shows it, read from the store alone (no story is analysed for it). */
export interface StoryCard {
  id: string;
  articleCount: number;
  updatedAt: string;
  /** The stored analysis's title (possibly of an earlier version), else the first member's headline (null when it has none). */
  title: string | null;
  /** Outlet names (else domains) of the members, most articles first. */
  outlets: string[];
  /** Earliest and latest publication date among the members, and whether any of them was inferred rather than stated. */
  firstPublishedAt: string | null;
  lastPublishedAt: string | null;
  datesInferred: boolean;
  /** From the stored analysis; null when it is not current (the story or the analysis code changed since, or it was never analysed). */
  digest: StoryFigures | null;
}

export interface StorySearchHit {
  storyId: string;
  title: string;
  /** From the title or brief, the matched words between MARK_START and MARK_END. */
  snippet: string;
}

/**
 * What a batch will add, when the caller knows it before the batch starts: the store may read
 * ahead, outside its write lock, what placing them will ask (which contents are stored already,
 * the document frequencies of their terms).
 * A hint only: the batch stays correct for whatever it adds.
 */
export interface BatchAhead {
  contentHashes: string[];
  /** The keys their placement reads document frequencies of (`vectorKeys`). */
  terms?: string[];
}

export interface AddResult {
  /** False when the same content was stored before; `existingId` then names it. */
  added: boolean;
  id: string;
  existingId?: string;
}

/**
 * Everything that touches the database sits behind this interface, so the SQLite store
 * (`SqliteStore`) and the PostgreSQL store (`PgStore`) run the same tests; `openStore` picks one
 * from a location. `addArticle` is one transaction: the article, its story and the membership
 * land together or not at all.
 */
export interface Store {
  /** The id of the article already stored with this content hash, if any. */
  findByHash(contentHash: string): Promise<string | null>;
  /**
   * Stores an article where `placement` says. The placement must have been read from the store
   * as it is now: with other writers about, use `placeAndAdd`.
   */
  addArticle(doc: Doc, placement: Placement): Promise<AddResult>;
  /**
   * Places and stores an article as one unit of work, safe with writers in other processes:
   * `place` reads the store through the `view` it is given, inside the write transaction and
   * under a lock that lets one placement at a time through (SQLite: `BEGIN IMMEDIATE`;
   * PostgreSQL: an advisory lock), and its placement is written in that same transaction. The
   * content hash is checked first (`added: false` with `existingId` when stored before, and
   * `place` is not called). A busy store or a serialisation failure is retried a bounded number
   * of times (`place` may run again), then fails as a `store-error`.
   */
  placeAndAdd(doc: Doc, place: (view: Store) => Promise<Placement>): Promise<AddResult>;
  /**
   * Runs `work` as one transaction in which each `addArticle`/`placeAndAdd` is a savepoint (many
   * articles, one commit: the writes cost far less; a failed article still rolls back alone),
   * holding the write lock throughout (SQLite: `BEGIN IMMEDIATE`; PostgreSQL: the advisory lock),
   * so placements inside it need no lock of their own. Optional: a store without it commits each article on its own.
   * Other writes of this process called outside `work` wait for the batch to end.
   */
  batch?(work: () => Promise<void>, ahead?: BatchAhead): Promise<void>;
  getArticles(ids?: string[]): Promise<Doc[]>;
  /** The named articles as stored, column by column (unknown ids are skipped): what `getArticles` parses, for a thread to parse. */
  getArticleRows(ids: string[]): Promise<ArticleRow[]>;
  /** The named articles without layers or raw input (unknown ids are skipped): cheap to read for an export. */
  getArticleTexts(ids: string[]): Promise<ArticleText[]>;
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
  /** The sketches of `copyCandidates(bands, limit)`, in that order, in one read. */
  copyCandidateSketches(bands: number[], limit: number): Promise<CopySketch[]>;
  /** Copy links of the given articles (those that are copies). */
  copiesOf(ids: string[]): Promise<Map<string, CopyLink>>;
  storyMerges(): Promise<StoryMerge[]>;
  /**
   * Cuts a story in two as `split` says, in one transaction under the placement lock, unless the
   * story's version is no longer `split.version` (false then; nothing changes). Both stories get a
   * `split` entry in their change log; the story cut gets `version + 1`.
   */
  splitStory(split: StorySplit): Promise<boolean>;
  storyOf(articleId: string): Promise<string | null>;
  counts(): Promise<{ articles: number; stories: number }>;
  /** The stored analyses of the named stories, whatever versions they were computed from (unknown or never analysed ids are absent). */
  getStoryAnalyses(ids: string[]): Promise<Map<string, StoryAnalysis>>;
  /**
   * Stores a story's analysis with its list figures (`StoryFigures`, the brief's text for
   * `searchStories`), replacing an older one; ignored when the story no longer exists or a newer
   * version is stored.
   *
   * `changes` (what this analysis found new, see story/changes.ts) are appended to the story's
   * change log in the same transaction, and only when the stored analysis was absent or of an
   * older story version (`analysis.version` greater than the stored one): a recomputation of the
   * same version (new analysis code, or two readers racing) logs nothing, and a log never holds
   * changes of an analysis that was not stored.
   */
  putStoryAnalysis(analysis: StoryAnalysis, changes?: StoryChange[]): Promise<void>;
  /** A story's change log, oldest first (insertion order within a version); empty for an unknown story. */
  storyChanges(storyId: string): Promise<StoryChange[]>;
  /**
   * Deletes one article and all that is stored about it, in one transaction (nothing changes if
   * any part fails): its row and search-index entry, its story membership, its copy sketch, LSH
   * bands and copy link. Articles recorded as copies of it lose that link (they become originals).
   * Every story whose members or copy links this changes gets `version + 1` (so its analysis is
   * recomputed on its next read; the caller should refresh them, see pipeline `deleteArticle`);
   * the article's story gets its size and latest publication date recounted. A story left with
   * no member is deleted with its analysis and change log. Recorded merges stay (a merge remains
   * a fact after the article that bridged the stories is gone).
   *
   * Not rolled back, by design: the grouping's statistics (term document frequencies, stored
   * article count, the story's centroid and keywords): they keep the deleted article's share,
   * which only tilts where later articles are grouped, never what a story's analysis says.
   *
   * Returns null (and changes nothing) when no such article is stored; else the story it left,
   * whether that story was deleted, and the ids of the (still existing) stories whose version rose.
   */
  deleteArticle(articleId: string): Promise<{ storyId: string; storyDeleted: boolean; changedStoryIds: string[] } | null>;
  /** Full-text search over titles and clean texts; `query` is plain words (no query syntax). */
  search(query: string, limit: number): Promise<SearchHit[]>;
  /** Stories whose stored analysis's title or brief matches (stemmed, like `search`). */
  searchStories(query: string, limit: number): Promise<StorySearchHit[]>;
  /** The article's clean text with the words matching `query` between \u0002 and \u0003 (null when no such article). */
  highlightArticle(articleId: string, query: string): Promise<string | null>;
  /** A page of stories for lists, by latest article first, from stored figures only (no analysis is computed or read). */
  pageStoryCards(limit: number, offset: number): Promise<StoryCard[]>;
  /**
   * A token that changes whenever committed content may have changed (this connection's commits
   * and other processes'), for caches of what reads return; null inside an open write transaction,
   * whose rows are not committed and must not be cached. Optional: without it, callers cache nothing across reads.
   */
  generation?(): Promise<string | null>;
  close(): Promise<void>;
}
