import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanPlainText } from '../src/clean/clean.js';
import { EXAMPLES, EXAMPLES_GOLD, REPO, SEEDS } from './paths.js';

/** Whitespace-insensitive containment: clean text joins broken lines and separates paragraphs with blank lines. */
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

interface SeedGold {
  headline: string | null;
  junk: string[];
  mixedScript?: string[];
}
const seedsGold = JSON.parse(readFileSync(join(REPO, 'test/fixtures/clean/seeds-gold.json'), 'utf8')) as Record<string, SeedGold | string>;

for (const [file, gold] of Object.entries(seedsGold)) {
  if (typeof gold === 'string') continue;
  test(`seed ${file}: boilerplate removed, every article line kept, headline taken`, () => {
    const raw = readFileSync(join(SEEDS, file), 'utf8');
    const cleaned = cleanPlainText(raw);
    const text = squash(cleaned.text);
    assert.equal(cleaned.title, gold.headline);
    const removed = cleaned.removed.map((r) => r.text);
    for (const junk of gold.junk) {
      assert.ok(removed.includes(junk), `removed: ${junk}`);
      assert.ok(!cleaned.text.split('\n').includes(junk), `not in text: ${junk}`);
    }
    const articleLines = raw.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && l !== gold.headline && !gold.junk.includes(l));
    for (const line of articleLines) assert.ok(text.includes(squash(line)), `kept: ${line.slice(0, 60)}`);
    const mixed = cleaned.messages.filter((m) => m.code === 'mixed-script').map((m) => m.actual);
    assert.deepEqual(mixed, gold.mixedScript ?? []);
  });
}

interface ExampleGold {
  articles: Record<string, { headline: string | null; junk: string[]; keep: string[]; mixedScript?: string[] }>;
}
const examplesGold = JSON.parse(readFileSync(EXAMPLES_GOLD, 'utf8')) as ExampleGold;

for (const [file, gold] of Object.entries(examplesGold.articles)) {
  test(`example ${file}: gold junk removed, gold keeps kept`, () => {
    const cleaned = cleanPlainText(readFileSync(join(EXAMPLES, file), 'utf8'));
    const text = squash(cleaned.text);
    assert.equal(cleaned.title, gold.headline);
    const removed = cleaned.removed.map((r) => r.text);
    for (const junk of gold.junk) assert.ok(removed.includes(junk), `removed: ${junk}`);
    for (const keep of gold.keep) assert.ok(text.includes(squash(keep)), `kept: ${keep.slice(0, 60)}`);
    const mixed = cleaned.messages.filter((m) => m.code === 'mixed-script');
    assert.deepEqual(mixed.map((m) => m.actual), gold.mixedScript ?? []);
    for (const m of mixed) if (m.place) assert.equal(cleaned.text.slice(m.place.start, m.place.end), m.actual, 'warning span points at the word');
  });
}

test('every removal is recorded with a rule id and points at its place in the input', () => {
  const raw = readFileSync(join(SEEDS, '001_d3b05db66c009ede.txt'), 'utf8');
  const cleaned = cleanPlainText(raw);
  assert.ok(cleaned.removed.length > 0);
  for (const r of cleaned.removed) {
    assert.match(r.reason, /^clean\/[a-z-]+: /);
    assert.equal(raw.slice(r.rawStart, r.rawEnd), r.text);
  }
});

test('clean text maps back to the input through its segments', () => {
  const raw = readFileSync(join(SEEDS, '002_f43826bd93943f76.txt'), 'utf8');
  const cleaned = cleanPlainText(raw);
  for (const s of cleaned.segments) assert.equal(cleaned.text.slice(s.textStart, s.textStart + s.length), raw.slice(s.rawStart, s.rawStart + s.length));
});
