import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ExportEntity } from '../../export/types.js';
import { mergeEntities } from '../../analyze/entities/merge.js';
import { docFromText } from '../../ingest/plain-text.js';
import { processDoc } from '../../pipeline/docs-from-input.js';
import { ALIGN_THRESHOLD, alignUnits, similarity, unitVectors } from './align.js';
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

/** The groups alignUnits makes of a story's articles, each as the texts of its core statements. */
function groupsOf(texts: string[]) {
  const { units, space } = story(texts);
  const text = (i: number) => units[i]!.doc.text.slice(units[i]!.span.start, units[i]!.span.end);
  return { groups: alignUnits(units, space).map((g) => g.core.map(text)), units, space };
}

test('alignUnits: two wordings of one arrest, each told by two outlets, are one claim', () => {
  // Self-written: two outlets print the wire's sentence, two others another outlet's; each pair adds its own details.
  const wire = 'Rovers striker Tomas Ferrell was arrested for investigation of drunk driving on March 4, five days before the cup final.';
  const other = 'Another Rovers player, forward Tomas Ferrell, was arrested early March 4 on suspicion of driving under the influence near the ring road.';
  const { groups } = groupsOf([wire, wire.replace('Rovers striker', 'Striker'), other, other.replace('Another Rovers player', 'A second Rovers player')]);
  const arrest = groups.filter((g) => g.some((t) => /Ferrell/.test(t)));
  assert.equal(arrest.length, 1, JSON.stringify(groups));
  assert.equal(arrest[0]!.length, 4);
});

test('alignUnits: the same names in two different facts, or one arrest on two days, stay apart', () => {
  const arrested = 'Rovers striker Tomas Ferrell was arrested for investigation of drunk driving on March 4.';
  const released = 'Rovers striker Tomas Ferrell was released on bail from the county jail on March 5.';
  const { groups } = groupsOf([arrested, arrested.replace('Rovers striker', 'Striker'), released, released.replace('Rovers striker', 'Striker')]);
  assert.equal(groups.filter((g) => g.length === 2).length, 2, JSON.stringify(groups));
  const otherDay = 'Another Rovers player, forward Tomas Ferrell, was arrested on March 6 on suspicion of driving under the influence near the ring road.';
  const wire = 'Rovers striker Tomas Ferrell was arrested for investigation of drunk driving on March 4, five days before the cup final.';
  const apart = groupsOf([wire, wire.replace('Rovers striker', 'Striker'), otherDay, otherDay.replace('Another Rovers player', 'A second Rovers player')]).groups;
  assert.equal(apart.filter((g) => g.some((t) => /Ferrell/.test(t))).length, 2, JSON.stringify(apart));
});

test("alignUnits: a sentence telling a claim's deed of the same person among other facts joins the claim; the person's other deeds do not", () => {
  // Self-written: the third outlet's sentence says more (the talks it ended), so it is little alike to the claim as a whole.
  const told = 'Singer Marta Vidal will host the Lantern Gala next spring.';
  const { groups, units, space } = groupsOf([
    `${told.slice(0, -1)}, the festival board said.`,
    told,
    'The festival board announced that Marta Vidal would host the Lantern Gala, ending weeks of talks with three other singers and a comedian from Porto.',
    'Marta Vidal sang at the harbour hall in Porto last year.',
  ]);
  const at = (start: string) => units.findIndex((u) => u.doc.text.slice(u.span.start, u.span.end).startsWith(start));
  const [alone, among] = [at(told), at('The festival board announced')];
  // Under the bar the aligner groups at, and under the bridging bar before 0.15.
  assert.ok(similarity(space, alone, among) < 0.2, `${similarity(space, alone, among)}`);
  const hosting = groups.filter((g) => g.some((t) => /host the Lantern Gala/.test(t)));
  assert.equal(hosting.length, 1, JSON.stringify(groups));
  assert.equal(hosting[0]!.length, 3);
  assert.ok(!hosting[0]!.some((t) => /sang/.test(t)));
});
