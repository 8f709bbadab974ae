import test from 'node:test';
import assert from 'node:assert/strict';
import { entityDoc } from '../../../test/entity-doc.js';
import { chunksFromEntities, fullestName, isPersonChunk, expansionOf } from './02-names.js';

const chunksOf = (text: string) => {
  const doc = entityDoc('t', text);
  return { text, chunks: chunksFromEntities(text, doc.layers.tokens, doc.layers.entities) };
};
const names = (text: string) => {
  const { chunks } = chunksOf(text);
  return chunks.map((c) => (c.name ? text.slice(c.name.start, c.name.end) : null));
};

test('the chunks are the entity layer\'s names, titles apart; an organisation keeps its whole name', () => {
  assert.ok(names('The talks were led by Deputy Mayor Ilse Varga on Monday.').includes('Ilse Varga'));
  assert.ok(names('A statement came from the Harbor Water Authority yesterday.').includes('Harbor Water Authority'));
  assert.ok(names('It was signed by Secretary of the Navy Paul Orrin last week.').includes('Paul Orrin'));
});

test('"and" between two names makes two chunks; inside an organisation name it does not', () => {
  assert.deepEqual(names('Then Varga and Orrin met again.').filter(Boolean), ['Varga', 'Orrin']);
  assert.ok(names('Crews from the Delmar Fire and Rescue Service arrived.').includes('Delmar Fire and Rescue Service'));
});

test('the fullest name is the longest form in the article ending with the same words', () => {
  const { text, chunks } = chunksOf('Mayor Ilse Varga opened the hall. Later Varga left.');
  const short = chunks.find((c) => c.name && text.slice(c.name.start, c.name.end) === 'Varga')!;
  assert.equal(fullestName(text, short.name!, chunks), 'Ilse Varga');
  const { text: t2, chunks: c2 } = chunksOf('Later Varga left the hall.');
  assert.equal(fullestName(t2, c2.find((c) => c.name)!.name!, c2), 'Varga');
});

test('a person chunk has a person name; an organisation or an acronym is not one', () => {
  const { text, chunks } = chunksOf('Ilse Varga spoke for the Harbor Water Authority and the UTA.');
  const byName = (n: string) => chunks.find((c) => c.name && text.slice(c.name.start, c.name.end) === n)!;
  assert.equal(isPersonChunk(text, byName('Ilse Varga'), chunks), true);
  assert.equal(isPersonChunk(text, byName('Harbor Water Authority'), chunks), false);
  assert.equal(isPersonChunk(text, byName('UTA'), chunks), false);
});

test('an acronym stands for the capitalised words with its initials that the article writes out', () => {
  const text = 'Doctors wrote to Customs and Border Protection in May. CBP did not reply, and the Department of Homeland Security said nothing.';
  assert.equal(expansionOf(text, 'CBP'), 'Customs and Border Protection');
  assert.equal(expansionOf(text, 'DHS'), 'Department of Homeland Security');
  assert.equal(expansionOf('GM said. General Motors and Global Media both grew.', 'GM'), null, 'two spellings match: no guess');
});

test('an acronym stands for the whole name the entity layer gives, past where its initials stop', () => {
  const { text, chunks } = chunksOf('Experts at the Centers for Disease Control and Prevention met. The CDC said little.');
  const cdc = chunks.find((c) => c.name && text.slice(c.name.start, c.name.end) === 'CDC')!;
  assert.equal(fullestName(text, cdc.name!, chunks), 'Centers for Disease Control and Prevention');
});
