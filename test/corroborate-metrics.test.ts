/**
 * The corroborate bench's scoring on a hand-made export of three short reports of one bridge
 * closure, with exact figures: a perfect prediction, a claim merging two facts, statuses, conflicts,
 * brief verification and placing gold evidence in the clean text.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import {
  alignmentFigures,
  briefFigures,
  conflictFigures,
  locateGold,
  scoreAlignment,
  scoreBrief,
  scoreConflicts,
  scoreStatus,
  scoredStories,
  statusFigures,
  type Claim,
  type ClaimStatus,
  type CorroborationGold,
} from '../bench/corroborate-metrics.js';
import type { ExportArticle, ExportConflict, ExportSpan, ExportStory, StoryExport } from '../src/export/types.js';

const TEXTS: Record<string, string> = {
  'a.txt': 'The bridge closed at noon. Ten\u00a0cars were stuck. The mayor said repairs take two weeks.',
  'b.txt': 'At noon the bridge closed. Officials said 10 cars were stuck. Repairs will take a month.',
  'c.txt': 'The bridge shut around midday. A ferry ran instead.',
};

const article = (file: string): ExportArticle => ({
  id: `id-${file}`,
  input: `/corpus/articles/${file}`,
  source: { name: file, domain: null },
  url: null,
  title: `Headline of ${file}`,
  byline: null,
  publishedAt: null,
  publishedAtBasis: 'unknown',
  language: 'en',
  text: TEXTS[file]!,
  removed: [],
  duplicateOf: null,
  duplicateSimilarity: null,
  warnings: [],
});

/** The span of `text` in `file` (its first occurrence). */
function span(file: string, text: string): ExportSpan {
  const start = TEXTS[file]!.indexOf(text);
  assert.ok(start >= 0, `"${text}" is in ${file}`);
  return { articleId: `id-${file}`, start, end: start + text.length, text };
}

const gold: CorroborationGold = {
  stories: [{ id: 'main', articles: ['a.txt', 'b.txt', 'c.txt'] }],
  facts: [
    {
      fact: 'The bridge closed at noon.',
      status: 'corroborated',
      independentSources: 3,
      evidence: [
        { file: 'a.txt', text: 'The bridge closed at noon.' },
        { file: 'b.txt', text: 'At noon the bridge closed.' },
        { file: 'c.txt', text: 'The bridge shut around midday.' },
      ],
    },
    {
      fact: 'Ten cars were stuck.',
      status: 'corroborated',
      independentSources: 2,
      // The gold writes a plain space where the clean text of a.txt has a non-breaking one.
      evidence: [{ file: 'a.txt', text: 'Ten cars were stuck.' }, { file: 'b.txt', text: '10 cars were stuck.' }],
    },
    { fact: 'A ferry ran instead.', status: 'single-source', independentSources: 1, evidence: [{ file: 'c.txt', text: 'A ferry ran instead.' }] },
    {
      fact: 'Repairs take two weeks.',
      status: 'disputed',
      independentSources: 2,
      evidence: [{ file: 'a.txt', text: 'repairs take two weeks' }, { file: 'b.txt', text: 'Repairs will take a month.' }],
    },
  ],
  conflicts: [
    {
      subject: 'how long repairs take',
      kind: 'duration',
      positions: [
        { value: 'two weeks', evidence: [{ file: 'a.txt', text: 'repairs take two weeks' }] },
        { value: 'a month', evidence: [{ file: 'b.txt', text: 'Repairs will take a month.' }] },
      ],
    },
  ],
};

const claim = (id: string, status: ClaimStatus, independentSources: number, evidence: ExportSpan[]): Claim => ({ id, text: evidence[0]!.text, status, independentSources, evidence });

const PERFECT: Claim[] = [
  claim('bridge', 'corroborated', 3, [span('a.txt', 'The bridge closed at noon.'), span('b.txt', 'At noon the bridge closed.'), span('c.txt', 'The bridge shut around midday.')]),
  claim('cars', 'corroborated', 2, [span('a.txt', 'Ten\u00a0cars were stuck.'), span('b.txt', 'Officials said 10 cars were stuck.')]),
  claim('ferry', 'single-source', 1, [span('c.txt', 'A ferry ran instead.')]),
  claim('repairs', 'disputed', 2, [span('a.txt', 'The mayor said repairs take two weeks.'), span('b.txt', 'Repairs will take a month.')]),
];

