import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Ajv2020 from 'ajv/dist/2020.js';
import { createApp } from './app.js';
import { startServer } from './server.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { CorroborateError } from '../doc/errors.js';

const SCHEMA = join(new URL('../../../../shared/spec/story-export.schema.json', import.meta.url).pathname);
const validate = new Ajv2020.default({ strict: false }).compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));

const freshStore = () => SqliteStore.open(join(mkdtempSync(join(tmpdir(), 'corroborate-api-')), 'api.db'));
const ARTICLE = {
  text: 'Tram line closed after bridge crack found\n\nEngineers closed the river tram line in Osterby on Monday after a crack was found in the bridge deck, the city transport office said.\n\nThe line will stay closed for at least two weeks while the deck is repaired.\n',
  source: 'Osterby Post',
  url: 'https://osterby-post.example/tram',
  publishedAt: '2026-04-06',
};
const post = (app: ReturnType<typeof createApp>, body: unknown, headers: Record<string, string> = {}) =>
  app.request('/api/articles', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

test('POST /api/articles stores an article once; the second post says unchanged', async () => {
  const store = freshStore();
  const app = createApp({ store });
  const first = await post(app, ARTICLE);
  assert.equal(first.status, 201);
  const body = (await first.json()) as { added: number; results: Array<{ id: string; storyId: string }> };
  assert.equal(body.added, 1);
  const again = await post(app, ARTICLE);
  assert.equal(again.status, 200);
  assert.equal(((await again.json()) as { unchanged: number }).unchanged, 1);
  const plain = await app.request('/api/articles', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'Ferry back on schedule\n\nThe Osterby ferry ran on time on Tuesday for the first time in a week.\n' });
  assert.equal(plain.status, 201);
  await store.close();
});

test('POST /api/articles takes an HTML page and a feed as they are', async () => {
  const store = freshStore();
  const app = createApp({ store });
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tram line closed</title><meta property="og:site_name" content="Osterby Post"></head>
    <body><nav><a href="/">Home</a></nav><article><h1>Tram line closed after bridge crack found</h1>
    <p>Engineers closed the river tram line in Osterby on Monday after a crack was found in the bridge deck, the city transport office said.</p>
    <p>The line will stay closed for at least two weeks while the deck is repaired, and buses will replace trams.</p></article></body></html>`;
  const html = await app.request('/api/articles', { method: 'POST', headers: { 'content-type': 'text/html; charset=utf-8' }, body: page });
  assert.equal(html.status, 201);
  const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Osterby Post</title><link>https://osterby-post.example/</link>
    <item><title>Ferry back on schedule</title><link>https://osterby-post.example/ferry</link><pubDate>Tue, 07 Apr 2026 09:00:00 GMT</pubDate>
    <description>The Osterby ferry ran on time on Tuesday for the first time in a week, the operator said.</description></item></channel></rss>`;
  const rss = await app.request('/api/articles', { method: 'POST', headers: { 'content-type': 'application/rss+xml' }, body: feed });
  assert.equal(rss.status, 201);
  const list = (await (await app.request('/api/stories')).json()) as { total: number };
  assert.equal(list.total, 2);
  await store.close();
});

test('bad requests get a 4xx with {error: {code, message, details}}', async () => {
  const store = freshStore();
  const app = createApp({ store, maxBodyBytes: 2000 });
  const cases: Array<[Response, number, string]> = [
    [await post(app, '{"text": '), 400, 'invalid-json'],
    [await post(app, { source: 'no text' }), 400, 'invalid-request'],
    [await post(app, { ...ARTICLE, url: 'not a url' }), 400, 'invalid-request'],
    [await app.request('/api/articles', { method: 'POST', headers: { 'content-type': 'image/png' }, body: 'x' }), 415, 'unsupported-media-type'],
    [await post(app, { text: 'x'.repeat(5000) }), 413, 'body-too-large'],
    [await app.request('/api/stories?limit=0'), 400, 'invalid-request'],
    [await app.request('/api/stories/nope'), 400, 'invalid-request'],
    [await app.request('/api/stories/s-000000000000'), 404, 'not-found'],
    [await app.request('/api/search'), 400, 'invalid-request'],
    [await app.request('/api/nothing-here'), 404, 'not-found'],
  ];
  for (const [response, status, code] of cases) {
    assert.equal(response.status, status, `${code}`);
    const body = (await response.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, code);
    assert.ok(body.error.message.length > 5);
  }
  await store.close();
});

