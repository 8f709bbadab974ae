import test from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { docFromText } from '../ingest/plain-text.js';
import { processDoc } from '../pipeline/docs-from-input.js';
import type { Doc } from '../doc/types.js';
import { analyzeStory } from './analyze-story.js';
import { leadView, selectMembers } from './select.js';
import { buildStoryPipeline, storyStage } from './stage.js';
import { entityMergeStage, selectStage } from './stages.js';

const EXAMPLES = new URL('../../../examples/articles/', import.meta.url).pathname;
const SEEDS = new URL('../../../../shared/seeds/', import.meta.url).pathname;

const read = (dir: string): Doc[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => processDoc(docFromText(readFileSync(join(dir, f), 'utf8'), f, null, { source: f }), { now: new Date('2026-01-10T00:00:00Z') }));

test('a story stage that reads what no earlier stage writes is refused when the pipeline is built', () => {
  const reader = storyStage('test/reads-entities', ['entities'], [], () => ({}));
  assert.throws(() => buildStoryPipeline([reader, selectStage, entityMergeStage], []), /test\/reads-entities reads entities before any stage writes it/);
  assert.throws(() => buildStoryPipeline([selectStage], ['entities']), /no stage writes entities/);
  assert.doesNotThrow(() => buildStoryPipeline([selectStage, entityMergeStage, reader], ['entities']));
});

test('a lead view keeps the first n body sentences and every offset', () => {
  const [doc] = read(SEEDS);
  const lead = leadView(doc!, 3);
  assert.equal(lead.text, doc!.text);
  assert.deepEqual(lead.layers.sentences, doc!.layers.sentences.slice(0, lead.layers.sentences.length));
  assert.ok(lead.layers.sentences.length >= 3 && lead.layers.sentences.length < doc!.layers.sentences.length);
  assert.equal(leadView(doc!, 10_000), doc, 'a short enough article is its own lead');
});

test('a story over the caps is analysed on its most central originals and their leads, and says so', () => {
  // Five gondola reports and a copy of one (examples/), two reports of another event (seeds) and one of a third (07).
  const examples = read(EXAMPLES);
  const gondola = new Set(examples.filter((d) => !d.meta.input.startsWith('07')).map((d) => d.id));
  const docs = [...read(SEEDS).slice(0, 2), ...examples];
  const copy = docs.find((d) => /syndicated/.test(d.meta.input))!;
  const copies = new Map([[copy.id, { of: docs[0]!.id, similarity: 0.9 }]]);
  const limits = { maxArticles: 4, sentenceBudget: 20, minLeadSentences: 5 };
  const selection = selectMembers(docs, copies, limits);
  assert.equal(selection.analysed.length, 4);
  assert.ok(!selection.analysed.includes(copy), 'originals go before copies');
  assert.equal(selection.leadSentences, 5);
  assert.ok(selection.analysed.every((d) => gondola.has(d.id)), "the most central articles are from the story's main event");

  const analysis = analyzeStory({ storyId: 's', version: 3, members: docs, copies }, limits);
  assert.equal(analysis.version, 3);
  assert.equal(analysis.articleIds.length, docs.length);
  assert.match(analysis.warnings[0]!.message, new RegExp(`only the 4 most central of ${docs.length} articles`));
  const analysed = new Set(selection.analysed.map((d) => d.id));
  const leadEnd = new Map(selection.leads.map((d) => [d.id, d.layers.sentences.at(-1)!.end]));
  for (const claim of analysis.claims)
    for (const e of claim.evidence) {
      assert.ok(analysed.has(e.articleId));
      assert.ok(e.end <= leadEnd.get(e.articleId)!, 'claims come from the leads');
    }
  assert.ok(analysis.entities.every((e) => e.mentions.every((m) => analysed.has(m.articleId))));
  assert.equal(JSON.parse(JSON.stringify(analysis)).claims.length, analysis.claims.length, 'plain JSON');
});

test('a small story is analysed whole, with no warning', () => {
  const docs = read(EXAMPLES);
  const analysis = analyzeStory({ storyId: 's', version: 1, members: docs, copies: new Map() });
  assert.deepEqual(analysis.warnings, []);
  assert.ok(analysis.claims.some((c) => c.status === 'corroborated'));
  const cited = new Set(analysis.claims.flatMap((c) => c.evidence.map((e) => e.articleId)));
  assert.equal(cited.size, docs.length, 'every article gives statements');
});
