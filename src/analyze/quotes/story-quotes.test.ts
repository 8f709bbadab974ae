import test from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { docFromText } from '../../ingest/plain-text.js';
import { processDoc } from '../../pipeline/docs-from-input.js';
import { contentWords, fullestWording, sameUtterance, storyQuotes } from './story-quotes.js';

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
const SEEDS = join(REPO, '..', 'shared', 'seeds');
const EXAMPLES = join(REPO, 'examples', 'articles');
const load = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => processDoc(docFromText(readFileSync(join(dir, f), 'utf8'), f, null), { now: new Date('2026-01-01T00:00:00Z') }));

const item = (text: string, speaker: string | null) => ({ words: contentWords(text), speaker });

test('two wordings of one statement by one speaker are one utterance', () => {
  assert.ok(sameUtterance(item('We want every family in the valley to sleep without fear', 'Ana Lindqvist'), item('We want every family, wherever they live in the valley, to sleep without fear', 'Lindqvist')));
  assert.ok(sameUtterance(item('The line stays closed until we know what failed', 'Piet Dorn'), item('The line stays closed', 'Piet Dorn')), 'a cut version');
});

test('different speakers or different words are different utterances', () => {
  assert.ok(!sameUtterance(item('The line stays closed until we know what failed', 'Piet Dorn'), item('The line stays closed until we know what failed', 'Ana Lindqvist')));
  assert.ok(!sameUtterance(item('The line stays closed until we know what failed', 'Piet Dorn'), item('Our budget for next year is larger than ever', 'Piet Dorn')));
});

test('the fullest wording leaves out cuts and prefers the wording printed most often', () => {
  const wire = 'Every rider came home safe, and that is thanks to crews who climbed in the wind';
  const local = 'Every rider came home safe. That is thanks to the crews who climbed out there in the wind';
  assert.equal(fullestWording([wire, wire, local, 'Every rider came home safe']), wire);
  assert.equal(fullestWording(['Every rider came home safe', local]), local);
});

test('seeds: the announcement printed by two outlets is one quote with two mentions, said by Trump', () => {
  const docs = load(SEEDS);
  const quotes = storyQuotes(docs);
  const post = quotes.filter((q) => q.mentions.filter((m) => m.quote.parts.length > 0 && m.doc.text.slice(m.quote.start, m.quote.end).split(/\s+/).length > 30).length >= 2);
  assert.equal(post.length, 1);
  assert.equal(post[0]!.speakerName, 'Donald Trump');
  assert.equal(new Set(post[0]!.mentions.map((m) => m.doc.id)).size >= 2, true);
});

test('seeds: every long quote (a sentence or more) has a speaker', () => {
  for (const doc of load(SEEDS)) {
    for (const q of doc.layers.quotes.filter((x) => x.kind === 'speech' && doc.text.slice(x.start, x.end).split(/\s+/).length >= 8)) {
      assert.ok(q.speakerName, `no speaker for "${doc.text.slice(q.start, q.end)}"`);
    }
  }
});

test('examples: each gold quote is found with its speaker, and variants are grouped as in the gold', () => {
  const gold = JSON.parse(readFileSync(join(REPO, 'examples', 'gold.json'), 'utf8')) as {
    quotes: Array<{ speaker: string; variants: Array<{ file: string; text?: string; paragraphs?: string[] }> }>;
    notQuotes: Array<{ file: string; text: string }>;
  };
  const docs = load(EXAMPLES);
  const byFile = new Map(docs.map((d) => [d.meta.input, d]));
  const quotes = storyQuotes(docs);
  for (const g of gold.quotes) {
    const found = g.variants
      .map((v) => {
        const doc = byFile.get(v.file)!;
        const at = doc.text.indexOf(v.paragraphs?.[0] ?? v.text!);
        return at < 0 ? null : quotes.find((q) => q.mentions.some((m) => m.doc === doc && m.quote.start === at));
      })
      .filter((q) => q !== null);
    assert.ok(found.length > 0, `nothing found for ${g.speaker}`);
    assert.ok(found.every((q) => q === found[0]), `variants of "${g.variants[0]!.text ?? ''}" split over several quotes`);
    assert.equal(found[0]!.speakerName, g.speaker);
  }
  for (const n of gold.notQuotes) {
    const doc = byFile.get(n.file)!;
    const at = doc.text.indexOf(n.text);
    if (at < 0) continue; // removed by cleaning (a footer line)
    assert.ok(!doc.layers.quotes.some((q) => q.kind === 'speech' && q.start === at), `"${n.text}" taken for speech`);
  }
});
