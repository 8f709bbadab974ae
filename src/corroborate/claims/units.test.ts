import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ExportEntity } from '../../export/types.js';
import { mergeEntities } from '../../analyze/entities/merge.js';
import { docFromText } from '../../ingest/plain-text.js';
import { processDoc } from '../../pipeline/docs-from-input.js';
import { claimUnits, quoteClosedEnd } from './units.js';

function unitsOf(text: string) {
  const doc = processDoc(docFromText(text, 't.txt', null), { now: new Date(0) });
  const entities: ExportEntity[] = mergeEntities([doc]).map((e) => ({ id: e.id, name: e.name, type: e.type, aliases: e.aliases, mentions: e.mentions.map((m) => ({ articleId: m.docId, start: m.start, end: m.end, text: m.text })) }));
  return claimUnits(doc, entities).map((u) => ({ text: doc.text.slice(u.span.start, u.span.end), who: u.attribution?.who ?? null, words: u.attribution && doc.text.slice(u.attribution.span.start, u.attribution.span.end) }));
}

test('claims read attribution with the quotes stage model: a pronoun is its person, a role stays a description', () => {
  const units = unitsOf('Mayor Anna Brask visited the harbour on Monday. She said the bridge would reopen in two weeks. The damage was caused by a barge, officials said on Tuesday.');
  assert.equal(units.find((u) => /bridge/.test(u.text))?.who, 'Anna Brask');
  const barge = units.find((u) => /barge/.test(u.text));
  assert.equal(barge?.who, 'officials');
  assert.equal(barge?.words, 'officials said on Tuesday');
});

test('second-hand reports are the original speaker\'s; an act aimed at someone is no attribution', () => {
  const units = unitsOf('Local radio reported that Mayor Anna Brask said the bridge would reopen in two weeks. Mayor Anna Brask urged drivers to avoid the harbour road.');
  assert.equal(units.find((u) => /reopen/.test(u.text))?.who, 'Anna Brask');
  assert.equal(units.find((u) => /drivers/.test(u.text))?.who, null);
});

test('a quote of several sentences is one statement with its speaker, never a claim opening mid-quote', () => {
  const units = unitsOf('The mayor spoke to reporters at the harbour on Monday. “The bridge is closed. It will reopen in two weeks,” Mayor Anna Brask said. Workers began repairs on Tuesday.');
  const quote = units.find((u) => /reopen/.test(u.text));
  assert.equal(quote?.text, '“The bridge is closed. It will reopen in two weeks,” Mayor Anna Brask said.');
  assert.equal(quote?.who, 'Anna Brask');
  assert.ok(!units.some((u) => u.text.startsWith('It will reopen')));
});

test('a sentence splits only into clauses that stand alone, each with its subject', () => {
  const texts = unitsOf(
    'The coach joined the club in June, after serving seven seasons as an assistant. ' +
      'Two players were charged, and two others who were arrested for drunk driving. ' +
      'The minister said windows were smashed, and that one officer had been hurt. ' +
      'Police said the crowd grew, after which, witnesses said, someone threw a brick. ' +
      'Hostility has grown in the district, after police arrested a teenager on Saturday night. ' +
      'The plan would cut bonus pay; require three more years of contributions; and raise the retirement age.',
  ).map((u) => u.text);
  assert.ok(texts.includes('The coach joined the club in June, after serving seven seasons as an assistant.'), texts.join(' | '));
  assert.ok(texts.includes('Two players were charged, and two others who were arrested for drunk driving.'), texts.join(' | '));
  assert.ok(texts.includes('The minister said windows were smashed, and that one officer had been hurt.'), texts.join(' | '));
  assert.ok(texts.includes('Police said the crowd grew, after which, witnesses said, someone threw a brick.'), texts.join(' | '));
  // A subordinate clause of time or cause states its own fact, without its subordinator.
  assert.ok(texts.includes('police arrested a teenager on Saturday night.'), texts.join(' | '));
  assert.ok(texts.includes('The plan would cut bonus pay; require three more years of contributions; and raise the retirement age.'), texts.join(' | '));
});

test('a date line and the end of a quote with no speaker found are no claims', () => {
  const texts = unitsOf('Posted on November 15, 2011 6:07 PM\n\nThe ship seized 14 rifles on Friday.\n\nAnd the crew is proud of what was done here.”').map((u) => u.text);
  assert.deepEqual(texts, ['The ship seized 14 rifles on Friday.']);
});

test('a cut of a clause that ends inside a quotation ends past the closing mark, or at the clause end when the quotation does not close in it', () => {
  const text = 'The mayor called the plan “a waste of public money,” after the vote. She said "no".';
  const clause = { start: 0, end: text.indexOf(' She') };
  const cutAt = (word: string) => quoteClosedEnd(text, clause, text.indexOf(word) + word.length);
  assert.equal(text.slice(0, cutAt('public')), 'The mayor called the plan “a waste of public money,”');
  assert.equal(text.slice(0, cutAt('plan')), 'The mayor called the plan', 'a cut before the quotation stays');
  const open = 'He called it "a disgrace and went on.';
  assert.equal(quoteClosedEnd(open, { start: 0, end: open.length }, open.indexOf('disgrace') + 8), open.length);
});
