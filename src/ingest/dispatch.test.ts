import test from 'node:test';
import assert from 'node:assert/strict';
import { CorroborateError } from '../doc/errors.js';
import { docsFromInput, sniffKind } from './dispatch.js';

const b = (s: string) => Buffer.from(s, 'utf8');

test('sniffs by content: feeds, pages and text, whatever the file name says', () => {
  assert.equal(sniffKind('a.txt', b('<?xml version="1.0"?>\n<rss version="2.0"><channel></channel></rss>')), 'feed');
  assert.equal(sniffKind('a', b('<feed xmlns="http://www.w3.org/2005/Atom"></feed>')), 'feed');
  assert.equal(sniffKind('a.txt', b('{"version": "https://jsonfeed.org/version/1.1", "items": []}')), 'feed');
  assert.equal(sniffKind('saved.txt', b('<!DOCTYPE html><html><body><p>x</p></body></html>')), 'html');
  assert.equal(sniffKind('page.htm', b('<p>Fragment of a page.</p>')), 'html');
  assert.equal(sniffKind('story.html', b('Plain words in a file named .html, with no markup at all.')), 'text');
  assert.equal(sniffKind('story.txt', b('Headline\n\nThe body talks about <rss> feeds in passing.')), 'text');
});

test('a text file, a page and a feed give one, one and one-per-item documents', () => {
  const text = docsFromInput({ input: 's.txt', bytes: b('Mill closes\n\nThe mill closed on Friday after ninety years, its owners said.'), sidecar: null });
  assert.equal(text.length, 1);
  const page = docsFromInput({ input: 'p.html', bytes: b('<html><head><title>Mill closes</title></head><body><p>The mill closed on Friday after ninety years, its owners said.</p></body></html>'), sidecar: null });
  assert.equal(page[0]!.title, 'Mill closes');
  const feed = docsFromInput({ input: 'f.json', bytes: b(JSON.stringify({ version: 'https://jsonfeed.org/version/1', items: [{ id: 'a', content_text: 'One.' }, { id: 'b', content_text: 'Two.' }] })), sidecar: null });
  assert.equal(feed.length, 2);
});

test('a sidecar beside a page overrides what the page says', () => {
  const [doc] = docsFromInput({ input: 'p.html', bytes: b('<html><head><meta property="og:site_name" content="Page Says"></head><body><p>The mill closed on Friday.</p></body></html>'), sidecar: { source: 'Crawler Knows', publishedAt: '2020-01-02' } });
  assert.equal(doc!.meta.source.name, 'Crawler Knows');
  assert.equal(doc!.meta.publishedAt, '2020-01-02');
});

test('an empty feed and a binary file named .html are clear errors', () => {
  assert.throws(() => docsFromInput({ input: 'e.xml', bytes: b('<rss><channel><title>Nothing</title></channel></rss>'), sidecar: null }), (e: CorroborateError) => e.code === 'bad-input' && /no complete item/.test(e.message));
  assert.throws(() => docsFromInput({ input: 'x.html', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), sidecar: null }), (e: CorroborateError) => e.code === 'binary-file');
});
