import test from 'node:test';
import assert from 'node:assert/strict';
import { parseHtmlDocument } from './dom.js';
import { readMetadata } from './metadata.js';

const page = (head: string, body = '<p>Body text.</p>', lang = '') => parseHtmlDocument(`<!doctype html><html${lang}><head>${head}</head><body>${body}</body></html>`);

test('JSON-LD NewsArticle: headline, dates, authors, publisher, url, language', () => {
  const ld = {
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'Organization', name: 'Not The Article' },
      {
        '@type': ['NewsArticle'],
        headline: 'Harbour reopens after storm',
        datePublished: '2024-03-02T08:15:00+01:00',
        dateModified: '2024-03-02T10:00:00+01:00',
        author: [{ '@type': 'Person', name: 'Mira Kovač' }, { name: 'Tom Okafor' }],
        publisher: { '@type': 'Organization', name: 'Coast Herald' },
        mainEntityOfPage: { '@id': 'https://herald.example/harbour' },
        inLanguage: 'en-GB',
      },
    ],
  };
  const meta = readMetadata(page(`<script type="application/ld+json">${JSON.stringify(ld)}</script><title>Other | Coast Herald</title>`));
  assert.equal(meta.title, 'Harbour reopens after storm');
  assert.equal(meta.publishedAt, '2024-03-02T08:15:00+01:00');
  assert.equal(meta.modifiedAt, '2024-03-02T10:00:00+01:00');
  assert.equal(meta.byline, 'Mira Kovač, Tom Okafor');
  assert.equal(meta.siteName, 'Coast Herald');
  assert.equal(meta.url, 'https://herald.example/harbour');
  assert.equal(meta.language, 'en-gb');
  assert.equal(meta.from.publishedAt, 'json-ld');
});

test('JSON-LD that is invalid or of a non-article type is ignored, not guessed from', () => {
  const meta = readMetadata(page('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Broken",</script><script type="application/ld+json">{"@type":"BreadcrumbList","name":"Home","datePublished":"2020-01-01"}</script>'));
  assert.equal(meta.title, null);
  assert.equal(meta.publishedAt, null);
});

test('OpenGraph: title, site name, url, article times and locale', () => {
  const meta = readMetadata(
    page(
      '<meta property="og:title" content="Bridge closes for repairs"><meta property="og:site_name" content="Valley News"><meta property="og:url" content="https://valley.example/bridge">' +
        '<meta property="article:published_time" content="2023-11-05T14:00:00Z"><meta property="og:locale" content="de_DE">',
    ),
  );
  assert.deepEqual([meta.title, meta.siteName, meta.url, meta.publishedAt, meta.language], ['Bridge closes for repairs', 'Valley News', 'https://valley.example/bridge', '2023-11-05T14:00:00Z', 'de-de']);
  assert.equal(meta.from.publishedAt, 'meta');
});

test('plain <meta> tags: author and date names used by news CMSs', () => {
  const meta = readMetadata(page('<meta name="author" content="Lena Park"><meta name="pubdate" content="2022-07-14"><title>Water rates rise</title>'));
  assert.equal(meta.byline, 'Lena Park');
  assert.equal(meta.publishedAt, '2022-07-14');
  assert.equal(meta.title, 'Water rates rise');
});

test('a profile URL in an author tag is not a byline', () => {
  const meta = readMetadata(page('<meta name="author" content="https://social.example/lena">'));
  assert.equal(meta.byline, null);
});

test('<time datetime>, canonical link and <html lang>', () => {
  const meta = readMetadata(page('<link rel="canonical" href="https://paper.example/a/1">', '<article><time datetime="2021-05-06T09:30:00Z">6 May</time><p>Text.</p></article>', ' lang="fr"'));
  assert.equal(meta.publishedAt, '2021-05-06T09:30:00Z');
  assert.equal(meta.from.publishedAt, 'time');
  assert.equal(meta.url, 'https://paper.example/a/1');
  assert.equal(meta.language, 'fr');
});

test('a page that says nothing gives nulls, and a date it cannot read stays unknown', () => {
  const meta = readMetadata(page('<meta name="date" content="03/04/2019">'));
  assert.deepEqual([meta.title, meta.byline, meta.publishedAt, meta.url, meta.siteName, meta.language], [null, null, null, null, null, null]);
});

test('the site name is cut from a <title> suffix only when it is the known site', () => {
  assert.equal(readMetadata(page('<meta property="og:site_name" content="Valley News"><title>Flood defences fail - Valley News</title>')).title, 'Flood defences fail');
  assert.equal(readMetadata(page('<title>Flood defences fail - a year on</title>')).title, 'Flood defences fail - a year on');
});

test('entities escaped twice by a CMS are decoded, and a leading "By" leaves the byline', () => {
  const meta = readMetadata(page('<meta property="og:title" content="Mayor&amp;#039;s &amp;#8220;plan&amp;#8221; &amp;mdash; explained"><meta name="author" content="By LENA PARK, Staff Writer">'));
  assert.equal(meta.title, 'Mayor\'s “plan” — explained');
  assert.equal(meta.byline, 'LENA PARK, Staff Writer');
});
