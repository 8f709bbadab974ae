import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { docFromText } from '../src/ingest/plain-text.js';
import { CorroborateError } from '../src/doc/errors.js';
import type { ClusterWrite, Store } from '../src/store/store.js';
import type { ExportClaim } from '../src/export/types.js';
import { ANALYSIS_VERSION, type StoryAnalysis } from '../src/story/types.js';
import type { Backend } from './store-backends.js';

/** An analysis with nothing found: tests fill in what they look at. */
export const analysisOf = (storyId: string, version: number): StoryAnalysis => ({
  storyId, version, analysisVersion: ANALYSIS_VERSION, articleIds: [], title: '', independentSourceCount: 1, brief: [], entities: [], quotes: [], timeline: [], claims: [], conflicts: [], event: { what: null, who: [], where: null, when: null, evidence: [] }, warnings: [], articles: [],
});
export const article = (n: number) =>
  docFromText(`Ferry service resumes on line ${n}\n\nThe ferry on line ${n} ran again on Monday after a two-day stop, the operator said.\n`, `ferry-${n}.txt`, null);
/** The index updates of one article joining (or starting) `storyId`, which then has `size` members. */
export const write = (storyId: string, size: number, extra: Partial<ClusterWrite> = {}): ClusterWrite => ({
  terms: ['ferry'],
  story: { id: storyId, size, centroid: new Map([['ferry', 1]]), firstAt: null, lastAt: null },
  storyKeys: ['ferry'],
  merged: [],
  sketch: { shingles: new Uint32Array([1, 2, 3]), bands: [7], publishedAt: null, length: 10 },
  copyOf: null,
  repoint: [],
  ...extra,
});

/**
 * The behaviour every store shares, run against each backend (SQLite always; PostgreSQL on the
 * server when one is configured, else on PGlite): the same assertions, whatever the dialect.
 * The caller ends the backend (`done`) once all its tests have run.
 */
