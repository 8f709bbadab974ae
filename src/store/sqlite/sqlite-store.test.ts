import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { docFromText } from '../../ingest/plain-text.js';
import { CorroborateError } from '../../doc/errors.js';
import { SqliteStore } from './sqlite-store.js';
import type { ClusterWrite } from '../store.js';
import { MIGRATIONS } from './migrations.js';

const tempDb = () => join(mkdtempSync(join(tmpdir(), 'corroborate-store-')), 'store.db');
const article = (n: number) =>
  docFromText(`Ferry service resumes on line ${n}\n\nThe ferry on line ${n} ran again on Monday after a two-day stop, the operator said.\n`, `ferry-${n}.txt`, null);

test('a new store is migrated to the latest schema', () => {
  const path = tempDb();
  SqliteStore.open(path).close();
  const db = new Database(path, { readonly: true });
  assert.equal(db.pragma('user_version', { simple: true }), MIGRATIONS.length);
  db.close();
});

test('an article and its story land together, and read back equal', async () => {
  const store = SqliteStore.open(tempDb());
  const doc = article(1);
  assert.deepEqual(await store.addArticle(doc, { storyId: 's-1', isNewStory: true }), { added: true, id: doc.id });
  const [back] = await store.getArticles([doc.id]);
  assert.deepEqual(back, doc);
  assert.deepEqual((await store.listStories()).map((s) => s.articleIds), [[doc.id]]);
  assert.equal(await store.storyOf(doc.id), 's-1');
  await store.close();
});

test('the same content twice is stored once and the second add says so', async () => {
  const store = SqliteStore.open(tempDb());
  const doc = article(2);
  await store.addArticle(doc, { storyId: 's-2', isNewStory: true });
  const again = await store.addArticle({ ...doc, meta: { ...doc.meta, input: 'copy.txt' } }, { storyId: 's-3', isNewStory: true });
  assert.equal(again.added, false);
  assert.equal(again.existingId, doc.id);
  assert.deepEqual(await store.counts(), { articles: 1, stories: 1 });
  await store.close();
});

test('a failed add rolls back whole: no article without its story', async () => {
  const store = SqliteStore.open(tempDb());
  const doc = article(3);
  await assert.rejects(store.addArticle(doc, { storyId: 'no-such-story', isNewStory: false }), CorroborateError);
  assert.deepEqual(await store.counts(), { articles: 0, stories: 0 });
  assert.equal(await store.findByHash(doc.contentHash), null);
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

test('a bridging article merges two stories: members move, the merge is recorded, the old story is gone', async () => {
  const store = SqliteStore.open(tempDb());
  const write = (storyId: string, size: number, merged: Array<{ storyId: string; score: number }> = []): ClusterWrite => ({
    terms: ['ferry'],
    story: { id: storyId, size, centroid: new Map([['ferry', 1]]), firstAt: null, lastAt: null },
    storyKeys: ['ferry', `key-${storyId}`],
    merged,
    sketch: { shingles: new Uint32Array([1, 2, 3]), bands: [7], publishedAt: null, length: 10 },
    copyOf: null,
    repoint: [],
  });
  const [a, b, bridge] = [article(10), article(11), article(12)];
  await store.addArticle(a, { storyId: 's-a', isNewStory: true, cluster: write('s-a', 1) });
  await store.addArticle(b, { storyId: 's-b', isNewStory: true, cluster: write('s-b', 1) });
  await store.addArticle(bridge, { storyId: 's-a', isNewStory: false, cluster: write('s-a', 3, [{ storyId: 's-b', score: 0.4 }]) });
  assert.deepEqual((await store.listStories()).map((s) => [s.id, s.articleIds]), [['s-a', [a.id, b.id, bridge.id]]]);
  assert.deepEqual(await store.storyMerges(), [{ from: 's-b', into: 's-a', articleId: bridge.id, score: 0.4 }]);
  assert.deepEqual((await store.getStories(['s-a']))[0]!.redirects, ['s-b'], 'the merged id leads to the survivor');
  assert.deepEqual([...(await store.storyCandidates(['ferry', 'key-s-b'], 10)).keys()], ['s-a']);
  assert.equal((await store.storySummaries(['s-a']))[0]!.size, 3);
  assert.deepEqual(await store.termStats(['ferry']), { docs: 3, df: new Map([['ferry', 3]]) });
  assert.deepEqual((await store.copyCandidates([7], 10)).sort(), [a.id, b.id, bridge.id].sort());
  await store.close();
});

test('merges chain: a story merged into one that is merged again leads to the last survivor', async () => {
  const store = SqliteStore.open(tempDb());
  const write = (storyId: string, size: number, merged: Array<{ storyId: string; score: number }> = []): ClusterWrite => ({
    terms: ['ferry'],
    story: { id: storyId, size, centroid: new Map([['ferry', 1]]), firstAt: null, lastAt: null },
    storyKeys: ['ferry'],
    merged,
    sketch: { shingles: new Uint32Array([1, 2, 3]), bands: [], publishedAt: null, length: 10 },
    copyOf: null,
    repoint: [],
  });
  const [a, b, c, first, second] = [article(20), article(21), article(22), article(23), article(24)];
  await store.addArticle(a, { storyId: 's-a', isNewStory: true, cluster: write('s-a', 1) });
  await store.addArticle(b, { storyId: 's-b', isNewStory: true, cluster: write('s-b', 1) });
  await store.addArticle(c, { storyId: 's-c', isNewStory: true, cluster: write('s-c', 1) });
  await store.addArticle(first, { storyId: 's-a', isNewStory: false, cluster: write('s-a', 3, [{ storyId: 's-b', score: 0.5 }]) });
  assert.deepEqual((await store.listStories()).map((s) => [s.id, s.redirects ?? []]), [['s-a', ['s-b']], ['s-c', []]]);
  await store.addArticle(second, { storyId: 's-c', isNewStory: false, cluster: write('s-c', 5, [{ storyId: 's-a', score: 0.5 }]) });
  const [survivor] = await store.listStories();
  assert.equal(survivor!.id, 's-c');
  assert.deepEqual(survivor!.redirects, ['s-a', 's-b']);
  assert.equal(survivor!.articleIds.length, 5);
  await store.close();
});
