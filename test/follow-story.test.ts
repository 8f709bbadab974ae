import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { createApp } from '../src/api/app.js';
import type { StoryChange, StoryExport } from '../src/export/types.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { SCHEMA } from './paths.js';
import { ECB_FACTS, ecbDocuments } from './web-fixtures.js';

const ajv = new Ajv2020.default({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));

/** The driver story of ECB+ (12 real reports of one event, several outlets disagreeing on details). */
const STORY = JSON.parse(readFileSync(join(ECB_FACTS, 'event-21_ecb.json'), 'utf8')) as { articles: string[] };
const docs = ecbDocuments();
const articlesBody = (ids: string[]) => JSON.stringify({ articles: ids.map((id) => ({ text: docs.get(id)!.text, ...(docs.get(id)!.url ? { url: docs.get(id)!.url } : {}) })) });
const ORIGIN = { origin: 'http://localhost' };

type App = ReturnType<typeof createApp>;
const postArticles = async (app: App, ids: string[]) => {
  const response = await app.request('/api/articles', { method: 'POST', headers: { 'content-type': 'application/json' }, body: articlesBody(ids) });
  assert.equal(response.status, 201);
  return ((await response.json()) as { results: Array<{ id: string; storyId: string }> }).results;
};
const storyOf = async (app: App, id: string) => (await (await app.request(`/api/stories/${id}`)).json()) as StoryExport;
const changesOf = async (app: App, id: string, since?: string) =>
  (await (await app.request(`/api/stories/${id}/changes${since ? `?since=${since}` : ''}`)).json()) as { version: number; changes: StoryChange[] };

