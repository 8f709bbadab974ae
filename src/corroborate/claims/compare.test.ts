import assert from 'node:assert/strict';
import { test } from 'node:test';
import { docFromText } from '../../ingest/plain-text.js';
import { processDoc } from '../../pipeline/docs-from-input.js';
import { compareStatements, spanTerms, statementComparer, statementTerms } from './compare.js';

// Statements from ECB+ articles about one event (the 76ers' coaching change, 2005).
const story = [
  "the Sixers fired Jim O'Brien on Monday after one season as coach",
  "Jim O'Brien has been relieved of his duties as head coach of the Philadelphia 76ers",
  'Maurice Cheeks has been hired as the 21st head coach of the Philadelphia 76ers',
  "Cheeks will be introduced as Philadelphia's 21st head coach at a Tuesday news conference",
  'He retired in 1993 as the league\'s all - time leader in steals',
];

test('compareStatements: two outlets\' words for one fact are the same, a different fact about the same people is not', () => {
  const compare = statementComparer(story);
  const hired = compare(story[2]!, story[3]!);
  assert.ok(hired.same, `21st head coach: ${hired.score}`);
  const different = compare(story[0]!, story[2]!);
  assert.ok(!different.same, `firing vs hiring: ${different.score}`);
  assert.ok(hired.score > different.score);
});

test('compareStatements: inflections meet (fired / firing), and the result is symmetric and bounded', () => {
  const a = compareStatements("The Sixers fired Jim O'Brien.", "Firing Jim O'Brien, the Sixers moved on.");
  const b = compareStatements("Firing Jim O'Brien, the Sixers moved on.", "The Sixers fired Jim O'Brien.");
  assert.equal(a.score, b.score);
  assert.ok(a.same && a.score <= 1 && a.score > 0.5, String(a.score));
  assert.deepEqual(compareStatements('', 'The Sixers fired him.'), { same: false, score: 0 });
});

test('compareStatements: near-synonyms for one happening meet ("died" / "was killed"), other verbs do not', () => {
  const context = ['A woman died Wednesday night outside a store in Bloomington', 'A woman was killed Wednesday night outside a store in Bloomington', 'A woman was shopping Wednesday night at a store in Bloomington', 'The driver was arrested two blocks away', 'The husband tried to stop the driver'];
  const compare = statementComparer(context);
  const killed = compare(context[0]!, context[1]!);
  const shopping = compare(context[0]!, context[2]!);
  assert.ok(killed.score > shopping.score, `died/killed ${killed.score} vs died/shopping ${shopping.score}`);
  assert.ok(killed.score > 0.99, String(killed.score));
});

test('spanTerms: a sentence of an analysed article has the terms its text has alone', () => {
  const doc = processDoc(docFromText(`${story.join('. ')}.`, 'a.txt', null), { now: new Date(0) });
  assert.ok(doc.layers.sentences.length >= 4);
  for (const s of doc.layers.sentences) {
    const own = doc.text.slice(s.start, s.end);
    assert.deepEqual([...spanTerms(doc, s)], [...statementTerms(own)], own);
  }
});
