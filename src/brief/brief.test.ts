import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ExportEntity } from '../export/types.js';
import { mergeEntities } from '../analyze/entities/merge.js';
import { docFromText } from '../ingest/plain-text.js';
import { processDoc } from '../pipeline/docs-from-input.js';
import { claimUnits } from '../corroborate/claims/units.js';
import { isProse, isWholeStatement } from './brief.js';

function unitsOf(text: string) {
  const doc = processDoc(docFromText(text, 't.txt', null), { now: new Date(0) });
  const entities: ExportEntity[] = mergeEntities([doc]).map((e) => ({ id: e.id, name: e.name, type: e.type, aliases: e.aliases, mentions: e.mentions.map((m) => ({ articleId: m.docId, start: m.start, end: m.end, text: m.text })) }));
  return claimUnits(doc, entities).map((unit) => ({ unit, text: doc.text.slice(unit.span.start, unit.span.end) }));
}
const unitOf = (text: string, words: RegExp) => {
  const found = unitsOf(text).find((u) => words.test(u.text));
  assert.ok(found, `no statement matching ${words}`);
  return found.unit;
};

const STORY = 'Rovers sack manager\n\nThe club dismissed its manager on Monday after a run of defeats.\n\n';

test('a listing line (capitals run straight into a capitalised word) is no prose; capitals ledes, datelines and acronyms are', () => {
  assert.equal(isProse(unitOf(`${STORY}CITY ROVERS Signed Ann Lee , goalkeeper .\n`, /Signed/)), false);
  assert.equal(isProse(unitOf(`${STORY}AN ENGLISH climber who fell on the glacier was rescued on Sunday .\n`, /climber/)), true);
  assert.equal(isProse(unitOf(`${STORY}LONDON (Reuters) — The club dismissed its coach on Monday .\n`, /coach/)), true);
  assert.equal(isProse(unitOf(`${STORY}FBI agents searched the stadium offices on Tuesday .\n`, /agents/)), true);
});

test('"he" or "she" before any noun points back at an earlier sentence: no brief sentence; after its noun it stands', () => {
  assert.equal(isWholeStatement(unitOf(`${STORY}When he was dismissed , he was already on a final warning from the board .\n`, /final warning/)), false);
  assert.equal(isWholeStatement(unitOf(`${STORY}The manager said he had expected the decision for weeks .\n`, /expected/)), true);
});
