import test from 'node:test';
import assert from 'node:assert/strict';
import { countWords, captionCredit, dateOrByline, linkLine, markupText, ownUrl, pageNote, readMoreLine, relatedSection, shareText, signUpCall } from './block-rules.js';
import type { Block } from './blocks.js';
import { parseHtmlDocument } from './dom.js';
import { extractArticle } from './extract.js';
import { docFromHtml } from './html-doc.js';

const para = (n: number, topic: string) =>
  `<p>The ${topic} committee met for the ${n}th time on Tuesday and agreed, after a long debate about costs and timing, that the work would begin in spring and end before the holidays.</p>`;

const PAGE = `<!doctype html><html lang="en"><head><title>Depot plan approved</title></head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<div class="share-tools"><a>Facebook</a> <a>Twitter</a> <a>Email</a></div>
<article>
  <h1>Depot plan approved</h1>
  ${para(1, 'transport')}
  <figure><img src="a.jpg"><figcaption>Buses parked at the depot. (Photo: Jane Roe)</figcaption></figure>
  ${para(2, 'planning')}
  <h2>What happens next</h2>
  ${para(3, 'budget')}
  <ul><li>First, the old roof comes off and is recycled by a local firm.</li><li>Then new charging points are fitted along the east wall.</li></ul>
  <blockquote><p>We have waited ten years for this decision, and the drivers deserve it.</p></blockquote>
  <p>Read more: Council raises parking fees</p>
  ${para(4, 'finance')}
  <div class="newsletter-signup"><p>Sign up to our daily newsletter for the latest news.</p></div>
  <div class="related-stories"><ul><li><a href="/x">Another story about buses</a></li><li><a href="/y">A story about trains</a></li></ul></div>
</article>
<section id="comments"><h3>Comments</h3><p>I disagree with this decision entirely, it is a waste of money and time.</p></section>
<footer>© Valley News</footer></body></html>`;

test('keeps headings, paragraphs, lists and quotes; drops share bars, captions, read-more, newsletter, related links and comments', () => {
  const article = extractArticle(parseHtmlDocument(PAGE), { title: 'Depot plan approved' });
  const text = article.blocks.map((b) => b.text).join('\n\n');
  assert.match(text, /transport committee/);
  assert.match(text, /What happens next/);
  assert.match(text, /old roof comes off/);
  assert.match(text, /waited ten years/);
  assert.match(text, /finance committee/);
  for (const junk of [/Facebook/, /Photo: Jane Roe/, /Read more/, /Sign up/, /Another story/, /I disagree/, /Home/, /© Valley/]) assert.doesNotMatch(text, junk);
  assert.deepEqual(
    article.blocks.map((b) => b.kind).filter((k) => k !== 'paragraph'),
    ['heading', 'list-item', 'list-item', 'quote'],
  );
  const reasons = article.removed.map((r) => r.reason.split(':')[0]);
  for (const rule of ['html/share-bar', 'html/caption', 'html/read-more', 'html/newsletter', 'html/related-links', 'html/comments']) assert.ok(reasons.includes(rule), `${rule} recorded`);
});

test('the Doc keeps paragraph breaks and marks headings in the paragraphs layer', () => {
  const doc = docFromHtml(PAGE, 'depot.html');
  assert.ok(doc.text.includes('\n\nWhat happens next\n\n'));
  const headings = doc.layers.paragraphs.filter((p) => p.kind === 'heading').map((p) => doc.text.slice(p.start, p.end));
  assert.deepEqual(headings, ['What happens next']);
  assert.equal(doc.title, 'Depot plan approved');
  assert.equal(doc.raw, PAGE);
  assert.equal(doc.segments.length, 0);
});

const block = (text: string, extra: Partial<Block> = {}): Block => ({ text, kind: 'paragraph', linkChars: 0, list: null, ...extra });
const ctx = (b: Block) => ({ blocks: [b], index: 0, title: null, url: 'https://paper.example/news/a-1.html', words: countWords(b.text) });
const decides = (rule: (b: Block, c: ReturnType<typeof ctx>) => unknown, text: string, extra: Partial<Block> = {}) => rule(block(text, extra), ctx(block(text, extra))) !== null;

test('block rules: each fires on its pattern and not on ordinary sentences', () => {
  assert.ok(decides(captionCredit, '(Image: © Space Agency)'));
  assert.ok(decides(captionCredit, 'Image 3 of 12'));
  assert.ok(!decides(captionCredit, 'The image of the mayor was everywhere during the campaign last year.'));
  assert.ok(decides(readMoreLine, 'Related: Ten towns that rebuilt after floods'));
  assert.ok(!decides(readMoreLine, 'Relatedly, the court said the law was unclear.'));
  assert.ok(decides(signUpCall, 'Sign up for our morning briefing, delivered to your inbox.'));
  assert.ok(!decides(signUpCall, 'Subscribers to the service rose by a fifth last year, the company said in a long statement to investors on Friday.'.repeat(3)));
  assert.ok(decides(shareText, 'Share Tweet Email'));
  assert.ok(!decides(shareText, 'Share prices fell sharply.'));
  assert.ok(decides(dateOrByline, 'Published 9:40 AM EST Jan 3, 2020'));
  assert.ok(decides(dateOrByline, 'By Ana Ruiz and Tom Okafor'));
  assert.ok(!decides(dateOrByline, 'By noon, the crowd had grown to thousands.'));
  assert.ok(decides(linkLine, 'Five things to know about the budget', { linkChars: 37 }));
  assert.ok(!decides(linkLine, 'The budget is published today.', { linkChars: 30 }));
});

