import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ExportEntity } from '../../export/types.js';
import { mergeEntities } from '../../analyze/entities/merge.js';
import { docFromText } from '../../ingest/plain-text.js';
import { processDoc } from '../../pipeline/docs-from-input.js';
import { findScoreConflicts } from './scores.js';
import { claimUnits } from './units.js';

/** Score conflicts among articles of one story, one outlet each unless `outlets` says otherwise: each conflict's position values. */
function conflictsOf(texts: string[], outlets: string[] = texts.map((_, i) => `outlet-${i}`)) {
  const docs = texts.map((text, i) => processDoc(docFromText(text, `a${i}.txt`, null), { now: new Date(0) }));
  const entities: ExportEntity[] = mergeEntities(docs).map((e) => ({ id: e.id, name: e.name, type: e.type, aliases: e.aliases, mentions: e.mentions.map((m) => ({ articleId: m.docId, start: m.start, end: m.end, text: m.text })) }));
  const units = docs.flatMap((d) => claimUnits(d, entities));
  return findScoreConflicts(units, (u) => outlets[docs.indexOf(u.doc)]!).map((c) => c.positions.map((p) => p.value));
}

test('two outlets giving different scores at one moment of the game clock dispute the score', () => {
  const a = 'Two baskets by Jordan Wells gave the Hawks a 52-48 lead with 6:12 to play.';
  const b = 'The Hawks went ahead 52 - 47 when Jordan Wells scored again with 6:12 left.';
  assert.deepEqual(conflictsOf([a, b]), [['52-48', '52 - 47']]);
  // One outlet never disputes itself.
  assert.deepEqual(conflictsOf([a, b], ['same', 'same']), []);
  // The same score told from the other side agrees.
  assert.deepEqual(conflictsOf([a, 'The Eagles trailed 48-52 after a turnover with 6:12 remaining.']), []);
});

test('scores of different periods, other clocks, runs and far-apart scores are no dispute', () => {
  const late = 'The Hawks led 52-48 with 6:12 left in the second half.';
  assert.deepEqual(conflictsOf([late, 'The Hawks led 22-17 with 6:12 left in the first half.']), []);
  assert.deepEqual(conflictsOf([late, 'The Hawks led 52-47 with 5:40 left in the second half.']), []);
  // A run of points is not the score, whatever clock it ends at.
  assert.deepEqual(conflictsOf([late, 'The Eagles answered with a 9-2 run with 6:12 to go in the game.']), []);
  // The same clock in another game or period gives a score far from this one: not a slip.
  assert.deepEqual(conflictsOf([late, 'The Hawks led 71-60 with 6:12 to play.']), []);
});
