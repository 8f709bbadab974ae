import test from 'node:test';
import assert from 'node:assert/strict';
import { containment, decideCopies, type CopySketch } from './copies.js';
import { bandKeys, minhashSignature, shingleHashes } from './minhash.js';

const WIRE = [
  'LENDRA, May 4 (Coast Wire) — Dock workers at the port of Lendra stopped all twelve container cranes on Tuesday in a dispute over night-shift pay, the dockers union said.',
  'The stoppage left nine ships waiting at anchor outside the harbour, according to the port authority, which called the action unlawful and asked a court to end it.',
  '“We have asked for talks for six months and heard nothing back,” union secretary Ilse Marrow told reporters at the gate.',
  'Port director Tomas Keel said the authority would meet the union on Thursday and expected the cranes to be working again by the weekend.',
  'The port handles about a third of the country’s container trade, and shippers warned that a long strike would delay deliveries of fuel and medicine.',
].join('\n\n');
// Syndicated: a few words changed and the last paragraph cut.
const TRIMMED = WIRE.replace('stopped all twelve', 'halted all twelve').replace('heard nothing back', 'heard nothing').split('\n\n').slice(0, 4).join('\n\n');
// Republished with two paragraphs of the outlet's own added: the original is contained in it.
const EXTENDED = `${WIRE}\n\nIn Brell, the regional chamber of commerce said its members had already moved some orders to the river port upstream.\n\nLocal hauliers said lorries had queued on the ring road since early morning and drivers were being sent home without pay.`;
const INDEPENDENT = [
  'Cranes at Lendra stood still on Tuesday as dockers walked out over pay for night shifts.',
  'Union secretary Ilse Marrow said months of requests for talks had gone unanswered.',
  'The port authority went to court, calling the strike unlawful, while nine vessels waited offshore and shippers feared for fuel deliveries.',
].join('\n\n');

const at = (iso: string) => Date.parse(iso);
const sketch = (articleId: string, text: string, publishedAt: number | null, duplicateOf: string | null = null): CopySketch => ({
  articleId,
  shingles: shingleHashes(text),
  publishedAt,
  length: text.length,
  duplicateOf,
});

test('a copy with edits and a trimmed ending points at the earlier original', () => {
  const original = sketch('wire', WIRE, at('2026-05-04T10:00:00Z'));
  const decision = decideCopies(sketch('reprint', TRIMMED, at('2026-05-04T13:00:00Z')), [original]);
  assert.equal(decision.copyOf?.of, 'wire');
  assert.ok(decision.copyOf!.similarity >= 0.8);
  assert.deepEqual(decision.repoint, []);
});

test('a copy that adds paragraphs is found by containment although its Jaccard similarity is lower', () => {
  const a = shingleHashes(WIRE);
  const b = shingleHashes(EXTENDED);
  assert.equal(containment(a, b), 1);
  const decision = decideCopies(sketch('extended', EXTENDED, at('2026-05-05T08:00:00Z')), [sketch('wire', WIRE, at('2026-05-04T10:00:00Z'))]);
  assert.equal(decision.copyOf?.of, 'wire');
});

test('an independent report of the same event is not a copy', () => {
  const decision = decideCopies(sketch('own', INDEPENDENT, at('2026-05-04T18:00:00Z')), [sketch('wire', WIRE, at('2026-05-04T10:00:00Z'))]);
  assert.equal(decision.copyOf, null);
  assert.deepEqual(decision.repoint, []);
});

test('an original stored after its copy takes the link over, and the copy of a copy points at the original', () => {
  const earlier = decideCopies(sketch('wire', WIRE, at('2026-05-04T10:00:00Z')), [sketch('reprint', TRIMMED, at('2026-05-04T13:00:00Z'))]);
  assert.equal(earlier.copyOf, null);
  assert.deepEqual(earlier.repoint.map((r) => [r.articleId, r.link.of]), [['reprint', 'wire']]);
  const third = decideCopies(sketch('third', TRIMMED.replace('Thursday', 'Friday'), at('2026-05-05T09:00:00Z')), [sketch('reprint', TRIMMED, at('2026-05-04T13:00:00Z'), 'wire')]);
  assert.equal(third.copyOf?.of, 'wire');
});

test('without dates the shorter text is the copy', () => {
  assert.equal(decideCopies(sketch('short', TRIMMED, null), [sketch('long', WIRE, null)]).copyOf?.of, 'long');
  assert.equal(decideCopies(sketch('long', WIRE, null), [sketch('short', TRIMMED, null)]).copyOf, null);
});

test('LSH: a copy with edits shares a band with its original; an independent report shares none', () => {
  const bands = (text: string) => {
    const shingles = shingleHashes(text);
    return new Set(bandKeys(minhashSignature(shingles), shingles.length));
  };
  const wire = bands(WIRE);
  assert.ok([...bands(TRIMMED)].some((b) => wire.has(b)));
  assert.ok([...bands(EXTENDED)].some((b) => wire.has(b)));
  assert.ok(![...bands(INDEPENDENT)].some((b) => wire.has(b)));
});
