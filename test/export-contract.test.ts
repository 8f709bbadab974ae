import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { analyze } from '../src/pipeline/analyze.js';
import type { StoryExport } from '../src/export/types.js';
import { renderMarkdown } from '../src/export/markdown.js';
import { EXAMPLES, EXAMPLES_GOLD, SCHEMA, SEEDS } from './paths.js';
import { assertSpansMatch } from './spans.js';

const ajv = new Ajv2020.default({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));

async function exportOf(dir: string): Promise<StoryExport> {
  const db = join(mkdtempSync(join(tmpdir(), 'corroborate-export-')), 'store.db');
  return (await analyze([dir], { db })).export;
}

test('seeds: the export meets the contract, all five articles form one story, the homoglyph is warned about', async () => {
  const data = await exportOf(SEEDS);
  assert.ok(validate(data), JSON.stringify(validate.errors?.slice(0, 5)));
  assertSpansMatch(data);
  assert.equal(data.articles.length, 5);
  assert.equal(data.stories.length, 1);
  assert.equal(data.stories[0]!.articleIds.length, 5);
  assert.equal(data.stories[0]!.independentSourceCount, 5, 'five outlets, no copies');
  assert.ok(data.articles.every((a) => a.duplicateOf === null));
  const first = data.articles.find((a) => basename(a.input).startsWith('000'))!;
  assert.ok(first.warnings.some((w) => w.code === 'mixed-script' && w.message.includes('U+043E')));
  for (const a of data.articles) {
    assert.ok(a.text.length > 1000, `${a.input} keeps its body`);
    for (const junk of ['Most popular', 'LEAVE A REPLY', 'free trial', 'credit:', '.jpeg)', 'One thought on']) assert.ok(!a.text.includes(junk), `${a.input} has no "${junk}"`);
  }
  for (const story of data.stories) for (const key of ['brief', 'entities', 'quotes', 'timeline', 'claims', 'conflicts'] as const) assert.ok(Array.isArray(story[key]));
  // The event: both presidents among who, a date from the leads, each part resting on words in a member.
  const event = data.stories[0]!.event!;
  assert.ok(event.who.some((w) => /Petro/.test(w)) && event.who.some((w) => /Trump/.test(w)), JSON.stringify(event.who));
  assert.ok(event.when && event.when.start.startsWith('2026-'), JSON.stringify(event.when));
  for (const name of event.who) assert.ok(event.evidence.some((e) => e.text === name), `${name} has evidence`);
});

interface Gold {
  articles: Record<string, { story: string; outlet: string; duplicateOf: string | null }>;
  independentSources: number;
}

test('examples: stories, the syndicated copy and the independent-source count match the gold', async () => {
  const gold = JSON.parse(readFileSync(EXAMPLES_GOLD, 'utf8')) as Gold;
  const data = await exportOf(EXAMPLES);
  assert.ok(validate(data), JSON.stringify(validate.errors?.slice(0, 5)));
  assert.ok(assertSpansMatch(data) >= 1, 'the homoglyph warning carries a span');
  const fileOf = new Map(data.articles.map((a) => [a.id, basename(a.input)]));
  const idOf = new Map(data.articles.map((a) => [basename(a.input), a.id]));

  const goldStories = new Map<string, string[]>();
  for (const [file, a] of Object.entries(gold.articles)) goldStories.set(a.story, [...(goldStories.get(a.story) ?? []), file]);
  const ours = data.stories.map((s) => s.articleIds.map((id) => fileOf.get(id)!).sort());
  assert.deepEqual(ours.sort(), [...goldStories.values()].map((files) => files.sort()).sort());

  for (const [file, a] of Object.entries(gold.articles)) {
    const exported = data.articles.find((x) => x.id === idOf.get(file))!;
    assert.equal(exported.duplicateOf, a.duplicateOf ? idOf.get(a.duplicateOf)! : null, `${file} duplicateOf`);
  }
  const main = data.stories.find((s) => s.articleIds.length > 1)!;
  assert.equal(main.independentSourceCount, gold.independentSources);
});

test('the Markdown report lists every article and marks the copy', async () => {
  const data = await exportOf(EXAMPLES);
  const md = renderMarkdown(data);
  for (const story of data.stories) assert.ok(md.includes(`# ${story.title}`));
  for (const a of data.articles) assert.ok(md.includes(a.id));
  assert.match(md, /copy of \[\d\] \(similarity 0\.\d+\)/);
});

test('the Markdown report marks dates inferred from the text and ranges inferred from the story', async () => {
  const data = await exportOf(SEEDS);
  const md = renderMarkdown(data);
  const lineOf = (id: string) => md.split('\n').find((l) => l.includes(`\`${id}\``))!;
  const ranged = data.articles.filter((a) => a.publishedAtRange);
  assert.ok(ranged.length > 0, 'the seeds have undated articles the story dates');
  for (const a of ranged) assert.ok(lineOf(a.id).includes(`${a.publishedAt ? `${a.publishedAt}, inferred from the text;` : 'date unknown;'} inferred ${a.publishedAtRange!.start} – ${a.publishedAtRange!.end} from the story`), lineOf(a.id));
  const inferred = data.articles.filter((x) => x.publishedAtBasis === 'inferred');
  assert.ok(inferred.some((a) => a.publishedAtRange), 'a date inferred from the text (003) is closed by the story');
  for (const a of inferred) assert.ok(lineOf(a.id).includes(`${a.publishedAt}, inferred from the text`));
  for (const a of data.articles.filter((x) => x.publishedAtBasis === 'dateline')) assert.ok(!lineOf(a.id).includes('inferred'));
});
