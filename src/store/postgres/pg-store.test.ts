import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportStories, ingestInputs, ingestPaths } from '../../pipeline/analyze.js';
import { expandPaths, readInput, type InputFile } from '../../ingest/read-inputs.js';
import { groupJobInputs } from '../../queue/jobs.js';
import { PgStore } from './pg-store.js';
import { PG_MIGRATIONS } from './migrations.js';
import type { Store } from '../store.js';
import type { StoryExport } from '../../export/types.js';
import { article, storeSuite } from '../../../test/store-suite.js';
import { postgresBackend, sqliteBackend } from '../../../test/store-backends.js';
import { EXAMPLES, SEEDS } from '../../../test/paths.js';
import { writeEcbFactStories } from '../../../test/web-fixtures.js';

const backend = postgresBackend();
after(() => backend.done());
storeSuite(backend);

describe(`postgres schema: ${backend.name}`, () => {
  test('a new store records its schema version; a second open migrates nothing and keeps the data', async () => {
    const fresh = await backend.fresh();
    const store = await fresh.open();
    await store.addArticle(article(1), { storyId: 's-1', isNewStory: true });
    await store.close();
    const again = await fresh.open();
    assert.deepEqual(await again.counts(), { articles: 1, stories: 1 });
    await again.close();
    const db = await fresh.database!();
    assert.deepEqual(await db.query('SELECT version FROM corroborate_schema'), [{ version: PG_MIGRATIONS.length }]);
    await db.close();
  });

  test('refuses a schema that holds other tables, and one made by a newer version, leaving both untouched', async () => {
    const foreign = await backend.fresh();
    let db = await foreign.database!();
    await db.exec(`CREATE TABLE notes (body text); INSERT INTO notes VALUES ('keep me')`);
    await assert.rejects(PgStore.open(db, 'foreign'), /not a Corroborate store/);
    db = await foreign.database!();
    assert.deepEqual(await db.query('SELECT body FROM notes'), [{ body: 'keep me' }]);
    await db.close();

    const newer = await backend.fresh();
    (await newer.open()).close();
    db = await newer.database!();
    await db.query('UPDATE corroborate_schema SET version = $1', [PG_MIGRATIONS.length + 1]);
    await assert.rejects(PgStore.open(db, 'newer'), /newer Corroborate/);
  });
});

const withoutLogTimes = (exported: StoryExport) => ({ ...exported, stories: exported.stories.map((s) => ({ ...s, changes: s.changes?.map(({ at: _at, ...change }) => change) })) });

/** Real news: the ECB+ fact stories (four events, many outlets), the seeds and the examples, as files on disk. */
function realArticles(): string {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-same-'));
  writeEcbFactStories(dir);
  for (const file of readdirSync(SEEDS)) cpSync(join(SEEDS, file), join(dir, `seed-${file}`));
  for (const file of readdirSync(EXAMPLES)) cpSync(join(EXAMPLES, file), join(dir, `example-${file}`));
  return dir;
}

describe(`same results: sqlite and ${backend.name}`, () => {
  const sqlite = sqliteBackend();
  after(() => sqlite.done());

  test('the same real articles give the same stories, members, merges, copies and export on both', async () => {
    const dir = realArticles();
    const run = async (store: Store) => {
      const report = await ingestPaths(store, [dir]);
      const stories = await store.listStories();
      const ids = stories.flatMap((s) => s.articleIds);
      const result = {
        report: report.files.map((f) => [f.input, f.status, f.status === 'failed' ? f.error.code : f.storyId]).sort(),
        stories: stories.map((s) => ({ id: s.id, articleIds: s.articleIds, version: s.version, redirects: s.redirects ?? [] })).sort((a, b) => (a.id < b.id ? -1 : 1)),
        sizes: (await store.storySummaries(stories.map((s) => s.id))).map((s) => [s.id, s.size, [...s.centroid].slice(0, 10)]),
        merges: await store.storyMerges(),
        copies: [...(await store.copiesOf(ids))],
        counts: await store.counts(),
        // Change log entries carry the time each analysis ran: everything else must match.
        export: withoutLogTimes(await exportStories(store, undefined, new Date('2026-01-01T00:00:00Z'))),
      };
      await store.close();
      return result;
    };
    const onSqlite = await run(await (await sqlite.fresh()).open());
    const onPostgres = await run(await (await backend.fresh()).open());
    assert.ok(onSqlite.counts.articles >= 50, `a real corpus was stored (${onSqlite.counts.articles} articles)`);
    assert.ok(onSqlite.stories.some((s) => s.articleIds.length >= 5), 'with stories of several articles');
    assert.deepEqual(onPostgres.report, onSqlite.report);
    assert.deepEqual(onPostgres.stories, onSqlite.stories);
    assert.deepEqual(onPostgres.sizes, onSqlite.sizes);
    assert.deepEqual(onPostgres.merges, onSqlite.merges);
    assert.deepEqual(onPostgres.copies, onSqlite.copies);
    assert.deepEqual(onPostgres.counts, onSqlite.counts);
    assert.deepEqual(onPostgres.export, onSqlite.export);
  });

  test('jobs of several articles stored by two writers in turn, each catching up on the other\'s batches, give the stories one writer gives', async () => {
    const { files: paths } = await expandPaths([realArticles()]);
    const files: InputFile[] = [];
    // In an order that mixes the events, so that each story is joined by both writers.
    const mixed = (path: string) => createHash('sha256').update(path.slice(path.lastIndexOf('/'))).digest('hex');
    for (const path of paths.sort((a, b) => (mixed(a) < mixed(b) ? -1 : 1))) {
      const read = await readInput(path);
      if (read.ok) files.push(read.file);
    }
    const jobs = groupJobInputs(files);
    assert.ok(jobs.length >= 4, `several jobs (${jobs.length})`);
    // Workers enqueue the story stage; here it is left out.
    const ingest = (store: Store, job: InputFile[]) => ingestInputs(store, job, { storyStage: async () => {} });
    const state = async (store: Store) => {
      const stories = await store.listStories();
      return {
        stories: stories.map((s) => ({ id: s.id, articleIds: s.articleIds, version: s.version, redirects: s.redirects ?? [] })).sort((a, b) => (a.id < b.id ? -1 : 1)),
        sizes: (await store.storySummaries(stories.map((s) => s.id))).map((s) => [s.id, s.size, [...s.centroid].slice(0, 10)]),
        merges: await store.storyMerges(),
        copies: [...(await store.copiesOf(stories.flatMap((s) => s.articleIds)))],
        counts: await store.counts(),
      };
    };
    const one = await (await sqlite.fresh()).open();
    for (const job of jobs) await ingest(one, job);
    const expected = await state(one);
    await one.close();

    const fresh = await backend.fresh();
    const writers = [await fresh.open(), await fresh.open()];
    for (const [i, job] of jobs.entries()) await ingest(writers[i % 2]!, job);
    // A job again (as a retried one is): its articles are found stored, nothing changes.
    const again = await ingest(writers[1]!, jobs[0]!);
    assert.equal(again.added, 0);
    for (const store of writers) await store.close();
    // Read through a handle of its own: a writer's caches are brought up to date when it places, not when it reads.
    const reader = await fresh.open();
    assert.deepEqual(await state(reader), expected);
    await reader.close();
  });
});
