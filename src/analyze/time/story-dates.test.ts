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

test('seeds: "on Saturday night" of the raid that 001 dates to January 3, 2026 puts 004 between January 3 and 9', async () => {
  const docs = await seeds();
  assert.deepEqual(docs.map((d) => d.meta.publishedAt), [null, '2026-01-09', null, '2026-01-14', null]);
  const ranges = inferStoryDates(docs);
  assert.deepEqual(ranges.map((r) => [r.articleId, r.start, r.end]), [[docs[4]!.id, '2026-01-03', '2026-01-09']]);
  const words = ranges[0]!.evidence.map((e) => [e.doc.id, e.doc.text.slice(e.span.start, e.span.end)]);
  assert.deepEqual(words, [[docs[4]!.id, 'on Saturday night'], [docs[1]!.id, 'on January 3, 2026']]);
  // 001 keeps its dateline date; an inferred date (003) does not pin happenings for the others.
  assert.equal(docs[1]!.meta.publishedAtBasis, 'dateline');
});

test('a weekday that no dated article pins to the same happening gives no range', async () => {
  const docs = await seeds();
  // Without 001 nothing dates the raid: 004's "on Saturday night" stays open.
  assert.deepEqual(inferStoryDates(docs.filter((_, i) => i !== 1)), []);
});