const CONFLICT: ExportConflict = {
  subject: 'repairs',
  positions: [
    { value: 'two weeks', evidence: [span('a.txt', 'repairs take two weeks')] },
    { value: 'a month', evidence: [span('b.txt', 'Repairs will take a month.')] },
  ],
};

function exportOf(stories: Array<Partial<ExportStory>>): StoryExport {
  const articles = Object.keys(TEXTS).map(article);
  return {
    version: 1,
    generatedAt: new Date(0).toISOString(),
    articles,
    stories: stories.map((s, i) => ({
      id: `s${i}`,
      title: 'Bridge',
      articleIds: articles.map((a) => a.id),
      independentSourceCount: 3,
      brief: [],
      entities: [],
      quotes: [],
      timeline: [],
      claims: [],
      conflicts: [],
      ...s,
    })),
  };
}

const located = locateGold(gold, exportOf([{}]));

test('gold evidence is placed in the clean text, across a non-breaking space', () => {
  assert.deepEqual(located.problems, []);
  const cars = located.facts[1]!.evidence[0]!;
  assert.equal(cars.text, 'Ten\u00a0cars were stuck.');
  assert.deepEqual([cars.start, cars.end], [27, 47]);
});

test('evidence not in the clean text is a gold problem, not a crash; a headline is named as such', () => {
  const broken: CorroborationGold = {
    ...gold,
    facts: [{ fact: 'Headline fact', status: 'single-source', evidence: [{ file: 'a.txt', text: 'Headline of a.txt' }, { file: 'z.txt', text: 'anything' }] }],
  };
  const { facts, problems } = locateGold(broken, exportOf([{}]));
  assert.equal(facts[0]!.evidence.length, 0);
  assert.equal(problems.length, 2);
  assert.match(problems[0]!, /it is the headline/);
  assert.match(problems[1]!, /not in the export/);
});

test('a perfect prediction scores 1 everywhere', () => {
  assert.deepEqual(alignmentFigures(scoreAlignment(located, PERFECT)), { precision: 1, recall: 1, f1: 1, goldPairs: 5, predictedPairs: 5 });
  const status = statusFigures(scoreStatus(located, PERFECT));
  assert.equal(status.accuracy, 1);
  assert.equal(status.unmatched, 0);
  assert.deepEqual(status.independentSources, { facts: 4, accuracy: 1 });
  assert.deepEqual(status.confusion.disputed, { corroborated: 0, 'single-source': 0, disputed: 1, unmatched: 0 });
  assert.deepEqual(conflictFigures(scoreConflicts(located, [CONFLICT])), { gold: 1, predicted: 1, precision: 1, recall: 1, positionEvidenceRecall: 1 });
});

test('a claim merging two facts makes four wrong pairs and lowers precision only', () => {
  const [bridge, cars, ...rest] = PERFECT;
  const merged = claim('merged', 'corroborated', 3, [...bridge!.evidence, ...cars!.evidence]);
  // Merged: 3 bridge pairs + 1 cars pair right, 4 bridge×cars pairs across files wrong; repairs: 1 right.
  const counts = scoreAlignment(located, [merged, ...rest]);
  assert.deepEqual({ tp: counts.tp, fp: counts.fp, fn: counts.fn }, { tp: 5, fp: 4, fn: 0 });
  assert.deepEqual(alignmentFigures(counts), { precision: 0.556, recall: 1, f1: 0.714, goldPairs: 5, predictedPairs: 9 });
  assert.equal(counts.wrong.length, 4);
});

test('a split fact loses its pairs; evidence overlapping another fact\'s in one article is one site', () => {
  const [bridge, ...rest] = PERFECT;
  const split = [claim('bridge-a', 'single-source', 1, [bridge!.evidence[0]!]), claim('bridge-bc', 'corroborated', 2, bridge!.evidence.slice(1)), ...rest];
  assert.deepEqual(alignmentFigures(scoreAlignment(located, split)), { precision: 1, recall: 0.6, f1: 0.75, goldPairs: 5, predictedPairs: 3 });

  // "The bridge closed" is cited for a second fact inside the first fact's sentence: one site, so the bridge claim is not blamed.
  const nested: CorroborationGold = { ...gold, facts: [...gold.facts, { fact: 'The bridge closed.', status: 'corroborated', evidence: [{ file: 'a.txt', text: 'The bridge closed' }, { file: 'c.txt', text: 'The bridge shut' }] }] };
  assert.deepEqual(alignmentFigures(scoreAlignment(locateGold(nested, exportOf([{}])), PERFECT)), { precision: 1, recall: 1, f1: 1, goldPairs: 5, predictedPairs: 5 });
});

