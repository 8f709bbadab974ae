import test from 'node:test';
import assert from 'node:assert/strict';
import type { EventSignature } from '../doc/types.js';
import { ABSORBING_SIZE, absorbs, DEFAULT_AGREEING_EVENT_FACTOR, DEFAULT_COLD_DAYS, DEFAULT_DISJOINT_HEADLINE_FACTOR, SHORT_TEXT_BRIDGE_RATIO, SHORT_TEXT_KEYS, DEFAULT_JOIN_THRESHOLD, DEFAULT_PEOPLE_CLASH_MAX_SCORE, DEFAULT_PROTAGONIST_FACTOR, DEFAULT_WHEN_TOLERANCE_DAYS, gapDays, groupArticle, growEvent, growStory, timePenalty, type StorySummary, type TermVector } from './stories.js';

const DAY = 86_400_000;
const vector = (entries: Record<string, number>): TermVector => new Map(Object.entries(entries));
const story = (id: string, centroid: TermVector, at: number | null, size = 1): StorySummary => ({ id, size, centroid, firstAt: at, lastAt: at });

test('time penalty: none within a week, growing with the gap, and a cold story is never joined', () => {
  assert.equal(timePenalty(null), 0);
  assert.equal(timePenalty(3), 0);
  assert.ok(timePenalty(28)! > timePenalty(14)!);
  assert.equal(timePenalty(DEFAULT_COLD_DAYS + 1), null);
  assert.equal(gapDays(10 * DAY, story('s', new Map(), 5 * DAY)), 5);
  assert.equal(gapDays(null, story('s', new Map(), 5 * DAY)), null);
});

test('an article joins the most similar story above the threshold, and starts its own below it', () => {
  const strike = story('s-strike', vector({ dock: 1, crane: 1, union: 1, lendra: 1 }), 0);
  const library = story('s-library', vector({ library: 1, hours: 1, students: 1 }), 0);
  assert.equal(groupArticle(vector({ dock: 1, crane: 1, pay: 1 }), DAY, [library, strike]).storyId, 's-strike');
  assert.equal(groupArticle(vector({ ferry: 1, timetable: 1 }), DAY, [library, strike]).storyId, null);
});

test('the same similarity joins a story a day later but not two months later', () => {
  const centroid = vector({ voss: 1, torvik: 1, accord: 1, herring: 1 });
  const article = vector({ voss: 1, torvik: 1, tunnel: 1, rail: 1, freight: 1, mountain: 1 });
  const score = groupArticle(article, DAY, [story('s', centroid, 0)]).score;
  assert.ok(score >= DEFAULT_JOIN_THRESHOLD && score < DEFAULT_JOIN_THRESHOLD + timePenalty(60)!);
  assert.equal(groupArticle(article, DAY, [story('s', centroid, 0)]).storyId, 's');
  assert.equal(groupArticle(article, 60 * DAY, [story('s', centroid, 0)]).storyId, null);
});

test('a bridging article merges two close stories into the larger; a merely similar one is not merged', () => {
  const first = story('s-first', vector({ gondola: 3, rope: 2, rescue: 2, gorge: 1 }), 0, 4);
  const update = story('s-update', vector({ gondola: 3, rope: 1, rescue: 1, inquiry: 2 }), DAY, 2);
  const other = story('s-other', vector({ gondola: 1, fares: 3, tourism: 3 }), DAY, 3);
  const bridge = vector({ gondola: 2, rope: 1, rescue: 1, inquiry: 1, fares: 1, tourism: 1 });
  const assignment = groupArticle(bridge, DAY, [update, first, other]);
  assert.deepEqual(assignment.merge.map((m) => m.storyId).sort(), assignment.storyId === 's-first' ? ['s-update'] : ['s-first']);
  const grown = growStory(first, 's-new', bridge, DAY, [update]);
  assert.equal(grown.id, 's-first');
  assert.equal(grown.size, 7);
  assert.equal(grown.firstAt, 0);
  assert.equal(grown.lastAt, DAY);
});

