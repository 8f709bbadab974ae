import { AsyncLocalStorage } from 'node:async_hooks';
import { CorroborateError } from '../../doc/errors.js';
import type { Doc } from '../../doc/types.js';
import type { CopyLink, CopySketch } from '../../cluster/copies.js';
import type { StorySummary, TermStats } from '../../cluster/stories.js';
import { MARK_END, MARK_START, splitChanges } from '../store.js';
import type { AddResult, ArticleText, BatchAhead, ClusterWrite, Placement, SearchHit, Store, StoryCard, StoredStory, StoryMerge, StorySearchHit, StorySplit } from '../store.js';
import { ANALYSIS_VERSION, type StoryAnalysis } from '../../story/types.js';
import type { StoryChange } from '../../export/types.js';
import {
  ACTIVITY_BUCKET,
  ARTICLE_COLUMNS,
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
import { idCollision, withRetries } from '../concurrency.js';
import { PlacementCaches, type ClusterChange, type StoryKey } from '../caches.js';
import type { Database, Sql } from './client.js';
import { PG_MIGRATIONS } from './migrations.js';

/** Advisory lock keys (one namespace per purpose): placement serialises writers, migration serialises schema upgrades. */
const PLACEMENT_LOCK = 0x436f7200;
const MIGRATION_LOCK = 0x436f7201;
/** Postgres errors worth another try: serialisation failure, deadlock. */
const RETRYABLE = new Set(['40001', '40P01']);
const retryable = (error: unknown) => RETRYABLE.has((error as { code?: string }).code ?? '');
const UNIQUE_VIOLATION = '23505';

/** `ts_headline` options: the store's marks, a snippet of about a dozen words, or the whole text highlighted. */
const SNIPPET = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=24, MinWords=8, MaxFragments=1, FragmentDelimiter=…`;
const HIGHLIGHT_ALL = `StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true`;

/**
 * PostgreSQL store (a server through `pg`, or PGlite in-process). Placing and adding an article
 * (`placeAndAdd`) runs in one transaction under a transaction-scoped advisory lock, so writers in
 * any number of processes place one article at a time against committed data; every stored
 * article raises `cluster_stats.generation`, and a process whose caches follow an older
 * generation drops them before it places.
 */
export class PgStore implements Store {
  private constructor(
    private readonly connection: Sql,
    private readonly root: Database,
    /** Shared by a store and the views of its transactions. */
    private readonly caches: PlacementCaches,
    /** Set inside `batch`'s work: the batch's transaction, which every query of that work goes through. */
    private readonly inBatch = new AsyncLocalStorage<BatchState>(),
  ) {}

  /** The batch's transaction inside `batch`'s work (its own writes are visible there, and only there), else the store's connection. */
  private get db(): Sql {
    return this.inBatch.getStore()?.tx ?? this.connection;
  }

  /** Opens the store on `database` (its search path names the schema), creating and migrating the tables if needed; `label` names it in errors. */
  static async open(database: Database, label: string): Promise<PgStore> {
    try {
      await database.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
        await migrate(tx, label);
      });
    } catch (error) {
      await database.close().catch(() => {});
      if (error instanceof CorroborateError) throw error;
      throw new CorroborateError('store-error', `${label}: cannot open as a Corroborate store (${(error as Error).message})`, { subject: label, cause: error });
    }
    return new PgStore(database, database, new PlacementCaches());
  }

  private within(tx: Sql): PgStore {
    return new PgStore(tx, this.root, this.caches, this.inBatch);
  }

  async findByHash(contentHash: string): Promise<string | null> {
    const [row] = await this.db.query<{ id: string }>('SELECT id FROM articles WHERE content_hash = $1', [contentHash]);
    return row?.id ?? null;
  }

  async addArticle(doc: Doc, placement: Placement): Promise<AddResult> {
    return this.placeAndAdd(doc, async () => placement);
  }

  async placeAndAdd(doc: Doc, place: (view: Store) => Promise<Placement>): Promise<AddResult> {
    const batch = this.inBatch.getStore();
    if (batch) return this.placeInBatch(batch, doc, place);
    return withRetries(retryable, async () => {
      const placed: { placement?: Placement; generation?: number } = {};
      const result = await this.root.transaction(async (tx): Promise<AddResult> => {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [PLACEMENT_LOCK]);
        const [state] = await tx.query<{ generation: string | number }>('SELECT generation FROM cluster_stats WHERE id = 1');
        this.caches.follow(Number(state!.generation));
        const [existing] = await tx.query<{ id: string }>('SELECT id FROM articles WHERE content_hash = $1', [doc.contentHash]);
        if (existing) return { added: false, id: doc.id, existingId: existing.id };
        const placement = await place(this.within(tx));
        const written = await this.write(tx, doc, placement);
        placed.placement = placement;
        placed.generation = written.generation;
        return written.result;
      });
      // The caches follow the database only once the transaction has committed.
      if (placed.placement) this.caches.committed(placed.placement, placed.generation ?? null);
      return result;
    });
  }

  /**
   * One article of a batch: a savepoint of the batch's transaction (which holds the placement
   * lock), rolled back alone when the article fails. The previous article's savepoint is released
   * in the same round trip that opens this one's.
   */
  private async placeInBatch(batch: BatchState, doc: Doc, place: (view: Store) => Promise<Placement>): Promise<AddResult> {
    await batch.tx.exec(batch.open ? 'RELEASE SAVEPOINT article; SAVEPOINT article' : 'SAVEPOINT article');
    batch.open = true;
    // Content found absent before the batch took the lock is not looked up again under it: a
    // writer that stored it since makes the article's insert fail on the unique content hash (below).
    const checked = batch.absent.has(doc.contentHash);
    try {
      if (!checked) {
        const [existing] = await batch.tx.query<{ id: string }>('SELECT id FROM articles WHERE content_hash = $1', [doc.contentHash]);
        if (existing) return { added: false, id: doc.id, existingId: existing.id };
      }
      const placement = await place(this);
      const written = await this.write(batch.tx, doc, placement, batch);
      // A second copy of the content later in the batch is looked up as before.
      batch.absent.delete(doc.contentHash);
      batch.added++;
      batch.stories.add(placement.storyId);
      for (const merge of placement.cluster?.merged ?? []) batch.stories.add(merge.storyId);
      if (placement.cluster) {
        batch.docs++;
        for (const term of new Set(placement.cluster.terms)) batch.df.set(term, (batch.df.get(term) ?? 0) + 1);
      }
      // Kept in the caches now: a batch that fails later drops them all (see `batch`).
      this.caches.committed(placement, written.generation);
      if (written.keys) this.caches.rememberKeys(placement.storyId, written.keys);
      return written.result;
    } catch (error) {
      batch.open = false;
      await batch.tx.exec('ROLLBACK TO SAVEPOINT article; RELEASE SAVEPOINT article');
      // Checked only before the lock: the content may have been stored since (its insert then fails
      // on the unique content hash, or on the id the hash gives) and is reported as stored.
      if (checked) {
        const [existing] = await batch.tx.query<{ id: string }>('SELECT id FROM articles WHERE content_hash = $1', [doc.contentHash]).catch(() => [] as Array<{ id: string }>);
        if (existing) return { added: false, id: doc.id, existingId: existing.id };
      }
      // Other content holding the id (the article's insert was not preceded by a check, see `writeJoined`).
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        const [taken] = await batch.tx.query('SELECT 1 FROM articles WHERE id = $1', [doc.id]).catch(() => []);
        if (taken) throw idCollision('article', doc.id);
      }
      throw error;
    }
  }

  /**
   * A write of its own under the placement lock (not an article's): inside a batch a savepoint of
   * the batch's transaction, which holds the lock already (taking it on another connection would
   * wait for the batch forever); else its own transaction, retried on serialisation failures.
   */
  private async writeUnit<T>(work: (tx: Sql, batch: BatchState | undefined) => Promise<T>): Promise<T> {
    const batch = this.inBatch.getStore();
    if (!batch)
      return withRetries(retryable, () =>
        this.root.transaction(async (tx) => {
          await tx.query('SELECT pg_advisory_xact_lock($1)', [PLACEMENT_LOCK]);
          return work(tx, undefined);
        }),
      );
    await batch.tx.exec('SAVEPOINT unit');
    try {
      const result = await work(batch.tx, batch);
      await batch.tx.exec('RELEASE SAVEPOINT unit');
      return result;
    } catch (error) {
      await batch.tx.exec('ROLLBACK TO SAVEPOINT unit; RELEASE SAVEPOINT unit');
      throw error;
    }
  }

  /**
   * One transaction for many articles (see `Store.batch`): it takes the placement lock once, and
   * each article is a savepoint. Round trips per article drop from about 22 (own transaction, lock,
   * generation, a statement per table) to about 8 (savepoint, hash check, the placement's reads,
   * one read before the write and one statement for the writes). The rows every article would
   * update (document frequencies, the article count, the generation) are written once, at the
   * end: updated at every article, each row would carry a version per article until the commit,
   * and every read of it would walk them.
   */
  async batch(work: () => Promise<void>, ahead?: BatchAhead): Promise<void> {
    if (this.inBatch.getStore()) return work();
    // Read before the lock is taken, so that the lock is held for fewer round trips: which contents
    // are stored, and the frequencies of the terms the articles will be placed by, which the caches
    // then carry forward to the generation the lock finds.
    const absent = new Set(ahead?.contentHashes ?? []);
    if (absent.size > 0) for (const { content_hash } of await this.connection.query<{ content_hash: string }>('SELECT content_hash FROM articles WHERE content_hash = ANY($1::text[])', [[...absent]])) absent.delete(content_hash);
    const uncached = this.caches.uncached(ahead?.terms ?? []);
    if (uncached.length > 0) {
      const state = await this.clusterState(this.connection, uncached);
      this.caches.catchUp(state.generation, state.changes);
      if (this.caches.at === state.generation) this.caches.prime(state.docs, state.df);
    }
    try {
      const generation = await this.root.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [PLACEMENT_LOCK]);
        const state = await this.clusterState(tx, [], absent.size);
        const batch: BatchState = { tx, open: false, generation: state.generation, added: 0, docs: 0, df: new Map(), absent, stories: new Set(), seqs: state.seqs };
        this.caches.catchUp(state.generation, state.changes);
        await this.inBatch.run(batch, work);
        const terms = [...batch.df.keys()].sort();
        const df = terms.map((t) => batch.df.get(t)!);
        if (terms.length > 0) await tx.query('INSERT INTO term_df (term, df) SELECT t, n FROM unnest($1::text[], $2::int[]) AS x(t, n) ON CONFLICT (term) DO UPDATE SET df = term_df.df + excluded.df', [terms, df]);
        if (batch.added === 0 && batch.stories.size === 0) return batch.generation;
        // The new generation and what the batch changed, for other processes' caches; the log keeps the last CHANGES_KEPT.
        const [after] = await tx.query<{ generation: string | number }>(
          `WITH g AS (UPDATE cluster_stats SET docs = docs + $1, generation = generation + 1 WHERE id = 1 RETURNING generation),
             c AS (INSERT INTO cluster_changes (generation, docs, terms, df, stories) SELECT generation, $1, $2::text[], $3::int[], $4::text[] FROM g),
             p AS (DELETE FROM cluster_changes WHERE generation <= (SELECT generation FROM g) - $5)
           SELECT generation FROM g`,
          [batch.docs, terms, df, [...batch.stories], CHANGES_KEPT],
        );
        return Number(after!.generation);
      });
      this.caches.moved(generation);
    } catch (error) {
      // The caches took in the batch's articles as each was written.
      this.caches.forget();
      throw error;
    }
  }

  /**
   * The store's generation and article count, the logged changes after the caches' generation
   * (oldest first), and the stored frequencies of `terms`: one statement, so one snapshot.
   */
  private async clusterState(sql: Sql, terms: string[], seqs = 0): Promise<{ generation: number; docs: number; changes: ClusterChange[]; df: Map<string, number>; seqs: number[] }> {
    const [row] = await sql.query<{ generation: string | number; docs: number; changes: Array<{ generation: string | number; docs: number; terms: string[]; df: number[]; stories: string[] }>; df: Array<{ term: string; df: number }>; seqs: Array<string | number> }>(
      `SELECT s.generation, s.docs,
         (SELECT coalesce(json_agg(c ORDER BY c.generation), '[]'::json) FROM cluster_changes c WHERE c.generation > $1) AS changes,
         (SELECT coalesce(json_agg(json_build_object('term', t.term, 'df', t.df)), '[]'::json) FROM term_df t WHERE t.term = ANY($2::text[])) AS df,
         ARRAY(SELECT nextval('article_seq') FROM generate_series(1, $3::int)) AS seqs
       FROM cluster_stats s WHERE s.id = 1`,
      [this.caches.at ?? Number.MAX_SAFE_INTEGER, terms, seqs],
    );
    return {
      seqs: row!.seqs.map(Number),
      generation: Number(row!.generation),
      docs: row!.docs,
      changes: row!.changes.map((c) => ({ ...c, generation: Number(c.generation) })),
      df: new Map([...terms.map((t) => [t, 0] as const), ...row!.df.map((r) => [r.term, r.df] as const)]),
    };
  }

  /** The rows of one placed article (inside the caller's transaction), and the store generation after it. */
  private async write(tx: Sql, doc: Doc, placement: Placement, batch?: BatchState): Promise<Written> {
    if (placement.cluster && placement.cluster.merged.length === 0) return this.writeJoined(tx, doc, placement.storyId, placement.isNewStory, placement.cluster, batch);
    const now = new Date().toISOString();
    const [taken] = await tx.query<{ id: string }>('SELECT id FROM articles WHERE id = $1', [doc.id]);
    if (taken) throw idCollision('article', doc.id);
    const seq = batch?.seqs.length ? batch.seqs.shift()! : Number((await tx.query<{ seq: string | number }>(`SELECT nextval('article_seq') AS seq`))[0]!.seq);
    const row = toRow(doc);
    await tx.query(
      `INSERT INTO articles (${ARTICLE_COLUMNS.join(', ')}, seq, ingested_at) VALUES (${ARTICLE_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')}, $${ARTICLE_COLUMNS.length + 1}, $${ARTICLE_COLUMNS.length + 2})`,
      [...ARTICLE_COLUMNS.map((c) => row[c]), seq, now],
    );
    if (placement.isNewStory) {
      const created = await tx.query('INSERT INTO stories (id, created_at, updated_at, version) VALUES ($1, $2, $2, 1) ON CONFLICT (id) DO NOTHING RETURNING id', [placement.storyId, now]);
      if (created.length === 0) throw idCollision('story', placement.storyId);
    } else {
      const updated = await tx.query('UPDATE stories SET updated_at = $1, version = version + 1 WHERE id = $2 RETURNING id', [now, placement.storyId]);
      if (updated.length === 0) throw new CorroborateError('store-error', `story ${placement.storyId} does not exist`);
    }
    await tx.query('INSERT INTO story_articles (article_id, story_id, seq) VALUES ($1, $2, $3)', [doc.id, placement.storyId, seq]);
    if (placement.cluster) await this.writeCluster(tx, doc.id, placement.storyId, placement.cluster, seq, now, !batch);
    else await tx.query('UPDATE stories SET size = size + 1, active_seq = $1 WHERE id = $2', [seq, placement.storyId]);
    await this.noteLatestPublished(tx, placement.storyId, doc.meta.publishedAt, (placement.cluster?.merged.length ?? 0) > 0);
    if (batch) return { result: { added: true, id: doc.id }, generation: batch.generation };
    const [after] = await tx.query<{ generation: string | number }>('UPDATE cluster_stats SET generation = generation + 1 WHERE id = 1 RETURNING generation');
    return { result: { added: true, id: doc.id }, generation: Number(after!.generation) };
  }

  /**
   * The common case of `write`, an article that starts or joins one story without bridging others,
   * in two round trips: one read (id taken?, the next seq, the story's postings) and one statement
   * whose data-modifying CTEs write every table. It leaves the same rows as the general path: the
   * story row is inserted (or updated) once with its final figures, and postings that stay are
   * updated in place rather than deleted and inserted again.
   */
  private async writeJoined(tx: Sql, doc: Doc, storyId: string, isNewStory: boolean, write: ClusterWrite, batch?: BatchState): Promise<Written> {
    if (write.story.id !== storyId) throw new CorroborateError('store-error', `story summary ${write.story.id} does not match placement ${storyId}`);
    const now = new Date().toISOString();
    // In a batch, with a number drawn ahead and the story's postings known (a new story has none),
    // nothing is read before the write: an id taken shows as the insert's unique violation (see `placeInBatch`).
    const known = batch && batch.seqs.length > 0 ? (isNewStory ? [] : this.caches.storyKeys(storyId)) : undefined;
    let seq: number;
    let old: StoryKey[];
    if (known) {
      seq = batch!.seqs.shift()!;
      old = known;
    } else {
      const [before] = await tx.query<{ taken: boolean; seq: string | number; keys: StoryKey[] }>(
        `SELECT EXISTS (SELECT 1 FROM articles WHERE id = $1) AS taken, ${batch?.seqs.length ? '$3::bigint' : `nextval('article_seq')`} AS seq,
           (SELECT coalesce(json_agg(json_build_object('key', key, 'active_seq', active_seq)), '[]'::json) FROM story_keys WHERE story_id = $2) AS keys`,
        [doc.id, storyId, ...(batch?.seqs.length ? [batch.seqs[0]] : [])],
      );
      if (before!.taken) throw idCollision('article', doc.id);
      if (batch?.seqs.length) batch.seqs.shift();
      seq = Number(before!.seq);
      old = before!.keys;
    }
    const bucket = Math.floor(seq / ACTIVITY_BUCKET);
    const keys = postingChanges(old, write.storyKeys, bucket);
    const row = toRow(doc);
    const story = write.story;
    const published = doc.meta.publishedAt;
    const params: unknown[] = [...ARTICLE_COLUMNS.map((c) => row[c]), seq, now];
    const p = (value: unknown) => `$${params.push(value)}`;
    const [id, sid] = [p(doc.id), p(storyId)];
    const [centroid, firstAt, lastAt, event, pub] = [p(centroidJson(story)), p(story.firstAt), p(story.lastAt), p(eventJson(story.event)), p(published)];
    const storyWrite = isNewStory
      ? `INSERT INTO stories (id, created_at, updated_at, version, size, centroid, first_at, last_at, active_seq, event, latest_published_at)
           VALUES (${sid}, $${ARTICLE_COLUMNS.length + 2}, $${ARTICLE_COLUMNS.length + 2}, 1, 1, ${centroid}, ${firstAt}::bigint, ${lastAt}::bigint, $${ARTICLE_COLUMNS.length + 1}, ${event}, ${pub}::text)
           ON CONFLICT (id) DO NOTHING RETURNING id`
      : `UPDATE stories SET updated_at = $${ARTICLE_COLUMNS.length + 2}, version = version + 1, size = size + 1, centroid = ${centroid}, first_at = ${firstAt}::bigint,
           last_at = ${lastAt}::bigint, active_seq = $${ARTICLE_COLUMNS.length + 1}, event = ${event},
           latest_published_at = CASE WHEN ${pub}::text IS NOT NULL AND (latest_published_at IS NULL OR latest_published_at < ${pub}::text) THEN ${pub}::text ELSE latest_published_at END
         WHERE id = ${sid} RETURNING id`;
    const ctes = [
      `a AS (INSERT INTO articles (${ARTICLE_COLUMNS.join(', ')}, seq, ingested_at) VALUES (${ARTICLE_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')}, $${ARTICLE_COLUMNS.length + 1}, $${ARTICLE_COLUMNS.length + 2}))`,
      `s AS (${storyWrite})`,
      `m AS (INSERT INTO story_articles (article_id, story_id, seq) SELECT ${id}, id, $${ARTICLE_COLUMNS.length + 1} FROM s)`,
      `k AS (INSERT INTO story_keys (key, story_id, active_seq) SELECT k, s.id, ${p(bucket)}::bigint FROM s, unnest(${p(keys.put)}::text[]) AS k ON CONFLICT (key, story_id) DO UPDATE SET active_seq = excluded.active_seq)`,
      `sk AS (INSERT INTO article_sketches (article_id, shingles, published_at, text_length) VALUES (${id}, ${p(shingleBytes(write.sketch.shingles))}, ${p(write.sketch.publishedAt)}::bigint, ${p(write.sketch.length)}::int))`,
    ];
    // In a batch, counts and the generation are written once at its end (see `batch`).
    if (!batch) {
      ctes.push(`c AS (UPDATE cluster_stats SET docs = docs + 1, generation = generation + 1 WHERE id = 1 RETURNING generation)`);
      // Sorted so concurrent upserts lock rows in the same order.
      ctes.push(`t AS (INSERT INTO term_df (term, df) SELECT t, 1 FROM unnest(${p([...new Set(write.terms)])}::text[]) AS t ORDER BY t ON CONFLICT (term) DO UPDATE SET df = term_df.df + 1)`);
    }
    if (keys.removed.length > 0) ctes.push(`kd AS (DELETE FROM story_keys WHERE story_id IN (SELECT id FROM s) AND key = ANY(${p(keys.removed)}::text[]))`);
    if (write.sketch.bands.length > 0) ctes.push(`b AS (INSERT INTO lsh_bands (band, article_id) SELECT DISTINCT b, ${id} FROM unnest(${p(write.sketch.bands)}::bigint[]) AS b ON CONFLICT DO NOTHING)`);
    if (write.copyOf) ctes.push(`cp AS (INSERT INTO article_copies (article_id, original_id, similarity) VALUES (${id}, ${p(write.copyOf.of)}, ${p(write.copyOf.similarity)}::double precision) ON CONFLICT (article_id) DO UPDATE SET original_id = excluded.original_id, similarity = excluded.similarity)`);
    const [done] = await tx.query<{ story: string | null; generation: string | number }>(`WITH ${ctes.join(',\n')}\nSELECT (SELECT id FROM s) AS story, ${batch ? 'NULL' : '(SELECT generation FROM c)'} AS generation`, params);
    // No story row came back: another story holds the new id, or the story joined is gone. The rows
    // that hang on the story were not written (they select from it); the caller rolls back the rest.
    if (done!.story === null) throw isNewStory ? idCollision('story', storyId) : new CorroborateError('store-error', `story ${storyId} does not exist`);
    for (const { articleId: copy, link: to } of write.repoint) await this.repoint(tx, storyId, copy, to);
    return { result: { added: true, id: doc.id }, generation: batch ? batch.generation : Number(done!.generation), keys: write.storyKeys.map((key) => ({ key, active_seq: bucket })) };
  }

  /** The grouping's and copy detection's share of an add (inside its transaction). */
  private async writeCluster(tx: Sql, articleId: string, storyId: string, write: ClusterWrite, seq: number, now: string, counts: boolean): Promise<void> {
    if (write.story.id !== storyId) throw new CorroborateError('store-error', `story summary ${write.story.id} does not match placement ${storyId}`);
    const mergedIds = write.merged.map((m) => m.storyId);
    // Sizes move relative to the stored rows (the article plus the stories folded in), never from a copy.
    const [folded] = await tx.query<{ n: number }>('SELECT coalesce(sum(size), 0)::int AS n FROM stories WHERE id = ANY($1::text[])', [mergedIds]);
    for (const merge of write.merged) {
      await tx.query('UPDATE story_articles SET story_id = $1 WHERE story_id = $2', [storyId, merge.storyId]);
      await tx.query('DELETE FROM story_keys WHERE story_id = $1', [merge.storyId]);
      await tx.query('DELETE FROM stories WHERE id = $1', [merge.storyId]);
      await tx.query('INSERT INTO story_merges (from_id, into_id, article_id, score, merged_at) VALUES ($1, $2, $3, $4, $5)', [merge.storyId, storyId, articleId, merge.score, now]);
    }
    const story = write.story;
    await tx.query('UPDATE stories SET size = size + 1 + $1, centroid = $2, first_at = $3, last_at = $4, active_seq = $5, event = $6 WHERE id = $7', [
      folded!.n,
      centroidJson(story),
      story.firstAt,
      story.lastAt,
      seq,
      eventJson(story.event),
      storyId,
    ]);
    await this.writeKeys(tx, storyId, write.storyKeys, Math.floor(seq / ACTIVITY_BUCKET));

    if (counts) {
      await tx.query('UPDATE cluster_stats SET docs = docs + 1 WHERE id = 1');
      // One statement for all terms; sorted so concurrent upserts lock rows in the same order.
      await tx.query('INSERT INTO term_df (term, df) SELECT t, 1 FROM unnest($1::text[]) AS t ORDER BY t ON CONFLICT (term) DO UPDATE SET df = term_df.df + 1', [[...new Set(write.terms)]]);
    }

    const sketch = write.sketch;
    await tx.query('INSERT INTO article_sketches (article_id, shingles, published_at, text_length) VALUES ($1, $2, $3, $4)', [articleId, shingleBytes(sketch.shingles), sketch.publishedAt, sketch.length]);
    if (sketch.bands.length > 0) await tx.query('INSERT INTO lsh_bands (band, article_id) SELECT DISTINCT b, $2 FROM unnest($1::bigint[]) AS b ON CONFLICT DO NOTHING', [sketch.bands, articleId]);

    if (write.copyOf) await this.link(tx, articleId, write.copyOf);
    for (const { articleId: copy, link: to } of write.repoint) await this.repoint(tx, storyId, copy, to);
  }

  /** A stored copy found to copy the new article: it and the articles copying it now point at `to.of`. */
  private async repoint(tx: Sql, storyId: string, copy: string, to: CopyLink): Promise<void> {
    // The links of the repointed copy and of the articles copying it change: their stories' analyses are stale.
    await tx.query(
      `UPDATE stories SET version = version + 1 WHERE id != $1 AND id IN (
         SELECT story_id FROM story_articles WHERE article_id = $2 OR article_id IN (SELECT article_id FROM article_copies WHERE original_id = $2))`,
      [storyId, copy],
    );
    await tx.query('UPDATE article_copies SET original_id = $1 WHERE original_id = $2', [to.of, copy]);
    await this.link(tx, copy, to);
  }

  private async link(tx: Sql, copy: string, to: CopyLink): Promise<void> {
    await tx.query('INSERT INTO article_copies (article_id, original_id, similarity) VALUES ($1, $2, $3) ON CONFLICT (article_id) DO UPDATE SET original_id = excluded.original_id, similarity = excluded.similarity', [copy, to.of, to.similarity]);
  }

  /** Keeps `latest_published_at` (the home page's order): one comparison per join, a recount after a merge brought other members. */
  private async noteLatestPublished(tx: Sql, storyId: string, publishedAt: string | null, merged: boolean): Promise<void> {
    if (merged)
      await tx.query('UPDATE stories SET latest_published_at = (SELECT max(a.published_at) FROM story_articles m JOIN articles a ON a.id = m.article_id WHERE m.story_id = $1) WHERE id = $1', [storyId]);
    else if (publishedAt !== null)
      await tx.query('UPDATE stories SET latest_published_at = $1 WHERE id = $2 AND (latest_published_at IS NULL OR latest_published_at < $1)', [publishedAt, storyId]);
  }

  /** Rewrites a story's postings: only the changed keywords while its activity bucket stays, all of them when it moves on. */
  private async writeKeys(tx: Sql, storyId: string, keys: string[], bucket: number): Promise<void> {
    const old = await tx.query<{ key: string; active_seq: string | number }>('SELECT key, active_seq FROM story_keys WHERE story_id = $1', [storyId]);
    const { put, removed } = postingChanges(old, keys, bucket);
    if (removed.length > 0) await tx.query('DELETE FROM story_keys WHERE story_id = $1 AND key = ANY($2::text[])', [storyId, removed]);
    if (put.length > 0)
      await tx.query('INSERT INTO story_keys (key, story_id, active_seq) SELECT k, $2, $3 FROM unnest($1::text[]) AS k ON CONFLICT (key, story_id) DO UPDATE SET active_seq = excluded.active_seq', [put, storyId, bucket]);
  }


  async getArticles(ids?: string[]): Promise<Doc[]> {
    if (!ids) return (await this.db.query<ArticleRow>('SELECT * FROM articles ORDER BY seq')).map(fromRow);
    return (await this.getArticleRows(ids)).map(fromRow);
  }

  async getArticleRows(ids: string[]): Promise<ArticleRow[]> {
    const rows = await this.db.query<ArticleRow>('SELECT * FROM articles WHERE id = ANY($1::text[])', [ids]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  }

  async getArticleTexts(ids: string[]): Promise<ArticleText[]> {
    const rows = await this.db.query<Omit<ArticleRow, 'content_hash' | 'raw' | 'segments' | 'layers'>>(
      'SELECT id, input, source_name, source_domain, url, title, byline, published_at, published_at_basis, language, text, removed, messages FROM articles WHERE id = ANY($1::text[])',
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [{ id: row.id, meta: metaOf(row), title: row.title, text: row.text, removed: JSON.parse(row.removed), messages: JSON.parse(row.messages) }] : [];
    });
  }

  async listStories(): Promise<StoredStory[]> {
    const stories = await this.db.query<{ id: string; created_at: string; updated_at: string; version: number }>('SELECT id, created_at, updated_at, version FROM stories ORDER BY created_at, id');
    const members = await this.db.query<{ story_id: string; article_id: string }>('SELECT story_id, article_id FROM story_articles ORDER BY seq');
    const byStory = new Map<string, string[]>();
    for (const m of members) {
      const list = byStory.get(m.story_id);
      if (list) list.push(m.article_id);
      else byStory.set(m.story_id, [m.article_id]);
    }
    const redirects = await this.redirects(stories.map((s) => s.id));
    return stories.map((s) => withRedirects({ id: s.id, articleIds: byStory.get(s.id) ?? [], createdAt: s.created_at, updatedAt: s.updated_at, version: s.version }, redirects.get(s.id)));
  }

  async storyOf(articleId: string): Promise<string | null> {
    const [row] = await this.db.query<{ story_id: string }>('SELECT story_id FROM story_articles WHERE article_id = $1', [articleId]);
    return row?.story_id ?? null;
  }

  async getStories(ids: string[]): Promise<StoredStory[]> {
    const stories: StoredStory[] = [];
    for (const id of ids) {
      const [row] = await this.db.query<{ id: string; created_at: string; updated_at: string; version: number }>('SELECT id, created_at, updated_at, version FROM stories WHERE id = $1', [id]);
      if (!row) continue;
      const members = await this.db.query<{ article_id: string }>('SELECT article_id FROM story_articles WHERE story_id = $1 ORDER BY seq', [id]);
      stories.push({ id: row.id, articleIds: members.map((m) => m.article_id), createdAt: row.created_at, updatedAt: row.updated_at, version: row.version });
    }
    const redirects = await this.redirects(stories.map((s) => s.id));
    return stories.map((s) => withRedirects(s, redirects.get(s.id)));
  }

  private redirects(ids: string[]): Promise<Map<string, string[]>> {
    return redirectsInto(ids, async (id) => (await this.db.query<{ from_id: string }>('SELECT from_id FROM story_merges WHERE into_id = $1 ORDER BY id', [id])).map((r) => r.from_id));
  }

  async termStats(keys: string[]): Promise<TermStats> {
    // Inside a batch the stored counts lack the batch's own articles until its end: they are added here.
    const batch = this.inBatch.getStore();
    return this.caches.termStats(
      keys,
      async () => (await this.db.query<{ docs: number }>('SELECT docs FROM cluster_stats WHERE id = 1'))[0]!.docs + (batch?.docs ?? 0),
      async (terms) => {
        const rows = await this.db.query<{ term: string; df: number }>('SELECT term, df FROM term_df WHERE term = ANY($1::text[])', [terms]);
        if (!batch) return rows;
        const df = new Map(rows.map((r) => [r.term, r.df]));
        return terms.flatMap((term) => {
          const n = (df.get(term) ?? 0) + (batch.df.get(term) ?? 0);
          return n > 0 ? [{ term, df: n }] : [];
        });
      },
    );
  }

  async storyCandidates(keys: string[], perKey: number): Promise<Map<string, number>> {
    const unique = [...new Set(keys)];
    if (unique.length === 0) return new Map();
    // Per key, the most recently active stories (a lateral index walk each; ties by id, as SQLite's index orders them), then counted per story.
    const rows = await this.db.query<{ story_id: string; n: number }>(
      `SELECT p.story_id, count(*)::int AS n FROM unnest($1::text[]) AS k(key)
       CROSS JOIN LATERAL (SELECT story_id FROM story_keys WHERE key = k.key ORDER BY active_seq DESC, story_id LIMIT $2) p GROUP BY p.story_id`,
      [unique, perKey],
    );
    return new Map(rows.map((r) => [r.story_id, r.n]));
  }

  async storySummaries(ids: string[]): Promise<StorySummary[]> {
    return this.caches.storySummaries(ids, async (missing) =>
      (await this.db.query<Parameters<typeof summaryOf>[0]>('SELECT id, size, centroid, first_at, last_at, event FROM stories WHERE id = ANY($1::text[])', [missing])).map(summaryOf),
    );
  }

  async copyCandidates(bands: number[], limit: number): Promise<string[]> {
    if (bands.length === 0) return [];
    const rows = await this.db.query<{ article_id: string }>('SELECT DISTINCT article_id FROM lsh_bands WHERE band = ANY($1::bigint[]) LIMIT $2', [bands, limit]);
    return rows.map((r) => r.article_id);
  }

  async copyCandidateSketches(bands: number[], limit: number): Promise<CopySketch[]> {
    if (bands.length === 0) return [];
    // One round trip for `copyCandidates` and their sketches, in the candidates' order.
    const rows = await this.db.query<{ article_id: string; shingles: Uint8Array; published_at: string | number | null; text_length: number; original_id: string | null }>(
      `SELECT s.article_id, s.shingles, s.published_at, s.text_length, c.original_id
       FROM (SELECT article_id, row_number() OVER () AS n FROM (SELECT DISTINCT article_id FROM lsh_bands WHERE band = ANY($1::bigint[]) LIMIT $2) d) k
         JOIN article_sketches s ON s.article_id = k.article_id LEFT JOIN article_copies c ON c.article_id = s.article_id
       ORDER BY k.n`,
      [bands, limit],
    );
    return rows.map((row) => ({ articleId: row.article_id, shingles: shinglesOf(row.shingles), publishedAt: row.published_at === null ? null : Number(row.published_at), length: row.text_length, duplicateOf: row.original_id }));
  }

  async copiesOf(ids: string[]): Promise<Map<string, CopyLink>> {
    const rows = await this.db.query<{ article_id: string; original_id: string; similarity: number }>('SELECT article_id, original_id, similarity FROM article_copies WHERE article_id = ANY($1::text[])', [ids]);
    const byId = new Map(rows.map((r) => [r.article_id, { of: r.original_id, similarity: r.similarity }]));
    return new Map(ids.flatMap((id) => (byId.has(id) ? [[id, byId.get(id)!] as const] : [])));
  }

  async splitStory(split: StorySplit): Promise<boolean> {
    const done = await this.writeUnit(async (tx, batch) => {
      const [row] = await tx.query<{ version: number; active_seq: string | number }>('SELECT version, active_seq FROM stories WHERE id = $1', [split.storyId]);
      if (!row || Number(row.version) !== split.version) return false;
      const now = new Date().toISOString();
      const { kept, part } = split;
      const created = await tx.query(
        'INSERT INTO stories (id, created_at, updated_at, version, size, centroid, first_at, last_at, active_seq, event) VALUES ($1, $2, $2, 1, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING RETURNING id',
        [part.story.id, now, part.articleIds.length, centroidJson(part.story), part.story.firstAt, part.story.lastAt, row.active_seq, eventJson(part.story.event)],
      );
      if (created.length === 0) throw idCollision('story', part.story.id);
      await tx.query('UPDATE story_articles SET story_id = $1 WHERE article_id = ANY($2::text[]) AND story_id = $3', [part.story.id, part.articleIds, split.storyId]);
      await tx.query('UPDATE stories SET version = version + 1, updated_at = $1, size = size - $2, centroid = $3, first_at = $4, last_at = $5, event = $6 WHERE id = $7', [
        now,
        part.articleIds.length,
        centroidJson(kept.story),
        kept.story.firstAt,
        kept.story.lastAt,
        eventJson(kept.story.event),
        split.storyId,
      ]);
      for (const id of [split.storyId, part.story.id])
        await tx.query('UPDATE stories SET latest_published_at = (SELECT max(a.published_at) FROM story_articles m JOIN articles a ON a.id = m.article_id WHERE m.story_id = $1) WHERE id = $1', [id]);
      const bucket = Math.floor(Number(row.active_seq) / ACTIVITY_BUCKET);
      await this.writeKeys(tx, split.storyId, kept.storyKeys, bucket);
      await this.writeKeys(tx, part.story.id, part.storyKeys, bucket);
      for (const { storyId, change } of splitChanges(split, Number(row.version) + 1, now))
        await tx.query('INSERT INTO story_changes (story_id, version, at, kind, detail, article_ids, story_ids) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
          storyId,
          change.version,
          change.at,
          change.kind,
          change.detail ?? null,
          JSON.stringify(change.articleIds ?? []),
          JSON.stringify(change.storyIds ?? []),
        ]);
      // Other processes drop their caches (the story's summary changed); a batch moves the generation at its end and logs both stories.
      if (!batch) await tx.query('UPDATE cluster_stats SET generation = generation + 1 WHERE id = 1');
      else for (const id of [split.storyId, part.story.id]) batch.stories.add(id);
      return true;
    });
    this.caches.forgetStory(split.storyId);
    this.caches.forgetStory(split.part.story.id);
    return done;
  }

  async storyMerges(): Promise<StoryMerge[]> {
    const rows = await this.db.query<{ from_id: string; into_id: string; article_id: string; score: number }>('SELECT from_id, into_id, article_id, score FROM story_merges ORDER BY id');
    return rows.map((r) => ({ from: r.from_id, into: r.into_id, articleId: r.article_id, score: r.score }));
  }

  async counts(): Promise<{ articles: number; stories: number }> {
    const [row] = await this.db.query<{ articles: number; stories: number }>('SELECT (SELECT count(*) FROM articles)::int AS articles, (SELECT count(*) FROM stories)::int AS stories');
    return { articles: row!.articles, stories: row!.stories };
  }

  async getStoryAnalyses(ids: string[]): Promise<Map<string, StoryAnalysis>> {
    const rows = await this.db.query<{ story_id: string; analysis: string }>('SELECT story_id, analysis FROM story_analyses WHERE story_id = ANY($1::text[])', [ids]);
    const byId = new Map(rows.map((r) => [r.story_id, r.analysis]));
    return new Map(ids.flatMap((id) => (byId.has(id) ? [[id, JSON.parse(byId.get(id)!) as StoryAnalysis] as const] : [])));
  }

  async putStoryAnalysis(analysis: StoryAnalysis, changes: StoryChange[] = []): Promise<void> {
    // As in the SQLite store: the list figures are columns of the analysis's own row, written by the
    // same statement, and the changes are logged in the same transaction, only with a newer version.
    const f = analysisFigures(analysis);
    await withRetries(retryable, () =>
      this.root.transaction(async (tx) => {
        // The story's row lock orders writers of its analysis, so two never both log as newer.
        const [story] = await tx.query('SELECT 1 FROM stories WHERE id = $1 FOR UPDATE', [analysis.storyId]);
        if (!story) return;
        const [stored] = await tx.query<{ story_version: number }>('SELECT story_version FROM story_analyses WHERE story_id = $1', [analysis.storyId]);
        const written = await tx.query(
          `INSERT INTO story_analyses (story_id, story_version, analysis_version, title, independent_sources, analysis, analysed_at, claims, corroborated, disputed, conflicts, brief)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
           ON CONFLICT (story_id) DO UPDATE SET story_version = excluded.story_version, analysis_version = excluded.analysis_version,
             title = excluded.title, independent_sources = excluded.independent_sources, analysis = excluded.analysis, analysed_at = excluded.analysed_at,
             claims = excluded.claims, corroborated = excluded.corroborated, disputed = excluded.disputed, conflicts = excluded.conflicts, brief = excluded.brief
           WHERE excluded.story_version >= story_analyses.story_version RETURNING story_id`,
          [analysis.storyId, analysis.version, analysis.analysisVersion, analysis.title, analysis.independentSourceCount, JSON.stringify(analysis), new Date().toISOString(), f.claims, f.corroborated, f.disputed, f.conflicts, f.brief],
        );
        if (written.length === 0 || (stored && stored.story_version >= analysis.version)) return;
        const list = (ids: string[] | undefined) => (ids?.length ? JSON.stringify(ids) : null);
        for (const c of changes)
          await tx.query('INSERT INTO story_changes (story_id, version, at, kind, detail, article_ids, story_ids) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
            analysis.storyId,
            c.version,
            c.at,
            c.kind,
            c.detail ?? null,
            list(c.articleIds),
            list(c.storyIds),
          ]);
      }),
    );
  }

  async storyChanges(storyId: string): Promise<StoryChange[]> {
    const rows = await this.db.query<{ version: number; at: string; kind: StoryChange['kind']; detail: string | null; article_ids: string | null; story_ids: string | null }>(
      'SELECT version, at, kind, detail, article_ids, story_ids FROM story_changes WHERE story_id = $1 ORDER BY version, id',
      [storyId],
    );
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
    const result = await withRetries(retryable, () =>
      this.root.transaction(async (tx) => {
        // Under the placement lock: no article is placed against a half-deleted one.
        await tx.query('SELECT pg_advisory_xact_lock($1)', [PLACEMENT_LOCK]);
        const [member] = await tx.query<{ story_id: string }>('SELECT story_id FROM story_articles WHERE article_id = $1', [articleId]);
        if (!member) return null;
        const storyId = member.story_id;
        // Stories holding copies of this article: their copy links change, so must their analyses.
        const copyStories = (
          await tx.query<{ story_id: string }>('SELECT DISTINCT m.story_id FROM article_copies c JOIN story_articles m ON m.article_id = c.article_id WHERE c.original_id = $1', [articleId])
        ).map((r) => r.story_id);
        await tx.query('DELETE FROM article_copies WHERE article_id = $1 OR original_id = $1', [articleId]);
        await tx.query('DELETE FROM lsh_bands WHERE article_id = $1', [articleId]);
        await tx.query('DELETE FROM article_sketches WHERE article_id = $1', [articleId]);
        await tx.query('DELETE FROM story_articles WHERE article_id = $1', [articleId]);
        await tx.query('DELETE FROM articles WHERE id = $1', [articleId]);
        const [count] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM story_articles WHERE story_id = $1', [storyId]);
        const left = count!.n;
        if (left === 0) {
          await tx.query('DELETE FROM story_keys WHERE story_id = $1', [storyId]);
          await tx.query('DELETE FROM stories WHERE id = $1', [storyId]);
        } else
          await tx.query(
            `UPDATE stories SET version = version + 1, size = $1, updated_at = $2,
               latest_published_at = (SELECT max(a.published_at) FROM story_articles m JOIN articles a ON a.id = m.article_id WHERE m.story_id = stories.id)
             WHERE id = $3`,
            [left, new Date().toISOString(), storyId],
          );
        const others = [...new Set(copyStories)].filter((id) => id !== storyId);
        if (others.length > 0) await tx.query('UPDATE stories SET version = version + 1 WHERE id = ANY($1::text[])', [others]);
        // Other processes drop their caches (the story's summary may be gone).
        await tx.query('UPDATE cluster_stats SET generation = generation + 1 WHERE id = 1');
        return { storyId, storyDeleted: left === 0, changedStoryIds: [...(left === 0 ? [] : [storyId]), ...others] };
      }),
    );
    if (result) this.caches.forgetStory(result.storyId);
    return result;
  }

  /** Plain words to a tsquery: every word required, nothing in the text read as query syntax. */
  private static tsquery(query: string): string | null {
    const words = queryWords(query);
    return words.length > 0 ? words.join(' ') : null;
  }

  async search(query: string, limit: number): Promise<SearchHit[]> {
    const words = PgStore.tsquery(query);
    if (!words) return [];
    const rows = await this.db.query<{ id: string; title: string | null; snippet: string; story_id: string | null; story_title: string | null; source_name: string | null; source_domain: string | null; published_at: string | null; published_at_basis: SearchHit['publishedAtBasis'] }>(
      `SELECT a.id, a.title, ts_headline('english', a.text, q, $2) AS snippet, m.story_id, d.title AS story_title,
         a.source_name, a.source_domain, a.published_at, a.published_at_basis
       FROM articles a CROSS JOIN plainto_tsquery('english', $1) AS q LEFT JOIN story_articles m ON m.article_id = a.id
         LEFT JOIN story_analyses d ON d.story_id = m.story_id
       WHERE a.search @@ q ORDER BY ts_rank(a.search, q) DESC, a.seq LIMIT $3`,
      [words, SNIPPET, limit],
    );
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
    const words = PgStore.tsquery(query);
    if (!words) return [];
    const rows = await this.db.query<{ story_id: string; title: string; snippet: string }>(
      `SELECT d.story_id, d.title, ts_headline('english', d.title || ' ' || d.brief, q, $2) AS snippet
       FROM story_analyses d CROSS JOIN plainto_tsquery('english', $1) AS q
       WHERE d.search @@ q ORDER BY ts_rank(d.search, q) DESC, d.story_id LIMIT $3`,
      [words, SNIPPET, limit],
    );
    return rows.map((r) => ({ storyId: r.story_id, title: r.title, snippet: r.snippet }));
  }

  async highlightArticle(articleId: string, query: string): Promise<string | null> {
    const words = PgStore.tsquery(query) ?? '';
    // No match (or no words): the text as it is.
    const [row] = await this.db.query<{ text: string; marked: string | null }>(
      `SELECT a.text, CASE WHEN a.search @@ q THEN ts_headline('english', a.text, q, $3) END AS marked
       FROM articles a CROSS JOIN plainto_tsquery('english', $2) AS q WHERE a.id = $1`,
      [articleId, words, HIGHLIGHT_ALL],
    );
    return row ? (row.marked ?? row.text) : null;
  }

  async pageStoryCards(limit: number, offset: number): Promise<StoryCard[]> {
    // The page's stories first (an index walk), then their members: work bounded by the page, not the store.
    const stories = await this.db.query<CardStoryRow>(
      `SELECT s.id, s.updated_at, a.story_version = s.version AND a.analysis_version = $1 AS current, a.title, a.independent_sources, a.claims, a.corroborated, a.disputed, a.conflicts
       FROM stories s LEFT JOIN story_analyses a ON a.story_id = s.id
       ORDER BY s.latest_published_at DESC NULLS LAST, s.id DESC LIMIT $2 OFFSET $3`,
      [ANALYSIS_VERSION, limit, offset],
    );
    const members = await this.db.query<CardMemberRow & { story_id: string }>(
      `SELECT m.story_id, a.title, a.source_name, a.source_domain, a.published_at, a.published_at_basis
       FROM story_articles m JOIN articles a ON a.id = m.article_id WHERE m.story_id = ANY($1::text[]) ORDER BY m.seq`,
      [stories.map((s) => s.id)],
    );
    return stories.map((s) => storyCard(s, members.filter((m) => m.story_id === s.id)));
  }

  async close(): Promise<void> {
    await this.root.close();
  }
}

