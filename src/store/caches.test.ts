import test from 'node:test';
import assert from 'node:assert/strict';
import { PlacementCaches, type ClusterChange } from './caches.js';
import type { StorySummary } from '../cluster/stories.js';

const summary = (id: string) => ({ id }) as unknown as StorySummary;

/** Caches at generation 5 holding the article count, two frequencies and two summaries. */
async function filled(): Promise<PlacementCaches> {
  const caches = new PlacementCaches();
  caches.follow(5);
  await caches.termStats(['a', 'b'], async () => 10, async () => [{ term: 'a', df: 3 }]);
  await caches.storySummaries(['s1', 's2'], async (ids) => ids.map(summary));
  return caches;
}

const reads = async (caches: PlacementCaches) => {
  let stored = 0;
  const stats = await caches.termStats(['a', 'b'], async () => ((stored += 1), 99), async (terms) => ((stored += terms.length), terms.map((term) => ({ term, df: 99 }))));
  const read: string[] = [];
  await caches.storySummaries(['s1', 's2'], async (ids) => (read.push(...ids), ids.map(summary)));
  return { docs: stats.docs, a: stats.df.get('a'), b: stats.df.get('b'), storeReads: stored, summariesRead: read };
};

test('catchUp applies other writers\' logged batches: counts move by their deltas, only the changed stories are read again', async () => {
  const caches = await filled();
  const changes: ClusterChange[] = [
    { generation: 6, docs: 2, terms: ['a', 'c'], df: [2, 1], stories: ['s2'] },
    { generation: 7, docs: 1, terms: ['b'], df: [1], stories: [] },
  ];
  caches.catchUp(7, changes);
  assert.equal(caches.at, 7);
  assert.deepEqual(await reads(caches), { docs: 13, a: 5, b: 1, storeReads: 0, summariesRead: ['s2'] });
});

test('catchUp starts again empty when a generation in between was not logged (a write outside a batch, or pruned)', async () => {
  const caches = await filled();
  caches.catchUp(8, [{ generation: 6, docs: 1, terms: [], df: [], stories: [] }, { generation: 8, docs: 1, terms: [], df: [], stories: [] }]);
  assert.equal(caches.at, 8);
  assert.deepEqual(await reads(caches), { docs: 99, a: 99, b: 99, storeReads: 3, summariesRead: ['s1', 's2'] });
});

test('prime keeps what is cached and adds what is not', async () => {
  const caches = await filled();
  caches.prime(50, new Map([['a', 40], ['c', 7]]));
  const stats = await caches.termStats(['a', 'c'], async () => 0, async () => assert.fail('nothing to read'));
  assert.deepEqual([stats.docs, stats.df.get('a'), stats.df.get('c')], [10, 3, 7]);
});
