import test, { before, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../src/pipeline/analyze.js';
import { nameKey } from '../src/analyze/entities/normalize.js';
import { PLACE_FEATURES } from '../src/analyze/entities/lexicon/locations.js';
import { NAME_CONNECTORS } from '../src/analyze/entities/lexicon/not-names.js';
import type { ExportEntity, StoryExport } from '../src/export/types.js';
import { docsFromInput } from '../src/pipeline/docs-from-input.js';
import { expandPaths, readInput } from '../src/ingest/read-inputs.js';
import type { Doc } from '../src/doc/types.js';
import { EXAMPLES, EXAMPLES_GOLD, SEEDS } from './paths.js';

async function exportOf(dir: string): Promise<StoryExport> {
  const db = join(mkdtempSync(join(tmpdir(), 'corroborate-entities-')), 'store.db');
  return (await analyze([dir], { db })).export;
}

async function docsOf(dir: string): Promise<Doc[]> {
  const { files } = await expandPaths([dir]);
  const docs: Doc[] = [];
  for (const path of files) {
    const read = await readInput(path, {});
    if (read.ok) docs.push(...docsFromInput(read.file));
  }
  return docs;
}

/** Entities whose name or an alias has this key: more than one means a referent was split. */
const holding = (entities: ExportEntity[], spelling: string) => entities.filter((e) => [e.name, ...e.aliases].some((a) => nameKey(a) === nameKey(spelling)));

/** General checks that hold for any story: each is a rule, not a seed string. */
function assertNoUnmergedSurnames(entities: ExportEntity[]): void {
  const people = entities.filter((e) => e.type === 'person');
  for (const lone of people.filter((e) => !e.name.includes(' '))) {
    const fuller = people.filter((p) => p.name.includes(' ') && nameKey(p.name).endsWith(` ${nameKey(lone.name)}`));
    assert.equal(fuller.length === 1, false, `"${lone.name}" should have joined "${fuller[0]?.name}"`);
  }
}

/** Evidence that holds in a heading, where capitals say nothing: a gazetteer or a known institution. */
const LEXICON_RULE = /^entities\/(?:gazetteer|known-organization|package-place|package-organization|dateline)$/;

/** A heading names only what its article's prose names or a lexicon knows: no name from capitals alone. */
function assertHeadingMentionsAgree(docs: Doc[]): void {
  for (const doc of docs) {
    const headings = doc.layers.paragraphs.filter((p) => p.kind === 'heading');
    const inHeading = (m: { start: number; end: number }) => headings.some((h) => m.start >= h.start && m.end <= h.end);
    const proseKeys = new Set(doc.layers.entities.filter((m) => !inHeading(m)).map((m) => nameKey(doc.text.slice(m.start, m.end))));
    for (const m of doc.layers.entities.filter(inHeading)) {
      const name = doc.text.slice(m.start, m.end);
      assert.ok(proseKeys.has(nameKey(name)) || LEXICON_RULE.test(m.rule), `${doc.meta.input}: "${name}" (${m.rule}) comes from a heading alone`);
    }
  }
}

describe('entities on the seeds (real scraped articles of one story)', () => {
  let data: StoryExport;
  let docs: Doc[];
  before(async () => {
    data = await exportOf(SEEDS);
    docs = await docsOf(SEEDS);
  });

  test('each main actor is one entity of the right type, with its spellings merged', () => {
    const entities = data.stories.flatMap((s) => s.entities);
    const expected: Array<[string, ExportEntity['type']]> = [
      ['Trump', 'person'], ['Petro', 'person'], ['Maduro', 'person'], ['Rubio', 'person'], ['Cabello', 'person'],
      ['Colombia', 'location'], ['Venezuela', 'location'], ['United States', 'location'], ['White House', 'organization'],
    ];
    for (const [spelling, type] of expected) {
      const found = entities.filter((e) => [e.name, ...e.aliases].some((a) => nameKey(a).split(' ').includes(nameKey(spelling)) || nameKey(a) === nameKey(spelling)));
      assert.equal(found.length, 1, `${spelling}: ${found.map((e) => e.name).join(', ')}`);
      assert.equal(found[0]!.type, type, spelling);
    }
    assert.equal(holding(entities, 'U.S.')[0]?.name, 'United States');
  });

  test('a surname is never left apart from the one full name it ends', () => {
    for (const story of data.stories) assertNoUnmergedSurnames(story.entities);
  });

  test('accented and plain spellings of one name are one entity named with the accents', () => {
    for (const story of data.stories) {
      for (const e of story.entities) {
        const plain = e.aliases.filter((a) => a !== e.name && nameKey(a) === nameKey(e.name));
        for (const p of plain) assert.ok(e.name.normalize('NFD').length >= p.normalize('NFD').length, `${e.name} over ${p}`);
      }
    }
  });

  test('a heading names only what the prose names or a lexicon knows', () => assertHeadingMentionsAgree(docs));

  test('every entity name starts with a capital and no mention is a lone word the story writes in lower case', () => {
    for (const story of data.stories) {
      const text = data.articles.filter((a) => story.articleIds.includes(a.id)).map((a) => a.text).join('\n');
      for (const e of story.entities) {
        assert.match(e.name, /^\p{Lu}/u, e.name);
        if (!e.name.includes(' ')) assert.ok(!new RegExp(`\\b${e.name.toLowerCase()}\\b`).test(text) || e.type === 'location', `${e.name} is a common word here`);
      }
    }
  });

  test('people named with a role keep it as a description', () => {
    const people = data.stories.flatMap((s) => s.entities).filter((e) => e.type === 'person' && e.mentions.length > 1);
    assert.ok(people.length > 0);
    assert.ok(people.some((e) => (e.descriptions ?? []).length > 0));
  });
});

describe('entities on examples/ (team-written gold)', () => {
  let data: StoryExport;
  let docs: Doc[];
  const gold = JSON.parse(readFileSync(EXAMPLES_GOLD, 'utf8')) as { entities: Array<{ name: string; type: string; aliases: string[] }> };
  before(async () => {
    data = await exportOf(EXAMPLES);
    docs = await docsOf(EXAMPLES);
  });

  test('every gold person is found once, typed, with its surname and titled forms merged', () => {
    const entities = data.stories.flatMap((s) => s.entities);
    const text = data.articles.map((a) => a.text).join('\n');
    const count = (s: string) => text.split(s).length - 1;
    for (const g of gold.entities.filter((e) => e.type === 'person')) {
      const found = holding(entities, g.name);
      assert.equal(found.length, 1, g.name);
      assert.equal(found[0]!.type, 'person', g.name);
      // Only a surname the text also writes alone can be asked for.
      const surname = g.aliases.find((a) => !a.includes(' ') && count(a) > count(g.name));
      if (surname) assert.ok(found[0]!.aliases.includes(surname), `${g.name} has ${surname}`);
    }
  });

  test('gold organisations and places named in the text are found with their type', () => {
    const entities = data.stories.flatMap((s) => s.entities);
    const text = data.articles.map((a) => a.text.replace(/\s+/g, ' ')).join('\n');
    // Names made of capitalised words and geographic nouns; a demonym before a common noun ("… coast guard") is not found yet.
    const properName = (name: string) => name.split(' ').every((w) => /^\p{Lu}/u.test(w) || PLACE_FEATURES.has(w) || NAME_CONNECTORS.has(w));
    for (const g of gold.entities.filter((e) => e.type !== 'person' && text.includes(e.name) && properName(e.name))) {
      const found = holding(entities, g.name);
      assert.equal(found.length, 1, g.name);
      assert.equal(found[0]!.type, g.type, g.name);
    }
  });

  test('the look-alike spelling of a place joins the place, which keeps the Latin spelling', () => {
    const entities = data.stories.flatMap((s) => s.entities);
    const spoofed = entities.filter((e) => e.aliases.some((a) => /[\u0400-\u04ff]/u.test(a)));
    assert.ok(spoofed.length >= 1);
    for (const e of spoofed) assert.doesNotMatch(e.name, /[\u0400-\u04ff]/u);
  });

  test('a heading names only what the prose names or a lexicon knows', () => assertHeadingMentionsAgree(docs));

  test('a surname is never left apart from the one full name it ends', () => {
    for (const story of data.stories) assertNoUnmergedSurnames(story.entities);
  });
});