/** A lead naming `person` first, with the triggers `what`. */
const lead = (person: string, ...what: string[]): EventSignature => ({ what: what.map((key) => ({ key, start: 0, end: 4 })), who: [], people: [{ key: person, start: 0, end: 4 }], where: [], when: null });
const signature = (start: string, end = start): EventSignature => ({ what: [], who: [], where: [], when: { start, end, basis: 'text', span: { start: 0, end: 4 } } });

test('same words, main-event dates years apart: the article starts a story of its own; within the tolerance it joins', () => {
  const centroid = vector({ klitschko: 2, title: 1, defend: 1, round: 1 });
  const fight = { ...story('s-fight', centroid, null), event: growEvent([], signature('2008-12-13')) };
  const rematch = vector({ klitschko: 2, title: 1, defend: 1, knockout: 1 });
  assert.equal(groupArticle(rematch, null, [fight], DEFAULT_JOIN_THRESHOLD, signature('2012-07-07')).storyId, null);
  assert.equal(groupArticle(rematch, null, [fight], DEFAULT_JOIN_THRESHOLD, signature('2008-12-14')).storyId, 's-fight');
  const edge = new Date(Date.parse('2008-12-13') + (DEFAULT_WHEN_TOLERANCE_DAYS - 1) * DAY).toISOString().slice(0, 10);
  assert.equal(groupArticle(rematch, null, [fight], DEFAULT_JOIN_THRESHOLD, signature(edge)).storyId, 's-fight');
  // Without a date on either side the words decide.
  assert.equal(groupArticle(rematch, null, [fight], DEFAULT_JOIN_THRESHOLD, null).storyId, 's-fight');
});

test('with stated publication dates, six weeks on a lead telling another happening is another event; one naming the story\'s happening, or three weeks on, joins', () => {
  const centroid = vector({ corps: 2, lawsuit: 1, court: 1, trademark: 1 });
  const dated = (day: string, ...what: string[]): EventSignature => ({ ...signature(day), what: what.map((key) => ({ key, start: 0, end: 4 })) });
  const suit = { ...story('s-suit', centroid, Date.parse('2006-03-28')), event: growEvent([], dated('2006-03-28', 'file', 'lawsuit', 'trademark')) };
  const at = (day: string) => Date.parse(day);
  assert.equal(groupArticle(centroid, at('2006-05-08'), [suit], DEFAULT_JOIN_THRESHOLD, dated('2006-05-08', 'lose', 'case', 'court')).storyId, null);
  assert.equal(groupArticle(centroid, at('2006-05-08'), [suit], DEFAULT_JOIN_THRESHOLD, dated('2006-05-08', 'lose', 'case', 'lawsuit')).storyId, 's-suit');
  assert.equal(groupArticle(centroid, at('2006-04-18'), [suit], DEFAULT_JOIN_THRESHOLD, dated('2006-04-18', 'lose', 'case', 'court')).storyId, 's-suit');
  // Undated, a weekday may resolve to another year: only the wide tolerance applies.
  assert.equal(groupArticle(centroid, null, [{ ...suit, firstAt: null, lastAt: null }], DEFAULT_JOIN_THRESHOLD, dated('2006-05-08', 'lose', 'case', 'court')).storyId, 's-suit');
});

test('a headline sharing no word with the story\'s headlines needs a higher score; one naming its actor or happening does not', () => {
  const centroid = vector({ bailout: 1, senate: 1, automaker: 1, vote: 1 });
  const article = vector({ bailout: 1, automaker: 1, white: 1, house: 1, rescue: 1, consider: 1 });
  const headlined = (...headline: string[]): EventSignature => ({ what: [], who: [], where: [], when: null, headline });
  const vote = { ...story('s-vote', centroid, 0), event: growEvent([], headlined('automak', 'bailout', 'fail', 'senat')) };
  const score = groupArticle(article, DAY, [vote]).score;
  assert.ok(score >= DEFAULT_JOIN_THRESHOLD && score < DEFAULT_JOIN_THRESHOLD * DEFAULT_DISJOINT_HEADLINE_FACTOR, `score ${score}`);
  assert.equal(groupArticle(article, DAY, [vote], DEFAULT_JOIN_THRESHOLD, headlined('white', 'hous', 'consid', 'rescu', 'plan')).storyId, null);
  assert.equal(groupArticle(article, DAY, [vote], DEFAULT_JOIN_THRESHOLD, headlined('senat', 'bailout', 'rescu')).storyId, 's-vote');
  // Without a headline on the article the words decide.
  assert.equal(groupArticle(article, DAY, [vote], DEFAULT_JOIN_THRESHOLD, headlined()).storyId, 's-vote');
});

