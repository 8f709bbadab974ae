import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findQuotedSpans, isUnitMark, straightDirection } from './01-find-marks.js';

const EXAMPLES = fileURLToPath(new URL('../../../../examples/articles/', import.meta.url));
const words = (text: string) => findQuotedSpans(text).map((q) => q.parts.map((p) => text.slice(p.start, p.end)).join(' | '));

test('pairs curly, straight and guillemet marks and leaves out the trailing comma', () => {
  assert.deepEqual(words('“The dam will hold,” the engineer said.'), ['The dam will hold']);
  assert.deepEqual(words('"The dam will hold," the engineer said.'), ['The dam will hold']);
  assert.deepEqual(words('L’ingénieur a dit « le barrage tiendra ».'), ['le barrage tiendra']);
});

test('pairs the `` and \'\' marks of tokenised text, where every mark has spaces around it', () => {
  assert.deepEqual(words("the clerk said , `` We close at noon . '' and left ."), ['We close at noon']);
  assert.deepEqual(words('the clerk said , " We close at noon , " and left .'), ['We close at noon']);
});

test('a quote over several paragraphs, re-opened at each, is one quote with one part per paragraph', () => {
  const text = 'The chair read a statement.\n\n“We met twice this week.\n\n“We will meet again.\n\n“Nothing is decided.”\n\nThe session ended.';
  const [quote, ...rest] = findQuotedSpans(text);
  assert.equal(rest.length, 0);
  assert.equal(quote!.rule, 'multi-paragraph');
  assert.deepEqual(quote!.parts.map((p) => text.slice(p.start, p.end)), ['We met twice this week', 'We will meet again', 'Nothing is decided']);
});

test('the multi-paragraph statement in examples/04 is one quote of three paragraphs', () => {
  const text = readFileSync(join(EXAMPLES, '04-velmora-courier-inquiry-update.txt'), 'utf8');
  const long = findQuotedSpans(text).filter((q) => q.parts.length > 1);
  assert.equal(long.length, 1);
  assert.equal(long[0]!.parts.length, 3);
});

test('a quote running over lines of one sentence each closes on a later line', () => {
  const text = "He said , `` We will do it right .\nAnd we will do it once . ''\nThe meeting ended .";
  const [quote] = findQuotedSpans(text);
  assert.equal(quote!.rule, 'over-lines');
  assert.equal(text.slice(quote!.parts[0]!.start, quote!.parts.at(-1)!.end), 'We will do it right .\nAnd we will do it once');
});

test('a paragraph that does not reopen or close the quote ends it there (unclosed)', () => {
  const text = '“We will wait and see.\n\nThe council then voted on the budget.';
  const [quote] = findQuotedSpans(text);
  assert.equal(quote!.rule, 'unclosed');
  assert.equal(text.slice(quote!.parts[0]!.start, quote!.parts[0]!.end), 'We will wait and see');
});

test('inch signs after numbers and attribute values in markup are not quotes', () => {
  assert.deepEqual(words("The laptop has a 13.3 '' screen and a 15 '' model exists ."), []);
  assert.deepEqual(words('It comes with a 15" display.'), []);
  assert.equal(isUnitMark('a 15" display', { at: 4 }, false), true);
  assert.equal(isUnitMark('a 15" display', { at: 4 }, true), false);
  assert.deepEqual(words('<div class="ad">'), []);
});

test('a straight mark opens after a space and closes before one; with spaces on both sides it alternates', () => {
  assert.equal(straightDirection('said "Yes', 5), 'open');
  assert.equal(straightDirection('Yes," he', 4), 'close');
  assert.equal(straightDirection('said , " Yes', 7), 'either');
});

test('single curly quotes are taken at a word start, apostrophes are not', () => {
  assert.deepEqual(words('‘Nobody was talking’: riders recount the wait'), ['Nobody was talking']);
  assert.deepEqual(words('The city’s mayor didn’t comment.'), []);
});

// Its cost on such runs is `npm run bench -- redos`'s (no timing asserts in unit tests).
test('a long run of marks pairs each quote in turn', () => {
  const text = Array.from({ length: 4000 }, (_, i) => (i % 2 ? 'word "' : '“quoted ” and "')).join(' ');
  assert.deepEqual(words(text), Array.from({ length: 4000 }, (_, i) => (i % 2 ? 'word' : 'quoted')));
  assert.ok(findQuotedSpans(text).every((q) => q.rule === 'paired'));
});

test('a tokenised closing mark ends a quote opened by a straight one', () => {
  assert.deepEqual(words(`yelled , "Hide , she's got a gun ! '' Vanore said .`), ["Hide , she's got a gun !"]);
  assert.deepEqual(words(`"I heard the shots , '' he told reporters .\n"It was loud , '' he added .`), ['I heard the shots', 'It was loud']);
});

test('a closing curly mark typed to open, after a space and before a letter, opens', () => {
  assert.deepEqual(words('Another user said: ”Next year is the year of the rat.”'), ['Next year is the year of the rat']);
  assert.deepEqual(words('“It works,” she said. “Fine ” he replied'), ['It works', 'Fine']);
});

test('in tokenised text a straight mark spaced on both sides closes a curly quote', () => {
  assert.deepEqual(words('“ They drive reckless around here , " a bystander told CBS .'), ['They drive reckless around here']);
});

test('an opening curly mark typed to close, before a comma, closes', () => {
  assert.deepEqual(words('“ I am hosting the show !\nThere goes the orchestra “ , the comedian said on her feed .'), ['I am hosting the show ! | There goes the orchestra']);
});

test('a `` typed to close before a described speaker and a verb of saying closes (`, `` a friend of the singer said`)', () => {
  assert.deepEqual(words("`` Her family backs her decision , `` a friend of the singer said .\n`` It was her own choice . ''"), ['Her family backs her decision', 'It was her own choice']);
  // A real opening mark after "said ," still opens.
  assert.deepEqual(words("the clerk said , `` the shop is closed . ''"), ['the shop is closed']);
});
