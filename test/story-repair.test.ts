/**
 * Repair as the stream grows, on real news: ECB+ topic 35 holds two look-alike events (two
 * different arrests of the same kind, subtopics `35_ecb` and `35_ecbplus`). Streamed in one fixed
 * order through the real placement and re-examination (`addAndRepair`), on SQLite and on
 * PostgreSQL, early joins fuse the two events; as the story grows it is split (the larger part
 * keeps the id, the other gets a new one, both logged), and a later article bridges two stories
 * of one event into one (one id, the other redirects to it).
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { docFromText } from '../src/ingest/plain-text.js';
import { ingestInputs } from '../src/pipeline/analyze.js';
import { processDoc } from '../src/pipeline/docs-from-input.js';
import { addAndRepair } from '../src/pipeline/repair-story.js';
import type { Store, StorySplit } from '../src/store/store.js';
import { REPO } from './paths.js';
import { postgresBackend, sqliteBackend } from './store-backends.js';

const DOCUMENTS = join(REPO, '..', 'shared', 'data', 'ecbplus', 'documents.jsonl');
/**
 * A random order of topic 35's articles, cut after the arrival that causes the merge. Which orders
 * fuse the two arrests early depends on the analysis (a better-read lead keeps them apart from the
 * start): this one was drawn again when the entity layer stopped reading a sentence-opening
 * descriptor as part of the name after it, and the old order no longer fused them.
 */
const ORDER = '35_7ecb 35_4ecb 35_1ecb 35_11ecbplus 35_3ecb 35_2ecb 35_6ecbplus 35_2ecbplus 35_9ecbplus 35_4ecbplus 35_10ecbplus 35_7ecbplus'.split(' ');

const ecb = new Map(
  readFileSync(DOCUMENTS, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { id: string; subtopic: string; text: string })
    .map((d) => [d.id, d]),
);
const docs = ORDER.map((id) => processDoc(docFromText(ecb.get(id)!.text, `ecb:${id}`, null), { now: new Date(0) }));
const eventOf = new Map(docs.map((doc, i) => [doc.id, ecb.get(ORDER[i]!)!.subtopic]));

for (const backend of [sqliteBackend(), postgresBackend()])
  test(`${backend.name}: a story of two look-alike events is split as it grows, and a bridging article merges two stories of one event`, async (t) => {
    t.after(() => backend.done());
    const store = await (await backend.fresh()).open();
    try {
      const splits: StorySplit[] = [];
      const merges: Array<{ into: string; from: string[] }> = [];
      for (const doc of docs) {
        const { storyId, merged, split } = await addAndRepair(store, doc);
        if (split) splits.push(split);
        if (merged.length) merges.push({ into: storyId!, from: merged });
      }

      assert.ok(splits.length >= 1, 'the fused story is split');
      for (const split of splits) {
        assert.ok(split.kept.story.size >= split.part.articleIds.length, 'the larger part keeps the id');
        assert.notEqual(split.part.story.id, split.storyId);
      }
      // The first split takes one event's reports out of a story that held both.
      const first = splits[0]!;
      assert.deepEqual(new Set(first.part.articleIds.map((id) => eventOf.get(id))).size, 1);

      for (const split of splits) {
        const cut = (await store.storyChanges(split.storyId)).filter((c) => c.kind === 'split');
        assert.ok(cut.some((c) => c.storyIds?.includes(split.part.story.id) && c.articleIds?.length === split.part.articleIds.length));
        const fresh = await store.storyChanges(split.part.story.id);
        assert.equal(fresh[0]?.kind, 'split');
        assert.deepEqual(fresh[0]?.storyIds, [split.storyId]);
      }

      assert.ok(merges.length >= 1, 'a later article bridges two stories');
      const stories = await store.listStories();
      for (const merge of merges) {
        const into = stories.find((s) => s.id === merge.into)!;
        for (const gone of merge.from) {
          assert.ok(!stories.some((s) => s.id === gone), 'the merged story no longer exists');
          assert.ok(into.redirects?.includes(gone), 'its id redirects to the story it went into');
        }
        // The merge joined reports of one event.
        assert.equal(new Set(into.articleIds.map((id) => eventOf.get(id))).size, 1);
      }
      // Every article is in exactly one story.
      assert.deepEqual(stories.flatMap((s) => s.articleIds).sort(), docs.map((d) => d.id).sort());
    } finally {
      await store.close();
    }
  });

for (const backend of [sqliteBackend(), postgresBackend()])
  test(`${backend.name}: inside one batch (as ingest writes), splits and merges happen as they do article by article`, async (t) => {
    t.after(() => backend.done());
    // One store at a time: two PGlite stores open at once share one connection (and its search path).
    const partition = async (store: Store) => (await store.listStories()).map((s) => `${s.id}:${s.articleIds.join(',')}`).sort();
    const alone = await (await backend.fresh()).open();
    let expected: string[];
    try {
      for (const doc of docs) await addAndRepair(alone, doc);
      expected = await partition(alone);
    } finally {
      await alone.close();
    }
    const batched = await (await backend.fresh()).open();
    try {
      const splits: StorySplit[] = [];
      await batched.batch!(async () => {
        for (const doc of docs) {
          const { split } = await addAndRepair(batched, doc);
          if (split) splits.push(split);
        }
      });
      assert.ok(splits.length >= 1, 'a story is split inside the batch');
      assert.deepEqual(await partition(batched), expected);
    } finally {
      await batched.close();
    }
  });

test('sqlite: an ingest report names the stories its articles are in once the batch is done, not the ones merged away during it', async (t) => {
  const backend = sqliteBackend();
  t.after(() => backend.done());
  const store = await (await backend.fresh()).open();
  try {
    const files = ORDER.map((id) => ({ input: `${id}.txt`, bytes: new TextEncoder().encode(ecb.get(id)!.text), sidecar: null }));
    const report = await ingestInputs(store, files, { storyStage: async () => {} });
    const stories = await store.listStories();
    assert.ok(stories.some((s) => (s.redirects?.length ?? 0) > 0), 'a story was merged away during the batch');
    assert.deepEqual([...report.storyIds].sort(), stories.map((s) => s.id).sort());
    for (const outcome of report.files) if (outcome.status === 'added') assert.equal(outcome.storyId, await store.storyOf(outcome.id));
  } finally {
    await store.close();
  }
});
