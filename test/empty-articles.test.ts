/**
 * No empty articles (issue 13, item 6): an input whose clean text is empty or next to empty is
 * refused with `empty-body`, per input and per feed item, and nothing of it is stored.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestInputs, openStore } from '../src/pipeline/analyze.js';
import type { Store } from '../src/store/store.js';
import { SEEDS } from './paths.js';

let TMP = '';
let store: Store;
before(async () => {
  TMP = mkdtempSync(join(tmpdir(), 'corroborate-empty-'));
  store = await openStore(join(TMP, 'empty.db'));
});
after(async () => {
  await store.close();
  if (TMP) rmSync(TMP, { recursive: true, force: true });
});

const file = (input: string, text: string) => ({ input, bytes: Buffer.from(text), sidecar: null });
const seed = readFileSync(join(SEEDS, '000_a1b7209117e8396f.txt'), 'utf8');
const paragraph = seed.split('\n').filter((l) => l.split(' ').length > 20)[0]!;
const item = (n: number, body: string) => `<item><title>Item ${n}</title><link>https://example.com/${n}</link><description>${body}</description></item>`;
const rss = (items: string[]) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://example.com/</link>${items.join('')}</channel></rss>`;

test('a feed of empty items stores nothing and says why for each item', async () => {
  const report = await ingestInputs(store, [file('empty.xml', rss([1, 2, 3].map((n) => item(n, ''))))]);
  assert.equal(report.added, 0);
  assert.equal(report.failed, 3);
  for (const f of report.files) assert.ok(f.status === 'failed' && f.error.code === 'empty-body' && /no article text/.test(f.error.message), JSON.stringify(f));
  assert.equal((await store.counts()).articles, 0);
});

test('in a mixed feed the real item is stored and the empty ones are refused', async () => {
  const report = await ingestInputs(store, [file('mixed.xml', rss([item(1, ''), item(2, paragraph), item(3, 'Police declined comment.')]))]);
  assert.equal(report.added, 1);
  assert.deepEqual(report.files.map((f) => (f.status === 'failed' ? f.error.code : f.status)), ['empty-body', 'added', 'empty-body']);
  assert.match(report.files[2]!.status === 'failed' ? report.files[2]!.error.message : '', /only 3 word\(s\)/);
});

test('a page with no article body and a text that is only a headline are refused', async () => {
  const page = '<!doctype html><html><head><title>Menu</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><footer>© 2026</footer></body></html>';
  const report = await ingestInputs(store, [file('page.html', page), file('headline.txt', 'Trump announces February White House talks\n')]);
  assert.deepEqual(report.files.map((f) => (f.status === 'failed' ? f.error.code : f.status)), ['empty-body', 'empty-body']);
});

test('a text whose only line ends as a sentence is a lede, kept as the body (ECB+ 5_3ecbplus)', async () => {
  const lede = "PHILADELPHIA 76ERS Fired Jim O'Brien , coach . Named Maurice Cheeks coach .\n";
  const report = await ingestInputs(store, [file('lede.txt', lede)]);
  assert.deepEqual(report.files.map((f) => f.status), ['added']);
  const [article] = await store.getArticles([(report.files[0] as { id: string }).id]);
  assert.equal(article!.title, null);
  assert.match(article!.text, /Named Maurice Cheeks coach/);
});
