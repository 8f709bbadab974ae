import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CorroborateError } from '../../doc/errors.js';
import { SqliteStore } from './sqlite-store.js';
import type { ExportClaim } from '../../export/types.js';
import { ANALYSIS_VERSION } from '../../story/types.js';
import { MIGRATIONS } from './migrations.js';
import { analysisOf, article, storeSuite, write } from '../../../test/store-suite.js';
import { sqliteBackend } from '../../../test/store-backends.js';

const tempDb = () => join(mkdtempSync(join(tmpdir(), 'corroborate-store-')), 'store.db');
test('a new store is migrated to the latest schema', () => {
  const path = tempDb();
  SqliteStore.open(path).close();
  const db = new Database(path, { readonly: true });
  assert.equal(db.pragma('user_version', { simple: true }), MIGRATIONS.length);
  db.close();
});

test("a store at migration 4 (stored analyses) upgrades: articles re-indexed stemmed, the analyses' list figures and search filled from their JSON", async () => {
  const path = tempDb();
  const db = new Database(path);
  for (const [v, sql] of MIGRATIONS.slice(0, 4).entries()) {
    db.exec(sql);
    db.pragma(`user_version = ${v + 1}`);
  }
  const doc = article(30);
  db.prepare(
    `INSERT INTO articles (id, content_hash, input, title, published_at, published_at_basis, raw, text, segments, removed, layers, messages, seq, ingested_at)
     VALUES (?, ?, 'ferry-30.txt', ?, '2026-01-05T10:00:00Z', 'metadata', ?, ?, '[]', '[]', '{}', '[]', 1, '2026-01-06T00:00:00Z')`,
  ).run(doc.id, doc.contentHash, doc.title, doc.raw, doc.text);
  db.prepare(`INSERT INTO stories (id, created_at, updated_at, size, version) VALUES ('s-old', '2026-01-06T00:00:00Z', '2026-01-06T00:00:00Z', 1, 3)`).run();
  db.prepare(`INSERT INTO story_articles (article_id, story_id, seq) VALUES (?, 's-old', 1)`).run(doc.id);
  const claim = (status: ExportClaim['status']): ExportClaim => ({ id: `c-${status}`, text: 'The ferry ran again.', status, independentSources: 1, evidence: [] });
  const stored = {
    ...analysisOf('s-old', 3),
    title: 'Ferry service resumes',
    claims: [claim('corroborated'), claim('disputed'), claim('single-source')],
    brief: [{ text: 'Crossings restarted on Monday.', citations: [] }, { text: 'The operator apologised.', citations: [] }],
  };
  db.prepare(`INSERT INTO story_analyses (story_id, story_version, analysis_version, title, independent_sources, analysis, analysed_at) VALUES ('s-old', 3, ?, ?, 1, ?, '2026-01-06T00:00:00Z')`).run(
    ANALYSIS_VERSION,
    stored.title,
    JSON.stringify(stored),
  );
  db.close();

  const store = SqliteStore.open(path);
  assert.deepEqual((await store.search('stops', 5)).map((h) => h.articleId), [doc.id], 'the old articles are found by a stemmed word');
  const [card] = await store.pageStoryCards(5, 0);
  assert.equal(card!.lastPublishedAt, '2026-01-05T10:00:00Z');
  assert.deepEqual(card!.digest, { independentSources: 1, claims: 3, corroborated: 1, disputed: 1, conflicts: 0 });
  assert.deepEqual((await store.searchStories('apologises', 5)).map((h) => h.storyId), ['s-old'], 'the brief of an analysis stored before the upgrade is searchable');
  assert.equal((await store.getStoryAnalyses(['s-old'])).get('s-old')!.title, 'Ferry service resumes');
  await store.close();
});

