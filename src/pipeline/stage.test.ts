import test from 'node:test';
import assert from 'node:assert/strict';
import { buildPipeline, type Stage } from './stage.js';
import { docFromText } from '../ingest/plain-text.js';
import { sentencesStage } from '../analyze/sentences.js';

const reader: Stage = { name: 'test/reads-tokens', reads: ['tokens'], writes: [], run: (doc) => doc };

test('a stage that reads a layer no earlier stage writes is refused when the pipeline is built', () => {
  assert.throws(() => buildPipeline([reader, sentencesStage]), /test\/reads-tokens reads tokens before any stage writes it/);
  assert.doesNotThrow(() => buildPipeline([sentencesStage, reader]));
});

test('the sentence stage splits at line breaks and keeps headings as their own sentence', () => {
  const doc = docFromText('Port reopens\n\nThe port reopened on Monday. Ships queued outside.\nQueue Grows Longer\nBy noon, 40 ships waited.\n', 'x.txt', null);
  const out = buildPipeline([sentencesStage])(doc, { now: new Date(0) });
  const sentences = out.layers.sentences.map((s) => out.text.slice(s.start, s.end));
  assert.deepEqual(sentences, ['The port reopened on Monday.', 'Ships queued outside.', 'Queue Grows Longer', 'By noon, 40 ships waited.']);
  assert.ok(out.layers.tokens.every((t) => t.end > t.start && out.text.slice(t.start, t.end).trim() !== ''));
  assert.equal(out.layers.paragraphs.filter((p) => p.kind === 'heading').length, 1);
});
