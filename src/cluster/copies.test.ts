import test from 'node:test';
import assert from 'node:assert/strict';
import { docFromText } from '../ingest/plain-text.js';
import { processDoc } from '../pipeline/analyze.js';
import { findCopies } from './copies.js';
import { independentSourceCount } from '../corroborate/independence.js';
import { cosine, groupArticle, termVector } from './first-grouping.js';

const WIRE = [
  'LENDRA, May 4 (Coast Wire) — Dock workers at the port of Lendra stopped all twelve container cranes on Tuesday in a dispute over night-shift pay, the dockers union said.',
  'The stoppage left nine ships waiting at anchor outside the harbour, according to the port authority, which called the action unlawful and asked a court to end it.',
  '“We have asked for talks for six months and heard nothing back,” union secretary Ilse Marrow told reporters at the gate.',
  'Port director Tomas Keel said the authority would meet the union on Thursday and expected the cranes to be working again by the weekend.',
  'The port handles about a third of the country’s container trade, and shippers warned that a long strike would delay deliveries of fuel and medicine.',
].join('\n\n');

const doc = (text: string, input: string, source: string, publishedAt: string) =>
  processDoc(docFromText(`Headline for ${input}\n\n${text}`, input, { source, publishedAt }), { now: new Date(0) });

const original = doc(WIRE, 'wire.txt', 'Coast Wire', '2026-05-04T10:00:00Z');
// Syndicated: a few words changed, the last paragraph trimmed, published later by another outlet.
const syndicated = doc(
  WIRE.replace('stopped all twelve', 'halted all twelve').replace('heard nothing back', 'heard nothing').split('\n\n').slice(0, 4).join('\n\n'),
  'reprint.txt',
  'Valley Herald',
  '2026-05-04T13:00:00Z',
);
const independent = doc(
  'Cranes at Lendra stood still on Tuesday as dockers walked out over pay for night shifts. Union secretary Ilse Marrow said months of requests for talks had gone unanswered. The port authority went to court, calling the strike unlawful, while nine vessels waited offshore.',
  'own.txt',
  'Lendra Evening Post',
  '2026-05-04T18:00:00Z',
);
const sameOutletFollowUp = doc(
  'Talks between the dockers union and the port of Lendra will start on Thursday, port director Tomas Keel said, as the crane strike entered its second day and more ships queued outside the harbour.',
  'own-2.txt',
  'Lendra Evening Post',
  '2026-05-05T09:00:00Z',
);
const unrelated = doc(
  'The city library will extend its opening hours in the summer, the council said on Monday, after a survey found that students wanted to study in the evenings. New reading rooms open in June.',
  'library.txt',
  'Lendra Evening Post',
  '2026-05-04T08:00:00Z',
);

test('a syndicated copy with edits and a trimmed ending points at the original; independent reports do not', () => {
  const links = findCopies([syndicated, independent, original, sameOutletFollowUp]);
  assert.equal(links.get(syndicated.id)?.of, original.id);
  assert.ok(links.get(syndicated.id)!.similarity >= 0.6);
  assert.equal(links.has(original.id), false);
  assert.equal(links.has(independent.id), false);
  assert.equal(links.has(sameOutletFollowUp.id), false);
});

test('independent sources: copies do not count and one outlet counts once', () => {
  const docs = [original, syndicated, independent, sameOutletFollowUp];
  assert.equal(independentSourceCount(docs, findCopies(docs)), 2);
});

test('first grouping: reports of one event join a story, an unrelated article starts its own', () => {
  const centroid = termVector(original);
  assert.ok(cosine(termVector(independent), centroid) > cosine(termVector(unrelated), centroid));
  assert.equal(groupArticle(termVector(independent), [{ id: 's-1', centroid }]).storyId, 's-1');
  assert.equal(groupArticle(termVector(unrelated), [{ id: 's-1', centroid }]).storyId, null);
});
