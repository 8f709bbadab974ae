import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import iconv from 'iconv-lite';
import { main } from '../src/cli/main.js';
import type { StoryExport } from '../src/export/types.js';
import { SCHEMA } from './paths.js';

const ajv = new Ajv2020.default({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));

const STORY = 'The harbour reopened on Monday after storm repairs, the port authority said, and the first ferry left at noon with two hundred passengers on board.';

/** A folder with one article in every input kind: a page, a legacy-encoded page, RSS, Atom, a JSON Feed, a text file and its sidecar. */
function mixedFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-mixed-'));
  mkdirSync(join(dir, 'feeds'));
  const ld = JSON.stringify({ '@type': 'NewsArticle', headline: 'Harbour reopens', datePublished: '2024-03-04T09:00:00Z', author: { name: 'Rui Costa' } });
  writeFileSync(join(dir, 'page.html'), `<!doctype html><html lang="en"><head><script type="application/ld+json">${ld}</script></head><body><article><p>${STORY}</p><p>Share Tweet Email</p></article></body></html>`);
  writeFileSync(join(dir, 'legacy.htm'), iconv.encode(`<html><head><meta charset="windows-1252"><title>Quai rouvert</title></head><body><p>Le quai a rouvert lundi après les réparations, a indiqué l’autorité portuaire.</p></body></html>`, 'windows-1252'));
  writeFileSync(join(dir, 'feeds', 'wire.rss'), `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>Harbour open again</title><link>https://wire.example/h</link><pubDate>Mon, 04 Mar 2024 12:00:00 GMT</pubDate><description>${STORY.replace('noon', 'midday')}</description></item></channel></rss>`);
  writeFileSync(join(dir, 'feeds', 'coast.xml'), `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Coast</title><entry><title>Ferries resume</title><id>c1</id><link href="https://coast.example/f"/><updated>2024-03-04T13:00:00Z</updated><content type="html">&lt;p&gt;Ferries resumed from the harbour on Monday after the storm repairs were finished.&lt;/p&gt;</content></entry></feed>`);
  writeFileSync(join(dir, 'feeds', 'bay.json'), JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Bay', items: [{ id: 'b1', url: 'https://bay.example/1', title: 'Port busy again', content_text: 'The port was busy again on Monday as ferries returned after the storm.' }] }));
  writeFileSync(join(dir, 'notes.txt'), `Harbour reopens\n\n${STORY}\n`);
  writeFileSync(join(dir, 'notes.json'), JSON.stringify({ source: 'Local Notes', publishedAt: '2024-03-04' }));
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({ theme: 'dark', version: '2.1' })); // not a feed, not a sidecar: the walk skips it
  return dir;
}

const sink = () => {
  let text = '';
  return { stream: new Writable({ write: (chunk, _enc, done) => ((text += String(chunk)), done()) }), text: () => text };
};

test('analyze takes pages, feeds (RSS, Atom, JSON Feed), text and a URL into one export that validates', async () => {
  const dir = mixedFolder();
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<html><head><meta property="og:site_name" content="Served"><meta property="article:published_time" content="2024-03-04T15:00:00Z"></head><body><article><p>${STORY.replace('Monday', 'Monday morning')}</p></article></body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/story`;
  try {
    const out = join(dir, 'out.json');
    const stderr = sink();
    const code = await main(['analyze', dir, url, '--allow-private', '--db', join(dir, 'x.db'), '--out', out, '--quiet'], { stdout: sink().stream, stderr: stderr.stream, readStdin: async () => new Uint8Array() });
    assert.equal(code, 0, stderr.text());
    const data = JSON.parse(readFileSync(out, 'utf8')) as StoryExport;
    assert.ok(validate(data), JSON.stringify(validate.errors));
    const inputs = data.articles.map((a) => a.input!.replace(dir, '').replace(/^\//, '')).sort();
    assert.deepEqual(inputs, ['feeds/bay.json#item-1', 'feeds/coast.xml#item-1', 'feeds/wire.rss#item-1', 'legacy.htm', 'notes.txt', 'page.html', url].sort());
    const byInput = (suffix: string) => data.articles.find((a) => a.input!.endsWith(suffix))!;
    assert.equal(byInput('page.html').publishedAtBasis, 'metadata');
    assert.equal(byInput('page.html').byline, 'Rui Costa');
    assert.ok(!byInput('page.html').text.includes('Tweet'));
    assert.match(byInput('legacy.htm').text, /réparations, a indiqué l’autorité/);
    assert.equal(byInput('wire.rss#item-1').publishedAtBasis, 'feed');
    assert.equal(byInput(url).source.name, 'Served');
    assert.equal(byInput('notes.txt').source.name, 'Local Notes');
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

test('the same URL without --allow-private is refused, and the other inputs still go in', async () => {
  const server = createServer((_req, res) => res.end('<html><body><p>x</p></body></html>'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-refuse-'));
  writeFileSync(join(dir, 'a.txt'), `Harbour reopens\n\n${STORY}\n`);
  try {
    const stderr = sink();
    const code = await main(['ingest', join(dir, 'a.txt'), url, '--db', join(dir, 'x.db')], { stdout: sink().stream, stderr: stderr.stream, readStdin: async () => new Uint8Array() });
    assert.equal(code, 1);
    assert.match(stderr.text(), /refused: 127\.0\.0\.1 resolves to 127\.0\.0\.1.*--allow-private/);
    assert.match(stderr.text(), /1 added, 1 failed/);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

test('a truncated feed stores its complete items only, with a warning', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-cut-'));
  const item = (n: number) => `<item><title>Item ${n}</title><link>https://cut.example/${n}</link><description>Report number ${n} about the harbour repairs and the ferries that returned on Monday.</description></item>`;
  writeFileSync(join(dir, 'cut.xml'), `<?xml version="1.0"?><rss version="2.0"><channel><title>Cut</title>${item(1)}${item(2)}<item><title>Item 3</title><description>Report number 3 about`);
  const out = join(dir, 'out.json');
  const code = await main(['analyze', dir, '--db', join(dir, 'x.db'), '--out', out, '--quiet'], { stdout: sink().stream, stderr: sink().stream, readStdin: async () => new Uint8Array() });
  assert.equal(code, 0);
  const data = JSON.parse(readFileSync(out, 'utf8')) as StoryExport;
  assert.equal(data.articles.length, 2);
  assert.ok(data.articles.every((a) => a.warnings.some((w) => w.code === 'feed-truncated')));
});

test('--timeout takes seconds and refuses anything else', async () => {
  const stderr = sink();
  const code = await main(['analyze', 'x.html', '--timeout', 'soon'], { stdout: sink().stream, stderr: stderr.stream, readStdin: async () => new Uint8Array() });
  assert.equal(code, 2);
  assert.match(stderr.text(), /--timeout: expected a positive number of seconds/);
});
