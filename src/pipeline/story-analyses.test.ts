import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../api/app.js';
import { analyzeStory } from '../story/analyze-story.js';
import { ANALYSIS_VERSION } from '../story/types.js';
import { storyInputOf, type StoryRequest } from './story-request.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import { exportStories, ingestPaths } from './analyze.js';
import { ALWAYS_REANALYSED, changedLittle, storyAnalyses } from './story-analyses.js';

const SEEDS = new URL('../../../../shared/seeds/', import.meta.url).pathname;
const seedFiles = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => join(SEEDS, f));

/** The SQLite store with its analysis writes counted: every computed analysis is stored, so puts count computations. */
function countingStore(): { store: Store; puts: () => number } {
  const inner = SqliteStore.open(join(mkdtempSync(join(tmpdir(), 'corroborate-story-')), 'story.db'));
  let puts = 0;
  const store = new Proxy(inner, {
    get(target, key, receiver) {
      if (key === 'putStoryAnalysis')
        return (...args: Parameters<Store['putStoryAnalysis']>) => {
          puts++;
          return target.putStoryAnalysis(...args);
        };
      const value = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store, puts: () => puts };
}

test('a story analysis is stored with the story version at ingest; reads reuse it; a new article bumps the version and recomputes', async () => {
  const { store, puts } = countingStore();
  const first = await ingestPaths(store, seedFiles.slice(0, 4));
  assert.equal(first.added, 4);
  assert.equal(first.storyIds.length, 1, 'the four seed reports are one story');
  const storyId = first.storyIds[0]!;
  assert.equal(puts(), 1, 'one analysis for the batch, not one per article');
  const [story] = await store.getStories([storyId]);
  const stored = (await store.getStoryAnalyses([storyId])).get(storyId)!;
  assert.equal(story!.version, 4, 'a new story starts at 1 and each join raises it');
  assert.equal(stored.version, 4);
  assert.equal(stored.analysisVersion, ANALYSIS_VERSION);
  assert.deepEqual(stored.articleIds, story!.articleIds);
  assert.ok(stored.claims.length > 0 && stored.entities.length > 0, 'the stored analysis carries claims and entities');

  // Reads: the library export, the stage function and the API all take the stored analysis.
  let analysed = 0;
  const counting = (request: StoryRequest) => (analysed++, analyzeStory(storyInputOf(request)));
  const again = await storyAnalyses(store, [story!], { analyze: counting });
  assert.equal(analysed, 0);
  assert.deepEqual(again.get(storyId), stored);
  const exported = await exportStories(store, [storyId]);
  const app = createApp({ store });
  const response = await app.request(`/api/stories/${storyId}`);
  assert.equal(response.status, 200);
  assert.equal(((await response.json()) as { stories: Array<{ version: number }> }).stories[0]!.version, 4);
  const list = (await (await app.request('/api/stories')).json()) as { stories: Array<{ title: string; independentSourceCount: number }> };
  assert.equal(list.stories[0]!.title, stored.title, 'the list reads the stored title');
  assert.equal(puts(), 1, 'no read recomputed the analysis');
  assert.equal(exported.stories[0]!.version, 4);
  assert.deepEqual(exported.stories[0]!.claims, stored.claims);

  // A new member: version 5, analysed again at ingest, over five articles.
  const second = await ingestPaths(store, seedFiles.slice(4));
  assert.deepEqual(second.storyIds, [storyId]);
  assert.equal(puts(), 2);
  const fresh = (await store.getStoryAnalyses([storyId])).get(storyId)!;
  assert.equal(fresh.version, 5);
  assert.equal(fresh.articleIds.length, 5);
  const added = second.files[0]!;
  assert.equal(added.status, 'added');
  const newId = added.status === 'added' ? added.id : '';
  assert.ok(fresh.articleIds.includes(newId));
  assert.ok(fresh.entities.some((e) => e.mentions.some((m) => m.articleId === newId)), "the new article's names are in the recomputed analysis");
  await store.close();
});

test('an analysis made by other analysis code is recomputed on its next read', async () => {
  const { store, puts } = countingStore();
  const { storyIds } = await ingestPaths(store, seedFiles.slice(0, 2));
  const [story] = await store.getStories(storyIds);
  const stored = (await store.getStoryAnalyses(storyIds)).get(story!.id)!;
  await store.putStoryAnalysis({ ...stored, analysisVersion: ANALYSIS_VERSION - 1, claims: [] });
  const before = puts();
  let analysed = 0;
  const read = await storyAnalyses(store, [story!], { analyze: (request) => (analysed++, analyzeStory(storyInputOf(request))) });
  assert.equal(analysed, 1);
  assert.equal(puts(), before + 1);
  assert.deepEqual(read.get(story!.id)!.claims, stored.claims);
  await store.close();
});

test("ingest's story stage leaves a large story's analysis that few new members would change for its next read", async () => {
  const ids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `a-${from + i}`);
  const known = { analysisVersion: ANALYSIS_VERSION, articleIds: ids(20) };
  assert.equal(changedLittle(known, { articleIds: ids(24) }), true, 'four added to twenty');
  assert.equal(changedLittle(known, { articleIds: ids(25) }), false, 'five added to twenty: a quarter');
  assert.equal(changedLittle(known, { articleIds: ids(19, 1) }), false, 'a member it read is gone');
  assert.equal(changedLittle({ ...known, analysisVersion: ANALYSIS_VERSION - 1 }, { articleIds: ids(21) }), false, 'older analysis code');
  assert.equal(changedLittle({ analysisVersion: ANALYSIS_VERSION, articleIds: ids(ALWAYS_REANALYSED - 1) }, { articleIds: ids(ALWAYS_REANALYSED) }), false, 'a small story is analysed at every change');

  const { store, puts } = countingStore();
  const { storyIds } = await ingestPaths(store, seedFiles.slice(0, 4));
  const [story] = await store.getStories(storyIds);
  const stored = (await store.getStoryAnalyses(storyIds)).get(story!.id)!;
  // The stored analysis as if it had read twenty members, the story grown by one since.
  await store.putStoryAnalysis({ ...stored, articleIds: [...story!.articleIds, ...ids(16)] });
  const grown = { ...story!, articleIds: [...story!.articleIds, ...ids(17)], version: story!.version + 1 };
  let analysed = 0;
  const analyze = (request: StoryRequest) => (analysed++, analyzeStory(storyInputOf(request)));
  const before = puts();
  const deferred = await storyAnalyses(store, [grown], { analyze, deferSmallChanges: true });
  assert.equal(analysed, 0);
  assert.equal(deferred.get(story!.id)!.version, stored.version, 'the stored analysis, of the earlier version');
  await storyAnalyses(store, [grown], { analyze });
  assert.equal(analysed, 1, 'a read analyses it');
  assert.equal(puts(), before + 1);
  await store.close();
});

test('story lists read stored summaries only: they load no article and no stored analysis', async () => {
  const { store } = countingStore();
  const { storyIds } = await ingestPaths(store, seedFiles);
  const noArticles = new Proxy(store, {
    get(target, key, receiver) {
      if (key === 'getArticles' || key === 'getStoryAnalyses') return () => Promise.reject(new Error(`a story list called ${key}`));
      return Reflect.get(target, key, receiver);
    },
  });
  const app = createApp({ store: noArticles });
  const api = await app.request('/api/stories');
  assert.equal(api.status, 200);
  const body = (await api.json()) as { stories: Array<{ id: string; title: string; digest: { independentSources: number; claims: number } | null }> };
  assert.deepEqual(body.stories.map((s) => s.id), storyIds);
  const [analysis] = (await store.getStoryAnalyses(storyIds)).values();
  assert.equal(body.stories[0]!.title, analysis!.title);
  assert.deepEqual([body.stories[0]!.digest?.independentSources, body.stories[0]!.digest?.claims], [analysis!.independentSourceCount, analysis!.claims.length], 'the figures of the analysis the ingest stored');
  const home = await app.request('/');
  assert.equal(home.status, 200);
  assert.match(await home.text(), new RegExp(body.stories[0]!.title.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await store.close();
});