test('a story keeps a change log as real reports arrive and go: API, page, Atom feed and export agree', async () => {
  const store = SqliteStore.open(join(mkdtempSync(join(tmpdir(), 'corroborate-follow-')), 'follow.db'));
  const app = createApp({ store });
  try {
    const first = await postArticles(app, STORY.articles.slice(0, 5));
    // The story most of the first reports went to (grouping is not what this test checks).
    const tally = new Map<string, number>();
    for (const r of first) tally.set(r.storyId, (tally.get(r.storyId) ?? 0) + 1);
    const storyId = [...tally].sort((a, b) => b[1] - a[1])[0]![0];
    const before = (await storyOf(app, storyId)).stories[0]!;
    const v1 = await changesOf(app, storyId);
    assert.deepEqual(
      v1.changes.map((c) => c.kind),
      ['created'],
    );
    assert.deepEqual(v1.changes[0]!.articleIds, before.articleIds);

    await postArticles(app, STORY.articles.slice(5));
    const exported = await storyOf(app, storyId);
    const after = exported.stories[0]!;
    assert.ok(after.version! > before.version!, 'the story version rose');
    const all = await changesOf(app, storyId);
    const fresh = all.changes.filter((c) => c.version > before.version!);
    assert.ok(fresh.every((c) => c.version === after.version));
    const added = fresh.find((c) => c.kind === 'article-added');
    assert.deepEqual(new Set(added?.articleIds), new Set(after.articleIds.filter((id) => !before.articleIds.includes(id))));
    // Every fact logged as newly corroborated is a corroborated claim of the story now, resting on words of the articles it names.
    const corroborated = fresh.filter((c) => c.kind === 'fact-corroborated' && !c.detail!.startsWith('and '));
    assert.ok(corroborated.length > 0, 'seven more reports of the same event corroborate something new');
    for (const change of corroborated) {
      const claim = after.claims.find((c) => c.text === change.detail && c.status === 'corroborated');
      assert.ok(claim, `"${change.detail}" is a corroborated claim`);
      assert.deepEqual(new Set(change.articleIds), new Set(claim.evidence.map((s) => s.articleId)));
    }
    // "Since version N" is the entries after it (newest first, like the whole log).
    const since = await changesOf(app, storyId, String(before.version));
    assert.deepEqual(since.changes, fresh);
    assert.deepEqual((await changesOf(app, storyId, '2999-01-01')).changes, []);

    assert.equal(validate(exported), true, JSON.stringify(validate.errors?.slice(0, 3)));
    assert.deepEqual([...after.changes!].sort((a, b) => b.version - a.version), all.changes, 'the export holds the same log, oldest first');

    const feed = await app.request(`/stories/${storyId}/feed.atom`);
    assert.match(feed.headers.get('content-type')!, /^application\/atom\+xml/);
    const atom = new XMLParser({ ignoreAttributes: false, htmlEntities: true }).parse(await feed.text()) as { feed: { title: string; entry: Array<{ title: string; content: { '#text': string } }> } };
    assert.equal(atom.feed.title, after.title);
    assert.equal(atom.feed.entry.length, all.changes.length);
    assert.equal(atom.feed.entry[0]!.title, `Version ${after.version}: ${all.changes[0]!.kind}`);

    const page = await (await app.request(`/stories/${storyId}?since=${before.version}`)).text();
    assert.match(page, new RegExp(`Changes since version ${before.version} \\(${fresh.length}\\)`));
    assert.ok(page.includes('Newly corroborated'));

    // Deleting one report through the page's form: the story is recomputed and the removal logged.
    const gone = after.articleIds[1]!;
    const refused = await app.request(`/articles/${gone}/delete`, { method: 'POST', headers: { origin: 'https://elsewhere.example', 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
    assert.equal(refused.status, 403, 'a form on another site cannot delete');
    const deleted = await app.request(`/articles/${gone}/delete`, { method: 'POST', headers: { ...ORIGIN, 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
    assert.equal(deleted.status, 303);
    assert.equal(deleted.headers.get('location'), `/stories/${storyId}?deleted=1#changes`);
    const smaller = (await storyOf(app, storyId)).stories[0]!;
    assert.ok(!smaller.articleIds.includes(gone));
    assert.ok(smaller.version! > after.version!);
    assert.ok(smaller.claims.every((c) => c.evidence.every((s) => s.articleId !== gone)), 'no claim cites the deleted article');
    const removal = smaller.changes!.find((c) => c.version === smaller.version && c.kind === 'article-removed');
    assert.deepEqual(removal?.articleIds, [gone]);
    assert.equal((await app.request(`/articles/${gone}`)).status, 404);
    assert.equal((await app.request(`/api/articles/${gone}`)).status, 404);
  } finally {
    await store.close();
  }
});

test('deleting through the API needs the token; a story left empty is gone', async () => {
  const store = SqliteStore.open(join(mkdtempSync(join(tmpdir(), 'corroborate-delete-')), 'delete.db'));
  const app = createApp({ store, token: 'secret-token' });
  const auth = { authorization: 'Bearer secret-token' };
  try {
    const posted = await app.request('/api/articles', { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: articlesBody([STORY.articles[0]!]) });
    const [{ id, storyId }] = ((await posted.json()) as { results: Array<{ id: string; storyId: string }> }).results as [{ id: string; storyId: string }];
    assert.equal((await app.request(`/api/articles/${id}`, { method: 'DELETE' })).status, 401);
    const form = await app.request(`/articles/${id}/delete`, { method: 'POST', headers: { ...ORIGIN, 'content-type': 'application/x-www-form-urlencoded' }, body: 'token=wrong' });
    assert.equal(form.status, 401);
    assert.equal((await app.request(`/api/articles/${id}`)).status, 200, 'still there after refused deletes');
    const deleted = await app.request(`/api/articles/${id}`, { method: 'DELETE', headers: auth });
    assert.deepEqual(await deleted.json(), { deleted: id, storyId, storyDeleted: true });
    assert.equal((await app.request(`/api/stories/${storyId}`)).status, 404);
    assert.equal((await app.request(`/api/articles/${id}`, { method: 'DELETE', headers: auth })).status, 404);
    // The same text can be stored again: nothing of it was left behind.
    const again = await app.request('/api/articles', { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: articlesBody([STORY.articles[0]!]) });
    assert.equal(again.status, 201);
  } finally {
    await store.close();
  }
});

test('the add form takes uploaded files and a page URL, naming inputs without server paths', async () => {
  const store = SqliteStore.open(join(mkdtempSync(join(tmpdir(), 'corroborate-add-')), 'add.db'));
  const [a, b, c] = STORY.articles as [string, string, string];
  const pages = new Map([['https://news.example/driver', `<html><head><title>Driver held</title></head><body><article><h1>Driver held after crash</h1><p>${docs.get(c)!.text.replaceAll('\n', '</p><p>')}</p></article></body></html>`]]);
  const app = createApp({
    store,
    fetcher: async (url) => {
      const page = pages.get(url);
      if (!page) throw new Error('not found');
      return { url, finalUrl: url, contentType: 'text/html; charset=utf-8', bytes: new TextEncoder().encode(page) };
    },
  });
  try {
    const form = new FormData();
    form.append('files', new File([docs.get(a)!.text], 'first report.txt', { type: 'text/plain' }));
    form.append('files', new File([docs.get(b)!.text], 'second.txt', { type: 'text/plain' }));
    form.append('page', 'https://news.example/driver');
    const added = await app.request('/add', { method: 'POST', headers: ORIGIN, body: form });
    assert.equal(added.status, 200);
    const html = await added.text();
    assert.match(html, /Added 3 of 3/);
    for (const name of ['first report.txt', 'second.txt', 'https://news.example/driver']) assert.ok(html.includes(name), name);
    assert.equal((await store.counts()).articles, 3);

    const missing = new FormData();
    missing.append('page', 'https://news.example/nothing-here');
    const failed = await app.request('/add', { method: 'POST', headers: ORIGIN, body: missing });
    assert.equal(failed.status, 400);
    assert.match(await failed.text(), /nothing-here/);
    const empty = await app.request('/add', { method: 'POST', headers: ORIGIN, body: new FormData() });
    assert.equal(empty.status, 400);
    assert.match(await empty.text(), /Nothing to add/);
    assert.equal((await store.counts()).articles, 3);
  } finally {
    await store.close();
  }
});

test("deleting an original leaves its copy standing alone, the original unsearchable, the copy's story recomputed", async () => {
  const store = SqliteStore.open(join(mkdtempSync(join(tmpdir(), 'corroborate-copy-')), 'copy.db'));
  const app = createApp({ store });
  try {
    const text = docs.get(STORY.articles[2]!)!.text;
    // A wire copy: the same report with a different last line, as a second outlet runs it.
    const { results } = (await (
      await app.request('/api/articles', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ articles: [{ text, source: 'First Wire' }, { text: `${text}\nMore on this story as it develops.`, source: 'Second Paper' }] }),
      })
    ).json()) as { results: Array<{ id: string; storyId: string }> };
    // Which of the two is taken for the copy is the copy detection's call (dates, then length): read it.
    const links = await store.copiesOf(results.map((r) => r.id));
    assert.equal(links.size, 1, 'one is stored as a copy of the other');
    const copy = results.find((r) => links.has(r.id));
    const original = results.find((r) => r.id === links.get(copy!.id)!.of);
    const word = /\b[A-Z][a-z]{5,}\b/.exec(text)![0];
    assert.equal((await store.search(word, 10)).length, 2);
    const [storyBefore] = await store.getStories([copy!.storyId]);

    const result = await store.deleteArticle(original!.id);
    assert.ok(result);
    assert.equal((await store.copiesOf([copy!.id])).size, 0, 'the copy is an original now');
    assert.deepEqual((await store.search(word, 10)).map((h) => h.articleId), [copy!.id]);
    assert.equal(await store.findByHash((await store.getArticles([copy!.id]))[0]!.contentHash), copy!.id);
    const [storyAfter] = await store.getStories([copy!.storyId]);
    assert.ok(storyAfter!.version > storyBefore!.version);
    assert.ok(result.changedStoryIds.includes(copy!.storyId));
    assert.equal(await store.deleteArticle(original!.id), null, 'a second delete finds nothing');
  } finally {
    await store.close();
  }
});
