import test from 'node:test';
import assert from 'node:assert/strict';
import { sentencesAndTokens } from './sentences.js';

const sentences = (text: string) => sentencesAndTokens(text).sentences.map((s) => text.slice(s.start, s.end));

test('a stop spaced between two digits in tokenised text is a decimal point, not a sentence end (ECB+ 4_ecbplus)', () => {
  const text = "Ellen DeGeneres ' performance generated high ratings for the broadcast – 40 . 3 million people watched , 2% higher than last year . The Departed took home the top prize .";
  assert.deepEqual(sentences(text), [
    "Ellen DeGeneres ' performance generated high ratings for the broadcast – 40 . 3 million people watched , 2% higher than last year .",
    'The Departed took home the top prize .',
  ]);
  // A sentence ending on a number followed by one opening on a word still splits.
  assert.equal(sentences('The toll rose to 40 . Rescuers kept digging .').length, 2);
});
