import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ExportEntity } from '../../export/types.js';
import { mergeEntities } from '../../analyze/entities/merge.js';
import { docFromText } from '../../ingest/plain-text.js';
import { processDoc } from '../../pipeline/docs-from-input.js';
import { unitVectors } from './align.js';
import { valueFacets } from './facets.js';
import { claimUnits } from './units.js';

/** The value facets found among articles of one story, one outlet each: each as its cited words, by article. */
function facetsOf(texts: string[]): string[][] {
  const docs = texts.map((text, i) => processDoc(docFromText(text, `a${i}.txt`, null), { now: new Date(0) }));
  const entities: ExportEntity[] = mergeEntities(docs).map((e) => ({ id: e.id, name: e.name, type: e.type, aliases: e.aliases, mentions: e.mentions.map((m) => ({ articleId: m.docId, start: m.start, end: m.end, text: m.text })) }));
  const units = docs.flatMap((d) => claimUnits(d, entities));
  return valueFacets(units, unitVectors(units), (u) => u.doc.id).map((f) => f.refs.map((r) => `${docs.indexOf(units[r.unit]!.doc)}: ${units[r.unit]!.doc.text.slice(r.cite.start, r.cite.end)}`).sort());
}

test('a measured figure two outlets print with the same role is one fact, though their verbs differ', () => {
  const facets = facetsOf([
    'The club named a new coach on Friday. Ortega is glad to come back to the city where he played, followed by seven seasons as an assistant coach.',
    'Fans welcomed the choice. He also spent seven seasons as an assistant coach for the Rovers and won the cup in 2001.',
  ]);
  assert.ok(facets.some((f) => f.length === 2 && f.every((cite) => /seven seasons as an assistant coach/.test(cite))), JSON.stringify(facets));
  // Another figure of the role is another fact.
  const other = facetsOf([
    'The club named a new coach on Friday. Ortega is glad to come back to the city where he played, followed by seven seasons as an assistant coach.',
    'Fans welcomed the choice. He also spent five seasons as an assistant coach for the Rovers and won the cup in 2001.',
  ]);
  assert.deepEqual(other, []);
});
