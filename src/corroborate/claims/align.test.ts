import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ExportEntity } from '../../export/types.js';
import { mergeEntities } from '../../analyze/entities/merge.js';
import { docFromText } from '../../ingest/plain-text.js';
import { processDoc } from '../../pipeline/analyze.js';
import { ALIGN_THRESHOLD, similarity, unitVectors } from './align.js';
import { claimUnits } from './units.js';

/** The claim units of articles of one story (one outlet each), their vector space and a finder by words. */
function story(texts: string[]) {
  const docs = texts.map((text, i) => processDoc(docFromText(text, `a${i}.txt`, null), { now: new Date(0) }));
  const entities: ExportEntity[] = mergeEntities(docs).map((e) => ({ id: e.id, name: e.name, type: e.type, aliases: e.aliases, mentions: e.mentions.map((m) => ({ articleId: m.docId, start: m.start, end: m.end, text: m.text })) }));
  const units = docs.flatMap((d) => claimUnits(d, entities));
  const at = (words: RegExp) => units.findIndex((u) => words.test(u.doc.text.slice(u.span.start, u.span.end)));
  return { units, space: unitVectors(units), at };
}

test("similarity: the story's own event told by its commonest verb is one fact, not two statements sharing only who", () => {
  // Self-written: a story where most clauses say "host", so the verb weighs little in it.
  const { space, at } = story([
    'Maria Lund will host the Lantern Gala. She hosted the spring fair twice.',
    "Maria Lund will host this year's Lantern Gala in the old harbour hall. The festival board asked her to host again.",
    'Lund hosted the Lantern Gala in 2019 as well. Maria Lund is the festival director.',
    'Lund will be hosting for a second time. Tickets for the Lantern Gala go on sale in May.',
  ]);
  const [told, toldAgain, before, director] = [at(/^Maria Lund will host the Lantern/), at(/^Maria Lund will host this year/), at(/^Lund hosted the Lantern Gala in 2019/), at(/^Maria Lund is the festival director/)];
  assert.ok(told >= 0 && toldAgain >= 0 && before >= 0 && director >= 0);
  assert.ok(similarity(space, told, toldAgain) >= ALIGN_THRESHOLD, `host / host: ${similarity(space, told, toldAgain)}`);
  // A figure only one of them gives is another happening of the kind; names alone are no shared happening.
  assert.ok(similarity(space, told, before) < ALIGN_THRESHOLD, `will host / hosted in 2019: ${similarity(space, told, before)}`);
  assert.ok(similarity(space, told, director) < ALIGN_THRESHOLD, `host / director: ${similarity(space, told, director)}`);
});
