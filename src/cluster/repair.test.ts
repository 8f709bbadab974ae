import test from 'node:test';
import assert from 'node:assert/strict';
import type { EventSignature } from '../doc/types.js';
import { proposeSplit, sameProtagonists, splitsApart, type StoryMember } from './repair.js';
import { growEvent } from './stories.js';

const part = (key: string) => ({ key, start: 0, end: 0 });
const signature = (people: string[], what: string[], when: { start: string; end: string } | null = null): EventSignature => ({
  what: what.map(part),
  who: people.map(part),
  people: people.map(part),
  where: [],
  when: when ? { ...when, basis: 'text', span: null } : null,
});
const group = (...events: EventSignature[]) => ({ size: events.length, event: events.reduce((e, s) => growEvent([e], s), growEvent([], null)) });

test('two groups naming the same main person in most leads, and each other\'s main people, are one event told from two sides', () => {
  const game = group(signature(['lena marsh'], ['win']), signature(['lena marsh', 'ivo dunn'], ['score']), signature(['lena marsh', 'pia rask'], ['win']));
  const comeback = group(signature(['lena marsh', 'pia rask'], ['return']), signature(['lena marsh', 'pia rask'], ['return']), signature(['lena marsh'], ['cheer']));
  assert.equal(sameProtagonists(game, comeback), true);
});

test('groups whose main people differ, or whose dates clash, or of which one alone is dated, stay apart', () => {
  const fired = group(signature(['otto vey', 'rune hale'], ['fire']), signature(['otto vey', 'rune hale'], ['fire']), signature(['otto vey', 'rune hale'], ['coach']));
  const hired = group(signature(['otto vey'], ['hire']), signature(['otto vey'], ['hire']), signature(['otto vey'], ['coach']));
  // Rune Hale, fired in every lead of one group, is named by none of the other's: another event.
  assert.equal(sameProtagonists(fired, hired), false);
  const day = (d: string) => ({ start: d, end: d });
  const may = group(signature(['otto vey'], ['hire'], day('2021-05-02')), signature(['otto vey'], ['hire'], day('2021-05-03')));
  const later = group(signature(['otto vey'], ['hire'], day('2025-05-02')), signature(['otto vey'], ['hire'], day('2025-05-04')));
  assert.equal(sameProtagonists(may, later), false);
  assert.equal(sameProtagonists(may, hired), false);
});

test('a story whose two word groups share their main person is not split', () => {
  const vector = (keys: string[]) => new Map(keys.map((k) => [k, 1 / Math.sqrt(keys.length)]));
  const member = (id: string, keys: string[], people: string[]): StoryMember => ({ id, vector: vector(keys), publishedAt: null, event: signature(people, []) });
  const game = ['score', 'pass', 'yard', 'quarter', 'touchdown'];
  const comeback = ['return', 'emotion', 'injury', 'crowd', 'tribute'];
  const members = [0, 1, 2].map((i) => member(`g${i}`, [...game, `g${i}`], ['lena marsh'])).concat([0, 1, 2].map((i) => member(`c${i}`, [...comeback, `c${i}`], ['lena marsh'])));
  assert.equal(proposeSplit(members), null);
  const others = [0, 1, 2].map((i) => member(`c${i}`, [...comeback, `c${i}`], ['pia rask']));
  assert.ok(proposeSplit([...members.slice(0, 3), ...others]));
});

test('two large groups sharing almost no particulars are split however loosely each coheres', () => {
  // Twelve reports of one kind of happening: each names a few topic words and two of its own group's particulars.
  const keys = [
    ['hacker', 'browser', 'a6', 'a7'], ['attack', 'a1', 'a7'], ['hacker', 'a3', 'a6'], ['attack', 'hacker', 'a0', 'a4'], ['patch', 'a3', 'a0'], ['update', 'browser', 'a4'],
    ['hacker', 'update', 'b1', 'b0'], ['patch', 'hacker', 'b2', 'b5'], ['update', 'browser', 'b6', 'b5'], ['hacker', 'patch', 'b7', 'b0'], ['browser', 'hacker', 'b2', 'b6'], ['attack', 'flaw', 'b2', 'b7'],
  ];
  const members: StoryMember[] = keys.map((k, i) => ({ id: `${i < 6 ? 'a' : 'b'}${i % 6}`, vector: new Map(k.map((w) => [w, 1])), publishedAt: null, event: signature([], []) }));
  // With the relative test off (threshold 0), the absolute one alone splits six and six.
  const plan = proposeSplit(members, 0);
  assert.deepEqual(plan && [plan.keep, plan.part], [['a0', 'a1', 'a2', 'a3', 'a4', 'a5'], ['b0', 'b1', 'b2', 'b3', 'b4', 'b5']]);
  // Five and five are too few for it.
  assert.equal(proposeSplit(members.filter((m) => !m.id.endsWith('5')), 0), null);
});

test('the two parts of a split story are not merged straight back, two halves of one event are', () => {
  const vector = (keys: string[]) => new Map(keys.map((k) => [k, 1 / Math.sqrt(keys.length)]));
  const member = (id: string, keys: string[], people: string[]): StoryMember => ({ id, vector: vector(keys), publishedAt: null, event: signature(people, []) });
  const fired = ['fire', 'coach', 'loss', 'streak', 'dismiss'];
  const hired = ['hire', 'coach', 'contract', 'introduce', 'deal'];
  const story = [0, 1, 2].map((i) => member(`f${i}`, [...fired, `f${i}`], ['rune hale'])).concat([0, 1, 2].map((i) => member(`h${i}`, [...hired, `h${i}`], ['ada brook'])));
  const plan = proposeSplit(story);
  assert.deepEqual(plan && [plan.keep, plan.part], [['f0', 'f1', 'f2'], ['h0', 'h1', 'h2']]);
  const of = (ids: string[]) => story.filter((m) => ids.includes(m.id));
  // A later report naming both events bridges the parts: the split test would cut them apart again.
  const bridge = member('x', ['fire', 'hire', 'coach', 'contract', 'loss'], ['rune hale', 'ada brook']);
  assert.equal(splitsApart(of(plan!.keep), of(plan!.part), bridge), true);
  // Two stories of one event's reports (one told from its first hours, one from a day later) merge.
  const first = [0, 1, 2].map((i) => member(`a${i}`, [...fired, `a${i}`], ['rune hale']));
  const later = [0, 1, 2].map((i) => member(`b${i}`, [...fired.slice(1), 'reaction', `b${i}`], ['rune hale']));
  assert.equal(splitsApart(first, later, bridge), false);
  // A merge the split test would cut elsewhere (a report of one event sitting with the other) is a repair, and is made.
  const misplaced = member('f3', [...hired, 'f3'], ['ada brook']);
  assert.equal(splitsApart([...of(plan!.keep), misplaced], of(plan!.part), bridge), false);
});
