import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { sentencesAndTokens } from '../src/analyze/sentences.js';
import { chronoCandidates, chronoStretches } from '../src/analyze/time/parsers.js';
import { ALL_REFINERS } from '../src/analyze/time/detect.js';
import { SEEDS } from './paths.js';
import { SHARED_DATA } from './web-fixtures.js';

const texts = [
  ...readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(SEEDS, f), 'utf8')),
  ...readFileSync(join(SHARED_DATA, 'meantime', 'documents.jsonl'), 'utf8').trim().split('\n').slice(0, 40).map((l) => (JSON.parse(l) as { text: string }).text),
];
const instant = new Date(Date.UTC(2026, 0, 10, 12));
const found = (text: string, sentences?: ReturnType<typeof sentencesAndTokens>['sentences']) => chronoCandidates(text, instant, ALL_REFINERS, sentences).map((c) => `${c.start}-${c.end}`);

test('chrono given only the sentences with a date cue finds what it finds in the whole text', () => {
  let skipped = 0;
  let total = 0;
  for (const text of texts) {
    const { sentences } = sentencesAndTokens(text);
    assert.deepEqual(found(text, sentences), found(text));
    const read = chronoStretches(text, sentences).reduce((n, s) => n + s.end - s.start, 0);
    skipped += text.length - read;
    total += text.length;
  }
  // Real news: a large share of the text has no cue at all, which is where the time is saved.
  assert.ok(skipped / total > 0.2, `${((100 * skipped) / total).toFixed(0)}% of the text skipped`);
});
