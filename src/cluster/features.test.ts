import test from 'node:test';
import assert from 'node:assert/strict';
import { sentencesAndTokens } from '../analyze/sentences.js';
import { articleFeatures } from './features.js';
import { stemWord } from '../text/stem.js';
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
  assert.ok(f.terms.has(stemWord('festival')));
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

test('place abbreviations are one term and one name with the words they stand for; the plain words stay words', () => {
  const short = features('A climber fell on Mt Kessel near Orvale, Calif., on Sunday.');
  const long = features('A climber fell on Mount Kessel near Orvale, California, on Sunday.');
  for (const f of [short, long]) {
    assert.ok(f.terms.has('mount'));
    assert.ok(f.terms.has('california'));
    assert.ok(f.entities.has('mount kessel'));
  }
  const words = features('The clerk felt ill and went to mass in the hall.');
  assert.ok(!words.terms.has('illinois') && !words.terms.has('massachusetts'));
  assert.ok(features('Doctors in Brenton, Ill. treated the crew.').terms.has('illinois'));
});

test('words outlets use for one happening are one term: a quake is an earthquake, a death is a dying, an announcement is announced', () => {
  assert.ok(features('The announcement came at noon in Orvale.').terms.has(stemWord('announce')));
  assert.ok(features('A strong quake shook the valley town of Orvale.').terms.has(stemWord('earthquake')));
  assert.ok(features('The earthquake shook Orvale.').terms.has(stemWord('earthquake')));
  assert.ok(features('The death of the climber shocked Orvale.').terms.has('die'));
  assert.ok(features('The climber died on the ridge above Orvale.').terms.has('die'));
});