export function storeSuite(backend: Backend): void {
  describe(`store: ${backend.name}`, () => {
  test('an article and its story land together, and read back equal', async () => {
    const store = await (await backend.fresh()).open();
    const doc = article(1);
    assert.deepEqual(await store.addArticle(doc, { storyId: 's-1', isNewStory: true }), { added: true, id: doc.id });
    const [back] = await store.getArticles([doc.id]);
    assert.deepEqual(back, doc);
    assert.deepEqual((await store.listStories()).map((s) => s.articleIds), [[doc.id]]);
    assert.equal(await store.storyOf(doc.id), 's-1');
    await store.close();
  });

  test('the same content twice is stored once and the second add says so', async () => {
    const store = await (await backend.fresh()).open();
    const doc = article(2);
    await store.addArticle(doc, { storyId: 's-2', isNewStory: true });
    const again = await store.addArticle({ ...doc, meta: { ...doc.meta, input: 'copy.txt' } }, { storyId: 's-3', isNewStory: true });
    assert.equal(again.added, false);
    assert.equal(again.existingId, doc.id);
    assert.deepEqual(await store.counts(), { articles: 1, stories: 1 });
    await store.close();
  });

  test('a failed add rolls back whole: no article without its story', async () => {
    const store = await (await backend.fresh()).open();
    const doc = article(3);
    await assert.rejects(store.addArticle(doc, { storyId: 'no-such-story', isNewStory: false }), CorroborateError);
    assert.deepEqual(await store.counts(), { articles: 0, stories: 0 });
    assert.equal(await store.findByHash(doc.contentHash), null);
    await store.close();
  });

  test('a batch is one transaction of savepoints: a failed article rolls back alone, placements read the batch, a failed batch rolls back all', async () => {
    const store = await (await backend.fresh()).open();
    assert.ok(store.batch, 'both stores write in batches');
    const [a, b, c, d, e] = [article(200), article(201), article(202), article(203), article(204)];
    await store.batch(async () => {
      await store.placeAndAdd(a, async () => ({ storyId: 's-a', isNewStory: true, cluster: write('s-a', 1, { copyOf: null }) }));
      await assert.rejects(store.placeAndAdd(b, async () => ({ storyId: 'no-such-story', isNewStory: false, cluster: write('no-such-story', 2) })), CorroborateError);
      await assert.rejects(store.placeAndAdd(e, async () => ({ storyId: 's-a', isNewStory: true, cluster: write('s-a', 1) })), CorroborateError, 'a new story whose id is taken');
      let seen: number | undefined;
      await store.placeAndAdd(c, async (view) => {
        seen = (await view.storySummaries(['s-a']))[0]?.size;
        return { storyId: 's-a', isNewStory: false, cluster: write('s-a', 2, { copyOf: { of: a.id, similarity: 0.9 }, storyKeys: ['ferry', 'line'] }) };
      });
      assert.equal(seen, 1, 'a placement in the batch reads the articles stored before it in the same batch');
      assert.equal(await store.storyOf(c.id), 's-a', 'reads inside the batch see its writes');
      assert.equal((await store.placeAndAdd({ ...a, meta: { ...a.meta, input: 'again.txt' } }, async () => assert.fail('not placed'))).existingId, a.id);
    });
    assert.deepEqual((await store.listStories()).map((s) => s.articleIds), [[a.id, c.id]]);
    assert.deepEqual([...(await store.copiesOf([c.id]))], [[c.id, { of: a.id, similarity: 0.9 }]]);
    assert.deepEqual((await store.storySummaries(['s-a']))[0]?.size, 2);
    assert.deepEqual([...(await store.storyCandidates(['line'], 10))], [['s-a', 1]]);
    assert.deepEqual((await store.termStats(['ferry'])).df.get('ferry'), 2);

    await assert.rejects(
      store.batch(async () => {
        await store.placeAndAdd(d, async () => ({ storyId: 's-d', isNewStory: true, cluster: write('s-d', 1) }));
        throw new Error('stopped');
      }),
      /stopped/,
    );
    assert.deepEqual(await store.counts(), { articles: 2, stories: 1 });
    assert.deepEqual(await store.storySummaries(['s-d']), [], 'the caches forgot the rolled-back story');
    assert.deepEqual((await store.termStats(['ferry'])).df.get('ferry'), 2);
    await store.close();
  });

  test('a bridging article merges two stories: members move, the merge is recorded, the old story is gone', async () => {
    const store = await (await backend.fresh()).open();
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
    const store = await (await backend.fresh()).open();
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
    const store = await (await backend.fresh()).open();
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
    const store = await (await backend.fresh()).open();
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
    const store = await (await backend.fresh()).open();
    const version = async (id: string) => (await store.getStories([id]))[0]?.version;
    const analysis = (storyId: string, v: number) => ({ ...analysisOf(storyId, v), title: `Ferry ${storyId}` });
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
    assert.deepEqual((await store.pageStoryCards(10, 0)).map((s) => [s.id, s.title]).sort(), [['s-a', 'Ferry s-a'], ['s-c', 'Ferry s-c']]);

    // d, in s-a, turns out to be the original that c (in s-c) copies: s-c's copy links change too.
    await store.addArticle(d, { storyId: 's-a', isNewStory: false, cluster: write('s-a', 3, { repoint: [{ articleId: c.id, link: { of: d.id, similarity: 0.9 } }] }) });
    assert.equal(await version('s-a'), 3);
    assert.equal(await version('s-c'), 2);

    // A bridge folds s-c into s-a: s-a moves on, s-c and its stored analysis are gone.
    const bridge = article(24);
    await store.addArticle(bridge, { storyId: 's-a', isNewStory: false, cluster: write('s-a', 5, { merged: [{ storyId: 's-c', score: 0.5 }] }) });
    assert.equal(await version('s-a'), 4);
    assert.deepEqual([...(await store.getStoryAnalyses(['s-a', 's-c'])).keys()], ['s-a']);
    assert.deepEqual((await store.searchStories('ferry', 5)).map((h) => h.storyId), ['s-a'], "the merged story's search entry went with its analysis");
    await store.putStoryAnalysis(analysis('s-c', 9));
    assert.equal((await store.getStoryAnalyses(['s-c'])).size, 0, 'no analysis for a story that no longer exists');
    await store.close();
  });

  test('a change log is appended only with an analysis of a newer story version, oldest first', async () => {
    const store = await (await backend.fresh()).open();
    await store.addArticle(article(80), { storyId: 's-log', isNewStory: true });
    const change = (version: number, detail: string) => ({ version, at: '2026-01-06T00:00:00Z', kind: 'article-added' as const, detail });
    await store.putStoryAnalysis(analysisOf('s-log', 1), [change(1, 'first')]);
    await store.putStoryAnalysis(analysisOf('s-log', 1), [change(1, 'the same version again')]);
    await store.putStoryAnalysis(analysisOf('s-log', 3), [change(3, 'third'), change(3, 'third, second entry')]);
    await store.putStoryAnalysis(analysisOf('s-log', 2), [change(2, 'older than what is stored')]);
    await store.putStoryAnalysis(analysisOf('s-none', 5), [change(5, 'no such story')]);
    assert.deepEqual((await store.storyChanges('s-log')).map((c) => c.detail), ['first', 'third', 'third, second entry']);
    assert.deepEqual(await store.storyChanges('s-none'), []);
    assert.deepEqual(await store.deleteArticle(article(80).id), { storyId: 's-log', storyDeleted: true, changedStoryIds: [] });
    assert.deepEqual(await store.storyChanges('s-log'), [], 'a story deleted with its last article takes its log along');
    assert.deepEqual(await store.counts(), { articles: 0, stories: 0 });
    await store.close();
  });

  test("deleting an article frees its copies, recounts its story, raises the versions it changes; its merge stays", async () => {
    const store = await (await backend.fresh()).open();
    const version = async (id: string) => (await store.getStories([id]))[0]?.version;
    const [a, b, bridge, copy] = [article(90), article(91), article(92), article(93)];
    await store.addArticle(a, { storyId: 's-a', isNewStory: true, cluster: write('s-a', 1) });
    await store.addArticle(b, { storyId: 's-b', isNewStory: true, cluster: write('s-b', 1) });
    await store.addArticle(bridge, { storyId: 's-a', isNewStory: false, cluster: write('s-a', 3, { merged: [{ storyId: 's-b', score: 0.4 }] }) });
    await store.addArticle(copy, { storyId: 's-copy', isNewStory: true, cluster: write('s-copy', 1, { copyOf: { of: bridge.id, similarity: 0.95 } }) });
    const [before, copyBefore] = [await version('s-a'), await version('s-copy')];
    assert.equal((await store.copiesOf([copy.id])).get(copy.id)?.of, bridge.id);

    const deleted = await store.deleteArticle(bridge.id);
    assert.deepEqual(deleted, { storyId: 's-a', storyDeleted: false, changedStoryIds: ['s-a', 's-copy'] });
    assert.equal(await store.deleteArticle(bridge.id), null, 'a second delete finds nothing');
    assert.deepEqual(await store.getArticles([bridge.id]), []);
    assert.equal((await store.copiesOf([copy.id])).size, 0, 'the copy became an original');
    assert.deepEqual([await version('s-a'), await version('s-copy')], [before! + 1, copyBefore! + 1]);
    const [story] = await store.getStories(['s-a']);
    assert.deepEqual([story!.articleIds, story!.redirects], [[a.id, b.id], ['s-b']], 'the merge outlives the article that bridged it');
    assert.equal((await store.storySummaries(['s-a']))[0]!.size, 2);
    assert.deepEqual(await store.search('ferry line 92', 5), [], 'gone from the search index');
    await store.close();
  });

    test('placeAndAdd places through the view inside its transaction, and never places content stored before', async () => {
      const store = await (await backend.fresh()).open();
      const [a, b] = [article(40), article(41)];
      await store.placeAndAdd(a, async () => ({ storyId: 's-a', isNewStory: true, cluster: write('s-a', 1) }));
      let seen: number | undefined;
      const added = await store.placeAndAdd(b, async (view: Store) => {
        seen = (await view.storySummaries(['s-a']))[0]?.size;
        return { storyId: 's-a', isNewStory: false, cluster: write('s-a', 2) };
      });
      assert.deepEqual(added, { added: true, id: b.id });
      assert.equal(seen, 1, 'the placement read the stored story');
      const again = await store.placeAndAdd({ ...a, meta: { ...a.meta, input: 'again.txt' } }, async () => assert.fail('content stored before is not placed'));
      assert.deepEqual(again, { added: false, id: a.id, existingId: a.id });
      assert.deepEqual((await store.listStories()).map((s) => s.articleIds), [[a.id, b.id]]);
      await store.close();
    });

    test("another handle's writes reach this handle's next placement (its cached summaries and frequencies are dropped)", async () => {
      const location = await backend.fresh();
      const [mine, other] = [await location.open(), await location.open()];
      const [a, b, c] = [article(50), article(51), article(52)];
      await mine.placeAndAdd(a, async (view) => {
        await view.termStats(['ferry']);
        return { storyId: 's-a', isNewStory: true, cluster: write('s-a', 1) };
      });
      assert.equal((await mine.storySummaries(['s-a']))[0]!.size, 1, 'cached here');
      await other.placeAndAdd(b, async () => ({ storyId: 's-a', isNewStory: false, cluster: write('s-a', 2, { story: { id: 's-a', size: 2, centroid: new Map([['ferry', 2]]), firstAt: null, lastAt: null } }) }));
      let seen: { size?: number; centroid?: number; df?: number; docs?: number } = {};
      await mine.placeAndAdd(c, async (view) => {
        const [summary] = await view.storySummaries(['s-a']);
        const stats = await view.termStats(['ferry']);
        seen = { size: summary?.size, centroid: summary?.centroid.get('ferry'), df: stats.df.get('ferry'), docs: stats.docs };
        return { storyId: 's-a', isNewStory: false, cluster: write('s-a', 3) };
      });
      assert.deepEqual(seen, { size: 2, centroid: 2, df: 2, docs: 2 });
      await Promise.all([mine.close(), other.close()]);
    });

    test("a story's size moves from the stored row, never from the writer's copy", async () => {
      const location = await backend.fresh();
      const store = await location.open();
      const [a, b, c] = [article(60), article(61), article(62)];
      await store.addArticle(a, { storyId: 's-a', isNewStory: true, cluster: write('s-a', 1) });
      await store.addArticle(b, { storyId: 's-a', isNewStory: false, cluster: write('s-a', 2) });
      // A writer that read the story before b joined believes it will have 2 members.
      await store.addArticle(c, { storyId: 's-a', isNewStory: false, cluster: write('s-a', 2) });
      const fresh = await location.open();
      assert.equal((await fresh.storySummaries(['s-a']))[0]!.size, 3);
      await Promise.all([store.close(), fresh.close()]);
    });

    test('two contents with the same id are a clear error, and the first stays as it was', async () => {
      const store = await (await backend.fresh()).open();
      const first = article(70);
      const other = article(71);
      await store.addArticle(first, { storyId: 's-70', isNewStory: true });
      const clash = { ...other, id: first.id };
      await assert.rejects(store.addArticle(clash, { storyId: 's-71', isNewStory: true }), (e: CorroborateError) => e.code === 'store-error' && /id collision/.test(e.message));
      assert.deepEqual(await store.getArticles([first.id]), [first]);
      assert.deepEqual(await store.counts(), { articles: 1, stories: 1 });
      await store.close();
    });
  });
}
