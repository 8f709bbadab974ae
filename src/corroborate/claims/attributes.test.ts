import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ExportEntity } from '../../export/types.js';
import { findAttributeConflicts, personAttributes } from './attributes.js';

const person = (id: string, name: string): ExportEntity => ({ id, name, type: 'person', aliases: [], descriptions: [], mentions: [] });
const doc = (text: string) => ({ text }) as Parameters<typeof personAttributes>[0];
const mentionOf = (text: string, name: string, entity: ExportEntity) => {
  const start = text.indexOf(name);
  return { start, end: start + name.length, entity };
};

test('personAttributes: the age and home town news prints beside a name, with offsets', () => {
  const lasalle = person('e-1', 'Anthony Phillip LaSalle');
  const text = 'Anthony Phillip LaSalle , 36 , of Bloomington , was pulled over a few blocks away .';
  const found = personAttributes(doc(text), { start: 0, end: text.length }, [mentionOf(text, 'Anthony Phillip LaSalle', lasalle)]);
  assert.deepEqual(found.map((a) => [a.kind, a.key, text.slice(a.start, a.end)]), [['age', '36', '36'], ['residence', 'bloomington', 'of Bloomington']]);
  const before = 'Police said the 66-year-old Johnson was walking with her husband .';
  const johnson = person('e-2', 'LuAnn Johnson');
  assert.deepEqual(personAttributes(doc(before), { start: 0, end: before.length }, [mentionOf(before, 'Johnson', johnson)]).map((a) => [a.kind, a.key]), [['age', '66']]);
  // Other ways news prints an age beside a name; a figure going on to more words is no age.
  const ages = (text: string, name: string) => personAttributes(doc(text), { start: 0, end: text.length }, [mentionOf(text, name, person('e-5', name))]).map((a) => [a.kind, a.key, text.slice(a.start, a.end)]);
  assert.deepEqual(ages('Carl Webb, aged 41, of Leeds, was named as the driver.', 'Carl Webb'), [['age', '41', '41'], ['residence', 'leeds', 'of Leeds']]);
  assert.deepEqual(ages('The dead man was Carl Webb (41) from Leeds.', 'Carl Webb'), [['age', '41', '41']]);
  assert.deepEqual(ages('Police identified the driver as Carl Webb, 41.', 'Carl Webb'), [['age', '41', '41']]);
  assert.deepEqual(ages('Carl Webb, 41 points ahead, won.', 'Carl Webb'), []);
  // "of the" is an organisation's or a role's, a country holds a town: neither is a home town.
  const role = 'Billy King , of the Sixers , and Tony Blair , of Britain , spoke .';
  assert.deepEqual(personAttributes(doc(role), { start: 0, end: role.length }, [mentionOf(role, 'Billy King', person('e-3', 'Billy King')), mentionOf(role, 'Tony Blair', person('e-4', 'Tony Blair'))]), []);
});

test('findAttributeConflicts: two sources giving one person different home towns; one source never disputes itself', () => {
  const attribute = (key: string) => ({ entity: 'e-1', name: 'LaSalle', kind: 'residence' as const, key, start: 0, end: 3, text: `of ${key}`, cite: { start: 0, end: 3 } });
  const units = [{ attributes: [attribute('bloomington')] }, { attributes: [attribute('bloomington')] }, { attributes: [attribute('minneapolis')] }];
  const conflicts = findAttributeConflicts(units, (i) => ['a', 'b', 'c'][i]!);
  assert.equal(conflicts.length, 1);
  assert.equal(conflicts[0]!.subject, 'where LaSalle lives');
  assert.deepEqual(conflicts[0]!.positions.map((p) => p.refs.map((r) => r.unit)), [[0, 1], [2]]);
  assert.deepEqual(findAttributeConflicts(units, () => 'same outlet'), []);
});
