import test from 'node:test';
import assert from 'node:assert/strict';
import type { ExportEntity } from '../../export/types.js';
import { docFromText } from '../../ingest/plain-text.js';
import { processDoc } from '../../pipeline/docs-from-input.js';
import { mergeEntities } from '../entities/merge.js';
import { sentenceAttribution } from './attribution.js';

const docOf = (text: string) => processDoc(docFromText(text, 't.txt', null), { now: new Date(0) });
/** The speaker name and attributing words of the sentence holding `marker`. */
function attributionAt(text: string, marker: string) {
  const doc = docOf(text);
  const at = doc.text.indexOf(marker);
  const sentence = doc.layers.sentences.find((s) => s.start <= at && at < s.end)!;
  const a = sentenceAttribution(doc, sentence);
  return a && { name: a.speakerName, words: doc.text.slice(a.span.start, a.span.end), rule: a.rule };
}

test('a sentence is attributed to the subject of its verb of saying, before or after it', () => {
  assert.equal(attributionAt('Mayor Anna Brask said the bridge would reopen on Friday.', 'bridge')?.name, 'Anna Brask');
  assert.equal(attributionAt('The bridge will reopen on Friday, said Mayor Anna Brask.', 'bridge')?.name, 'Anna Brask');
  assert.equal(attributionAt('The bridge will reopen on Friday, according to Mayor Anna Brask.', 'bridge')?.rule, 'quotes/according-to');
});

test('second-hand attribution keeps the original speaker', () => {
  assert.equal(attributionAt('Local radio reported that Mayor Anna Brask said the bridge would reopen.', 'bridge')?.name, 'Anna Brask');
  assert.equal(attributionAt('Anna Brask said the bridge would reopen, according to local radio.', 'bridge')?.name, 'Anna Brask');
});

test('a pronoun is resolved to its person, and a sentence with no verb of saying has no attribution', () => {
  const text = 'Anna Brask runs the harbour board. She said the bridge would reopen. The bridge is old.';
  assert.deepEqual(attributionAt(text, 'reopen'), { name: 'Anna Brask', words: 'She said', rule: 'quotes/x-said' });
  assert.equal(attributionAt(text, 'is old'), null);
});

test('with the story entities, the speaker gets its entity id', () => {
  const doc = docOf('Mayor Anna Brask opened the hall. Brask said the bridge would reopen.');
  const entities: ExportEntity[] = mergeEntities([doc]).map((e) => ({ id: e.id, name: e.name, type: e.type, aliases: e.aliases, mentions: e.mentions.map((m) => ({ articleId: m.docId, start: m.start, end: m.end, text: m.text })) }));
  const sentence = doc.layers.sentences[1]!;
  const a = sentenceAttribution(doc, sentence, entities);
  assert.equal(a?.entityId, entities.find((e) => e.name === 'Anna Brask')?.id);
});

test('"the company said" is the organisation named just before it, and stays a description when two were named', () => {
  const one = 'Kestrel Motor Company recalled 3,000 vans in March. The company said the brakes could fail.';
  assert.equal(attributionAt(one, 'brakes')?.name, 'Kestrel Motor Company');
  const two = 'Regulators fined Kestrel Motor Company in March and Harlton Trucks Inc. in May. The company said the brakes could fail.';
  assert.equal(attributionAt(two, 'brakes')?.name, null);
});

test('only verbs that report words attribute a sentence; words after a closing attribution belong to it', () => {
  assert.equal(attributionAt('The storm reached the coast. Mayor Anna Brask urged residents to stay indoors.', 'residents'), null);
  assert.equal(attributionAt('The storm reached the coast. Mayor Anna Brask praised the crews.', 'crews'), null);
  assert.equal(attributionAt('The bridge will reopen on Friday, officials said on Thursday in a statement.', 'bridge')?.words, 'officials said on Thursday in a statement');
  // Leading attribution: the statement after it is not part of the attributing words.
  assert.equal(attributionAt('Speaking in Bogota, Petro said the toll rose.', 'toll')?.words, 'Petro said');
});
