import test from 'node:test';
import assert from 'node:assert/strict';
import { CorroborateError } from '../../doc/errors.js';
import { docsFromFeed } from './feed-docs.js';
import { parseFeed } from './parse-feed.js';

const LONG = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1}: the inspectors returned to the plant on Wednesday and found that the repairs promised in the spring had not been made.</p>`).join('');

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>River Post</title><link>https://river.example/</link><language>en-us</language>
<item><title>Plant fails inspection</title><link>https://river.example/plant</link><guid isPermaLink="false">rp-1</guid>
<pubDate>Wed, 06 Mar 2024 16:20:00 GMT</pubDate><dc:creator>Sam Idowu</dc:creator>
<description>Inspectors found repairs undone.</description><content:encoded><![CDATA[${LONG}]]></content:encoded></item>
<item><title>Ferry timetable changes</title><link>https://river.example/ferry</link><pubDate>Thu, 07 Mar 2024 09:00:00 GMT</pubDate>
<author>desk@river.example (Kim Lee)</author><description>The winter timetable ends early this year.</description></item>
</channel></rss>`;

test('RSS 2.0: full content:encoded becomes the article; a summary-only item is flagged partial', () => {
  const { feed, docs } = docsFromFeed(RSS, 'river.xml');
  assert.equal(feed.format, 'rss');
  assert.equal(docs.length, 2);
  const [full, partial] = docs as [(typeof docs)[0], (typeof docs)[0]];
  assert.match(full.text, /Paragraph 1: the inspectors/);
  assert.match(full.text, /\n\nParagraph 6/);
  assert.equal(full.title, 'Plant fails inspection');
  assert.deepEqual([full.meta.url, full.meta.publishedAt, full.meta.publishedAtBasis, full.meta.byline, full.meta.source.name], ['https://river.example/plant', '2024-03-06T16:20:00Z', 'feed', 'Sam Idowu', 'River Post']);
  assert.ok(!full.messages.some((m) => m.code === 'partial-content'));
  assert.equal(partial.text, 'The winter timetable ends early this year.');
  assert.equal(partial.meta.byline, 'Kim Lee');
  assert.ok(partial.messages.some((m) => m.code === 'partial-content'));
  assert.equal(partial.meta.input, 'river.xml#item-2');
});

test('Atom: html and xhtml content, published dates, alternate links, authors', () => {
  const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>Hill Gazette</title>
  <entry><title>School roof repaired</title><id>tag:hill,2024:1</id><link rel="self" href="https://hill.example/api/1"/><link rel="alternate" href="https://hill.example/roof"/>
  <published>2024-02-01T10:00:00+01:00</published><updated>2024-02-02T10:00:00+01:00</updated><author><name>Ola Berg</name></author>
  <content type="html">${LONG.replace(/</g, '&lt;').replace(/>/g, '&gt;')}</content></entry>
  <entry><title>Library hours</title><id>tag:hill,2024:2</id><link href="https://hill.example/library"/><updated>2024-02-03T08:00:00Z</updated>
  <summary>Opening hours are longer from Monday.</summary></entry></feed>`;
  const { feed, docs } = docsFromFeed(atom, 'hill.atom');
  assert.equal(feed.format, 'atom');
  assert.equal(docs[0]!.meta.url, 'https://hill.example/roof');
  assert.equal(docs[0]!.meta.publishedAt, '2024-02-01T10:00:00+01:00');
  assert.equal(docs[0]!.meta.byline, 'Ola Berg');
  assert.match(docs[0]!.text, /Paragraph 3: the inspectors/);
  assert.ok(docs[1]!.messages.some((m) => m.code === 'partial-content'));
  assert.equal(docs[1]!.meta.publishedAt, '2024-02-03T08:00:00Z');
});

test('JSON Feed: content_html, content_text, authors', () => {
  const json = JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Lake Daily',
    items: [
      { id: '1', url: 'https://lake.example/1', title: 'Dam inspection', content_html: LONG, date_published: '2024-04-01T12:00:00Z', authors: [{ name: 'Ivo Ras' }] },
      { id: '2', url: 'https://lake.example/2', title: 'Boat race', content_text: 'The race was moved to Sunday.\n\nOrganisers blamed the wind.' },
    ],
  });
  const { feed, docs } = docsFromFeed(json, 'lake.json');
  assert.equal(feed.format, 'json-feed');
  assert.equal(docs[0]!.meta.byline, 'Ivo Ras');
  assert.equal(docs[1]!.text, 'The race was moved to Sunday.\n\nOrganisers blamed the wind.');
  assert.equal(docs[1]!.meta.publishedAt, null);
  assert.equal(docs[1]!.meta.publishedAtBasis, 'unknown');
});

test('RSS 1.0 (RDF) items are read', () => {
  const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel><title>Old Wire</title></channel><item rdf:about="https://old.example/1"><title>Mill closes</title><link>https://old.example/1</link><dc:date>2019-05-01</dc:date><description>The mill closed after 90 years.</description></item></rdf:RDF>`;
  const feed = parseFeed(rdf);
  assert.equal(feed.format, 'rdf');
  assert.equal(feed.items[0]!.publishedAt, '2019-05-01');
});

test('a truncated feed keeps its complete items and warns; the cut item is left out', () => {
  const cut = RSS.slice(0, RSS.indexOf('<author>'));
  const { docs } = docsFromFeed(cut, 'cut.xml');
  assert.equal(docs.length, 1);
  const codes = docs[0]!.messages.map((m) => m.code);
  assert.ok(codes.includes('feed-malformed') && codes.includes('feed-truncated'));
});

test('a feed cut inside a CDATA section gives its complete items; cut inside the first item, it is an error', () => {
  const item = (n: number) => `<item><title>T${n}</title><content:encoded><![CDATA[${LONG}]]></content:encoded></item>`;
  const whole = `<?xml version="1.0"?><rss xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>${item(1)}${item(2)}${item(3)}</channel></rss>`;
  const feed = parseFeed(whole.slice(0, whole.lastIndexOf('Paragraph 4')));
  assert.deepEqual(feed.items.map((i) => i.title), ['T1', 'T2']);
  assert.ok(feed.messages.some((m) => m.code === 'feed-truncated'));
  assert.throws(() => parseFeed(whole.slice(0, whole.indexOf('Paragraph 4'))), (e: CorroborateError) => e.code === 'bad-input' && /before its first complete item/.test(e.message));
});

test('titles keep numeric and common named entities decoded', () => {
  const feed = parseFeed('<rss><channel><item><title>Rock &amp; roll&#8217;s &#x2014; &hellip; back</title></item></channel></rss>');
  assert.equal(feed.items[0]!.title, 'Rock & roll’s — … back');
});

test('a complete, well-formed feed has no feed warnings', () => {
  assert.deepEqual(parseFeed(RSS).messages, []);
});

test('a truncated JSON Feed, XML that is not a feed, and JSON that is not a feed are clear errors', () => {
  const bad = (text: string, pattern: RegExp) => assert.throws(() => parseFeed(text, 'x'), (e: CorroborateError) => e.code === 'bad-input' && pattern.test(e.message));
  bad('{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","title":"Cut', /not valid JSON/);
  bad('<?xml version="1.0"?><catalog><book/></catalog>', /not a feed/);
  bad('{"name":"package","version":"1.0.0"}', /not a JSON Feed/);
});
