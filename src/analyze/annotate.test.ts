import test from 'node:test';
import assert from 'node:assert/strict';
import { annotate } from './annotate.js';

test('annotate emits speech quotes with the quoted words and the speaker as spans of the given text', () => {
  const text = 'Mayor Ilse Varga opened the bridge. “It took four years,” she said. Locals call it the “Long Step”.';
  const out = annotate({ id: 'a', text });
  assert.equal(out.quotes.length, 1, 'the nickname is not a quote');
  const [q] = out.quotes;
  assert.equal(q!.text, 'It took four years');
  assert.equal(text.slice(q!.start, q!.end), q!.text);
  assert.equal(q!.speakerName, 'Ilse Varga');
  assert.equal(text.slice(q!.speaker!.start, q!.speaker!.end), q!.speaker!.text);
});

test('annotate gives a null speaker when no rule finds one', () => {
  const out = annotate({ id: 'b', text: '“It took four years and a great deal of patience.”' });
  assert.equal(out.quotes[0]!.speaker, null);
  assert.equal(out.quotes[0]!.speakerName, null);
});