test('status: the claim covering most evidence stands for a fact; an uncovered fact is unmatched', () => {
  const [bridge, cars, , repairs] = PERFECT;
  const claims = [
    claim('bridge-a', 'single-source', 1, [bridge!.evidence[0]!]),
    { ...bridge!, status: 'corroborated' as const, independentSources: 2 },
    { ...cars!, status: 'single-source' as const },
    repairs!,
  ];
  const counts = scoreStatus(located, claims);
  assert.deepEqual(statusFigures(counts), {
    facts: 4,
    accuracy: 0.5,
    unmatched: 1,
    confusion: {
      corroborated: { corroborated: 1, 'single-source': 1, disputed: 0, unmatched: 0 },
      'single-source': { corroborated: 0, 'single-source': 0, disputed: 0, unmatched: 1 },
      disputed: { corroborated: 0, 'single-source': 0, disputed: 1, unmatched: 0 },
    },
    independentSources: { facts: 4, accuracy: 0.5 },
  });
  assert.equal(counts.wrong.length, 3);
});

test('conflicts: one position holding both sides does not match, nor is its evidence recalled', () => {
  const lumped: ExportConflict = { subject: 'repairs', positions: [{ value: 'both', evidence: [...CONFLICT.positions[0]!.evidence, ...CONFLICT.positions[1]!.evidence] }, { value: 'ferry', evidence: [span('c.txt', 'A ferry ran instead.')] }] };
  assert.deepEqual(conflictFigures(scoreConflicts(located, [lumped])), { gold: 1, predicted: 1, precision: 0, recall: 0, positionEvidenceRecall: 0 });
  const withLump: ExportConflict = { ...CONFLICT, positions: [CONFLICT.positions[0]!, lumped.positions[0]!] };
  assert.deepEqual(conflictFigures(scoreConflicts(located, [withLump, lumped])), { gold: 1, predicted: 2, precision: 0.5, recall: 1, positionEvidenceRecall: 0.5 });
});

test('brief: a sentence verifies when its citations are the text at their offsets and its words come from them or the leads', () => {
  const brief: ExportStory['brief'] = [
    { text: 'The bridge closed at noon.', citations: [span('a.txt', 'The bridge closed at noon.')] },
    { text: 'Accounts differ: repairs take two weeks vs a month.', citations: [span('a.txt', 'repairs take two weeks'), span('b.txt', 'Repairs will take a month.')] },
    { text: 'Only one source reports: a ferry ran instead.', citations: [span('c.txt', 'A ferry ran instead.')] },
    { text: 'The bridge collapsed at noon.', citations: [span('a.txt', 'The bridge closed at noon.')] },
    { text: 'The bridge closed at noon.', citations: [{ ...span('a.txt', 'The bridge closed at noon.'), start: 1 }] },
  ];
  const data = exportOf([{ brief }]);
  const counts = scoreBrief(scoredStories(gold, data), data);
  assert.deepEqual(briefFigures(counts), { sentences: 5, verified: 0.6, lengths: [5], lengthsWithin3To7: true });
  assert.match(counts.failures[0]!, /words not in its citations: collapsed/);
  assert.match(counts.failures[1]!, /is not the text at 1–26/);
  assert.deepEqual(briefFigures(scoreBrief(scoredStories(gold, exportOf([{}])), exportOf([{}]))), { sentences: 0, verified: null, lengths: [0], lengthsWithin3To7: false });
});

test('only stories holding files of the gold main story are scored', () => {
  const data = exportOf([{}, {}]);
  data.stories[1]!.articleIds = ['elsewhere'];
  assert.deepEqual(scoredStories(gold, data).map((s) => s.id), ['s0']);
});
