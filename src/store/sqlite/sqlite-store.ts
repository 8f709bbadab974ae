import Database from 'better-sqlite3';
import { CorroborateError } from '../../doc/errors.js';
import type { Doc } from '../../doc/types.js';
import type { AddResult, Placement, SearchHit, Store, StoredStory, StoryListing } from '../store.js';
import { MIGRATIONS } from './migrations.js';

export const DEFAULT_DB_PATH = './corroborate.db';

interface ArticleRow {
  id: string;
  content_hash: string;
  input: string;
  source_name: string | null;
  source_domain: string | null;
  url: string | null;
  title: string | null;
  byline: string | null;
  published_at: string | null;
  published_at_basis: Doc['meta']['publishedAtBasis'];
  language: string | null;
  raw: string;
  text: string;
  segments: string;
  removed: string;
  layers: string;
  messages: string;
}

/**
 * SQLite store (better-sqlite3). WAL journal so readers (the API) never block the writer and a
 * killed process leaves the last committed transaction intact; `synchronous=NORMAL` is safe
 * with WAL (a power cut may lose the last commits, never corrupt).
 */
export class SqliteStore implements Store {
  private readonly db: Database.Database;

  private constructor(db: Database.Database) {
    this.db = db;
  }

  static open(path: string = DEFAULT_DB_PATH): SqliteStore {
    let db: Database.Database | undefined;
    try {
      db = new Database(path);
      // Identify the file before changing anything in it (journal mode rewrites the header).
      const version = db.pragma('user_version', { simple: true }) as number;
      refuseForeign(db, path, version);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      const store = new SqliteStore(db);
      store.migrate(version);
      return store;
    } catch (error) {
      db?.close();
      if (error instanceof CorroborateError) throw error;
      throw new CorroborateError('store-error', `${path}: cannot open as a Corroborate store (${(error as Error).message})`, { subject: path, cause: error });
    }
  }

  private migrate(version: number): void {
    for (let v = version; v < MIGRATIONS.length; v++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v]!);
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  async findByHash(contentHash: string): Promise<string | null> {
    const row = this.db.prepare('SELECT id FROM articles WHERE content_hash = ?').get(contentHash) as { id: string } | undefined;
    return row?.id ?? null;
  }

  async addArticle(doc: Doc, placement: Placement): Promise<AddResult> {
    const now = new Date().toISOString();
    return this.db.transaction((): AddResult => {
      const existing = this.db.prepare('SELECT id FROM articles WHERE content_hash = ?').get(doc.contentHash) as { id: string } | undefined;
      if (existing) return { added: false, id: doc.id, existingId: existing.id };
      const seq = (this.db.prepare('SELECT coalesce(max(seq), 0) + 1 AS next FROM articles').get() as { next: number }).next;
      this.db
        .prepare(
          `INSERT INTO articles (id, content_hash, input, source_name, source_domain, url, title, byline, published_at,
             published_at_basis, language, raw, text, segments, removed, layers, messages, seq, ingested_at)
           VALUES (@id, @content_hash, @input, @source_name, @source_domain, @url, @title, @byline, @published_at,
             @published_at_basis, @language, @raw, @text, @segments, @removed, @layers, @messages, @seq, @ingested_at)`,
        )
        .run({ ...toRow(doc), seq, ingested_at: now });
      if (placement.isNewStory) this.db.prepare('INSERT INTO stories (id, created_at, updated_at) VALUES (?, ?, ?)').run(placement.storyId, now, now);
      else {
        const updated = this.db.prepare('UPDATE stories SET updated_at = ? WHERE id = ?').run(now, placement.storyId);
        if (updated.changes === 0) throw new CorroborateError('store-error', `story ${placement.storyId} does not exist`);
      }
      this.db.prepare('INSERT INTO story_articles (article_id, story_id, seq) VALUES (?, ?, ?)').run(doc.id, placement.storyId, seq);
      return { added: true, id: doc.id };
    })();
  }

  async getArticles(ids?: string[]): Promise<Doc[]> {
    const rows = ids
      ? ids.map((id) => this.db.prepare('SELECT * FROM articles WHERE id = ?').get(id) as ArticleRow | undefined).filter((r): r is ArticleRow => r !== undefined)
      : (this.db.prepare('SELECT * FROM articles ORDER BY seq').all() as ArticleRow[]);
    return rows.map(fromRow);
  }

