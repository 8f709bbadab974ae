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
  // 3: incremental story grouping and copy detection. Stories keep a centroid summary and are
  // indexed under their keywords (story_keys, newest activity first) so a new article looks at a
  // bounded number of candidates; term_df holds document frequencies for TF-IDF; article_sketches
  // and lsh_bands find copies; story_merges records stories folded together by a bridging article.
  // Articles stored before this migration have no sketch or df: they are not found as copies.
  `
  ALTER TABLE stories ADD COLUMN size INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE stories ADD COLUMN centroid TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE stories ADD COLUMN first_at INTEGER;
  ALTER TABLE stories ADD COLUMN last_at INTEGER;
  ALTER TABLE stories ADD COLUMN active_seq INTEGER NOT NULL DEFAULT 0;
  UPDATE stories SET size = (SELECT count(*) FROM story_articles WHERE story_id = stories.id);
  CREATE TABLE story_keys (
    key TEXT NOT NULL,
    story_id TEXT NOT NULL REFERENCES stories(id),
    active_seq INTEGER NOT NULL,
    PRIMARY KEY (key, story_id)
  ) WITHOUT ROWID;
  CREATE INDEX story_keys_recent ON story_keys(key, active_seq DESC);
  CREATE INDEX story_keys_story ON story_keys(story_id);
  CREATE TABLE term_df (
    term TEXT PRIMARY KEY,
    df INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE cluster_stats (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    docs INTEGER NOT NULL
  );
  INSERT INTO cluster_stats (id, docs) VALUES (1, 0);
  CREATE TABLE article_sketches (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    shingles BLOB NOT NULL,
    published_at INTEGER,
    text_length INTEGER NOT NULL
  );
  CREATE TABLE lsh_bands (
    band INTEGER NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id),
    PRIMARY KEY (band, article_id)
  ) WITHOUT ROWID;
  CREATE TABLE article_copies (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    original_id TEXT NOT NULL REFERENCES articles(id),
    similarity REAL NOT NULL
  );
  CREATE INDEX article_copies_original ON article_copies(original_id);
  CREATE TABLE story_merges (
    from_id TEXT NOT NULL,
    into_id TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id),
    score REAL NOT NULL,
    merged_at TEXT NOT NULL
  );
  `,
  // 4: the event signature of each story (what/who/where counts and its main-event dates), JSON;
  // stories stored before it have none and are grouped on their centroid alone. Merges are read
  // by the story they went into (a story's redirects).
  `
  ALTER TABLE stories ADD COLUMN event TEXT;
  CREATE INDEX story_merges_into ON story_merges(into_id);
  `,
];
