import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestPaths } from '../pipeline/analyze.js';
import { analyzeStory } from '../story/analyze-story.js';
import { storyInputOf, type StoryRequest } from '../pipeline/story-request.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { createApp } from './app.js';
import { StoryExportCache } from './story-cache.js';

const SEEDS = new URL('../../../../shared/seeds/', import.meta.url).pathname;
const seedFiles = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => join(SEEDS, f));
const tempDb = () => join(mkdtempSync(join(tmpdir(), 'corroborate-cache-')), 'store.db');

/** A story analysis that counts its runs and, while `hold` is set, waits to be released: an analysis that takes a while. */
function heldAnalysis() {
  const state = { runs: 0, hold: null as Promise<void> | null };
  let release = () => {};
  let started = () => {};
  const firstRun = new Promise<void>((resolve) => (started = resolve));
  return {
    analyze: async (request: StoryRequest) => {
      state.runs++;
      started();
      if (state.hold) await state.hold;
      return analyzeStory(storyInputOf(request));
    },
    hold: () => {
      state.hold = new Promise<void>((resolve) => (release = resolve));
    },
    release: () => release(),
    runs: () => state.runs,
    /** Resolves when the first analysis has started. */
    started: () => firstRun,
  };
}

test('a story that gained an article is read with its stored analysis while the new one runs, and analysed once for every reader and the post', async () => {
  const store = SqliteStore.open(tempDb());
  const first = await ingestPaths(store, seedFiles.slice(0, 4));
  const storyId = first.storyIds[0]!;
  // The fifth report joins the story; its story stage has not run yet.
  const second = await ingestPaths(store, seedFiles.slice(4), { storyStage: async () => {} });
  assert.deepEqual(second.storyIds, [storyId]);
  const [story] = await store.getStories([storyId]);
  assert.equal(story!.version, 5);

  const analysis = heldAnalysis();
  const cache = new StoryExportCache(store, { analyze: analysis.analyze });
  analysis.hold();
  const reads = await Promise.all([cache.get(storyId), cache.get(storyId), cache.getJson(storyId), cache.get(storyId)]);
  const served = reads[0]!.stories[0]!;
  assert.equal(served.version, 4, 'served with the analysis it has, which says which version it describes');
  assert.equal(served.articleIds.length, 5, 'the members are the story as it is now');
  await analysis.started();
  await cache.get(storyId);
  assert.equal(analysis.runs(), 1, 'the first read started the one analysis; the others did not start their own');
  // The post's story stage joins the run under way (and one queued check behind it), and reads keep being served meanwhile.
  const stage = cache.refresh([storyId]);
  assert.equal((await cache.get(storyId))!.stories[0]!.version, 4);
  analysis.release();
  await stage;
  assert.equal(analysis.runs(), 1, 'one analysis for four reads and the post');
  const fresh = (await cache.get(storyId))!.stories[0]!;
  assert.equal(fresh.version, 5);
  assert.deepEqual(fresh.articleIds, story!.articleIds);
  assert.equal(((await store.getStoryAnalyses([storyId])).get(storyId))!.version, 5, 'stored');
  await store.close();
});

test('a story never analysed is analysed before it is served, once for all the readers that ask at the same time', async () => {
  const store = SqliteStore.open(tempDb());
  const { storyIds } = await ingestPaths(store, seedFiles.slice(0, 2), { storyStage: async () => {} });
  const analysis = heldAnalysis();
  const cache = new StoryExportCache(store, { analyze: analysis.analyze });
  const [read] = await Promise.all([cache.get(storyIds[0]!), cache.get(storyIds[0]!), cache.getJson(storyIds[0]!)]);
  assert.equal(read!.stories[0]!.version, 2);
  assert.ok(read!.stories[0]!.claims.length > 0);
  await cache.get(storyIds[0]!);
  assert.equal(analysis.runs(), 1);
  await store.close();
});

test('lists and searches are kept until the next commit, by this server or another process', async () => {
  const path = tempDb();
  const store = SqliteStore.open(path);
  await ingestPaths(store, seedFiles.slice(0, 2));
  let cardReads = 0;
  const counted = new Proxy(store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (key === 'pageStoryCards') cardReads++;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const app = createApp({ store: counted });
  const total = async () => ((await (await app.request('/api/stories')).json()) as { total: number }).total;
  const home = async () => (await (await app.request('/')).text()).match(/(\d+) stories from (\d+) articles/)!.slice(1).map(Number);
  const hits = async (q: string) => ((await (await app.request(`/api/search?q=${q}`)).json()) as { hits: unknown[] }).hits.length;
  const page = async (q: string) => (await (await app.request(`/search?q=${q}`)).text()).includes('No article matches');

  assert.equal(await total(), 1);
  assert.deepEqual(await home(), [1, 2]);
  await total();
  await home();
  assert.equal(cardReads, 2, 'each list read the store once for its generation');

  // Another process adds the other seed reports (the word "Venezuela" is only in some of them).
  const before = await hits('Venezuela');
  const other = SqliteStore.open(path);
  await ingestPaths(other, seedFiles.slice(2));
  await other.close();
  assert.deepEqual(await home(), [1, seedFiles.length], 'the home page shows the other process\'s articles');
  assert.equal(await total(), 1);
  assert.ok((await hits('Venezuela')) > before, 'search finds them');
  assert.equal(await page('Venezuela'), false);

  // A post through this server moves the generation too.
  const posted = await app.request('/api/articles', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text: 'Ferry back on schedule\n\nThe Osterby ferry ran on time on Tuesday for the first time in a week, the operator said.\n' }),
  });
  assert.equal(posted.status, 201);
  assert.deepEqual(await home(), [2, seedFiles.length + 1]);
  assert.equal(await total(), 2);
  assert.equal(await hits('Osterby'), 1);
  await store.close();
});
