import assert from 'node:assert/strict';
import { test } from 'node:test';
import { indefiniteArticle } from './english.js';

test('the indefinite article follows the sound a word opens with, not its first letter', () => {
  const said = (words: string[]) => words.map((w) => `${indefiniteArticle(w)} ${w}`);
  assert.deepEqual(said(['US president', 'U.S. senator', 'FBI agent', 'NFL player', 'MP', 'UN envoy', 'NASA engineer', 'NATO ally', 'NAACP leader']), ['a US president', 'a U.S. senator', 'an FBI agent', 'an NFL player', 'an MP', 'a UN envoy', 'a NASA engineer', 'a NATO ally', 'an NAACP leader']);
  assert.deepEqual(said(['university lecturer', 'European diplomat', 'one-time ally', 'unindicted co-conspirator', 'honorary consul', 'hospital nurse', 'actor', 'defensive tackle']), ['a university lecturer', 'a European diplomat', 'a one-time ally', 'an unindicted co-conspirator', 'an honorary consul', 'a hospital nurse', 'an actor', 'a defensive tackle']);
});
