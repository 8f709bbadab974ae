import test from 'node:test';
import assert from 'node:assert/strict';
import { docFromHtml } from './html-doc.js';
import { printedPublicationDate } from './printed-date.js';

test('a printed publication line gives the calendar day', () => {
  assert.equal(printedPublicationDate(['Published 11:11 PM EST Nov 19, 2019']), '2019-11-19');
  assert.equal(printedPublicationDate(['Posted on 3 March 2021 by the desk']), '2021-03-03');
  assert.equal(printedPublicationDate(['Published: September 5th, 2018']), '2018-09-05');
  assert.equal(printedPublicationDate(['Wire services Published 11:11 PM EST Nov 19, 2019 Updated Nov 20, 2019']), '2019-11-19');
});

test('update lines, lines without a publication cue and unknown month words give nothing', () => {
  assert.equal(printedPublicationDate(['Updated 9:00 AM Nov 20, 2019']), null);
  assert.equal(printedPublicationDate(['Published 11:11 PM, updated Nov 20, 2019']), null);
  assert.equal(printedPublicationDate(['Nov 19, 2019']), null);
  assert.equal(printedPublicationDate(['Published long ago, in a year nobody recalls; the archive was moved on Nov 19, 2019']), null);
  assert.equal(printedPublicationDate(['Published 19 Brumaire 2019']), null);
});

test('a page with no date tags takes the printed date, with basis dateline; metadata wins when present', () => {
  const body = '<article><p>Published 4:00 am CST, Wednesday, November 20, 2019</p><p>New car sales fell sharply in October, the trade group said on Tuesday, citing weaker demand.</p></article>';
  const printed = docFromHtml(`<html><head></head><body>${body}</body></html>`, 'p.html');
  assert.equal(printed.meta.publishedAt, '2019-11-20');
  assert.equal(printed.meta.publishedAtBasis, 'dateline');
  assert.ok(!printed.text.includes('Published'));
  const tagged = docFromHtml(`<html><head><meta property="article:published_time" content="2019-11-20T10:00:00Z"></head><body>${body}</body></html>`, 'p.html');
  assert.equal(tagged.meta.publishedAtBasis, 'metadata');
});