test('page notes, the page URL and sections of other stories', () => {
  assert.ok(decides(pageNote, 'Reading time: 4 minutes'));
  assert.ok(decides(pageNote, 'This post may contain affiliate links; see our disclosure.'));
  assert.ok(decides(pageNote, 'This article is subject to copyright. No part may be reproduced without permission.'));
  assert.ok(decides(pageNote, 'Write to Noor Haddad at noor.haddad@paper.example'));
  assert.ok(decides(pageNote, 'Lars Berg contributed to this report.'));
  assert.ok(!decides(pageNote, 'The reading of the will took four hours, the lawyer said.'));
  assert.ok(!decides(pageNote, 'Investigators wrote to the company in May asking for its records.'));
  assert.ok(decides(markupText, '&lt;span data-mce-type="bookmark" style="display: none"&gt;&amp;#65279;&lt;/span&gt;'));
  assert.ok(decides(markupText, '<div class="embed">'));
  assert.ok(!decides(markupText, '<The Palace: Tale of a Jester> opens on Friday at the old theatre.'));
  assert.ok(!decides(markupText, '<3 was the whole message, the court heard.'));
  assert.ok(!decides(markupText, 'The council said a < b in every ward it measured.'));
  assert.ok(decides(ownUrl, 'https://www.paper.example/news/a-1.html'));
  assert.ok(!decides(ownUrl, 'https://other.example/report.pdf'));
  assert.ok(decides(signUpCall, 'Follow the newsroom on Twitter and Instagram.'));
  assert.ok(decides(signUpCall, 'Like this story? Share it with a friend!'));
  assert.ok(!decides(signUpCall, 'Police followed the car on the motorway for an hour.'));
  const blocks: Block[] = [block('The vote passed.'), block('Most Popular', { kind: 'heading' }), block('Storm hits coast and 12 homes lose power', { list: 7, kind: 'list-item' }), block('New mayor sworn in', { list: 7, kind: 'list-item' })];
  assert.deepEqual(relatedSection(blocks, blocks.map(() => true)).map(([i]) => i), [1, 2, 3]);
  const ownList: Block[] = [block('The three demands', { kind: 'heading' }), block('Higher wages', { list: 2, kind: 'list-item' })];
  assert.deepEqual(relatedSection(ownList, ownList.map(() => true)), []);
});

test('malformed HTML (unclosed tags, stray closers) still gives the text', () => {
  const doc = docFromHtml('<html><body><div><p>Firefighters reached the warehouse at dawn and the blaze was out by noon, officials said.<p>No one was hurt in the fire</div></span></b>', 'broken.html');
  assert.match(doc.text, /Firefighters reached the warehouse/);
  assert.match(doc.text, /No one was hurt/);
});

test('a page with no text gives an empty body with a warning, not a crash', () => {
  const doc = docFromHtml('<html><body><nav><a href="/">Home</a></nav></body></html>', 'empty.html');
  assert.equal(doc.text, '');
  assert.ok(doc.messages.some((m) => m.code === 'empty-body'));
  assert.ok(doc.messages.some((m) => m.code === 'date-unknown'));
});

// Their cost on such text is `npm run bench -- redos`'s (no timing asserts in unit tests).
test('block and name patterns on long adversarial text match what its first words say, no more', async () => {
  const { HTML_PATTERNS } = await import('./patterns.js');
  const matching = (text: string) =>
    Object.entries(HTML_PATTERNS)
      .filter(([, pattern]) => {
        pattern.lastIndex = 0;
        const found = pattern.test(text);
        pattern.lastIndex = 0;
        return found;
      })
      .map(([name]) => name);
  assert.deepEqual(matching('By ' + 'Aa , '.repeat(4000) + '!'), ['terminal', 'terminalSentence', 'word', 'whitespace'], 'a 20,000-character "byline" is none');
  assert.deepEqual(matching('Share ' + 'share '.repeat(4000) + 'x'), ['shareChrome', 'word', 'whitespace']);
  assert.deepEqual(matching('Published ' + 'Jan 1 '.repeat(4000)), ['dateLine', 'dateInside', 'publishedCue', 'word', 'whitespace']);
  assert.deepEqual(matching('more-'.repeat(4000) + '!'), ['terminal', 'terminalSentence', 'word']);
  assert.deepEqual(matching('(Image: ' + '© '.repeat(4000) + 'x'), ['creditLine', 'word', 'whitespace']);
});

test('a page nested thousands of levels deep gives its text with a fallback warning, not a stack overflow', () => {
  const depth = 12000;
  const html = `<html><body>${'<div>'.repeat(depth)}<p>The council met on Monday and voted to repair the bridge before winter.</p>${'</div>'.repeat(depth)}</body></html>`;
  const doc = docFromHtml(html, 'deep.html');
  assert.match(doc.text, /voted to repair the bridge/);
  assert.ok(doc.messages.some((m) => m.code === 'extraction-fallback' && /nested 12001 levels deep/.test(m.reason)));
});

test('an ordinary page is read through Readability, with no fallback warning', () => {
  assert.ok(!docFromHtml(PAGE, 'depot.html').messages.some((m) => m.code === 'extraction-fallback'));
});
