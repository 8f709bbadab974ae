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
import type { ExportClaim } from '../../export/types.js';
import { ANALYSIS_VERSION, type StoryAnalysis } from '../../story/types.js';
import { MIGRATIONS } from './migrations.js';

const tempDb = () => join(mkdtempSync(join(tmpdir(), 'corroborate-store-')), 'store.db');
/** An analysis with nothing found: tests fill in what they look at. */
const analysisOf = (storyId: string, version: number): StoryAnalysis => ({
  storyId, version, analysisVersion: ANALYSIS_VERSION, articleIds: [], title: '', independentSourceCount: 1, brief: [], entities: [], quotes: [], timeline: [], claims: [], conflicts: [], event: { what: null, who: [], where: null, when: null, evidence: [] }, warnings: [], articles: [],
});
const article = (n: number) =>
  docFromText(`Ferry service resumes on line ${n}\n\nThe ferry on line ${n} ran again on Monday after a two-day stop, the operator said.\n`, `ferry-${n}.txt`, null);

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

test('a change log is appended only with an analysis of a newer story version, oldest first', async () => {
  const store = SqliteStore.open(tempDb());
  await store.addArticle(article(40), { storyId: 's-log', isNewStory: true });
  const change = (version: number, detail: string) => ({ version, at: '2026-01-06T00:00:00Z', kind: 'article-added' as const, detail });
  await store.putStoryAnalysis(analysisOf('s-log', 1), [change(1, 'first')]);
  await store.putStoryAnalysis(analysisOf('s-log', 1), [change(1, 'the same version again')]);
  await store.putStoryAnalysis(analysisOf('s-log', 3), [change(3, 'third'), change(3, 'third, second entry')]);
  await store.putStoryAnalysis(analysisOf('s-log', 2), [change(2, 'older than what is stored')]);
  await store.putStoryAnalysis(analysisOf('s-none', 5), [change(5, 'no such story')]);
  assert.deepEqual((await store.storyChanges('s-log')).map((c) => c.detail), ['first', 'third', 'third, second entry']);
  assert.deepEqual(await store.storyChanges('s-none'), []);
  await store.deleteArticle(article(40).id);
  assert.deepEqual(await store.storyChanges('s-log'), [], 'a story deleted with its last article takes its log along');
  await store.close();
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

test('search stems: a word finds its other forms, and an article highlights them', async () => {
  const store = SqliteStore.open(tempDb());
  const rescue = docFromText('Crews rescue hikers\n\nRescuers lowered two hikers from the ridge on Monday; the rescued pair were unhurt.\n', 'rescue.txt', null);
  await store.addArticle(rescue, { storyId: 's-9', isNewStory: true });
  await store.addArticle(article(7), { storyId: 's-7', isNewStory: true });
  for (const q of ['rescue', 'rescued', 'rescues', 'lowering']) assert.deepEqual((await store.search(q, 10)).map((h) => h.articleId), [rescue.id], q);
  const [hit] = await store.search('rescues', 10);
  assert.equal(hit!.source.name, null);
  assert.match(hit!.snippet, /\u0002rescued\u0003 pair/);
  assert.equal(await store.highlightArticle(rescue.id, 'lowering'), rescue.text.replace('lowered', '\u0002lowered\u0003'));
  assert.equal(await store.highlightArticle(rescue.id, 'ferry'), rescue.text, 'no match: the text unmarked');
  await store.close();
});

test("story cards come from the store alone, latest article first; figures of an analysis older than its story are not shown", async () => {
  const store = SqliteStore.open(tempDb());
  const dated = (n: number, publishedAt: string, source: string) => {
    const doc = article(n);
    return { ...doc, meta: { ...doc.meta, publishedAt, publishedAtBasis: 'metadata' as const, source: { name: source, domain: null } } };
  };
  await store.addArticle(dated(1, '2026-01-05T10:00:00Z', 'Osterby Post'), { storyId: 's-old', isNewStory: true });
  await store.addArticle(dated(2, '2026-02-01T10:00:00Z', 'Harbour Times'), { storyId: 's-new', isNewStory: true });
  assert.deepEqual((await store.pageStoryCards(10, 0)).map((c) => c.id), ['s-new', 's-old']);
  const claim = (status: ExportClaim['status']): ExportClaim => ({ id: `c-${status}`, text: 'The ferry ran again.', status, independentSources: 1, evidence: [] });
  await store.putStoryAnalysis({
    ...analysisOf('s-old', 1),
    title: 'Ferry service resumes',
    claims: [claim('corroborated'), claim('corroborated'), claim('disputed'), claim('single-source')],
    brief: [{ text: 'Crossings restarted on Monday.', citations: [] }],
  });
  assert.deepEqual((await store.pageStoryCards(10, 0)).find((c) => c.id === 's-old')!.digest, { independentSources: 1, claims: 4, corroborated: 2, disputed: 1, conflicts: 0 });
  assert.deepEqual((await store.pageStoryCards(10, 0)).find((c) => c.id === 's-new')!.digest, null, 'never analysed');
  // A later article moves the old story to the top; its figures are now stale.
  await store.addArticle(dated(3, '2026-03-01T10:00:00Z', 'Harbour Times'), { storyId: 's-old', isNewStory: false });
  const cards = await store.pageStoryCards(10, 0);
  assert.deepEqual(cards.map((c) => c.id), ['s-old', 's-new']);
  assert.deepEqual(cards[0]!.outlets, ['Harbour Times', 'Osterby Post']);
  assert.equal(cards[0]!.firstPublishedAt, '2026-01-05T10:00:00Z');
  assert.equal(cards[0]!.lastPublishedAt, '2026-03-01T10:00:00Z');
  assert.equal(cards[0]!.digest, null);
  assert.deepEqual((await store.pageStoryCards(1, 1)).map((c) => c.id), ['s-new'], 'paged');
  assert.equal(cards[0]!.title, 'Ferry service resumes', "a stale analysis's title still names the story");
  assert.deepEqual((await store.searchStories('resume', 5)).map((h) => h.storyId), ['s-old'], 'story search reads the stored title');
  assert.deepEqual((await store.searchStories('restarts', 5)).map((h) => h.storyId), ['s-old'], 'and the brief, stemmed');
  await store.close();
});

test("a story version rises with each change of members or copy links; a merged story's analysis goes with it", async () => {
  const store = SqliteStore.open(tempDb());
  const write = (storyId: string, size: number, extra: Partial<ClusterWrite> = {}): ClusterWrite => ({
    terms: ['ferry'],
    story: { id: storyId, size, centroid: new Map([['ferry', 1]]), firstAt: null, lastAt: null },
    storyKeys: ['ferry'],
    merged: [],
    sketch: { shingles: new Uint32Array([1, 2, 3]), bands: [7], publishedAt: null, length: 10 },
    copyOf: null,
    repoint: [],
    ...extra,
  });
  const version = async (id: string) => (await store.getStories([id]))[0]?.version;
  const analysis = (storyId: string, v: number) => ({ ...analysisOf(storyId, v), title: `t ${storyId}` });
  const [a, b, c, d] = [article(20), article(21), article(22), article(23)];
  await store.addArticle(a, { storyId: 's-a', isNewStory: true, cluster: write('s-a', 1) });
  assert.equal(await version('s-a'), 1);
  await store.addArticle(b, { storyId: 's-a', isNewStory: false, cluster: write('s-a', 2) });
  assert.equal(await version('s-a'), 2);
  await store.addArticle(c, { storyId: 's-c', isNewStory: true, cluster: write('s-c', 1) });
  await store.putStoryAnalysis(analysis('s-a', 2));
  await store.putStoryAnalysis(analysis('s-c', 1));
  await store.putStoryAnalysis(analysis('s-a', 1));
  assert.equal((await store.getStoryAnalyses(['s-a'])).get('s-a')!.version, 2, 'an older version never replaces a newer one');
  assert.deepEqual((await store.pageStoryCards(10, 0)).map((s) => [s.id, s.title]).sort(), [['s-a', 't s-a'], ['s-c', 't s-c']]);

  // d, in s-a, turns out to be the original that c (in s-c) copies: s-c's copy links change too.
  await store.addArticle(d, { storyId: 's-a', isNewStory: false, cluster: write('s-a', 3, { repoint: [{ articleId: c.id, link: { of: d.id, similarity: 0.9 } }] }) });
  assert.equal(await version('s-a'), 3);
  assert.equal(await version('s-c'), 2);

  // A bridge folds s-c into s-a: s-a moves on, s-c and its stored analysis are gone.
  const bridge = article(24);
  await store.addArticle(bridge, { storyId: 's-a', isNewStory: false, cluster: write('s-a', 5, { merged: [{ storyId: 's-c', score: 0.5 }] }) });
  assert.equal(await version('s-a'), 4);
  assert.deepEqual([...(await store.getStoryAnalyses(['s-a', 's-c'])).keys()], ['s-a']);
  assert.deepEqual((await store.searchStories('t', 5)).map((h) => h.storyId), ['s-a'], "the merged story's search entry went with its analysis");
  await store.putStoryAnalysis(analysis('s-c', 9));
  assert.equal((await store.getStoryAnalyses(['s-c'])).size, 0, 'no analysis for a story that no longer exists');
  await store.close();
});
