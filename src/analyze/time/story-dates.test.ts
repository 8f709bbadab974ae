import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Doc } from '../../doc/types.js';
import { readInput } from '../../ingest/read-inputs.js';
import { docsFromInput } from '../../pipeline/analyze.js';
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
  // 000: the call "earlier this week" is 001's call "on Wednesday" (January 7): published that day to Sunday.
  // 002: the call "last week": published in the week after, January 12-18.
  // 003: dated from its own text no earlier than the cabinet meeting of January 14; its call "last week" closes it on the 18th.
  // 004: the raid "on Saturday night" (January 3), the warning "earlier this week" (001's week of January 5), and
  // the call Trump "said he spoke" of, with the words 001 quotes of its call "on Wednesday" (January 7): not before it.
  assert.deepEqual(ranges.map((r) => [r.articleId, r.start, r.end]), [
    [docs[0]!.id, '2026-01-07', '2026-01-11'],
    [docs[2]!.id, '2026-01-12', '2026-01-18'],
    [docs[3]!.id, '2026-01-14', '2026-01-18'],
    [docs[4]!.id, '2026-01-07', '2026-01-09'],
  ]);
  assert.deepEqual(words(ranges[0]!), [[docs[0]!.id, 'earlier this week'], [docs[1]!.id, 'on Wednesday']]);
  assert.deepEqual(words(ranges[1]!), [[docs[2]!.id, 'last week'], [docs[1]!.id, 'on Wednesday']]);
  assert.deepEqual(words(ranges[2]!), [[docs[3]!.id, 'last week'], [docs[1]!.id, 'on Wednesday']]);
  assert.deepEqual(words(ranges[3]!), [[docs[4]!.id, 'on Saturday night'], [docs[1]!.id, 'on January 3, 2026'], [docs[4]!.id, 'Earlier this week'], [docs[1]!.id, 'earlier this week'], [docs[4]!.id, 'Trump said he spoke with Petro by phone, during which the Colombian leader explained “the situation of drugs and other disagreements.”'], [docs[1]!.id, 'on Wednesday']]);
  // 001 keeps its dateline date; an inferred date (003) does not pin happenings for the others.
  assert.match(ranges[2]!.reason, /its own latest dated happening: 2026-01-14/);
  assert.equal(docs[1]!.meta.publishedAtBasis, 'dateline');
});

test('references that no dated article pins to the same happening give no range', async () => {
  const docs = await seeds();
  // Without 001 nothing dates the raid or the call: every undated article stays open.
  assert.deepEqual(inferStoryDates(docs.filter((_, i) => i !== 1)), []);
});
