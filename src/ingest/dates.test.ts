import test from 'node:test';
import assert from 'node:assert/strict';
import { normaliseDate } from './dates.js';

test('ISO dates are kept as written, at their precision and with their offset', () => {
  assert.equal(normaliseDate('2024-03-02T08:15:00+01:00'), '2024-03-02T08:15:00+01:00');
  assert.equal(normaliseDate('2024-03'), '2024-03');
  assert.equal(normaliseDate('2019-11-19T08:38:00.000+0000'), '2019-11-19T08:38:00.000+0000');
  assert.equal(normaliseDate('2019-11-19 02:24'), '2019-11-19 02:24');
});

test('RFC 822 dates (RSS) become the same instant in UTC', () => {
  assert.equal(normaliseDate('Tue, 19 Nov 2019 08:38:00 GMT'), '2019-11-19T08:38:00Z');
  assert.equal(normaliseDate('Tue, 19 Nov 2019 09:38:00 +0100'), '2019-11-19T08:38:00Z');
});

test('ambiguous, unreadable and placeholder dates are unknown, not guessed', () => {
  assert.equal(normaliseDate('03/04/2019'), null);
  assert.equal(normaliseDate('last Tuesday'), null);
  assert.equal(normaliseDate('0001-01-01T00:00:00Z'), null);
  assert.equal(normaliseDate(''), null);
});
