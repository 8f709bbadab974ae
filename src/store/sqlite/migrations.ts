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
  // 4: stored story analyses. A story's version rises whenever its members or copy links change;
  // its analysis (claims, conflicts, brief, entities, quotes, timeline) is stored with the story
  // version and the analysis code's version it was computed from, and recomputed when either moves.
  // Title and source count are columns so story lists read them without the JSON.
  `
  ALTER TABLE stories ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
  CREATE TABLE story_analyses (
    story_id TEXT PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
    story_version INTEGER NOT NULL,
    analysis_version INTEGER NOT NULL,
    title TEXT NOT NULL,
    independent_sources INTEGER NOT NULL,
    analysis TEXT NOT NULL,
    analysed_at TEXT NOT NULL
  );
  `,
  // 5: stemmed search and what the home page reads. Articles are re-indexed with the porter
  // stemmer ("tariff" finds "tariffs"). A story's list figures (claim counts, and the brief's text
  // for story search) are more columns of its stored analysis, written in the same statement as
  // the analysis itself, so there is one stored result per story and its figures cannot disagree
  // with it; analyses stored before this migration get theirs from their JSON here. stories_fts
  // indexes each analysis's title and brief for story search, kept by triggers on story_analyses
  // (a merged story's analysis goes by cascade, and its index row with it). latest_published_at
  // orders the home page by the latest article.
  `
  DROP TRIGGER articles_fts_insert;
  DROP TRIGGER articles_fts_delete;
  DROP TABLE articles_fts;
  CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2');
  CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, coalesce(new.title, ''), new.text);
  END;
  CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, coalesce(old.title, ''), old.text);
  END;
  INSERT INTO articles_fts(rowid, title, text) SELECT rowid, coalesce(title, ''), text FROM articles;
  ALTER TABLE story_analyses ADD COLUMN claims INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE story_analyses ADD COLUMN corroborated INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE story_analyses ADD COLUMN disputed INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE story_analyses ADD COLUMN conflicts INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE story_analyses ADD COLUMN brief TEXT NOT NULL DEFAULT '';
  UPDATE story_analyses SET
    claims = json_array_length(analysis, '$.claims'),
    corroborated = (SELECT count(*) FROM json_each(story_analyses.analysis, '$.claims') WHERE json_extract(value, '$.status') = 'corroborated'),
    disputed = (SELECT count(*) FROM json_each(story_analyses.analysis, '$.claims') WHERE json_extract(value, '$.status') = 'disputed'),
    conflicts = json_array_length(analysis, '$.conflicts'),
    brief = coalesce((SELECT group_concat(json_extract(value, '$.text'), ' ') FROM json_each(story_analyses.analysis, '$.brief')), '');
  CREATE VIRTUAL TABLE stories_fts USING fts5(story_id UNINDEXED, title, brief, tokenize='porter unicode61 remove_diacritics 2');
  CREATE TRIGGER stories_fts_insert AFTER INSERT ON story_analyses BEGIN
    INSERT INTO stories_fts(story_id, title, brief) VALUES (new.story_id, new.title, new.brief);
  END;
  CREATE TRIGGER stories_fts_update AFTER UPDATE ON story_analyses BEGIN
    DELETE FROM stories_fts WHERE story_id = old.story_id;
    INSERT INTO stories_fts(story_id, title, brief) VALUES (new.story_id, new.title, new.brief);
  END;
  CREATE TRIGGER stories_fts_delete AFTER DELETE ON story_analyses BEGIN
    DELETE FROM stories_fts WHERE story_id = old.story_id;
  END;
  INSERT INTO stories_fts(story_id, title, brief) SELECT story_id, title, brief FROM story_analyses;
  ALTER TABLE stories ADD COLUMN latest_published_at TEXT;
  UPDATE stories SET latest_published_at = (SELECT max(a.published_at) FROM story_articles m JOIN articles a ON a.id = m.article_id WHERE m.story_id = stories.id);
  -- NULLs sort last under DESC, so undated stories come after dated ones with no extra key.
  CREATE INDEX stories_latest ON stories(latest_published_at, id);
  `,
  // 6: the event signature of each story (what/who/where counts and its main-event dates), JSON;
  // stories stored before it have none and are grouped on their centroid alone. Merges are read
  // by the story they went into (a story's redirects).
  `
  ALTER TABLE stories ADD COLUMN event TEXT;
  CREATE INDEX story_merges_into ON story_merges(into_id);
  `,
  // 7: following a story. story_changes is each story's change log (articles added or removed,
  // facts newly corroborated or disputed, new conflicts, merges, corrections), appended with the
  // analysis that found them and read oldest first. Articles can be deleted: a merge stays a fact
  // after the article that bridged the two stories is gone, so story_merges no longer references
  // articles (rebuilt with its rowids, which order a story's redirects).
  `
  CREATE TABLE story_changes (
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    detail TEXT,
    article_ids TEXT,
    story_ids TEXT
  );
  CREATE INDEX story_changes_story ON story_changes(story_id, version);
  CREATE TABLE story_merges_new (
    from_id TEXT NOT NULL,
    into_id TEXT NOT NULL,
    article_id TEXT NOT NULL,
    score REAL NOT NULL,
    merged_at TEXT NOT NULL
  );
  INSERT INTO story_merges_new (rowid, from_id, into_id, article_id, score, merged_at) SELECT rowid, from_id, into_id, article_id, score, merged_at FROM story_merges;
  DROP TABLE story_merges;
  ALTER TABLE story_merges_new RENAME TO story_merges;
  CREATE INDEX story_merges_into ON story_merges(into_id);
  `,
  // 8: story search rows keyed by their analysis's rowid, as articles_fts is by the article's.
  // Found by story_id (a column FTS5 cannot index), every stored analysis scanned the whole story
  // index to drop its old row: ~15 ms an analysis at 17,000 stories, growing with the store.
  `
  DROP TRIGGER stories_fts_insert;
  DROP TRIGGER stories_fts_update;
  DROP TRIGGER stories_fts_delete;
  DROP TABLE stories_fts;
  CREATE VIRTUAL TABLE stories_fts USING fts5(story_id UNINDEXED, title, brief, tokenize='porter unicode61 remove_diacritics 2');
  CREATE TRIGGER stories_fts_insert AFTER INSERT ON story_analyses BEGIN
    INSERT INTO stories_fts(rowid, story_id, title, brief) VALUES (new.rowid, new.story_id, new.title, new.brief);
  END;
  CREATE TRIGGER stories_fts_update AFTER UPDATE ON story_analyses BEGIN
    DELETE FROM stories_fts WHERE rowid = old.rowid;
    INSERT INTO stories_fts(rowid, story_id, title, brief) VALUES (new.rowid, new.story_id, new.title, new.brief);
  END;
  CREATE TRIGGER stories_fts_delete AFTER DELETE ON story_analyses BEGIN
    DELETE FROM stories_fts WHERE rowid = old.rowid;
  END;
  INSERT INTO stories_fts(rowid, story_id, title, brief) SELECT rowid, story_id, title, brief FROM story_analyses;
  `,
];