test("a story's event counts each lead's parts and spans its members' dates", () => {
  const first = growEvent([], { what: [{ key: 'quake', start: 0, end: 5 }], who: [], where: [{ key: 'IDN', start: 9, end: 18 }], when: { start: '2009-09-30', end: '2009-09-30', basis: 'text', span: null } });
  const grown = growEvent([first], { what: [{ key: 'quake', start: 0, end: 5 }], who: [], where: [], when: { start: '2009-10-02', end: '2009-10-02', basis: 'published', span: null } });
  assert.equal(grown.what.get('quake'), 2);
  assert.equal(grown.where.get('IDN'), 1);
  assert.deepEqual(grown.when, { start: '2009-09-30', end: '2009-10-02' });
});

test('a single article an article bridges to is merged when it would join the story now; a larger story at the same cosine is not', () => {
  const main = vector({ gondola: 3, rope: 2, rescue: 2, gorge: 1, cabin: 1 });
  const early = vector({ gondola: 1, rescue: 1, ferry: 2, harbour: 2 });
  const centroidCosine = groupArticle(early, 0, [story('s-main', main, 0, 6)]).score;
  assert.ok(centroidCosine >= DEFAULT_JOIN_THRESHOLD && centroidCosine < 0.45, `cosine ${centroidCosine}`);
  const bridge = vector({ gondola: 2, rope: 1, rescue: 2, ferry: 1, harbour: 1 });
  const merged = (size: number) => groupArticle(bridge, 0, [story('s-main', main, 0, 6), story('s-early', early, 0, size)]);
  assert.equal(merged(1).storyId, 's-main');
  assert.deepEqual(merged(1).merge.map((m) => m.storyId), ['s-early']);
  assert.deepEqual(merged(3).merge, []);
});

test('a single article among the candidates that would join the story now comes along, though the arriving article does not clear it', () => {
  const main = vector({ gondola: 3, rope: 2, rescue: 2, gorge: 1, cabin: 1 });
  const early = vector({ gondola: 1, rescue: 1, ferry: 2, harbour: 2 });
  const arriving = vector({ gondola: 2, rope: 2, gorge: 1, cabin: 1 });
  assert.ok(groupArticle(arriving, 0, [story('s-early', early, 0)]).storyId === null, 'the arriving article does not clear the early one');
  const grouped = (size: number, centroid = early) => groupArticle(arriving, 0, [story('s-main', main, 0, 6), story('s-early', centroid, 0, size)]);
  assert.deepEqual(grouped(1).merge.map((m) => m.storyId), ['s-early']);
  assert.deepEqual(grouped(3).merge, []);
  assert.deepEqual(grouped(1, vector({ ferry: 2, harbour: 2, timetable: 1 })).merge, []);
});

test('a lead about another person keeps an article out unless it shares most of the story’s words', () => {
  const arrest = { ...story('s-arrest', vector({ arrest: 2, charger: 1, drunk: 1, driving: 1 }), null, 3), event: growEvent([growEvent([growEvent([], lead('vincent jackson'))], lead('vincent jackson'))], lead('vincent jackson')) };
  // The same kind of arrest, another player: few shared words, the person check keeps it out.
  const other = vector({ arrest: 1, charger: 1, linebacker: 2, parole: 2 });
  assert.ok(groupArticle(other, null, [arrest]).score >= DEFAULT_JOIN_THRESHOLD);
  assert.equal(groupArticle(other, null, [arrest], DEFAULT_JOIN_THRESHOLD, lead('jamal williams')).storyId, null);
  // A report opening on the arresting officer with the story's own words is the same arrest.
  const same = vector({ arrest: 2, charger: 1, drunk: 1, driving: 1, officer: 1 });
  assert.ok(groupArticle(same, null, [arrest]).score >= DEFAULT_PEOPLE_CLASH_MAX_SCORE);
  assert.equal(groupArticle(same, null, [arrest], DEFAULT_JOIN_THRESHOLD, lead('officer smith')).storyId, 's-arrest');
});

