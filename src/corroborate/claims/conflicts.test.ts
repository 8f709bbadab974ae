import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { ExportEntity } from '../../export/types.js';
import { mergeEntities } from '../../analyze/entities/merge.js';
import { docFromText } from '../../ingest/plain-text.js';
import { processDoc } from '../../pipeline/analyze.js';
import { unitVectors } from './align.js';
import { findConflicts } from './conflicts.js';
import { claimUnits } from './units.js';
import { REPO } from '../../../test/paths.js';

const ECBPLUS = () =>
  readFileSync(join(REPO, '..', 'shared', 'data', 'ecbplus', 'documents.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { id: string; subtopic: string; text: string });

/** The text of an ECB+ article (`../shared/data/ecbplus`). */
const ecbplus = (id: string): string => ECBPLUS().find((d) => d.id === id)!.text;

/** Quantity conflicts among articles of one story, one outlet each. Sentences are from ECB+ (CC BY 3.0). */
function conflictsOf(texts: string[]) {
  const docs = texts.map((text, i) => processDoc(docFromText(text, `a${i}.txt`, null), { now: new Date(0) }));
  const entities: ExportEntity[] = mergeEntities(docs).map((e) => ({ id: e.id, name: e.name, type: e.type, aliases: e.aliases, mentions: e.mentions.map((m) => ({ articleId: m.docId, start: m.start, end: m.end, text: m.text })) }));
  const units = docs.flatMap((d) => claimUnits(d, entities));
  return findConflicts(units, unitVectors(units), (u) => u.doc.id).map((c) => c.positions.map((p) => p.value));
}

test('rival figures of one happening in two whole articles are a conflict', () => {
  // ECB+ 23_ecbplus, two whole articles: how far the climber fell.
  const fell = conflictsOf([ecbplus('23_1ecbplus'), ecbplus('23_7ecbplus')]);
  assert.ok(fell.some((values) => values.includes('about 150 metres') && values.includes('approximately 200 metres')), JSON.stringify(fell));
});

test('a clause that prints the other figure bare, its noun implied, states both things', () => {
  // ECB+ 5_10ecbplus: "played for the Sixers for 11 seasons and served as an assistant coach for
  // seven"; 5_4ecbplus: "after serving seven seasons as an assistant coach for the 76ers".
  const seasons = conflictsOf([ecbplus('5_10ecbplus'), ecbplus('5_4ecbplus')]).filter((values) => values.some((v) => /seasons/.test(v)));
  assert.deepEqual(seasons, []);
});

test('many rival values for one slot are several things taken for one: no conflict', () => {
  // ECB+ 18_ecb, every article: the gunman came in "around 4 p.m.", staff were told to leave "at
  // 5:30 p.m.", he gave himself up "just after 6 p.m." — times of different happenings.
  const conflicts = conflictsOf(ECBPLUS().filter((d) => d.subtopic === '18_ecb').map((d) => d.text));
  const clash = conflicts.find((values) => values.some((v) => /\b4 p\.m/.test(v)) && values.some((v) => /\b6 p\.m/.test(v)));
  assert.equal(clash, undefined, JSON.stringify(clash));
});

test('a denied figure is no side of a dispute, and different payers\' sums are different things', () => {
  // ECB+ 10_ecbplus: "none of those offers are believed to be for more than eight years" against
  // "for eight years"; the Nationals' "$160 million offer" against the Red Sox's "offer ... in excess
  // of $160 million". The one real dispute: "less than the $184 million" against "$184 million".
  const offers = conflictsOf(['10_1ecbplus', '10_2ecbplus', '10_4ecbplus', '10_6ecbplus'].map(ecbplus));
  assert.deepEqual(offers, [['less than the $184 million', '$184 million']]);
});