/** Brings the schema to the latest migration; refuses a newer schema, or a schema that holds other tables. */
async function migrate(tx: Sql, label: string): Promise<void> {
  const [known] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'corroborate_schema'`);
  let version = 0;
  if (known!.n > 0) version = (await tx.query<{ version: number }>('SELECT version FROM corroborate_schema'))[0]?.version ?? 0;
  else {
    const [tables] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = current_schema()`);
    if (tables!.n > 0) throw new CorroborateError('store-error', `${label}: the schema holds tables but is not a Corroborate store; refusing to touch it`, { subject: label });
    await tx.exec('CREATE TABLE corroborate_schema (version integer NOT NULL); INSERT INTO corroborate_schema VALUES (0)');
  }
  if (version > PG_MIGRATIONS.length)
    throw new CorroborateError('store-error', `${label}: made by a newer Corroborate (schema ${version}, this version knows ${PG_MIGRATIONS.length})`, { subject: label });
  for (let v = version; v < PG_MIGRATIONS.length; v++) {
    await tx.exec(PG_MIGRATIONS[v]!);
    await tx.query('UPDATE corroborate_schema SET version = $1', [v + 1]);
  }
}

/** A batch's transaction, and whether an article's savepoint is open in it (released when the next one opens). */
interface BatchState {
  tx: Sql;
  open: boolean;
  /** The store generation when the batch took the lock; it moves once, at the end. */
  generation: number;
  /** Articles the batch stored; of them, those counted in the grouping's statistics, and their document frequencies (written at its end). */
  added: number;
  docs: number;
  df: Map<string, number>;
  /** Content hashes of `BatchAhead` that no stored article had before the batch took the lock. */
  absent: Set<string>;
  /** Stories whose summaries the batch changed (logged for other processes' caches). */
  stories: Set<string>;
  /**
   * Article numbers drawn under the lock for the articles expected (the absent contents), taken in
   * placement order; one that is not stored leaves a gap, as a rolled-back `nextval` does.
   */
  seqs: number[];
}

/** What writing one article gives: its result, the store generation after it, and the story's postings as written (when known). */
interface Written {
  result: AddResult;
  generation: number;
  keys?: StoryKey[];
}

/** Batches' changes kept in `cluster_changes`: a process whose caches are further behind starts them again empty. */
const CHANGES_KEPT = 1000;

/**
 * What `writeKeys` does to a story's postings, as two lists for one statement: keys to write with
 * the new bucket (inserted, or updated in place when the story already had them) and keys to
 * delete. While the bucket stays, kept keys are not touched; when it moves on, every key is rewritten.
 */
export function postingChanges(old: Array<{ key: string; active_seq: string | number }>, keys: string[], bucket: number): { put: string[]; removed: string[] } {
  const next = new Set(keys);
  const sameBucket = old.length > 0 && old.every((row) => Number(row.active_seq) === bucket);
  const keep = sameBucket ? new Set(old.map((row) => row.key).filter((k) => next.has(k))) : new Set<string>();
  return { put: [...next].filter((k) => !keep.has(k)), removed: old.map((row) => row.key).filter((k) => !next.has(k)) };
}
