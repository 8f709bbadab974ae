import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ExportEntity } from '../../export/types.js';
import { mergeEntities } from '../../analyze/entities/merge.js';
import { docFromText } from '../../ingest/plain-text.js';
import { processDoc } from '../../pipeline/docs-from-input.js';
import { findSlotConflicts, ordinalValue } from './slots.js';
import { claimUnits } from './units.js';

/** Slot conflicts among articles of one story, one outlet each unless `outlets` says otherwise. Sentences are from ECB+ (CC BY 3.0). */
function conflictsOf(texts: string[], outlets: string[] = texts.map((_, i) => `outlet-${i}`)) {
  const docs = texts.map((text, i) => processDoc(docFromText(text, `a${i}.txt`, null), { now: new Date(0) }));
  const entities: ExportEntity[] = mergeEntities(docs).map((e) => ({ id: e.id, name: e.name, type: e.type, aliases: e.aliases, mentions: e.mentions.map((m) => ({ articleId: m.docId, start: m.start, end: m.end, text: m.text })) }));
  const units = docs.flatMap((d) => claimUnits(d, entities));
  return findSlotConflicts(units, (u) => outlets[docs.indexOf(u.doc)]!).map((c) => ({ subject: c.subject, values: c.positions.map((p) => p.value) }));
}

test('a count by indefinite article disputes a number of the same thing someone has, qualified alike', () => {
  const threePrior = 'State records show Lasalle has three prior DUI convictions , spanning from 1990 to 1991 .';
  const onePrior = 'He has a prior DWI conviction in Minnetonka from 1992 .';
  assert.deepEqual(conflictsOf([threePrior, onePrior]), [{ subject: 'how many: prior DUI convictions', values: ['three prior DUI convictions', 'a prior DWI conviction'] }]);
  // One outlet never disputes itself.
  assert.deepEqual(conflictsOf([threePrior, onePrior], ['same', 'same']), []);
  // Convictions for something else are other convictions.
  assert.deepEqual(conflictsOf(['He also has two motor vehicle theft convictions .', onePrior]), []);
});

test('after a verb of a happening, an article is one instance, not a total, unless both pin it to one place', () => {
  const two = 'Last month , Navy warship INS Tabar , a missile-frigate , had sunk a mother ship of the pirates and had also rescued two merchant vessels under attack .';
  const one = 'The Indian navy captured 23 pirates in the Gulf of Aden after rescuing a merchant vessel that was being hijacked on Saturday .';
  assert.deepEqual(conflictsOf([two, one]), []);
  const another = 'After the suspected motorist hit the woman , he allegedly hit another car in the parking lot and another car on American Boulevard .';
  const several = 'She said the driver then gunned the car and took off , hitting several cars in the parking lot along the way .';
  assert.deepEqual(conflictsOf([another, several]), [{ subject: 'how many: car', values: ['another car', 'several cars'] }]);
});

test('two ranks of one person in one order: "the fourth head coach" against "the fifth Sixers coach"', () => {
  // Each with an earlier sentence of its article, where the person is named in full.
  const fourth = "Billy King spun the 76ers' head coach revolving door again yesterday , pushing out Jim O'Brien after just one season and bringing in Maurice Cheeks , the popular former Sixers player and assistant coach , as O'Brien's replacement . Cheeks , who was fired March 2 as head coach of the Portland Trail Blazers , is the fourth head coach since King took over as the team's president and general manager on May 26 , 2003 .";
  const fifth = 'Maurice Cheeks is running the show again for the Philadelphia 76ers . Certainly , King knows a thing or two about making changes - - Cheeks will be the fifth Sixers coach in four years under his watch .';
  assert.deepEqual(conflictsOf([fourth, fifth]).map((c) => c.values), [['fourth head coach', 'fifth Sixers coach']]);
  // Ranks in one order need one person named on both sides: "he" could be anyone.
  assert.deepEqual(conflictsOf([fourth, fifth.replace(/Cheeks will/, 'he will')]), []);
});

test('"walking into the store" against "walking out of a store" when both tell the same happening', () => {
  const into = 'LuAnn Marie Johnson , 66 , of Burnsville , was walking into the store at 200 W. American Blvd. with her husband when she was struck just after 7 p.m. , said Sgt. Marty Earley .';
  const outOf = 'The Hennepin County Attorney filed criminal charges Friday against the man who they say hit and killed a woman walking out of a store .';
  assert.deepEqual(conflictsOf([into, outOf]).map((c) => c.values), [['walking into the store', 'walking out of a store']]);
  // The same outlet telling both is no dispute between sources.
  assert.deepEqual(conflictsOf([into, outOf], ['same', 'same']), []);
});

test('a deed one outlet denies and another asserts of the same named place is a dispute', () => {
  const checkedIn = 'Singer Tom Avery checked into Cedar Ridge clinic on Monday , his publicist said .';
  const neverEntered = 'Tom Avery never entered Cedar Ridge , a source close to the singer said .';
  // Checking into a place is entering it: the denial of entering disputes it.
  assert.deepEqual(conflictsOf([checkedIn, neverEntered]).map((c) => c.values.sort()), [['checked into Cedar', 'never entered Cedar']]);
  assert.deepEqual(conflictsOf(['Tom Avery hadn ’ t entered Cedar Ridge by Monday night .', 'Tom Avery entered Cedar Ridge on Monday .']).length, 1);
  assert.deepEqual(conflictsOf([checkedIn, neverEntered], ['same', 'same']), []);
  // Entering is not checking in: denying the one leaves the other standing.
  assert.deepEqual(conflictsOf(['Tom Avery entered Cedar Ridge on Monday .', 'Tom Avery never checked into Cedar Ridge .']), []);
});

test('a plan, a "not yet", an infinitive or another person is no denial of the deed', () => {
  const checkedIn = 'Singer Tom Avery checked into Cedar Ridge clinic on Monday , his publicist said .';
  for (const other of [
    'Tom Avery will not enter Cedar Ridge , his lawyer said .',
    'Tom Avery ca n\'t enter Cedar Ridge before a judge approves it .',
    "Tom Avery won't enter Cedar Ridge , his lawyer said .",
    'Tom Avery has not yet entered Cedar Ridge .',
    'It is unclear whether Tom Avery entered Cedar Ridge at all .',
    'His manager had arranged for Tom Avery to check into Cedar Ridge .',
    'Dana Wells never entered Cedar Ridge , the clinic said .',
  ]) assert.deepEqual(conflictsOf([checkedIn, other]), [], other);
});

test('ordinal words and numbered ordinals have a rank; other words, object keys included, have none', () => {
  assert.equal(ordinalValue('fifth'), 5);
  assert.equal(ordinalValue('21st'), 21);
  assert.equal(ordinalValue('constructor'), null);
  assert.equal(ordinalValue('coach'), null);
});