test('a store at migration 5 upgrades to the event signature: its stories have none, their merges read as redirects', async () => {
  const path = tempDb();
  const db = new Database(path);
  for (const [v, sql] of MIGRATIONS.slice(0, 5).entries()) {
    db.exec(sql);
    db.pragma(`user_version = ${v + 1}`);
  }
  const doc = article(31);
  db.prepare(
    `INSERT INTO articles (id, content_hash, input, title, published_at, published_at_basis, raw, text, segments, removed, layers, messages, seq, ingested_at)
     VALUES (?, ?, 'ferry-31.txt', ?, NULL, 'unknown', ?, ?, '[]', '[]', '{}', '[]', 1, '2026-01-06T00:00:00Z')`,
  ).run(doc.id, doc.contentHash, doc.title, doc.raw, doc.text);
  db.prepare(`INSERT INTO stories (id, created_at, updated_at, size, centroid, version) VALUES ('s-kept', '2026-01-06T00:00:00Z', '2026-01-06T00:00:00Z', 1, '[["ferry",1]]', 2)`).run();
  db.prepare(`INSERT INTO story_articles (article_id, story_id, seq) VALUES (?, 's-kept', 1)`).run(doc.id);
  db.prepare(`INSERT INTO story_merges (from_id, into_id, article_id, score, merged_at) VALUES ('s-gone', 's-kept', ?, 0.5, '2026-01-06T00:00:00Z')`).run(doc.id);
  db.close();

  const store = SqliteStore.open(path);
  const [summary] = await store.storySummaries(['s-kept']);
  assert.equal(summary!.size, 1);
  assert.equal(summary!.event, undefined, 'no signature was stored before the upgrade');
  const [story] = await store.getStories(['s-kept']);
  assert.equal(story!.version, 2);
  assert.deepEqual(story!.redirects, ['s-gone']);
  // Migration 7: the merge outlives the article that bridged the stories.
  const second = article(32);
  await store.addArticle(second, { storyId: 's-kept', isNewStory: false });
  const deleted = await store.deleteArticle(doc.id);
  assert.deepEqual(deleted, { storyId: 's-kept', storyDeleted: false, changedStoryIds: ['s-kept'] });
  const [after] = await store.getStories(['s-kept']);
  assert.deepEqual([after!.articleIds, after!.redirects, after!.version], [[second.id], ['s-gone'], 4]);
  assert.deepEqual(await store.storyChanges('s-kept'), []);
  await store.close();
});

test('a batch is one transaction of savepoints: a failed article rolls back alone and writes from outside wait for it (a failed batch rolling back whole is in the store suite, on both stores)', async () => {
  const path = tempDb();
  const store = SqliteStore.open(path);
  const [a, b, c] = [article(100), article(101), article(102)];
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let placed!: () => void;
  const stored = new Promise<void>((resolve) => (placed = resolve));
  const batch = store.batch(async () => {
    await store.placeAndAdd(a, async () => ({ storyId: 's-a', isNewStory: true, cluster: write('s-a', 1) }));
    await assert.rejects(store.placeAndAdd(b, async () => ({ storyId: 'no-such-story', isNewStory: false })), CorroborateError);
    let seen: number | undefined;
    await store.placeAndAdd(c, async (view) => {
      seen = (await view.storySummaries(['s-a']))[0]?.size;
      return { storyId: 's-a', isNewStory: false, cluster: write('s-a', 2) };
    });
    assert.equal(seen, 1, 'a placement in the batch reads the articles stored before it in the same batch');
    placed();
    await gate;
  });
  await stored;
  // A write from outside the batch waits for its commit (no interleaving, no deadlock).
  let outsideDone = false;
  const outside = store.putStoryAnalysis(analysisOf('s-a', 2)).then(() => (outsideDone = true));
  const other = SqliteStore.open(path);
  assert.deepEqual(await other.counts(), { articles: 0, stories: 0 }, 'nothing is visible before the commit');
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(outsideDone, false);
  release();
  await batch;
  await outside;
  assert.deepEqual(await other.counts(), { articles: 2, stories: 1 });
  await other.close();
  assert.deepEqual((await store.listStories()).map((s) => s.articleIds), [[a.id, c.id]]);
  assert.equal((await store.getStoryAnalyses(['s-a'])).get('s-a')?.version, 2);
  await store.close();
});