test('an article whose lead opens on the story’s protagonist with one of its triggers joins at half the usual similarity; the protagonist alone does not', () => {
  const rehab = { ...story('s-rehab', vector({ rehab: 2, clinic: 1, check: 1, lohan: 2, judge: 1, sentence: 1 }), null), event: growEvent([], lead('lindsay lohan', 'check', 'rehab')) };
  // A report disputing the clinic: few shared words, its cosine below the threshold but above half of it.
  const disputing = vector({ lohan: 1, never: 2, entered: 2, facility: 2, unlicensed: 2, rehab: 1 });
  const score = groupArticle(disputing, null, [rehab]).score;
  assert.ok(score < DEFAULT_JOIN_THRESHOLD && score >= DEFAULT_JOIN_THRESHOLD * DEFAULT_AGREEING_EVENT_FACTOR, `cosine ${score}`);
  assert.equal(groupArticle(disputing, null, [rehab], DEFAULT_JOIN_THRESHOLD, lead('lindsay lohan', 'enter', 'rehab')).storyId, 's-rehab');
  assert.equal(groupArticle(disputing, null, [rehab], DEFAULT_JOIN_THRESHOLD, lead('lindsay lohan', 'sue', 'lawsuit')).storyId, null);
  assert.equal(groupArticle(disputing, null, [rehab], DEFAULT_JOIN_THRESHOLD, lead('judge marsha revel', 'enter', 'rehab')).storyId, null);
});

test('a single-article story with the same protagonist and trigger merges into the story an article joins at half the centroid cosine; another protagonist does not', () => {
  const rehab = { ...story('s-rehab', vector({ rehab: 2, clinic: 1, check: 1, lohan: 2, judge: 1, sentence: 1 }), null), event: growEvent([], lead('lindsay lohan', 'check', 'rehab')) };
  const early = (person: string) => ({ ...story('s-early', vector({ lohan: 1, never: 2, entered: 2, facility: 2, unlicensed: 2, rehab: 1 }), null), event: growEvent([], lead(person, 'enter', 'rehab')) });
  const arriving = vector({ rehab: 2, clinic: 1, check: 1, lohan: 1, judge: 1 });
  const centroidCosine = groupArticle(early('x').centroid, null, [rehab]).score;
  assert.ok(centroidCosine < DEFAULT_JOIN_THRESHOLD && centroidCosine >= DEFAULT_JOIN_THRESHOLD * DEFAULT_AGREEING_EVENT_FACTOR, `cosine ${centroidCosine}`);
  const merged = (person: string) => groupArticle(arriving, null, [rehab, early(person)], DEFAULT_JOIN_THRESHOLD, lead('lindsay lohan', 'check', 'rehab')).merge.map((m) => m.storyId);
  assert.deepEqual(merged('lindsay lohan'), ['s-early']);
  assert.deepEqual(merged('dina lohan'), []);
});

