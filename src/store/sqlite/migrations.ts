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
];