test('errors name the field at fault; a wrong method is 405 with Allow', async () => {
  const store = freshStore();
  const app = createApp({ store });
  const message = async (response: Response) => ((await response.json()) as { error: { message: string } }).error.message;
  assert.match(await message(await post(app, { source: 'no text' })), /text: text is required/);
  assert.match(await message(await post(app, { text: 42 })), /text: text must be a string/);
  assert.match(await message(await post(app, { articles: [ARTICLE, { source: 'x' }] })), /articles\.1\.text: text is required/);
  assert.match(await message(await post(app, { articles: [] })), /articles: articles must hold at least one/);
  assert.match(await message(await app.request('/api/search')), /q: q is required/);

  const cases: Array<[string, string, string]> = [
    ['GET', '/api/articles', 'POST'],
    ['DELETE', '/api/stories', 'GET, HEAD'],
    ['PUT', '/api/stories/s-000000000000', 'GET, HEAD'],
    ['POST', '/stories/s-000000000000', 'GET, HEAD'],
  ];
  for (const [method, path, allow] of cases) {
    const response = await app.request(path, { method });
    assert.equal(response.status, 405, `${method} ${path}`);
    assert.equal(response.headers.get('allow'), allow);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'method-not-allowed');
  }
  assert.equal((await app.request('/api/stories', { method: 'HEAD' })).status, 200);
  await store.close();
});

test('with a token, writes need it and reads do not', async () => {
  const store = freshStore();
  const app = createApp({ store, token: 'sekret-token' });
  assert.equal((await post(app, ARTICLE)).status, 401);
  assert.equal((await post(app, ARTICLE, { authorization: 'Bearer wrong' })).status, 401);
  assert.equal((await post(app, ARTICLE, { authorization: 'Bearer sekret-token' })).status, 201);
  assert.equal((await app.request('/api/stories')).status, 200);
  await store.close();
});

test('stories, one story, one article and search read back what was posted', async () => {
  const store = freshStore();
  const app = createApp({ store });
  const { results } = (await (await post(app, ARTICLE)).json()) as { results: Array<{ id: string; storyId: string }> };
  const { id, storyId } = results[0]!;

  type Listing = { stories: Array<{ id: string; title: string; articleCount: number; outlets: string[]; lastPublishedAt: string | null; digest: { independentSources: number } | null }>; total: number };
  const list = (await (await app.request('/api/stories')).json()) as Listing;
  assert.equal(list.total, 1);
  // The post analysed the story it touched and stored that analysis: the list reads its figures.
  assert.deepEqual(list.stories.map((s) => [s.id, s.title, s.articleCount, s.outlets, s.digest?.independentSources]), [[storyId, 'Tram line closed after bridge crack found', 1, ['Osterby Post'], 1]]);

  const story = (await (await app.request(`/api/stories/${storyId}`)).json()) as { articles: Array<{ input: string }> };
  assert.ok(validate(story), JSON.stringify(validate.errors));
  assert.deepEqual(story.articles.map((a) => a.input), ['https://osterby-post.example/tram'], 'the URL stands for the input');
  // The story's event, stored with its analysis, is exported and shown on the story page.
  const event = (story as unknown as { stories: Array<{ event?: { what: string | null; where: string | null; when: { start: string } | null } }> }).stories[0]!.event!;
  assert.deepEqual([event.what, event.where, event.when?.start], ['closed', 'Osterby', '2026-04-06']);
  const page = await (await app.request(`/stories/${storyId}`)).text();
  for (const row of ['<dt>What</dt><dd>closed</dd>', '<dt>Where</dt><dd>Osterby</dd>', '<dt>When</dt><dd>2026-04-06</dd>']) assert.ok(page.includes(row), `the story page shows ${row}`);
  const changes = (await (await app.request(`/api/stories/${storyId}/changes`)).json()) as { storyId: string; changes: unknown[] };
  assert.equal(changes.storyId, storyId);
  assert.ok(Array.isArray(changes.changes));
  const feed = await app.request(`/stories/${storyId}/feed.atom`);
  assert.match(feed.headers.get('content-type')!, /application\/atom\+xml/);
  assert.match(await feed.text(), /<title>Tram line closed after bridge crack found<\/title>/);

  const article = (await (await app.request(`/api/articles/${id}`)).json()) as { id: string; source: { name: string }; storyId: string; text: string };
  assert.equal(article.source.name, 'Osterby Post');
  assert.equal(article.storyId, storyId);
  assert.match(article.text, /^Engineers closed the river tram line/);

  const hits = (await (await app.request('/api/search?q=bridge%20deck')).json()) as { hits: Array<{ articleId: string; snippet: string }> };
  assert.deepEqual(hits.hits.map((h) => h.articleId), [id]);
  assert.match(hits.hits[0]!.snippet, /«bridge» «deck»/);
  const syntax = await app.request(`/api/search?q=${encodeURIComponent('NEAR(" bridge* OR title:')}`);
  assert.equal(syntax.status, 200, 'query syntax in user text is searched as words, not parsed');
  await store.close();
});

