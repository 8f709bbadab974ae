import { AsyncLocalStorage } from 'node:async_hooks';
import Database from 'better-sqlite3';
import { CorroborateError } from '../../doc/errors.js';
import type { Doc, PublishedAtBasis } from '../../doc/types.js';
import type { CopyLink, CopySketch } from '../../cluster/copies.js';
import type { StorySummary, TermStats } from '../../cluster/stories.js';
import { MARK_END, MARK_START, splitChanges } from '../store.js';
import type { AddResult, ArticleText, ClusterWrite, Placement, SearchHit, Store, StoryCard, StoredStory, StoryMerge, StorySearchHit, StorySplit } from '../store.js';
import { ANALYSIS_VERSION, type StoryAnalysis } from '../../story/types.js';
import {
  ACTIVITY_BUCKET,
  analysisFigures,
  centroidJson,
  eventJson,
  fromRow,
  metaOf,
  queryWords,
  redirectsInto,
  shingleBytes,
  shinglesOf,
  storyCard,
  summaryOf,
  toRow,
  withRedirects,
  type ArticleRow,
  type CardMemberRow,
  type CardStoryRow,
} from '../rows.js';
import { idCollision, Mutex, withRetries, WRITE_ATTEMPTS } from '../concurrency.js';
import { DEFAULT_DF_CACHE, DEFAULT_SUMMARY_CACHE, PlacementCaches } from '../caches.js';
import type { StoryChange } from '../../export/types.js';
import { MIGRATIONS } from './migrations.js';

export const DEFAULT_DB_PATH = './corroborate.db';
export { DEFAULT_DF_CACHE, DEFAULT_SUMMARY_CACHE };

/** Another connection holds the write lock past busy_timeout. */
const busy = (error: unknown): boolean => /^SQLITE_BUSY/.test((error as { code?: string }).code ?? '');