test('a lead opening on the story’s main person joins at a lower similarity even in other words; another person, or a date years off, does not', () => {
  // Two reports of a sailor lost off a headland, both opening on her.
  const lost = { ...story('s-lost', vector({ sailor: 2, headland: 2, capsize: 2, coastguard: 1, search: 1, ingrid: 1, halvorsen: 1 }), null, 2), event: growEvent([growEvent([], lead('ingrid halvorsen', 'capsize', 'search'))], lead('ingrid halvorsen', 'capsize', 'search')) };
  // A report that tells it in other words ("feared drowned after her dinghy overturned"): a lower cosine, no shared trigger.
  const worded = vector({ ingrid: 1, halvorsen: 1, headland: 1, drown: 2, dinghy: 2, overturn: 2, fear: 1 });
  const score = groupArticle(worded, null, [lost]).score;
  assert.ok(score < DEFAULT_JOIN_THRESHOLD && score >= DEFAULT_JOIN_THRESHOLD * DEFAULT_PROTAGONIST_FACTOR, `cosine ${score}`);
  assert.equal(groupArticle(worded, null, [lost], DEFAULT_JOIN_THRESHOLD, lead('ingrid halvorsen', 'fear', 'drown')).storyId, 's-lost');
  assert.equal(groupArticle(worded, null, [lost], DEFAULT_JOIN_THRESHOLD, lead('tomas berg', 'fear', 'drown')).storyId, null);
  // The same person years later is another event.
  const dated = { ...lost, event: { ...lost.event, when: { start: '2015-06-01', end: '2015-06-02' } } };
  const later: EventSignature = { ...lead('ingrid halvorsen', 'fear', 'drown'), when: { start: '2021-06-01', end: '2021-06-01', basis: 'text', span: { start: 0, end: 4 } } };
  assert.equal(groupArticle(worded, null, [dated], DEFAULT_JOIN_THRESHOLD, later).storyId, null);
  // A single report opening on her is no main person yet: the usual threshold holds.
  const single = { ...lost, size: 1, event: growEvent([], lead('ingrid halvorsen', 'capsize', 'search')) };
  assert.equal(groupArticle(worded, null, [single], DEFAULT_JOIN_THRESHOLD, lead('ingrid halvorsen', 'fear', 'drown')).storyId, null);
});

test('a single-article story opening on the main person of the story an article joins merges at a lower centroid cosine; one opening on another person does not', () => {
  const lost = { ...story('s-lost', vector({ sailor: 2, headland: 2, capsize: 2, coastguard: 1, search: 1, ingrid: 1, halvorsen: 1 }), null, 2), event: growEvent([growEvent([], lead('ingrid halvorsen', 'capsize', 'search'))], lead('ingrid halvorsen', 'capsize', 'search')) };
  const early = (person: string) => ({ ...story('s-early', vector({ ingrid: 1, halvorsen: 1, headland: 1, drown: 2, dinghy: 2, overturn: 2, fear: 1 }), null), event: growEvent([], lead(person, 'fear', 'drown')) });
  const centroidCosine = groupArticle(early('x').centroid, null, [lost]).score;
  assert.ok(centroidCosine < DEFAULT_JOIN_THRESHOLD && centroidCosine >= DEFAULT_JOIN_THRESHOLD * DEFAULT_PROTAGONIST_FACTOR, `cosine ${centroidCosine}`);
  const arriving = vector({ sailor: 2, headland: 1, capsize: 2, coastguard: 2, search: 1 });
  const merged = (person: string) => groupArticle(arriving, null, [lost, early(person)], DEFAULT_JOIN_THRESHOLD, told('search', 'capsize')).merge.map((m) => m.storyId);
  assert.deepEqual(merged('ingrid halvorsen'), ['s-early']);
  assert.deepEqual(merged('tomas berg'), []);
});

test('a lead opening on someone else joins when its headline names the story’s main person; a headline naming no one of it does not', () => {
  const arrest = { ...story('s-arrest', vector({ arrest: 2, charger: 1, drunk: 1, driving: 1 }), null, 3), event: growEvent([growEvent([growEvent([], lead('vincent jackson'))], lead('vincent jackson'))], lead('vincent jackson')) };
  // A report opening on the player's lawyer, sharing some of the story's words.
  const lawyer = vector({ arrest: 1, charger: 1, drunk: 1, lawyer: 2, plea: 2, hearing: 1 });
  const score = groupArticle(lawyer, null, [arrest]).score;
  assert.ok(score >= DEFAULT_JOIN_THRESHOLD && score < DEFAULT_PEOPLE_CLASH_MAX_SCORE, `cosine ${score}`);
  const withHeadline = (headline: string[]): EventSignature => ({ ...lead('mara quint'), headline });
  assert.equal(groupArticle(lawyer, null, [arrest], DEFAULT_JOIN_THRESHOLD, withHeadline(['jackson', 'lawyer', 'plea'])).storyId, 's-arrest');
  assert.equal(groupArticle(lawyer, null, [arrest], DEFAULT_JOIN_THRESHOLD, withHeadline(['charger', 'lawyer', 'plea'])).storyId, null);
});

