import test, { describe } from 'node:test';
import assert from 'node:assert/strict';
import { docFromText } from '../../ingest/plain-text.js';
import { processDoc } from '../../pipeline/docs-from-input.js';
import { findDateline } from './published-at.js';

const analysed = (body: string, publishedAt: string | null = null) =>
  processDoc(docFromText(`A headline about the harbour\n\n${body}`, 'own.txt', publishedAt ? { publishedAt } : null), { now: new Date(0) });

describe('dateline', () => {
  test('a wire dateline with an agency in brackets is found', () => {
    const text = 'PORTVILLE, Feb 21 (Coast Wire) — The harbour closed.';
    const d = findDateline(text, [{ start: 0, end: text.length }]);
    assert.equal(d?.month, 2);
    assert.equal(d?.day, 21);
    assert.equal(text.slice(d!.span.start, d!.span.end), 'Feb 21');
  });
  test('a line holding only a full date near the top is a dateline', () => {
    const text = 'Friday, January 9, 2026 10:32 AM\nThe harbour closed.';
    const d = findDateline(text, [{ start: 0, end: 32 }, { start: 33, end: text.length }]);
    assert.deepEqual(d && { month: d.month, day: d.day, year: d.year }, { month: 1, day: 9, year: 2026 });
  });
  test('date lines as sites print them, tokenised: clock after, label before, day first, numeric when the order is sure', () => {
    // The date lines of ECB+ 22_6, 8_3, 8_2, 9_12, 9_2, 9_6ecbplus.
    const read = (line: string) => {
      const d = findDateline(`${line}\nThe harbour closed.`, [{ start: 0, end: line.length }]);
      return d && [d.year, d.month, d.day];
    };
    assert.deepEqual(read('December 7 , 2010 11 : 18 PM'), [2010, 12, 7]);
    assert.deepEqual(read('Updated 5 / 5 / 2010 1 : 41 PM'), [2010, 5, 5]);
    assert.deepEqual(read('First Posted 23 : 37 : 00 05 / 05 / 2010'), [2010, 5, 5]);
    assert.deepEqual(read('Tuesday 28 April 2009 22 . 34 BST'), [2009, 4, 28]);
    assert.deepEqual(read('updated 8 : 41 p . m . EST , Tue March 3 , 2009'), [2009, 3, 3]);
    assert.deepEqual(read('04 / 28 / 09 07 : 35 PM ET'), [2009, 4, 28]);
  });
  test('a numeric date line whose day and month could swap is no date', () => {
    // ECB+ 22_11ecbplus ("9 / 10 / 2010": September 10 or October 9?).
    assert.equal(findDateline('9 / 10 / 2010 @ 1 : 19PM\nThe harbour closed.', [{ start: 0, end: 24 }]), null);
  });
  test('a date line without a year, or a date inside a sentence, is no dateline', () => {
    const text = 'January 9\nThe harbour closed on January 9, 2026.';
    assert.equal(findDateline(text, [{ start: 0, end: 9 }, { start: 10, end: text.length }]), null);
  });
  test('a lowercase lead-in with a date is not a dateline', () => {
    const text = 'Officials said, March 3 — a day of rain — that the harbour closed.';
    assert.equal(findDateline(text, [{ start: 0, end: text.length }]), null);
  });
});

describe('publication date', () => {
  test('metadata wins and is kept as given', () => {
    const doc = analysed('The harbour closed on Monday.', '2026-02-04T10:00:00Z');
    assert.equal(doc.meta.publishedAt, '2026-02-04T10:00:00Z');
    assert.equal(doc.meta.publishedAtBasis, 'metadata');
  });
  test('a dateline takes its year from a fully dated event in the text', () => {
    const doc = analysed('PORTVILLE, Feb 21 — The harbour closed on Friday. Dredging began on November 2, 2025.');
    assert.equal(doc.meta.publishedAt, '2026-02-21');
    assert.equal(doc.meta.publishedAtBasis, 'dateline');
    assert.ok(!doc.messages.some((m) => m.code === 'date-unknown'));
    assert.equal(doc.layers.timexes.find((t) => doc.text.slice(t.start, t.end) === 'on Friday')?.value, '2026-02-20');
  });
  test('a dateline with no year anywhere leaves the date null, still anchoring month and day', () => {
    const doc = analysed('PORTVILLE, Feb 21 — The harbour closed tonight.');
    assert.equal(doc.meta.publishedAt, null);
    assert.equal(doc.meta.publishedAtBasis, 'unknown');
    assert.ok(doc.messages.some((m) => m.code === 'date-unknown'));
    assert.equal(doc.layers.timexes.find((t) => doc.text.slice(t.start, t.end) === 'tonight')?.value, 'XXXX-02-21TNI');
  });
  test('a dateline year comes from metadata: the latest such day on or before it', () => {
    const doc = analysed('PORTVILLE, Dec 30 — The harbour closed tonight.', '2026-01-02');
    assert.equal(doc.layers.timexes.find((t) => doc.text.slice(t.start, t.end) === 'tonight')?.value, '2025-12-30TNI');
  });
  test('inferred: the latest past event dated to the day bounds it from below', () => {
    const doc = analysed('Fees rose in August 2025. The board met on January 12, 2026 and will vote on March 3.');
    assert.equal(doc.meta.publishedAt, '2026-01-12');
    assert.equal(doc.meta.publishedAtBasis, 'inferred');
  });
  test('a date printed without a year is not pushed into a year the text does not state', () => {
    // January 12 may be January 2025 (before the August rise) or 2026: the text does not say.
    assert.equal(analysed('Fees rose in August 2025. The board met on January 12.').meta.publishedAt, null);
    // "last year" is 2025, so this is 2026.
    assert.equal(analysed('Fees rose in September 2025, and again late last year. The board met on January 12.').meta.publishedAt, '2026-01-12');
  });
  test('never a bound, a plan, a quoted date, background or a period\'s close: "since", "until", quotes, a later year elsewhere, "the quarter, which ended"', () => {
    for (const text of [
      'The company had been suspended since July 24, 2003 after violating federal law.',
      'The road stays closed until June 1, 2018, officials said.',
      'He read from the letter: "On March 3, 2017 we agreed to the terms."',
      'The treaty was signed on February 8, 2017. Talks resumed in 2018.',
      'Profits rose 78 percent during the last quarter, which ended December 30, 2006.',
    ])
      assert.equal(analysed(text).meta.publishedAt, null, text);
  });
  test('inferred only when what the text schedules agrees: a scheduled day before the bound gives nothing', () => {
    const doc = analysed('The board met on March 12, 2026. The vote will be held on February 3, 2026.');
    assert.equal(doc.meta.publishedAt, null);
    assert.equal(doc.meta.publishedAtBasis, 'unknown');
  });
  test('nothing dated: null and unknown, with the date-unknown warning', () => {
    const doc = analysed('The harbour closed last week after a storm.');
    assert.equal(doc.meta.publishedAt, null);
    assert.equal(doc.meta.publishedAtBasis, 'unknown');
    assert.ok(doc.messages.some((m) => m.code === 'date-unknown'));
  });
});