test('the generation moves with every commit, this connection\'s or another\'s, never with a read, and is null inside a write transaction', async () => {
  const path = tempDb();
  const store = SqliteStore.open(path);
  const other = SqliteStore.open(path);
  const seen = [await store.generation()];
  await store.counts();
  await store.pageStoryCards(20, 0);
  assert.equal(await store.generation(), seen[0], 'reads leave it');
  await store.addArticle(article(110), { storyId: 's-g', isNewStory: true, cluster: write('s-g', 1) });
  seen.push(await store.generation());
  await store.putStoryAnalysis(analysisOf('s-g', 1));
  seen.push(await store.generation());
  await other.addArticle(article(111), { storyId: 's-h', isNewStory: true, cluster: write('s-h', 1) });
  seen.push(await store.generation());
  await other.deleteArticle(article(111).id);
  seen.push(await store.generation());
  assert.equal(new Set(seen).size, seen.length, `each commit gives a new generation: ${seen.join(' ')}`);
  let inside: string | null | undefined;
  await store.batch(async () => {
    await store.placeAndAdd(article(112), async () => ({ storyId: 's-i', isNewStory: true, cluster: write('s-i', 1) }));
    inside = await store.generation();
  });
  assert.equal(inside, null, 'rows of an open transaction are not committed: nothing may cache them');
  assert.ok(!seen.includes(await store.generation()), 'the batch\'s commit gives a new generation');
  await other.close();
  await store.close();
});

test('refuses a file that is not a Corroborate store and leaves it untouched', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-store-'));
  const other = join(dir, 'other.db');
  const db = new Database(other);
  db.exec('CREATE TABLE notes (body TEXT)');
  db.close();
  const before = readFileSync(other);
  assert.throws(() => SqliteStore.open(other), (e: CorroborateError) => e.code === 'store-error' && /not a Corroborate store/.test(e.message));
  assert.deepEqual(readFileSync(other), before);

  const text = join(dir, 'notes.txt');
  writeFileSync(text, 'just some notes, not a database\n'.repeat(200));
  assert.throws(() => SqliteStore.open(text), (e: CorroborateError) => e.code === 'store-error');
  assert.equal(readFileSync(text, 'utf8'), 'just some notes, not a database\n'.repeat(200));
});

test('refuses a store made by a newer version', () => {
  const path = tempDb();
  SqliteStore.open(path).close();
  const db = new Database(path);
  db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
  db.close();
  assert.throws(() => SqliteStore.open(path), /newer Corroborate/);
});

storeSuite(sqliteBackend());

test('processes opening one new file at the same time all get the migrated store', async () => {
  const path = tempDb();
  const store = new URL('./sqlite-store.js', import.meta.url).href;
  const script = `import { SqliteStore } from ${JSON.stringify(store)}; await SqliteStore.open(${JSON.stringify(path)}).close();`;
  const exits = await Promise.all(
    Array.from({ length: 4 }, () => new Promise<number | null>((resolve) => spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'inherit' }).on('close', resolve))),
  );
  assert.deepEqual(exits, [0, 0, 0, 0]);
  const db = new Database(path, { readonly: true });
  assert.equal(db.pragma('user_version', { simple: true }), MIGRATIONS.length);
  db.close();
});

test('a process opening a new file while another holds the write lock past busy_timeout (its ingest batch) still opens', async () => {
  const path = tempDb();
  // The other process: the file in WAL, its write lock held (as an ingest batch holds it), and the
  // migrations committed only after one busy_timeout (5 s) has run out for the process opening.
  const holder = new Database(path);
  holder.pragma('journal_mode = WAL');
  holder.exec('BEGIN IMMEDIATE');
  const store = new URL('./sqlite-store.js', import.meta.url).href;
  const script = `import { SqliteStore } from ${JSON.stringify(store)}; await SqliteStore.open(${JSON.stringify(path)}).close();`;
  let stderr = '';
  const opening = new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('close', resolve);
  });
  await new Promise((resolve) => setTimeout(resolve, 6_000));
  for (const migration of MIGRATIONS) holder.exec(migration);
  holder.pragma(`user_version = ${MIGRATIONS.length}`);
  holder.exec('COMMIT');
  assert.equal(await opening, 0, stderr);
  holder.close();
});
