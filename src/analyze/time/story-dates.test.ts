import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Doc } from '../../doc/types.js';
import { readInput } from '../../ingest/read-inputs.js';
import { docsFromInput, processDoc } from '../../pipeline/docs-from-input.js';
import { docFromText } from '../../ingest/plain-text.js';
import { inferStoryDates } from './story-dates.js';
import { SEEDS } from '../../../test/paths.js';

async function seeds(): Promise<Doc[]> {
  const docs: Doc[] = [];
  for (const f of readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort()) {
    const read = await readInput(join(SEEDS, f), {});
    assert.ok(read.ok, f);
    docs.push(docsFromInput(read.file)[0]!);
  }
  return docs;
}

test('seeds: each undated article gets the days its references to happenings 001 dates allow, with both articles\' words', async () => {
  const docs = await seeds();
  assert.deepEqual(docs.map((d) => d.meta.publishedAt), [null, '2026-01-09', null, '2026-01-14', null]);
  const ranges = inferStoryDates(docs);
  const words = (r: (typeof ranges)[number]) => r.evidence.map((e) => [e.doc.id, e.doc.text.slice(e.span.start, e.span.end)]);
  // 000: the call "earlier this week" is 001's call "on Wednesday" (January 7): published by Sunday; Trump's announcement,
  // with the words of his post 001 quotes after dating the announcement "on Friday" (January 9): not before it.
  // 002: the call "last week": published in the week after, January 12-18; its meeting with the Council of Ministers,
  // where Petro said the words 003 quotes from the cabinet meeting it dates January 14 (003's own month and day, in
  // that range): not before it.
  // 003: dated from its own text no earlier than the cabinet meeting of January 14; its call "last week" closes it on the 18th.
  // 004: the raid "on Saturday night" (January 3), and the call Trump "said he spoke" of, with the words 001 quotes
  // of its call "on Wednesday" (January 7): not before it. Its warning "earlier this week" is a saying 001 does not
  // tell (001's "earlier this week" is what Trump suggested): no evidence.
  assert.deepEqual(ranges.map((r) => [r.articleId, r.start, r.end]), [
    [docs[0]!.id, '2026-01-09', '2026-01-11'],
    [docs[2]!.id, '2026-01-14', '2026-01-18'],
    [docs[3]!.id, '2026-01-14', '2026-01-18'],
    [docs[4]!.id, '2026-01-07', '2026-01-09'],
  ]);
  assert.deepEqual(words(ranges[0]!).filter((_, i) => i !== 2), [[docs[0]!.id, 'earlier this week'], [docs[1]!.id, 'on Wednesday'], [docs[1]!.id, 'on Friday']]);
  assert.equal(words(ranges[0]!)[2]![1]!.replace(/\s+/g, ' '), 'Trump announced the upcoming meeting in a post on his Truth Social platform.');
  assert.deepEqual(words(ranges[1]!).slice(0, 2), [[docs[2]!.id, 'last week'], [docs[1]!.id, 'on Wednesday']]);
  assert.deepEqual(words(ranges[1]!)[3], [docs[3]!.id, 'on January 14']);
  assert.match(words(ranges[1]!)[2]![1]!, /^Petro made the announcement during a meeting with the Council of Ministers/);
  assert.deepEqual(words(ranges[2]!), [[docs[3]!.id, 'last week'], [docs[1]!.id, 'on Wednesday']]);
  assert.deepEqual(words(ranges[3]!), [[docs[4]!.id, 'on Saturday night'], [docs[1]!.id, 'on January 3, 2026'], [docs[4]!.id, 'Trump said he spoke with Petro by phone, during which the Colombian leader explained “the situation of drugs and other disagreements.”'], [docs[1]!.id, 'on Wednesday']]);
  // 001 keeps its dateline date; an inferred date (003) pins no relative words for the others, only a month and day it prints.
  assert.match(ranges[2]!.reason, /its own latest dated happening: 2026-01-14/);
  assert.equal(docs[1]!.meta.publishedAtBasis, 'dateline');
});

test('references that no dated article pins to the same happening give no range', async () => {
  const docs = await seeds();
  // Without 001 nothing dates the raid or the call: every undated article stays open.
  assert.deepEqual(inferStoryDates(docs.filter((_, i) => i !== 1)), []);
});

/** Articles of one story, written for these tests: a dated one carries its publication day as metadata. */
const story = (...articles: Array<[body: string, publishedAt: string | null]>) =>
  articles.map(([body, publishedAt], i) => processDoc(docFromText(`Harbour news\n\n${body}`, `${i}.txt`, publishedAt ? { publishedAt } : null), { now: new Date(0) }));
const rangeOf = (docs: Doc[], i: number) => inferStoryDates(docs).filter((r) => r.articleId === docs[i]!.id).map((r) => [r.start, r.end]);

