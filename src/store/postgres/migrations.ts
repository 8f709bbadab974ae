/**
 * PostgreSQL schema migrations, applied in order; the `corroborate_schema` table records how many
 * ran. Never edit a released migration: add the next one. The first is the SQLite store's schema
 * after its migration 6, in Postgres' terms: text search by generated tsvector columns (english
 * configuration, stemmed) instead of FTS5 tables, identity columns where SQLite used rowid order,
 * and `COLLATE "C"` on the columns the store sorts by, so orders match SQLite's byte order.
 */
export const PG_MIGRATIONS: string[] = [
  `
  CREATE TABLE articles (
    id text COLLATE "C" PRIMARY KEY,
    content_hash text NOT NULL UNIQUE,
    input text NOT NULL,
    source_name text,
    source_domain text,
    url text,
    title text,
    byline text,
    published_at text COLLATE "C",
    published_at_basis text NOT NULL,
    language text,
    raw text NOT NULL,
    text text NOT NULL,
    segments text NOT NULL,
    removed text NOT NULL,
    layers text NOT NULL,
    messages text NOT NULL,
    seq bigint NOT NULL,
    ingested_at text NOT NULL,
    search tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED
  );
  CREATE INDEX articles_seq ON articles(seq);
  CREATE INDEX articles_search ON articles USING gin(search);
  CREATE SEQUENCE article_seq;
  CREATE TABLE stories (
    id text COLLATE "C" PRIMARY KEY,
    created_at text COLLATE "C" NOT NULL,
    updated_at text COLLATE "C" NOT NULL,
    size integer NOT NULL DEFAULT 0,
    centroid text NOT NULL DEFAULT '[]',
    first_at bigint,
    last_at bigint,
    active_seq bigint NOT NULL DEFAULT 0,
    version integer NOT NULL DEFAULT 1,
    latest_published_at text COLLATE "C",
    event text
  );
  CREATE INDEX stories_updated ON stories(updated_at);
  CREATE INDEX stories_latest ON stories(latest_published_at DESC NULLS LAST, id DESC);
  CREATE TABLE story_articles (
    article_id text COLLATE "C" PRIMARY KEY REFERENCES articles(id),
    story_id text COLLATE "C" NOT NULL REFERENCES stories(id),
    seq bigint NOT NULL
  );
  CREATE INDEX story_articles_story ON story_articles(story_id, seq);
  CREATE TABLE story_keys (
    key text COLLATE "C" NOT NULL,
    story_id text COLLATE "C" NOT NULL REFERENCES stories(id),
    active_seq bigint NOT NULL,
    PRIMARY KEY (key, story_id)
  );
  CREATE INDEX story_keys_recent ON story_keys(key, active_seq DESC, story_id);
  CREATE INDEX story_keys_story ON story_keys(story_id);
  CREATE TABLE term_df (
    term text COLLATE "C" PRIMARY KEY,
    df integer NOT NULL
  );
  -- docs: articles in the grouping's statistics; generation: rises with every stored article, so
  -- each process knows when its caches (story summaries, document frequencies) are stale.
  CREATE TABLE cluster_stats (
    id integer PRIMARY KEY CHECK (id = 1),
    docs integer NOT NULL,
    generation bigint NOT NULL DEFAULT 0
  );
  INSERT INTO cluster_stats (id, docs) VALUES (1, 0);
  CREATE TABLE article_sketches (
    article_id text COLLATE "C" PRIMARY KEY REFERENCES articles(id),
    shingles bytea NOT NULL,
    published_at bigint,
    text_length integer NOT NULL
  );
  CREATE TABLE lsh_bands (
    band bigint NOT NULL,
    article_id text COLLATE "C" NOT NULL REFERENCES articles(id),
    PRIMARY KEY (band, article_id)
  );
  CREATE TABLE article_copies (
    article_id text COLLATE "C" PRIMARY KEY REFERENCES articles(id),
    original_id text COLLATE "C" NOT NULL REFERENCES articles(id),
    similarity double precision NOT NULL
  );
  CREATE INDEX article_copies_original ON article_copies(original_id);
  CREATE TABLE story_merges (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    from_id text COLLATE "C" NOT NULL,
    into_id text COLLATE "C" NOT NULL,
    article_id text COLLATE "C" NOT NULL REFERENCES articles(id),
    score double precision NOT NULL,
    merged_at text NOT NULL
  );
  CREATE INDEX story_merges_into ON story_merges(into_id);
  CREATE TABLE story_analyses (
    story_id text COLLATE "C" PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
    story_version integer NOT NULL,
    analysis_version integer NOT NULL,
    title text NOT NULL,
    independent_sources integer NOT NULL,
    analysis text NOT NULL,
    analysed_at text NOT NULL,
    claims integer NOT NULL DEFAULT 0,
    corroborated integer NOT NULL DEFAULT 0,
    disputed integer NOT NULL DEFAULT 0,
    conflicts integer NOT NULL DEFAULT 0,
    brief text NOT NULL DEFAULT '',
    search tsvector GENERATED ALWAYS AS (to_tsvector('english', title || ' ' || brief)) STORED
  );
  CREATE INDEX story_analyses_search ON story_analyses USING gin(search);
  `,
  // 2 (SQLite 7): following a story. story_changes is each story's change log, appended with the
  // analysis that found the changes and read oldest first (id keeps insertion order within a
  // version). Articles can be deleted: a merge stays a fact after the article that bridged the two
  // stories is gone, so story_merges no longer references articles.
  `
  CREATE TABLE story_changes (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    story_id text COLLATE "C" NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    version integer NOT NULL,
    at text NOT NULL,
    kind text NOT NULL,
    detail text,
    article_ids text,
    story_ids text
  );
  CREATE INDEX story_changes_story ON story_changes(story_id, version, id);
  ALTER TABLE story_merges DROP CONSTRAINT story_merges_article_id_fkey;
  `,
  // 3: what each batch changed in the grouping's statistics (the article count, document
  // frequencies) and which story summaries it changed, keyed by the generation its commit made:
  // another process's placement caches apply these instead of starting again empty. Pruned to
  // the recent ones; a process further behind, or past a generation logged by no row (a write
  // outside a batch), starts again empty.
  `
  CREATE TABLE cluster_changes (
    generation bigint PRIMARY KEY,
    docs integer NOT NULL,
    terms text[] NOT NULL,
    df integer[] NOT NULL,
    stories text[] NOT NULL
  );
  `,
];