/** A lead with the triggers `what` and no one named. */
const told = (...what: string[]): EventSignature => ({ what: what.map((key) => ({ key, start: 0, end: 4 })), who: [], people: [], where: [], when: null });

test('a one-line report that clears two thin stories of one event almost equally, and tells their event, merges them; a look-alike it clears less well stays apart', () => {
  // Two stories of one-line reports of a ferry run aground: their centroids share too few words to merge by themselves.
  const aground = { ...story('s-aground', vector({ ferry: 1, reef: 1, aground: 1, passenger: 1, rescue: 1 }), null, 2), event: growEvent([growEvent([], told('aground', 'ferry', 'rescue'))], told('aground', 'ferry')) };
  const towed = { ...story('s-towed', vector({ ferry: 1, reef: 1, tow: 1, tug: 1, coastguard: 1, harbour: 1 }), null, 2), event: growEvent([growEvent([], told('tow', 'ferry', 'aground'))], told('tow', 'tug')) };
  // Another ferry, sunk in a storm, told at length.
  const sunk = { ...story('s-sunk', vector({ ferry: 2, sink: 2, storm: 2, reef: 1, passenger: 1 }), null, 6), event: growEvent([], told('sink', 'storm', 'ferry')) };
  const line = vector({ ferry: 1, reef: 1, aground: 1, tow: 1, tug: 1 });
  assert.ok(line.size < SHORT_TEXT_KEYS);
  const scores = new Map([aground, towed, sunk].map((s) => [s.id, groupArticle(line, null, [s]).score]));
  assert.ok(groupArticle(aground.centroid, null, [towed]).score < 0.4, 'the two stories alone are not close enough to merge');
  assert.ok(scores.get('s-aground')! >= SHORT_TEXT_BRIDGE_RATIO * scores.get('s-towed')! && scores.get('s-sunk')! >= DEFAULT_JOIN_THRESHOLD && scores.get('s-sunk')! < SHORT_TEXT_BRIDGE_RATIO * scores.get('s-towed')!, JSON.stringify([...scores]));
  const grouped = (article: TermVector, event: EventSignature) => groupArticle(article, null, [aground, towed, sunk], DEFAULT_JOIN_THRESHOLD, event);
  assert.equal(grouped(line, told('aground', 'tow', 'ferry')).storyId, 's-towed');
  assert.deepEqual(grouped(line, told('aground', 'tow', 'ferry')).merge.map((m) => m.storyId), ['s-aground']);
  // One trigger in common is what look-alike events share too: no merge.
  assert.deepEqual(grouped(line, told('tow', 'ferry')).merge, []);
  // A longer text has its own words to meet the centroids with: the thin stories' test applies to short texts only.
  const long = new Map([...line, ...Array.from({ length: SHORT_TEXT_KEYS }, (_, i) => [`filler${i}`, 0.01] as [string, number])]);
  assert.deepEqual(grouped(long, told('aground', 'tow', 'ferry')).merge, []);
});

test('a lone report near an established story, clearly nearer than to any other, is absorbed; near a look-alike too, or beside a small story, it is not', () => {
  const quake = vector({ quake: 3, magnitude: 2, coast: 2, tremor: 1, aftershock: 1 });
  const lookAlike = vector({ quake: 3, magnitude: 2, valley: 2, landslide: 2 });
  const late = story('s-late', vector({ quake: 1, coast: 1, aftershock: 1, harbour: 3, ferry: 3, school: 3 }), null);
  const score = absorbs(late, story('s-quake', quake, null, ABSORBING_SIZE), [story('s-other', lookAlike, null, 8)]);
  assert.ok(score !== null && score < DEFAULT_JOIN_THRESHOLD, `a lone report below the join threshold: ${score}`);
  // As near the look-alike event's story as to its own: which event it reports is not clear.
  assert.equal(absorbs(late, story('s-quake', quake, null, ABSORBING_SIZE), [story('s-other', vector({ quake: 1, coast: 1, harbour: 2, ferry: 1 }), null, 8)]), null);
  // A story that has not grown yet may be the look-alike of an event whose own story does not exist yet.
  assert.equal(absorbs(late, story('s-quake', quake, null, ABSORBING_SIZE - 1), []), null);
});
