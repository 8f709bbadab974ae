import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isDateLine } from './words.js';

test('isDateLine: a line of dates and date words only; any other word, or no word, is no date line', () => {
  assert.ok(isDateLine('PUBLISHED : 02 : 31 GMT , 12 March 2013'));
  assert.ok(isDateLine('Posted on November 15, 2011 6:07 PM'));
  assert.ok(!isDateLine('Posted on November 15, 2011 by the council'));
  assert.ok(!isDateLine('The council met on Monday.'));
  assert.ok(!isDateLine(' , . '));
  // Called again after a line it left early: each call reads its own text from the start.
  assert.ok(!isDateLine('Mayor said'));
  assert.ok(isDateLine('Updated Saturday, December 05, 2009 8:28 PM'));
});
