import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ExportEntity } from '../../export/types.js';
import { mergeEntities } from '../../analyze/entities/merge.js';
import { docFromText } from '../../ingest/plain-text.js';
import { processDoc } from '../../pipeline/analyze.js';
import { claimUnits } from './units.js';

function unitsOf(text: string) {
  const doc = processDoc(docFromText(text, 't.txt', null), { now: new Date(0) });
  const entities: ExportEntity[] = mergeEntities([doc]).map((e) => ({ id: e.id, name: e.name, type: e.type, aliases: e.aliases, mentions: e.mentions.map((m) => ({ articleId: m.docId, start: m.start, end: m.end, text: m.text })) }));
  return claimUnits(doc, entities).map((u) => ({ text: doc.text.slice(u.span.start, u.span.end), who: u.attribution?.who ?? null, words: u.attribution && doc.text.slice(u.attribution.span.start, u.attribution.span.end) }));
}

test('claims read attribution with the quotes stage model: a pronoun is its person, a role stays a description', () => {
  const units = unitsOf('Mayor Anna Brask visited the harbour on Monday. She said the bridge would reopen in two weeks. The damage was caused by a barge, officials said on Tuesday.');
  assert.equal(units.find((u) => /bridge/.test(u.text))?.who, 'Anna Brask');
  const barge = units.find((u) => /barge/.test(u.text));
  assert.equal(barge?.who, 'officials');
  assert.equal(barge?.words, 'officials said on Tuesday');
});

test('second-hand reports are the original speaker\'s; an act aimed at someone is no attribution', () => {
  const units = unitsOf('Local radio reported that Mayor Anna Brask said the bridge would reopen in two weeks. Mayor Anna Brask urged drivers to avoid the harbour road.');
  assert.equal(units.find((u) => /reopen/.test(u.text))?.who, 'Anna Brask');
  assert.equal(units.find((u) => /drivers/.test(u.text))?.who, null);
});

test('a quote of several sentences is one statement with its speaker, never a claim opening mid-quote', () => {
  const units = unitsOf('The mayor spoke to reporters at the harbour on Monday. “The bridge is closed. It will reopen in two weeks,” Mayor Anna Brask said. Workers began repairs on Tuesday.');
  const quote = units.find((u) => /reopen/.test(u.text));
  assert.equal(quote?.text, '“The bridge is closed. It will reopen in two weeks,” Mayor Anna Brask said.');
  assert.equal(quote?.who, 'Anna Brask');
  assert.ok(!units.some((u) => u.text.startsWith('It will reopen')));
});
