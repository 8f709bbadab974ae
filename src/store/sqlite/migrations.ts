/**
 * Schema migrations, applied in order; `PRAGMA user_version` records how many ran.
 * Never edit a released migration: add the next one.
 */
export const MIGRATIONS: string[] = [
  `
  CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    input TEXT NOT NULL,
    source_name TEXT,
    source_domain TEXT,
    url TEXT,
    title TEXT,
    byline TEXT,
    published_at TEXT,
    published_at_basis TEXT NOT NULL,
    language TEXT,
    raw TEXT NOT NULL,
    text TEXT NOT NULL,
    segments TEXT NOT NULL,
    removed TEXT NOT NULL,
    layers TEXT NOT NULL,
    messages TEXT NOT NULL,
    seq INTEGER NOT NULL,
    ingested_at TEXT NOT NULL
  );
  CREATE INDEX articles_seq ON articles(seq);
  CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE story_articles (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    story_id TEXT NOT NULL REFERENCES stories(id),
    seq INTEGER NOT NULL
  );
  CREATE INDEX story_articles_story ON story_articles(story_id, seq);
  `,
  `
  -- Full-text search over articles (the API's /api/search), kept in step by triggers.
  CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
  CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, coalesce(new.title, ''), new.text);
  END;
  CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, coalesce(old.title, ''), old.text);
  END;
  INSERT INTO articles_fts(rowid, title, text) SELECT rowid, coalesce(title, ''), text FROM articles;
  CREATE INDEX stories_updated ON stories(updated_at);
  `,
];
