import test from 'node:test';
import assert from 'node:assert/strict';
import { sentencesAndTokens } from '../analyze/sentences.js';
import { articleFeatures } from './features.js';
import { emptyLayers, type ArticleMeta } from '../doc/types.js';

const META: ArticleMeta = { input: 'test', source: { name: null, domain: null }, url: null, byline: null, publishedAt: '2026-05-04T10:00:00Z', publishedAtBasis: 'metadata', language: 'en' };

const features = (text: string, headings: Array<[number, number]> = []) => {
  const { sentences, tokens } = sentencesAndTokens(text);
  const paragraphs = headings.map(([start, end]) => ({ start, end, kind: 'heading' as const }));
  return articleFeatures({ text, layers: { ...emptyLayers(), paragraphs, sentences, tokens }, meta: META });
};

test('proper-noun runs become entities; single names and common nouns stay terms', () => {
  const f = features('Union secretary Ilse Marrow met port director Tomas Keel in Lendra on Thursday.');
  assert.ok(f.entities.has('ilse marrow'));
  assert.ok(f.entities.has('tomas keel'));
  assert.ok(f.terms.has('lendra'));
  assert.ok(f.terms.has('director'));
  assert.ok(![...f.entities.keys()].some((e) => e.includes('director')));
  assert.equal(f.publishedAt, Date.parse('2026-05-04T10:00:00Z'));
});

test('a year counts as a term; other numbers and reporting verbs do not', () => {
  const f = features('The festival of 2019 drew 4000 visitors, the organisers said.');
  assert.ok(f.terms.has('2019'));
  assert.ok(!f.terms.has('4000'));
  assert.ok(!f.terms.has('say'));
  assert.ok(f.terms.has('festival'));
});

test('sub-headings are left out: they repeat the body; a heading that opens the text is the headline and counts', () => {
  const text = 'Cranes idle in Lendra\nCranes were idle at the harbour.\nHarbour Works\nThe dock stayed shut.';
  const sub = text.indexOf('Harbour Works');
  assert.ok(!features(text, [[0, 21], [sub, sub + 13]]).terms.has('work'));
  assert.ok(features(text, [[0, 21], [sub, sub + 13]]).terms.has('lendra'));
  assert.ok(features(text).terms.has('work'));
});

test('a stated publication date times the article; an inferred lower bound does not', () => {
  const text = 'Dock workers in Lendra went back to work on Monday.';
  const { sentences, tokens } = sentencesAndTokens(text);
  const layers = { ...emptyLayers(), sentences, tokens };
  assert.equal(articleFeatures({ text, layers, meta: META }).publishedAt, Date.parse('2026-05-04T10:00:00Z'));
  assert.equal(articleFeatures({ text, layers, meta: { ...META, publishedAtBasis: 'inferred' } }).publishedAt, null);
});