test('stored answers are compressed for clients that accept it, carry Vary and an ETag, and a matching If-None-Match gets a 304', async () => {
  const store = freshStore();
  const app = createApp({ store });
  const { results } = (await (await post(app, ARTICLE)).json()) as { results: Array<{ storyId: string }> };
  const { storyId } = results[0]!;
  for (const path of [`/api/stories/${storyId}`, `/stories/${storyId}`, '/', '/api/stories', '/search?q=bridge', '/api/search?q=bridge']) {
    const plain = await app.request(path);
    assert.equal(plain.status, 200, path);
    assert.equal(plain.headers.get('content-encoding'), null, `${path}: no coding without Accept-Encoding`);
    assert.equal(plain.headers.get('vary'), 'Accept-Encoding', path);
    const identity = Buffer.from(await plain.arrayBuffer());
    const etag = plain.headers.get('etag')!;
    assert.match(etag, /^"[\w-]+"$/, path);
    if (identity.length >= 1024) {
      const br = await app.request(path, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
      assert.equal(br.headers.get('content-encoding'), 'br', path);
      assert.deepEqual(brotliDecompressSync(Buffer.from(await br.arrayBuffer())), identity, `${path}: brotli decodes to the same bytes`);
      assert.notEqual(br.headers.get('etag'), etag, `${path}: each coding has its own ETag`);
      const gz = await app.request(path, { headers: { 'accept-encoding': 'gzip;q=1, br;q=0' } });
      assert.equal(gz.headers.get('content-encoding'), 'gzip', `${path}: br refused with q=0`);
      assert.deepEqual(gunzipSync(Buffer.from(await gz.arrayBuffer())), identity, path);
      const revalidated = await app.request(path, { headers: { 'accept-encoding': 'br', 'if-none-match': `W/${br.headers.get('etag')}` } });
      assert.equal(revalidated.status, 304, `${path}: the cached coding is still current`);
    }
    const notModified = await app.request(path, { headers: { 'if-none-match': `"other", ${etag}` } });
    assert.equal(notModified.status, 304, path);
    assert.equal((await notModified.arrayBuffer()).byteLength, 0, path);
    assert.equal((await app.request(path, { headers: { 'if-none-match': '"other"' } })).status, 200, path);
  }
  // A post changes the story and the lists: the old ETag no longer matches.
  const storyEtag = (await app.request(`/api/stories/${storyId}`)).headers.get('etag')!;
  const listEtag = (await app.request('/api/stories')).headers.get('etag')!;
  await post(app, { ...ARTICLE, text: ARTICLE.text.replace('two weeks', 'three weeks'), source: 'Osterby Radio', url: 'https://osterby-radio.example/tram' });
  assert.equal((await app.request('/api/stories', { headers: { 'if-none-match': listEtag } })).status, 200, 'the list changed');
  const story = await app.request(`/api/stories/${storyId}`, { headers: { 'if-none-match': storyEtag } });
  assert.equal((await store.getStories([storyId]))[0]?.articleIds.length, 2, 'the second report joined the story');
  assert.equal(story.status, 200, 'the story changed');
  await store.close();
});

test('the OpenAPI document is generated from the request schemas', async () => {
  const store = freshStore();
  const app = createApp({ store });
  const doc = (await (await app.request('/api/openapi.json')).json()) as {
    openapi: string;
    paths: Record<string, Record<string, { parameters?: Array<{ name: string }>; requestBody?: { content: Record<string, { schema: unknown }> }; responses?: Record<string, unknown> }>>;
  };
  assert.equal(doc.openapi, '3.1.0');
  assert.deepEqual(Object.keys(doc.paths).sort(), ['/add', '/api/articles', '/api/articles/{id}', '/api/jobs/{id}', '/api/openapi.json', '/api/search', '/api/stories', '/api/stories/{id}', '/api/stories/{id}/changes', '/articles/{id}/delete', '/stories/{id}/export.json', '/stories/{id}/export.md', '/stories/{id}/feed.atom']);
  // Every method the API answers is documented (the 405 handlers are registered as ALL).
  for (const route of app.routes.filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL'))
    assert.ok(doc.paths[route.path.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()], `${route.method} ${route.path}`);
  assert.deepEqual(doc.paths['/api/stories']!.get!.parameters!.map((p) => p.name), ['limit', 'offset']);
  assert.deepEqual(Object.keys(doc.paths['/api/articles']!.post!.responses!).sort(), ['200', '201', '202', '400', '401', '413', '415']);
  assert.match(JSON.stringify(doc.paths['/api/articles']!.post!.requestBody!.content['application/json']!.schema), /"text"/);
  await store.close();
});

test('the web UI escapes article text: a hostile article shows its markup as text', async () => {
  const store = freshStore();
  const app = createApp({ store });
  const hostile = {
    text: 'Council vote <script>alert("x")</script> delayed\n\nThe council delayed its vote on Monday. <img src=x onerror=alert(1)> See <a href="javascript:alert(2)">this link</a> for <b>details</b> of the plan.\n',
    url: 'https://example.org/vote',
  };
  const { results } = (await (await post(app, hostile)).json()) as { results: Array<{ id: string; storyId: string }> };
  const { id, storyId } = results[0]!;
  for (const path of ['/', `/stories/${storyId}`, `/articles/${id}`, '/search?q=council']) {
    const page = await (await app.request(path)).text();
    assert.ok(!page.includes('<script>alert'), `${path}: no live script`);
    assert.ok(!page.includes('<img src=x'), `${path}: no live img`);
    assert.ok(!/href="javascript:/i.test(page), `${path}: no javascript: link`);
  }
  const articlePage = await (await app.request(`/articles/${id}`)).text();
  assert.ok(articlePage.includes('&lt;a href=&quot;javascript:alert(2)&quot;&gt;'), 'the markup is shown as text');
  await store.close();
});

test('an article page highlights exactly the cited words', async () => {
  const store = freshStore();
  const app = createApp({ store });
  const { results } = (await (await post(app, ARTICLE)).json()) as { results: Array<{ id: string }> };
  const { id } = results[0]!;
  const text = ((await (await app.request(`/api/articles/${id}`)).json()) as { text: string }).text;
  const start = text.indexOf('a crack was found');
  const page = await (await app.request(`/articles/${id}?start=${start}&end=${start + 17}`)).text();
  assert.match(page, /<mark id="cited">a crack was found<\/mark>/);
  const outOfRange = await (await app.request(`/articles/${id}?start=5&end=999999`)).text();
  assert.ok(!outOfRange.includes('<mark'), 'offsets outside the text highlight nothing');
  await store.close();
});

test('the server listens on a free loopback port, and refuses a public address without a token', async () => {
  const store = freshStore();
  const { server, url } = await startServer({ store, port: 0 });
  try {
    const response = await fetch(`${url}/api/stories`);
    assert.equal(response.status, 200);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  await assert.rejects(startServer({ store, port: 0, host: '0.0.0.0' }), (e: CorroborateError) => e.code === 'bad-option' && /CORROBORATE_TOKEN/.test(e.message));
  await store.close();
});

test('the add form stores a pasted article, refuses cross-site posts and wants the token when the server has one', async () => {
  const store = freshStore();
  const form = (fields: Record<string, string>, origin: string | null) =>
    ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...(origin ? { origin } : {}) }, body: new URLSearchParams(fields).toString() }) as RequestInit;
  const fields = { text: ARTICLE.text, source: 'Osterby Post', url: '', publishedAt: '2026-04-06' };
  const open = createApp({ store });
  assert.equal((await open.request('http://localhost/add', form(fields, 'https://evil.example'))).status, 403, 'a cross-site form post');
  assert.equal((await open.request('http://localhost/add', form(fields, null))).status, 403, 'no Origin, no Sec-Fetch-Site');
  const missing = await open.request('http://localhost/add', form({ source: 'x' }, 'http://localhost'));
  assert.equal(missing.status, 400);
  assert.match(await missing.text(), /Nothing to add: paste the article text, give a page URL, or choose files/);
  const added = await open.request('http://localhost/add', form(fields, 'http://localhost'));
  assert.equal(added.status, 303);
  assert.match(added.headers.get('location')!, /^\/articles\/a-[0-9a-f]{24}\?added=1$/);
  const article = (await (await open.request(`/api${added.headers.get('location')!.split('?')[0]}`)).json()) as { source: { name: string }; publishedAt: string };
  assert.deepEqual([article.source.name, article.publishedAt.slice(0, 10)], ['Osterby Post', '2026-04-06']);

  const guarded = createApp({ store, token: 'sekret-token' });
  assert.match(await (await guarded.request('/add')).text(), /name="token"/);
  const other = { ...fields, text: 'Ferry back on schedule\n\nThe Osterby ferry ran on time on Tuesday for the first time in a week.\n' };
  assert.equal((await guarded.request('http://localhost/add', form(other, 'http://localhost'))).status, 401);
  assert.equal((await guarded.request('http://localhost/add', form({ ...other, token: 'wrong' }, 'http://localhost'))).status, 401);
  assert.equal((await guarded.request('http://localhost/add', form({ ...other, token: 'sekret-token' }, 'http://localhost'))).status, 303);
  await store.close();
});

test('without a token, writes from another site or to a non-loopback host name are refused; the own origin and --allowed-origins pass', async () => {
  const store = freshStore();
  const app = createApp({ store, allowedOrigins: ['https://desk.example'] });
  const textPost = (headers: Record<string, string>) =>
    app.request('http://127.0.0.1:8080/api/articles', { method: 'POST', headers: { 'content-type': 'text/plain', ...headers }, body: ARTICLE.text });
  // A cross-site text/plain POST needs no CORS preflight: the browser sends it with the site's Origin.
  const crossSite = await textPost({ origin: 'https://evil.example', host: '127.0.0.1:8080' });
  assert.equal(crossSite.status, 403);
  assert.equal(((await crossSite.json()) as { error: { code: string } }).error.code, 'forbidden-origin');
  // DNS rebinding: the evil name now points at 127.0.0.1, the browser calls it same-origin.
  const rebound = await textPost({ origin: 'http://evil.example:8080', host: 'evil.example:8080' });
  assert.equal(((await rebound.json()) as { error: { code: string } }).error.code, 'forbidden-host');
  assert.equal((await store.counts()).articles, 0);
  assert.equal((await textPost({ origin: 'https://desk.example', host: '127.0.0.1:8080' })).status, 201);
  assert.equal((await textPost({ origin: 'http://127.0.0.1:8080', host: '127.0.0.1:8080' })).status, 200);
  assert.equal((await textPost({ host: 'localhost:8080' })).status, 200, 'a client that sends no Origin (curl) is not a browser page');
  await store.close();
});

test('a token a bearer header cannot carry is refused at start-up, not on every write', async () => {
  const store = freshStore();
  await assert.rejects(startServer({ store, port: 0, token: 'secret with spaces' }), (e: unknown) => e instanceof CorroborateError && e.code === 'bad-option' && /CORROBORATE_TOKEN/.test(e.message));
  await assert.rejects(startServer({ store, port: 0, allowedOrigins: ['https://desk.example/path'] }), (e: unknown) => e instanceof CorroborateError && /not an origin/.test(e.message));
  await store.close();
});

test('a 413 on a chunked upload keeps the connection: the request after it on the same socket is answered', async () => {
  const { serve } = await import('@hono/node-server');
  const { connect } = await import('node:net');
  const store = freshStore();
  const server = serve({ fetch: createApp({ store, maxBodyBytes: 1000 }).fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const socket = connect((server.address() as { port: number }).port, '127.0.0.1');
  let received = '';
  socket.on('data', (d: Buffer) => (received += d.toString()));
  const chunk = 'x'.repeat(30_000);
  socket.write('POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n');
  for (let i = 0; i < 4; i++) socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
  socket.write('0\r\n\r\nGET /api/openapi.json HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
  // Bounded wait: both answers, or fail after 5 s.
  for (let waited = 0; waited < 5000 && (received.match(/HTTP\/1\.1 \d+/g) ?? []).length < 2; waited += 50) await new Promise((r) => setTimeout(r, 50));
  socket.destroy();
  server.close();
  await store.close();
  assert.deepEqual(received.match(/HTTP\/1\.1 \d+/g), ['HTTP/1.1 413', 'HTTP/1.1 200']);
});

test("the server's analyses go through its analyser (worker threads under startServer): a post's article and its story, and no analysis for a read", async () => {
  const { inlineAnalyser } = await import('../pipeline/analyser.js');
  const calls = { docs: 0, story: 0 };
  const analyser = {
    ...inlineAnalyser,
    docs: (...args: Parameters<typeof inlineAnalyser.docs>) => (calls.docs++, inlineAnalyser.docs(...args)),
    story: (...args: Parameters<typeof inlineAnalyser.story>) => (calls.story++, inlineAnalyser.story(...args)),
  };
  const app = createApp({ store: freshStore(), analyser });
  const posted = (await (await post(app, ARTICLE)).json()) as { results: Array<{ storyId: string }> };
  assert.deepEqual(calls, { docs: 1, story: 1 });
  assert.equal((await app.request(`/api/stories/${posted.results[0]!.storyId}`)).status, 200);
  assert.deepEqual(calls, { docs: 1, story: 1 }, 'the story read serves the stored analysis');
});
