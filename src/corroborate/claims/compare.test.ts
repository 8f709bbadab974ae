import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ALIGN_THRESHOLD } from './align.js';
import { compareStatements, statementComparer } from './compare.js';

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

test('compareStatements: one clause told inside two longer sentences is the same statement, though the sentences differ in most words', () => {
  // ECB+ story 35 (a Chargers player arrested for drunk driving): sentences of three articles.
  const context = [
    'Chargers defensive tackle Jamal Williams was arrested early Sunday for suspicions of driving under the influence .',
    "The City Attorney's Office is considering whether to file misdemeanor drunk - driving charges against Chargers defensive lineman Jamal Williams .",
    'Williams , 32 , was pulled over for speeding in his Bentley on State Route 94 around 1 : 30 a . m .',
    'Williams was pulled over for speeding early Sunday on a freeway outside downtown , the California Highway Patrol said .',
  ];
  const compare = statementComparer(context);
  const player = compare(context[0]!, context[1]!);
  assert.ok(player.same && player.score < ALIGN_THRESHOLD, `"Chargers defensive tackle Jamal Williams … driving": ${JSON.stringify(player)}`);
  // The same man, but what is said of him shares one word ("Williams"): no stretch.
  assert.ok(!compare(context[1]!, context[2]!).same);
  assert.ok(!compare(context[0]!, context[2]!).same);
});