/**
 * SQLite store (better-sqlite3). WAL journal so readers (the API) never block the writer and a
 * killed process leaves the last committed transaction intact; `synchronous=NORMAL` is safe
 * with WAL (a power cut may lose the last commits, never corrupt). Writers in several processes
 * are safe: placing and adding an article is one `BEGIN IMMEDIATE` transaction (`placeAndAdd`),
 * and the caches are dropped when `PRAGMA data_version` shows another connection committed.
 */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  /** Prepared statements by SQL: preparing costs more than running the small queries of the ingest path. */
  private readonly statements = new Map<string, Database.Statement>();
  /** They follow `PRAGMA data_version`, which SQLite changes when another connection commits. */
  private readonly caches = new PlacementCaches();
  /** One write transaction at a time on this connection (a placement awaits between its reads). */
  private readonly writer = new Mutex();
  /** Set inside `batch`'s work: its writes are savepoints of the batch's transaction, which holds the writer. */
  private readonly inBatch = new AsyncLocalStorage<true>();
  /**
   * Inside `batch`: the article count and document frequencies its articles add, written once at
   * its end (one upsert per distinct term of the batch instead of one per term of each article);
   * placements inside the batch read them added to the stored counts (`termStats`).
   */
  private pending: { docs: number; df: Map<string, number> } | null = null;
  /** Transactions committed through this connection (`data_version` counts only other connections'): half of `generation`. */
  private commits = 0;

  private constructor(db: Database.Database) {
    this.db = db;
  }

  private sql(source: string): Database.Statement {
    let statement = this.statements.get(source);
    if (!statement) this.statements.set(source, (statement = this.db.prepare(source)));
    return statement;
  }

  static open(path: string = DEFAULT_DB_PATH): SqliteStore {
    let db: Database.Database | undefined;
    try {
      db = new Database(path);
      // Identify the file before changing anything in it (journal mode rewrites the header).
      refuseForeign(db, path);
      // First, so that switching to WAL waits for another process opening the same file.
      db.pragma('busy_timeout = 5000');
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      // 64 MiB of page cache (the default is 2 MiB): the indexes of a large store stay in memory.
      db.pragma('cache_size = -65536');
      // Checkpoint the WAL into the file every ~40 MiB of it instead of SQLite's 4 MiB: a batch of
      // articles dirties thousands of pages of the random-key indexes (LSH bands, keyword postings,
      // document frequencies), so at the default nearly every commit ran a checkpoint, with its two
      // fsyncs, on the writer's thread; further apart, a page the next batches dirty again is copied
      // into the file once. With synchronous=NORMAL this is as safe (issue 19).
      db.pragma('wal_autocheckpoint = 10000');
      const store = new SqliteStore(db);
      store.migrate();
      return store;
    } catch (error) {
      db?.close();
      if (error instanceof CorroborateError) throw error;
      throw new CorroborateError('store-error', `${path}: cannot open as a Corroborate store (${(error as Error).message})`, { subject: path, cause: error });
    }
  }

  /**
   * Runs the migrations not yet applied. Another process may be migrating the same new file, so each
   * step takes the write lock first and reads the version under it (read before, both would create
   * the same tables). A step that stays busy past busy_timeout (another process's ingest batch holds
   * the lock, often right after it migrated this file itself) looks at the version again before
   * trying anew, up to WRITE_ATTEMPTS times.
   */
  private migrate(): void {
    const version = () => this.db.pragma('user_version', { simple: true }) as number;
    const step = this.db.transaction((): boolean => {
      const current = version();
      if (current >= MIGRATIONS.length) return false;
      this.db.exec(MIGRATIONS[current]!);
      this.db.pragma(`user_version = ${current + 1}`);
      return true;
    });
    for (let busyTries = 0; ; ) {
      // An up-to-date store opens without the write lock (a batch of another connection may hold it).
      if (version() >= MIGRATIONS.length) return;
      try {
        step.immediate();
      } catch (error) {
        if (!busy(error) || ++busyTries >= WRITE_ATTEMPTS) throw error;
      }
    }
  }

  async findByHash(contentHash: string): Promise<string | null> {
    const row = this.sql('SELECT id FROM articles WHERE content_hash = ?').get(contentHash) as { id: string } | undefined;
    return row?.id ?? null;
  }

  async addArticle(doc: Doc, placement: Placement): Promise<AddResult> {
    return this.placeAndAdd(doc, async () => placement);
  }

  async placeAndAdd(doc: Doc, place: (view: Store) => Promise<Placement>): Promise<AddResult> {
    // In a batch the write lock is held already: the article is a savepoint that rolls back alone.
    if (this.inBatch.getStore()) return this.placeAndWrite(doc, place, 'SAVEPOINT article', 'RELEASE article', 'ROLLBACK TO article; RELEASE article');
    return this.writer.run(() =>
      // IMMEDIATE takes the write lock before the placement reads: no other writer commits in between.
      withRetries(busy, () => this.placeAndWrite(doc, place, 'BEGIN IMMEDIATE', 'COMMIT', 'ROLLBACK')),
    );
  }

  /** Checks the hash, places and writes one article between `begin` and `commit`. */
  private async placeAndWrite(doc: Doc, place: (view: Store) => Promise<Placement>, begin: string, commit: string, rollback: string): Promise<AddResult> {
    this.db.exec(begin);
    let placement: Placement | null = null;
    let result: AddResult;
    try {
      this.caches.follow(this.dataVersion());
      const existing = this.sql('SELECT id FROM articles WHERE content_hash = ?').get(doc.contentHash) as { id: string } | undefined;
      if (existing) result = { added: false, id: doc.id, existingId: existing.id };
      else {
        placement = await place(this);
        result = this.write(doc, placement);
      }
      this.db.exec(commit);
      this.commits++;
    } catch (error) {
      if (this.db.inTransaction) this.db.exec(rollback);
      throw error;
    }
    // Counted once its savepoint is released: an article rolled back alone adds nothing.
    if (placement?.cluster && this.inBatch.getStore() && this.pending) {
      this.pending.docs++;
      for (const term of new Set(placement.cluster.terms)) this.pending.df.set(term, (this.pending.df.get(term) ?? 0) + 1);
    }
    // The caches follow the database only once the article's writes are kept (a batch that
    // fails later drops them all, see `batch`). Own commits leave this connection's data_version as it was.
    if (placement) this.caches.committed(placement, this.dataVersion());
    return result;
  }

  private dataVersion(): number {
    // A prepared statement: `db.pragma()` prepares one on every call, and reads ask at every request (`generation`).
    return (this.sql('PRAGMA data_version').get() as { data_version: number }).data_version;
  }

  /** A write of its own (not an article's): a savepoint inside a batch, else an IMMEDIATE transaction through the writer, retried while another process writes. */
  private writeUnit<T>(work: () => T): Promise<T> {
    const unit = this.db.transaction(work);
    if (this.inBatch.getStore()) return Promise.resolve(unit());
    return this.writer.run(() =>
      withRetries(busy, async () => {
        const result = unit.immediate();
        this.commits++;
        return result;
      }),
    );
  }

  /** The rows of one placed article (inside the caller's transaction). */
  private write(doc: Doc, placement: Placement): AddResult {
    const now = new Date().toISOString();
    if (this.sql('SELECT 1 FROM articles WHERE id = ?').get(doc.id)) throw idCollision('article', doc.id);
    const seq = (this.sql('SELECT coalesce(max(seq), 0) + 1 AS next FROM articles').get() as { next: number }).next;
    this.sql(
      `INSERT INTO articles (id, content_hash, input, source_name, source_domain, url, title, byline, published_at,
         published_at_basis, language, raw, text, segments, removed, layers, messages, seq, ingested_at)
       VALUES (@id, @content_hash, @input, @source_name, @source_domain, @url, @title, @byline, @published_at,
         @published_at_basis, @language, @raw, @text, @segments, @removed, @layers, @messages, @seq, @ingested_at)`,
    ).run({ ...toRow(doc), seq, ingested_at: now });
    if (placement.isNewStory) {
      const created = this.sql('INSERT INTO stories (id, created_at, updated_at, version) VALUES (?, ?, ?, 1) ON CONFLICT (id) DO NOTHING').run(placement.storyId, now, now);
      if (created.changes === 0) throw idCollision('story', placement.storyId);
    } else {
      const updated = this.sql('UPDATE stories SET updated_at = ?, version = version + 1 WHERE id = ?').run(now, placement.storyId);
      if (updated.changes === 0) throw new CorroborateError('store-error', `story ${placement.storyId} does not exist`);
    }
    this.sql('INSERT INTO story_articles (article_id, story_id, seq) VALUES (?, ?, ?)').run(doc.id, placement.storyId, seq);
    if (placement.cluster) this.writeCluster(doc.id, placement.storyId, placement.cluster, seq, now);
    else this.sql('UPDATE stories SET size = size + 1, active_seq = ? WHERE id = ?').run(seq, placement.storyId);
    this.noteLatestPublished(placement.storyId, doc.meta.publishedAt, (placement.cluster?.merged.length ?? 0) > 0);
    return { added: true, id: doc.id };
  }

  async batch(work: () => Promise<void>): Promise<void> {
    if (this.inBatch.getStore()) return work();
    await this.writer.run(async () => {
      // IMMEDIATE: take the write lock now (retried while another process holds it), so no other
      // writer commits between the batch's placements and its commit never fails on a lock.
      await withRetries(busy, async () => this.db.exec('BEGIN IMMEDIATE'));
      this.pending = { docs: 0, df: new Map() };
      try {
        await this.inBatch.run(true, work);
        this.writePending(this.pending);
        this.db.exec('COMMIT');
        this.commits++;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        // The caches took in the batch's articles as each savepoint was released.
        this.caches.forget();
        throw error;
      } finally {
        this.pending = null;
      }
    });
  }

  /** A batch's article count and document frequencies (see `pending`). */
  private writePending({ docs, df }: { docs: number; df: Map<string, number> }): void {
    if (docs > 0) this.sql('UPDATE cluster_stats SET docs = docs + ? WHERE id = 1').run(docs);
    const raise = this.sql('INSERT INTO term_df (term, df) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET df = df + excluded.df');
    for (const term of [...df.keys()].sort()) raise.run(term, df.get(term)!);
  }

  /** The grouping's and copy detection's share of `addArticle` (inside its transaction). */
  private writeCluster(articleId: string, storyId: string, write: ClusterWrite, seq: number, now: string): void {
    if (write.story.id !== storyId) throw new CorroborateError('store-error', `story summary ${write.story.id} does not match placement ${storyId}`);
    // Sizes move relative to the stored rows (the article plus the stories folded in), never from a copy.
    const folded = (this.sql('SELECT coalesce(sum(size), 0) AS n FROM stories WHERE id IN (SELECT value FROM json_each(?))').get(JSON.stringify(write.merged.map((m) => m.storyId))) as { n: number }).n;
    for (const merge of write.merged) {
      this.sql('UPDATE story_articles SET story_id = ? WHERE story_id = ?').run(storyId, merge.storyId);
      this.sql('DELETE FROM story_keys WHERE story_id = ?').run(merge.storyId);
      this.sql('DELETE FROM stories WHERE id = ?').run(merge.storyId);
      this.sql('INSERT INTO story_merges (from_id, into_id, article_id, score, merged_at) VALUES (?, ?, ?, ?, ?)').run(merge.storyId, storyId, articleId, merge.score, now);
    }
    const story = write.story;
    this.sql('UPDATE stories SET size = size + 1 + ?, centroid = ?, first_at = ?, last_at = ?, active_seq = ?, event = ? WHERE id = ?').run(
      folded,
      centroidJson(story),
      story.firstAt,
      story.lastAt,
      seq,
      eventJson(story.event),
      storyId,
    );
    this.writeKeys(storyId, write.storyKeys, Math.floor(seq / ACTIVITY_BUCKET));

    // In a batch they are counted at its end (`pending`).
    if (!this.inBatch.getStore()) this.writePending({ docs: 1, df: new Map([...new Set(write.terms)].map((term) => [term, 1])) });

    const sketch = write.sketch;
    this.sql('INSERT INTO article_sketches (article_id, shingles, published_at, text_length) VALUES (?, ?, ?, ?)').run(
      articleId,
      shingleBytes(sketch.shingles),
      sketch.publishedAt,
      sketch.length,
    );
    const insertBand = this.sql('INSERT OR IGNORE INTO lsh_bands (band, article_id) VALUES (?, ?)');
    for (const band of sketch.bands) insertBand.run(band, articleId);

    const link = this.sql('INSERT INTO article_copies (article_id, original_id, similarity) VALUES (?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET original_id = excluded.original_id, similarity = excluded.similarity');
    if (write.copyOf) link.run(articleId, write.copyOf.of, write.copyOf.similarity);
    for (const { articleId: copy, link: to } of write.repoint) {
      // The links of the repointed copy and of the articles copying it change: their stories' analyses are stale.
      this.sql(
        `UPDATE stories SET version = version + 1 WHERE id != ? AND id IN (
           SELECT story_id FROM story_articles WHERE article_id = ? OR article_id IN (SELECT article_id FROM article_copies WHERE original_id = ?))`,
      ).run(storyId, copy, copy);
      this.sql('UPDATE article_copies SET original_id = ? WHERE original_id = ?').run(to.of, copy);
      link.run(copy, to.of, to.similarity);
    }
  }

  /** Keeps `latest_published_at` (the home page's order): one comparison per join, a recount after a merge brought other members. */
  private noteLatestPublished(storyId: string, publishedAt: string | null, merged: boolean): void {
    if (merged)
      this.sql('UPDATE stories SET latest_published_at = (SELECT max(a.published_at) FROM story_articles m JOIN articles a ON a.id = m.article_id WHERE m.story_id = ?) WHERE id = ?').run(storyId, storyId);
    else if (publishedAt !== null)
      this.sql('UPDATE stories SET latest_published_at = ? WHERE id = ? AND (latest_published_at IS NULL OR latest_published_at < ?)').run(publishedAt, storyId, publishedAt);
  }

  /** Rewrites a story's postings: only the changed keywords while its activity bucket stays, all of them when it moves on. */
  private writeKeys(storyId: string, keys: string[], bucket: number): void {
    const old = this.sql('SELECT key, active_seq FROM story_keys WHERE story_id = ?').all(storyId) as Array<{ key: string; active_seq: number }>;
    const next = new Set(keys);
    const sameBucket = old.length > 0 && old.every((row) => row.active_seq === bucket);
    const keep = sameBucket ? new Set(old.map((row) => row.key).filter((k) => next.has(k))) : new Set<string>();
    const remove = this.sql('DELETE FROM story_keys WHERE key = ? AND story_id = ?');
    for (const row of old) if (!keep.has(row.key)) remove.run(row.key, storyId);
    const insert = this.sql('INSERT INTO story_keys (key, story_id, active_seq) VALUES (?, ?, ?)');
    for (const key of next) if (!keep.has(key)) insert.run(key, storyId, bucket);
  }

  async getArticles(ids?: string[]): Promise<Doc[]> {
    const rows = ids ? await this.getArticleRows(ids) : (this.db.prepare('SELECT * FROM articles ORDER BY seq').all() as ArticleRow[]);
    return rows.map(fromRow);
  }

  async getArticleRows(ids: string[]): Promise<ArticleRow[]> {
    return ids.map((id) => this.sql('SELECT * FROM articles WHERE id = ?').get(id) as ArticleRow | undefined).filter((r): r is ArticleRow => r !== undefined);
  }

  async getArticleTexts(ids: string[]): Promise<ArticleText[]> {
    const get = this.sql('SELECT id, input, source_name, source_domain, url, title, byline, published_at, published_at_basis, language, text, removed, messages FROM articles WHERE id = ?');
    const out: ArticleText[] = [];
    for (const id of ids) {
      const row = get.get(id) as Omit<ArticleRow, 'content_hash' | 'raw' | 'segments' | 'layers'> | undefined;
      if (row) out.push({ id: row.id, meta: metaOf(row), title: row.title, text: row.text, removed: JSON.parse(row.removed), messages: JSON.parse(row.messages) });
    }
    return out;
  }

  async listStories(): Promise<StoredStory[]> {
    const stories = this.db.prepare('SELECT id, created_at, updated_at, version FROM stories ORDER BY created_at, id').all() as Array<{ id: string; created_at: string; updated_at: string; version: number }>;
    const members = this.db.prepare('SELECT story_id, article_id FROM story_articles ORDER BY seq').all() as Array<{ story_id: string; article_id: string }>;
    const byStory = new Map<string, string[]>();
    for (const m of members) {
      const ids = byStory.get(m.story_id);
      if (ids) ids.push(m.article_id);
      else byStory.set(m.story_id, [m.article_id]);
    }
    const redirects = await this.redirects(stories.map((s) => s.id));
    return stories.map((s) => withRedirects({ id: s.id, articleIds: byStory.get(s.id) ?? [], createdAt: s.created_at, updatedAt: s.updated_at, version: s.version }, redirects.get(s.id)));
  }

  async storyOf(articleId: string): Promise<string | null> {
    const row = this.sql('SELECT story_id FROM story_articles WHERE article_id = ?').get(articleId) as { story_id: string } | undefined;
    return row?.story_id ?? null;
  }

  async getStories(ids: string[]): Promise<StoredStory[]> {
    const stories: StoredStory[] = [];
    for (const id of ids) {
      const row = this.sql('SELECT id, created_at, updated_at, version FROM stories WHERE id = ?').get(id) as { id: string; created_at: string; updated_at: string; version: number } | undefined;
      if (!row) continue;
      const members = this.sql('SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY seq').all(id) as Array<{ article_id: string }>;
      stories.push({ id: row.id, articleIds: members.map((m) => m.article_id), createdAt: row.created_at, updatedAt: row.updated_at, version: row.version });
    }
    const redirects = await this.redirects(stories.map((s) => s.id));
    return stories.map((s) => withRedirects(s, redirects.get(s.id)));
  }

  private redirects(ids: string[]): Promise<Map<string, string[]>> {
    const from = this.sql('SELECT from_id FROM story_merges WHERE into_id = ? ORDER BY rowid');
    return redirectsInto(ids, async (id) => (from.all(id) as Array<{ from_id: string }>).map((r) => r.from_id));
  }

  async termStats(keys: string[]): Promise<TermStats> {
    // Inside a batch the stored counts lack the batch's own articles until its end: they are added here.
    const pending = this.inBatch.getStore() ? this.pending : null;
    return this.caches.termStats(
      keys,
      async () => (this.sql('SELECT docs FROM cluster_stats WHERE id = 1').get() as { docs: number }).docs + (pending?.docs ?? 0),
      async (terms) => {
        const rows = this.sql('SELECT term, df FROM term_df WHERE term IN (SELECT value FROM json_each(?))').all(JSON.stringify(terms)) as Array<{ term: string; df: number }>;
        if (!pending || pending.df.size === 0) return rows;
        const df = new Map(rows.map((r) => [r.term, r.df]));
        return terms.flatMap((term) => {
          const n = (df.get(term) ?? 0) + (pending.df.get(term) ?? 0);
          return n > 0 ? [{ term, df: n }] : [];
        });
      },
    );
  }

  async storyCandidates(keys: string[], perKey: number): Promise<Map<string, number>> {
    const hits = new Map<string, number>();
    const lookup = this.sql('SELECT story_id FROM story_keys WHERE key = ? ORDER BY active_seq DESC, story_id LIMIT ?');
    for (const key of new Set(keys)) for (const row of lookup.all(key, perKey) as Array<{ story_id: string }>) hits.set(row.story_id, (hits.get(row.story_id) ?? 0) + 1);
    return hits;
  }

  async storySummaries(ids: string[]): Promise<StorySummary[]> {
    const get = this.sql('SELECT id, size, centroid, first_at, last_at, event FROM stories WHERE id = ?');
    return this.caches.storySummaries(ids, async (missing) => missing.flatMap((id) => {
      const row = get.get(id) as Parameters<typeof summaryOf>[0] | undefined;
      return row ? [summaryOf(row)] : [];
    }));
  }

  async copyCandidates(bands: number[], limit: number): Promise<string[]> {
    if (bands.length === 0) return [];
    const rows = this.sql('SELECT DISTINCT article_id FROM lsh_bands WHERE band IN (SELECT value FROM json_each(?)) LIMIT ?').all(JSON.stringify(bands), limit) as Array<{ article_id: string }>;
    return rows.map((r) => r.article_id);
  }

  async copyCandidateSketches(bands: number[], limit: number): Promise<CopySketch[]> {
    return this.copySketches(await this.copyCandidates(bands, limit));
  }

  private copySketches(ids: string[]): CopySketch[] {
    const get = this.sql(
      `SELECT s.article_id, s.shingles, s.published_at, s.text_length, c.original_id
       FROM article_sketches s LEFT JOIN article_copies c ON c.article_id = s.article_id WHERE s.article_id = ?`,
    );
    const out: CopySketch[] = [];
    for (const id of ids) {
      const row = get.get(id) as { article_id: string; shingles: Buffer; published_at: number | null; text_length: number; original_id: string | null } | undefined;
      if (!row) continue;
      out.push({ articleId: row.article_id, shingles: shinglesOf(row.shingles), publishedAt: row.published_at, length: row.text_length, duplicateOf: row.original_id });
    }
    return out;
  }

  async copiesOf(ids: string[]): Promise<Map<string, CopyLink>> {
    const get = this.sql('SELECT original_id, similarity FROM article_copies WHERE article_id = ?');
    const out = new Map<string, CopyLink>();
    for (const id of ids) {
      const row = get.get(id) as { original_id: string; similarity: number } | undefined;
      if (row) out.set(id, { of: row.original_id, similarity: row.similarity });
    }
    return out;
  }

  async splitStory(split: StorySplit): Promise<boolean> {
    const done = await this.writeUnit(() => {
      const row = this.sql('SELECT version, active_seq FROM stories WHERE id = ?').get(split.storyId) as { version: number; active_seq: number } | undefined;
      if (!row || row.version !== split.version) return false;
      const now = new Date().toISOString();
      const { kept, part } = split;
      const created = this.sql(
        'INSERT INTO stories (id, created_at, updated_at, version, size, centroid, first_at, last_at, active_seq, event) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
      ).run(part.story.id, now, now, part.articleIds.length, centroidJson(part.story), part.story.firstAt, part.story.lastAt, row.active_seq, eventJson(part.story.event));
      if (created.changes === 0) throw idCollision('story', part.story.id);
      const move = this.sql('UPDATE story_articles SET story_id = ? WHERE article_id = ? AND story_id = ?');
      for (const id of part.articleIds) move.run(part.story.id, id, split.storyId);
      this.sql('UPDATE stories SET version = version + 1, updated_at = ?, size = size - ?, centroid = ?, first_at = ?, last_at = ?, event = ? WHERE id = ?').run(
        now,
        part.articleIds.length,
        centroidJson(kept.story),
        kept.story.firstAt,
        kept.story.lastAt,
        eventJson(kept.story.event),
        split.storyId,
      );
      const latest = this.sql('UPDATE stories SET latest_published_at = (SELECT max(a.published_at) FROM story_articles m JOIN articles a ON a.id = m.article_id WHERE m.story_id = ?) WHERE id = ?');
      latest.run(split.storyId, split.storyId);
      latest.run(part.story.id, part.story.id);
      const bucket = Math.floor(row.active_seq / ACTIVITY_BUCKET);
      this.writeKeys(split.storyId, kept.storyKeys, bucket);
      this.writeKeys(part.story.id, part.storyKeys, bucket);
      const log = this.sql('INSERT INTO story_changes (story_id, version, at, kind, detail, article_ids, story_ids) VALUES (?, ?, ?, ?, ?, ?, ?)');
      for (const { storyId, change } of splitChanges(split, row.version + 1, now))
        log.run(storyId, change.version, change.at, change.kind, change.detail ?? null, JSON.stringify(change.articleIds ?? []), JSON.stringify(change.storyIds ?? []));
      return true;
    });
    this.caches.forgetStory(split.storyId);
    this.caches.forgetStory(split.part.story.id);
    return done;
  }

  async storyMerges(): Promise<StoryMerge[]> {
    const rows = this.sql('SELECT from_id, into_id, article_id, score FROM story_merges ORDER BY rowid').all() as Array<{ from_id: string; into_id: string; article_id: string; score: number }>;
    return rows.map((r) => ({ from: r.from_id, into: r.into_id, articleId: r.article_id, score: r.score }));
  }

  async counts(): Promise<{ articles: number; stories: number }> {
    const articles = (this.sql('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    const stories = (this.sql('SELECT count(*) AS n FROM stories').get() as { n: number }).n;
    return { articles, stories };
  }

  async getStoryAnalyses(ids: string[]): Promise<Map<string, StoryAnalysis>> {
    const get = this.sql('SELECT analysis FROM story_analyses WHERE story_id = ?');
    const out = new Map<string, StoryAnalysis>();
    for (const id of ids) {
      const row = get.get(id) as { analysis: string } | undefined;
      if (row) out.set(id, JSON.parse(row.analysis) as StoryAnalysis);
    }
    return out;
  }

  async putStoryAnalysis(analysis: StoryAnalysis, changes: StoryChange[] = []): Promise<void> {
    // The list figures are columns of the analysis's own row, written by the same statement (and
    // the story search index by triggers on it): one stored result per story, never out of step.
    const row = {
      id: analysis.storyId,
      version: analysis.version,
      analysisVersion: analysis.analysisVersion,
      title: analysis.title,
      sources: analysis.independentSourceCount,
      json: JSON.stringify(analysis),
      now: new Date().toISOString(),
      ...analysisFigures(analysis),
    };
    await this.writeUnit(() => {
      const stored = this.sql('SELECT story_version FROM story_analyses WHERE story_id = ?').get(analysis.storyId) as { story_version: number } | undefined;
      const written = this.sql(
        `INSERT INTO story_analyses (story_id, story_version, analysis_version, title, independent_sources, analysis, analysed_at, claims, corroborated, disputed, conflicts, brief)
         SELECT @id, @version, @analysisVersion, @title, @sources, @json, @now, @claims, @corroborated, @disputed, @conflicts, @brief WHERE EXISTS (SELECT 1 FROM stories WHERE id = @id)
         ON CONFLICT (story_id) DO UPDATE SET story_version = excluded.story_version, analysis_version = excluded.analysis_version,
           title = excluded.title, independent_sources = excluded.independent_sources, analysis = excluded.analysis, analysed_at = excluded.analysed_at,
           claims = excluded.claims, corroborated = excluded.corroborated, disputed = excluded.disputed, conflicts = excluded.conflicts, brief = excluded.brief
         WHERE excluded.story_version >= story_analyses.story_version`,
      ).run(row);
      if (written.changes === 0 || (stored && stored.story_version >= analysis.version)) return;
      const log = this.sql('INSERT INTO story_changes (story_id, version, at, kind, detail, article_ids, story_ids) VALUES (?, ?, ?, ?, ?, ?, ?)');
      const list = (ids: string[] | undefined) => (ids?.length ? JSON.stringify(ids) : null);
      for (const c of changes) log.run(analysis.storyId, c.version, c.at, c.kind, c.detail ?? null, list(c.articleIds), list(c.storyIds));
    });
  }

  async storyChanges(storyId: string): Promise<StoryChange[]> {
    const rows = this.sql('SELECT version, at, kind, detail, article_ids, story_ids FROM story_changes WHERE story_id = ? ORDER BY version, rowid').all(storyId) as Array<{
      version: number;
      at: string;
      kind: StoryChange['kind'];
      detail: string | null;
      article_ids: string | null;
      story_ids: string | null;
    }>;
    return rows.map((r) => ({
      version: r.version,
      at: r.at,
      kind: r.kind,
      ...(r.detail !== null ? { detail: r.detail } : {}),
      ...(r.article_ids !== null ? { articleIds: JSON.parse(r.article_ids) as string[] } : {}),
      ...(r.story_ids !== null ? { storyIds: JSON.parse(r.story_ids) as string[] } : {}),
    }));
  }

  async deleteArticle(articleId: string): Promise<{ storyId: string; storyDeleted: boolean; changedStoryIds: string[] } | null> {
    const result = await this.writeUnit(() => {
      const member = this.sql('SELECT story_id FROM story_articles WHERE article_id = ?').get(articleId) as { story_id: string } | undefined;
      if (!member) return null;
      const storyId = member.story_id;
      // Stories holding copies of this article: their copy links change, so must their analyses.
      const copyStories = (
        this.sql('SELECT DISTINCT m.story_id FROM article_copies c JOIN story_articles m ON m.article_id = c.article_id WHERE c.original_id = ?').all(articleId) as Array<{ story_id: string }>
      ).map((r) => r.story_id);
      this.sql('DELETE FROM article_copies WHERE article_id = ? OR original_id = ?').run(articleId, articleId);
      this.sql('DELETE FROM lsh_bands WHERE article_id = ?').run(articleId);
      this.sql('DELETE FROM article_sketches WHERE article_id = ?').run(articleId);
      this.sql('DELETE FROM story_articles WHERE article_id = ?').run(articleId);
      this.sql('DELETE FROM articles WHERE id = ?').run(articleId);
      const left = (this.sql('SELECT count(*) AS n FROM story_articles WHERE story_id = ?').get(storyId) as { n: number }).n;
      if (left === 0) {
        this.sql('DELETE FROM story_keys WHERE story_id = ?').run(storyId);
        this.sql('DELETE FROM stories WHERE id = ?').run(storyId);
      } else
        this.sql(
          `UPDATE stories SET version = version + 1, size = ?, updated_at = ?,
             latest_published_at = (SELECT max(a.published_at) FROM story_articles m JOIN articles a ON a.id = m.article_id WHERE m.story_id = stories.id)
           WHERE id = ?`,
        ).run(left, new Date().toISOString(), storyId);
      const bump = this.sql('UPDATE stories SET version = version + 1 WHERE id = ?');
      const others = [...new Set(copyStories)].filter((id) => id !== storyId);
      for (const id of others) bump.run(id);
      return { storyId, storyDeleted: left === 0, changedStoryIds: [...(left === 0 ? [] : [storyId]), ...others] };
    });
    // Its summary may be gone (the story was deleted); the store's generation is this connection's own.
    if (result) this.caches.forgetStory(result.storyId);
    return result;
  }

  async search(query: string, limit: number): Promise<SearchHit[]> {
    const match = ftsQuery(query);
    if (!match) return [];
    const rows = this.sql(
      `SELECT a.id, a.title, snippet(articles_fts, 1, '${MARK_START}', '${MARK_END}', '…', 12) AS snippet, m.story_id, d.title AS story_title,
         a.source_name, a.source_domain, a.published_at, a.published_at_basis
       FROM articles_fts f JOIN articles a ON a.rowid = f.rowid LEFT JOIN story_articles m ON m.article_id = a.id
         LEFT JOIN story_analyses d ON d.story_id = m.story_id
       WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?`,
    ).all(match, limit) as Array<{ id: string; title: string | null; snippet: string; story_id: string | null; story_title: string | null; source_name: string | null; source_domain: string | null; published_at: string | null; published_at_basis: PublishedAtBasis }>;
    return rows.map((r) => ({
      articleId: r.id,
      title: r.title,
      snippet: r.snippet,
      storyId: r.story_id,
      storyTitle: r.story_title,
      source: { name: r.source_name, domain: r.source_domain },
      publishedAt: r.published_at,
      publishedAtBasis: r.published_at_basis,
    }));
  }

  async searchStories(query: string, limit: number): Promise<StorySearchHit[]> {
    const match = ftsQuery(query);
    if (!match) return [];
    // A merged story's analysis, and with it its index row, went with the story (migration 5's triggers).
    const rows = this.sql(
      `SELECT f.story_id, f.title, snippet(stories_fts, -1, '${MARK_START}', '${MARK_END}', '…', 16) AS snippet
       FROM stories_fts f
       WHERE stories_fts MATCH ? ORDER BY rank LIMIT ?`,
    ).all(match, limit) as Array<{ story_id: string; title: string; snippet: string }>;
    return rows.map((r) => ({ storyId: r.story_id, title: r.title, snippet: r.snippet }));
  }

  async highlightArticle(articleId: string, query: string): Promise<string | null> {
    const match = ftsQuery(query);
    const row = match
      ? (this.sql(
          `SELECT highlight(articles_fts, 1, '${MARK_START}', '${MARK_END}') AS text
           FROM articles_fts f JOIN articles a ON a.rowid = f.rowid WHERE a.id = ? AND articles_fts MATCH ?`,
        ).get(articleId, match) as { text: string } | undefined)
      : undefined;
    if (row) return row.text;
    // No match (or no words): the text as it is.
    return (this.sql('SELECT text FROM articles WHERE id = ?').get(articleId) as { text: string } | undefined)?.text ?? null;
  }

  async pageStoryCards(limit: number, offset: number): Promise<StoryCard[]> {
    // The page's stories first (an index walk), then their members: work bounded by the page, not the store.
    const stories = this.sql(
      `SELECT s.id, s.updated_at, a.story_version = s.version AND a.analysis_version = ? AS current, a.title, a.independent_sources, a.claims, a.corroborated, a.disputed, a.conflicts
       FROM stories s LEFT JOIN story_analyses a ON a.story_id = s.id
       ORDER BY s.latest_published_at DESC, s.id DESC LIMIT ? OFFSET ?`,
    ).all(ANALYSIS_VERSION, limit, offset) as CardStoryRow[];
    const members = this.sql(
      `SELECT a.title, a.source_name, a.source_domain, a.published_at, a.published_at_basis
       FROM story_articles m JOIN articles a ON a.id = m.article_id WHERE m.story_id = ? ORDER BY m.seq`,
    );
    return stories.map((s) => storyCard(s, members.all(s.id) as CardMemberRow[]));
  }

  async generation(): Promise<string | null> {
    return this.db.inTransaction ? null : `${this.dataVersion()}.${this.commits}`;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

/**
 * Plain words to an FTS5 query: each word quoted (so user text can never be query syntax such as
 * `NEAR(` or `col:`), all words required.
 */
function ftsQuery(query: string): string {
  return queryWords(query).map((w) => `"${w}"`).join(' ');
}

/** A store from a newer version, or an SQLite file that is not ours, is refused untouched. */
function refuseForeign(db: Database.Database, path: string): void {
  // One statement, so one snapshot: read apart, another process migrating this new file could commit
  // its first tables between the two reads and the file would look foreign.
  const { version, tables } = db
    .prepare(`SELECT (SELECT user_version FROM pragma_user_version) AS version, (SELECT count(*) FROM sqlite_master WHERE type = 'table') AS tables`)
    .get() as { version: number; tables: number };
  if (version > MIGRATIONS.length)
    throw new CorroborateError('store-error', `${path}: made by a newer Corroborate (schema ${version}, this version knows ${MIGRATIONS.length})`, { subject: path });
  if (version === 0 && tables > 0) throw new CorroborateError('store-error', `${path}: is an SQLite database but not a Corroborate store; refusing to touch it`, { subject: path });
}
