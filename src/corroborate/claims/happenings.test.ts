import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ExportEntity } from '../../export/types.js';
import { mergeEntities } from '../../analyze/entities/merge.js';
import { docFromText } from '../../ingest/plain-text.js';
import { processDoc } from '../../pipeline/docs-from-input.js';
import { unitVectors } from './align.js';
import { findHappeningConflicts } from './happenings.js';
import { claimUnits } from './units.js';

/** Day and place conflicts among articles of one story, one outlet each unless `outlets` says otherwise. Sentences are our own. */
function conflictsOf(texts: string[], outlets: string[] = texts.map((_, i) => `outlet-${i}`)) {
  const docs = texts.map((text, i) => processDoc(docFromText(`Report ${i}\n\n${text}`, `a${i}.txt`, null), { now: new Date('2024-05-10T00:00:00Z') }));
  const entities: ExportEntity[] = mergeEntities(docs).map((e) => ({ id: e.id, name: e.name, type: e.type, aliases: e.aliases, mentions: e.mentions.map((m) => ({ articleId: m.docId, start: m.start, end: m.end, text: m.text })) }));
  const units = docs.flatMap((d) => claimUnits(d, entities));
  return findHappeningConflicts(units, unitVectors(units), (u) => outlets[docs.indexOf(u.doc)]!).map((c) => ({ subject: c.subject, values: c.positions.map((p) => p.value) }));
}

test('two days for one happening of the same people are a conflict, however the day is worded', () => {
  const thursday = 'Singer Maya Torres checked into the Hillcrest clinic in Austin late Thursday, her manager said.';
  const friday = 'Early Friday morning, around 2 a.m., Maya Torres checked into the Hillcrest clinic.';
  assert.deepEqual(conflictsOf([thursday, friday]), [{ subject: 'which day: checked', values: ['late Thursday', 'Early Friday morning'] }]);
  assert.deepEqual(conflictsOf(['The mayor of Eastport resigned on March 3.', 'The mayor of Eastport resigned on March 5, officials said.']), [{ subject: 'which day: resigned', values: ['on March 3', 'on March 5'] }]);
  // One outlet never disputes itself.
  assert.deepEqual(conflictsOf([thursday, friday], ['same', 'same']), []);
});

test('days of different happenings, of different places or of a plan are no conflict', () => {
  const thursday = 'Singer Maya Torres checked into the Hillcrest clinic in Austin late Thursday.';
  // Another clinic: another check-in.
  assert.deepEqual(conflictsOf([thursday, 'Maya Torres checked into the Lakeside centre early Friday.']), []);
  // The day belongs to another verb of the clause.
  assert.deepEqual(conflictsOf([thursday, 'Maya Torres, who checked into the Hillcrest clinic in Austin, will leave on Friday.']), []);
  // A day that qualifies a noun, and a bound, are no day of the happening.
  assert.deepEqual(conflictsOf([thursday, "Maya Torres checked into the Hillcrest clinic before Friday's hearing."]), []);
  // An outlet that gives the happening two days tells two happenings: one rival day is no dispute.
  assert.deepEqual(conflictsOf([thursday, 'Maya Torres checked into the Hillcrest clinic on Friday. She first checked into the Hillcrest clinic on Monday.']), []);
});

test('two towns for one happening are a conflict; a town and its region, or the place of a thing, are not', () => {
  assert.deepEqual(conflictsOf(['Police said the gunman, Carl Webb, was arrested in Fresno on Sunday.', 'Carl Webb was arrested in Oakland on Sunday.']), [{ subject: 'where: arrested', values: ['Fresno', 'Oakland'] }]);
  assert.deepEqual(conflictsOf(['Carl Webb was arrested in Fresno on Sunday.', 'Carl Webb was arrested in California on Sunday.']), []);
  assert.deepEqual(conflictsOf(['Carl Webb was arrested in Fresno on Sunday.', 'Carl Webb was arrested in Colorado on Sunday.']), []);
  // Where the store is, not where it burned.
  assert.deepEqual(conflictsOf(['A fire destroyed a Foodmart store in Banstead on Sunday.', 'A Foodmart store in Surrey was destroyed by a fire on Sunday.']), []);
});

test('two ranks of one deed in one order are a conflict; another deed or a dated rank is not', () => {
  const sixth = 'Wladimir Peterson knocked out Tony Ruiz in the sixth round on Saturday.';
  assert.deepEqual(conflictsOf([sixth, 'Peterson knocked out Ruiz in the fifth round of their title fight.']), [{ subject: 'which in order: knocked out in the … round', values: ['sixth round', 'fifth round'] }]);
  // Knocked down in one round, out in another: two deeds.
  assert.deepEqual(conflictsOf([sixth, 'Peterson knocked down Ruiz in the second round.']), []);
  // A rank of a day or a season tells when, and different ones are most often different occasions.
  assert.deepEqual(conflictsOf(['Tony Ruiz lost on the second day of the event.', 'Tony Ruiz lost on the third day of the event.']), []);
});