  async listStories(): Promise<StoredStory[]> {
    const stories = this.db.prepare('SELECT id, created_at, updated_at FROM stories ORDER BY created_at, id').all() as Array<{ id: string; created_at: string; updated_at: string }>;
    const members = this.db.prepare('SELECT story_id, article_id FROM story_articles ORDER BY seq').all() as Array<{ story_id: string; article_id: string }>;
    const byStory = new Map<string, string[]>();
    for (const m of members) byStory.set(m.story_id, [...(byStory.get(m.story_id) ?? []), m.article_id]);
    return stories.map((s) => ({ id: s.id, articleIds: byStory.get(s.id) ?? [], createdAt: s.created_at, updatedAt: s.updated_at }));
  }

  async getStory(id: string): Promise<StoredStory | null> {
    const story = this.db.prepare('SELECT id, created_at, updated_at FROM stories WHERE id = ?').get(id) as { id: string; created_at: string; updated_at: string } | undefined;
    if (!story) return null;
    const members = this.db.prepare('SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY seq').all(id) as Array<{ article_id: string }>;
    return { id: story.id, articleIds: members.map((m) => m.article_id), createdAt: story.created_at, updatedAt: story.updated_at };
  }

  async storyOf(articleId: string): Promise<string | null> {
    const row = this.db.prepare('SELECT story_id FROM story_articles WHERE article_id = ?').get(articleId) as { story_id: string } | undefined;
    return row?.story_id ?? null;
  }

  async counts(): Promise<{ articles: number; stories: number }> {
    const articles = (this.db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    const stories = (this.db.prepare('SELECT count(*) AS n FROM stories').get() as { n: number }).n;
    return { articles, stories };
  }

  async pageStories(limit: number, offset: number): Promise<StoryListing[]> {
    const rows = this.db
      .prepare(
        `SELECT s.id, s.created_at, s.updated_at, count(m.article_id) AS n
         FROM stories s LEFT JOIN story_articles m ON m.story_id = s.id
         GROUP BY s.id ORDER BY s.updated_at DESC, s.id LIMIT ? OFFSET ?`,
      )
      .all(limit, offset) as Array<{ id: string; created_at: string; updated_at: string; n: number }>;
    return rows.map((r) => ({ id: r.id, articleCount: r.n, createdAt: r.created_at, updatedAt: r.updated_at }));
  }

  async search(query: string, limit: number): Promise<SearchHit[]> {
    const match = ftsQuery(query);
    if (!match) return [];
    const rows = this.db
      .prepare(
        `SELECT a.id, a.title, snippet(articles_fts, 1, '«', '»', '…', 12) AS snippet, m.story_id
         FROM articles_fts f JOIN articles a ON a.rowid = f.rowid LEFT JOIN story_articles m ON m.article_id = a.id
         WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?`,
      )
      .all(match, limit) as Array<{ id: string; title: string | null; snippet: string; story_id: string | null }>;
    return rows.map((r) => ({ articleId: r.id, title: r.title, snippet: r.snippet, storyId: r.story_id }));
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
  const words = query.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.map((w) => `"${w}"`).join(' ');
}

/** A store from a newer version, or an SQLite file that is not ours, is refused untouched. */
function refuseForeign(db: Database.Database, path: string, version: number): void {
  if (version > MIGRATIONS.length)
    throw new CorroborateError('store-error', `${path}: made by a newer Corroborate (schema ${version}, this version knows ${MIGRATIONS.length})`, { subject: path });
  if (version === 0) {
    const tables = db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'`).get() as { n: number };
    if (tables.n > 0) throw new CorroborateError('store-error', `${path}: is an SQLite database but not a Corroborate store; refusing to touch it`, { subject: path });
  }
}

function toRow(doc: Doc): Omit<ArticleRow, never> {
  return {
    id: doc.id,
    content_hash: doc.contentHash,
    input: doc.meta.input,
    source_name: doc.meta.source.name,
    source_domain: doc.meta.source.domain,
    url: doc.meta.url,
    title: doc.title,
    byline: doc.meta.byline,
    published_at: doc.meta.publishedAt,
    published_at_basis: doc.meta.publishedAtBasis,
    language: doc.meta.language,
    raw: doc.raw,
    text: doc.text,
    segments: JSON.stringify(doc.segments),
    removed: JSON.stringify(doc.removed),
    layers: JSON.stringify(doc.layers),
    messages: JSON.stringify(doc.messages),
  };
}

function fromRow(row: ArticleRow): Doc {
  return {
    id: row.id,
    contentHash: row.content_hash,
    meta: {
      input: row.input,
      source: { name: row.source_name, domain: row.source_domain },
      url: row.url,
      byline: row.byline,
      publishedAt: row.published_at,
      publishedAtBasis: row.published_at_basis,
      language: row.language,
    },
    raw: row.raw,
    title: row.title,
    text: row.text,
    segments: JSON.parse(row.segments),
    removed: JSON.parse(row.removed),
    layers: JSON.parse(row.layers),
    messages: JSON.parse(row.messages),
  };
}
