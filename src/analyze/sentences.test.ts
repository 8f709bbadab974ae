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

test('a spaced-out initial of tokenised text does not end its sentence (ECB+ 9_5ecbplus)', () => {
  const text =
    "The presidential memorandum issued yesterday , which marks yet another reversal of former president George W . Bush's environmental legacy , will revive a decades - old practice under the Endangered Species Act . The move was praised .";
  assert.deepEqual(sentences(text), [
    "The presidential memorandum issued yesterday , which marks yet another reversal of former president George W . Bush's environmental legacy , will revive a decades - old practice under the Endangered Species Act .",
    'The move was praised .',
  ]);
  // The letters of a spaced-out abbreviation stay together; a lone capital before a sentence that starts with no name still ends one.
  assert.deepEqual(sentences('The U . N . Security Council met . He chose Plan B . The rest followed .'), ['The U . N . Security Council met .', 'He chose Plan B .', 'The rest followed .']);
});

test('a spaced-out title before a name does not end its sentence (ECB+ 22_12ecbplus)', () => {
  const text = 'She then opened fire on the others , Philadelphia Homicide Capt . James Clark said . Mass shootings are rarely carried out by women , said Dr . Park Dietz , president of Threat Assessment Group Inc .';
  assert.deepEqual(sentences(text), [
    'She then opened fire on the others , Philadelphia Homicide Capt . James Clark said .',
    'Mass shootings are rarely carried out by women , said Dr . Park Dietz , president of Threat Assessment Group Inc .',
  ]);
  assert.deepEqual(sentences('He met the Gov . The end came .'), ['He met the Gov .', 'The end came .']);
  // An abbreviated modifier and head of a title, spaced or not: "Dist. Atty." (AP style).
  assert.deepEqual(sentences('The charge was filed , said Dist . Atty . Ana Ruiz .'), ['The charge was filed , said Dist . Atty . Ana Ruiz .']);
  assert.deepEqual(sentences('The charge was filed, said Dist. Atty. Ana Ruiz. She left.'), ['The charge was filed, said Dist. Atty. Ana Ruiz.', 'She left.']);
});

test('a bracket closed after an abbreviation\'s stop, then a lowercase word, goes on with the sentence', () => {
  assert.deepEqual(sentences('Sen. Tom Ray (R-Ore.) said it was a good start. It passed.'), ['Sen. Tom Ray (R-Ore.) said it was a good start.', 'It passed.']);
});

test('a spaced stop before an all-lowercase word of tokenised text ends an abbreviation, not a sentence', () => {
  assert.deepEqual(sentences('The blaze never reached the Harbour Fuels Co . storage sheds , the chief said . Crews stayed overnight .'), [
    'The blaze never reached the Harbour Fuels Co . storage sheds , the chief said .',
    'Crews stayed overnight .',
  ]);
  // A word with a capital inside may open a sentence: the stop before it still ends one.
  assert.equal(sentences('Sales of the tablet fell by a third . iPhone orders held up .').length, 2);
});

test("an 's spaced after a pronoun in tokenised text is a contracted verb, after a name a possessive", () => {
  const tags = (text: string) => sentencesAndTokens(text).tokens.map((t) => `${text.slice(t.start, t.end)}/${t.pos}`);
  assert.ok(tags("That 's more than five times the legal limit .").includes("'s/AUX"));
  assert.ok(tags("It 's official .").includes("'s/AUX"));
  assert.ok(tags("Johnson 's husband was with her .").includes("'s/PART"));
});