test('time words told with a verb of saying date the saying: another sentence dates it only if it tells that saying too', () => {
  const found = 'The Harbour Authority found itself under fire again Tuesday as divers searched the bay for the inmate who escaped from the ferry.';
  const announced = 'The Harbour Authority has replaced the ferry captain after the inmate escaped from the ferry, the authority announced Tuesday.';
  assert.deepEqual(rangeOf(story([announced, null], [found, '2026-03-04']), 0), []);
  const said = 'The Harbour Authority announced Tuesday that the ferry captain was replaced after the inmate escaped from the ferry.';
  assert.deepEqual(rangeOf(story([announced, null], [said, '2026-03-04']), 0), [['2026-03-03', '2026-03-09']]);
  // A passive is no one's saying: "the video was revealed Thursday" is the release another article dates.
  const revealed = 'Video of the Portville harbour fire was revealed Thursday by the Bay Times.';
  const released = 'A video of the Portville harbour fire released Thursday by the Bay Times shows the blaze.';
  assert.deepEqual(rangeOf(story([revealed, null], [released, '2026-05-08']), 0), [['2026-05-07', '2026-05-13']]);
});

test('of the days other articles give a weekday, the one told with the same verb', () => {
  const docs = story(
    ['Harold Penn, the ferry captain who fought the Portville harbour fire, died Saturday.', null],
    ['Harold Penn was the ferry captain when the Portville harbour fire broke out, on May 16, 1981.', '2026-05-20'],
    ['Harold Penn died Saturday at his home in Portville, his family said.', '2026-05-18'],
  );
  assert.deepEqual(rangeOf(docs, 0), [['2026-05-16', '2026-05-22']]);
});

test('what a dated article tells as still going on ("is taking … this week") dates no happening', () => {
  const docs = story(
    ['Coach Ray Dunn said Lee Moss hurt his knee in practice last week.', null],
    ["Coach Ray Dunn said Tim Roe is taking Lee Moss's place in practice this week.", '2026-01-07'],
  );
  assert.deepEqual(rangeOf(docs, 0), []);
});

test('a weekday with its date printed beside it is that date, not any such weekday another article dates', () => {
  const checkedIn = 'Ann Lark checked into the Bayview clinic late Thursday, her lawyer said.';
  const checkedOut = 'Ann Lark checked out of the Bayview clinic on Thursday (June 11) and flew home, her lawyer said.';
  assert.deepEqual(rangeOf(story([checkedOut, null], [checkedIn, '2026-05-08']), 0), []);
  assert.deepEqual(rangeOf(story(['Ann Lark checked into the Bayview clinic on Thursday, her lawyer said.', null], [checkedIn, '2026-05-08']), 0), [['2026-05-07', '2026-05-13']]);
});

test('one occasion told in other words (the same person, the same words quoted from it) dates an undated article from its day on', () => {
  const call = ['Mayor Lena Ortiz spoke with Governor Paul Hanley by phone on Monday about the harbour bridge.', '2026-03-06'] as const;
  const council = (quote: string) => [`Ortiz told a council meeting on March 12 that the bridge would reopen in May. “${quote},” Ortiz said.`, '2026-03-13'] as const;
  const undated = 'Mayor Lena Ortiz and Governor Paul Hanley spoke by phone last week about the harbour bridge. Ortiz made the announcement during a meeting with the city aldermen. “We will rebuild the harbour bridge before the summer season starts,” she said.';
  const same = council('We will rebuild the harbour bridge before the summer season begins');
  assert.deepEqual(rangeOf(story([undated, null], [...call], [...same]), 0), [['2026-03-12', '2026-03-15']]);
  // Other words quoted: two meetings of the same people, perhaps; the call's week alone.
  const other = council('Traffic will use the old ferry road until the work is finished');
  assert.deepEqual(rangeOf(story([undated, null], [...call], [...other]), 0), [['2026-03-09', '2026-03-15']]);
});

test('one saying told in other words (the same verb of saying, the same person\'s words quoted) dates an undated article from its day on', () => {
  const call = ['Mayor Lena Ortiz spoke with Governor Paul Hanley by phone on Monday about the harbour bridge.', '2026-03-06'] as const;
  const announced = (quote: string) => [`Mayor Lena Ortiz announced on Thursday that the harbour bridge would reopen in May. In a statement, Ortiz said: “${quote}.”`, '2026-03-12'] as const;
  const undated = 'Mayor Lena Ortiz and Governor Paul Hanley spoke by phone last week about the harbour bridge. Ortiz announced the reopening in a statement. “We will rebuild the harbour bridge before the summer season starts,” Ortiz said.';
  assert.deepEqual(rangeOf(story([undated, null], [...call], [...announced('We will rebuild the harbour bridge before the summer season begins')]), 0), [['2026-03-12', '2026-03-15']]);
  assert.deepEqual(rangeOf(story([undated, null], [...call], [...announced('Traffic will use the old ferry road until the work is finished')]), 0), [['2026-03-09', '2026-03-15']]);
});
