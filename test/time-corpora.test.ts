import test, { describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Doc } from '../src/doc/types.js';
import { readInput } from '../src/ingest/read-inputs.js';
import { analyze } from '../src/pipeline/analyze.js';
import { docsFromInput } from '../src/pipeline/docs-from-input.js';
import { EXAMPLES, EXAMPLES_GOLD, SEEDS } from './paths.js';

async function load(path: string): Promise<Doc> {
  const read = await readInput(path, {});
  assert.ok(read.ok, path);
  return docsFromInput(read.file)[0]!;
}
const seed = (prefix: string) => load(join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith(prefix))!));
const valueOf = (doc: Doc, phrase: string) => doc.layers.timexes.find((t) => doc.text.slice(t.start, t.end).includes(phrase))?.value;

describe('seeds', () => {
  test('001: the dateline "WASHINGTON, Jan 09 —" dates it, its year from "January 3, 2026"; Friday and Wednesday resolve against it', async () => {
    const doc = await seed('001');
    assert.equal(doc.meta.publishedAt, '2026-01-09');
    assert.equal(doc.meta.publishedAtBasis, 'dateline');
    assert.equal(valueOf(doc, 'on Friday'), '2026-01-09');
    assert.equal(valueOf(doc, 'on Wednesday'), '2026-01-07');
    const week = doc.layers.timexes.find((t) => doc.text.slice(t.start, t.end) === 'the first week of February');
    assert.deepEqual(week?.range, { start: '2026-02-01', end: '2026-02-07' });
  });
  test('003: no metadata or dateline; inferred from its latest dated past event, January 14', async () => {
    const doc = await seed('003');
    assert.equal(doc.meta.publishedAtBasis, 'inferred');
    assert.equal(doc.meta.publishedAt, '2026-01-14');
    assert.equal(valueOf(doc, 'January 14'), '2026-01-14');
    assert.equal(valueOf(doc, 'January 3'), '2026-01-03');
    assert.equal(valueOf(doc, 'September 2025'), '2025-09');
    assert.equal(valueOf(doc, 'last year'), '2025');
    assert.equal(valueOf(doc, 'February 3'), '2026-02-03');
  });
  test('000, 002, 004 date nothing to the day with a year: null, unknown, with the warning', async () => {
    for (const prefix of ['000', '002', '004']) {
      const doc = await seed(prefix);
      assert.equal(doc.meta.publishedAt, null, prefix);
      assert.equal(doc.meta.publishedAtBasis, 'unknown', prefix);
      assert.ok(doc.messages.some((m) => m.code === 'date-unknown'), prefix);
      // Relative dates stay unresolved rather than guessed.
      for (const t of doc.layers.timexes) assert.ok(!/^\d{4}-\d{2}-\d{2}/.test(t.value) || t.known.includes('year'), `${prefix}: ${t.value}`);
    }
  });
});

interface GoldTimex {
  file: string;
  text: string;
  type: string;
  value: string;
  context?: string;
}

describe('examples/gold.json timexes', () => {
  const gold = JSON.parse(readFileSync(EXAMPLES_GOLD, 'utf8')) as { timexes: GoldTimex[] };
  const files = [...new Set(gold.timexes.map((t) => t.file))];

  test('every gold timex in the clean text is found with its type and resolved value', async () => {
    let checked = 0;
    for (const file of files) {
      const doc = await load(join(EXAMPLES, file));
      for (const g of gold.timexes.filter((t) => t.file === file)) {
        const at = g.context ? doc.text.indexOf(g.context) : doc.text.indexOf(g.text);
        if (at === -1) continue; // in the headline, which is not part of the clean text
        const start = g.context ? at + g.context.indexOf(g.text) : at;
        const found = doc.layers.timexes.find((t) => t.start < start + g.text.length && start < t.end);
        assert.ok(found, `${file}: "${g.text}" not found`);
        assert.equal(found.type, g.type, `${file}: type of "${g.text}"`);
        // 01 has no sidecar and its dateline no year: the year stays unknown (TIMEX3 X's), month and day must still be right.
        const expected = doc.meta.publishedAt === null && /^\d{4}-\d{2}-\d{2}/.test(g.value) ? `XXXX${g.value.slice(4)}` : g.value;
        if (doc.meta.publishedAt === null && found.value.startsWith('XXXX-WXX')) continue; // a weekday without a year cannot be placed
        assert.equal(found.value, expected, `${file}: value of "${g.text}"`);
        checked++;
      }
    }
    assert.ok(checked >= 40, `checked ${checked}`);
  });

  test('01 (no sidecar, dateline without a year) stays undated; 06 anchors on its dateline, not its later publishedAt', async () => {
    const wire = await load(join(EXAMPLES, '01-meridian-wire-gondola-stall.txt'));
    assert.equal(wire.meta.publishedAt, null);
    const copy = await load(join(EXAMPLES, '06-northgate-daily-syndicated.txt'));
    assert.equal(copy.meta.publishedAt, '2026-03-14T06:45:00Z');
    assert.equal(valueOf(copy, 'tonight'), '2026-03-13TNI');
  });
});

describe('story timeline in the export', () => {
  test('seeds: the story oldest first then background, descriptions are evidence text, relative dates resolved against each article', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'corroborate-time-')), 'store.db');
    const { export: data } = await analyze([SEEDS], { db });
    const timeline = data.stories.flatMap((s) => s.timeline);
    assert.ok(timeline.length >= 5, JSON.stringify(timeline.map((e) => e.date)));
    const story = timeline.filter((e) => e.kind !== 'background').map((e) => e.date);
    const background = timeline.filter((e) => e.kind === 'background').map((e) => e.date);
    assert.deepEqual(timeline.map((e) => e.date), [...[...story].sort(), ...[...background].sort()]);
    // The Maduro raid of January 3 is what the announcement "comes shortly after": another story's happening.
    assert.deepEqual([...new Set(background)], ['2025-09', '2025-10', '2026-01-03']);
    for (const e of timeline) assert.ok(e.evidence.some((s) => s.text === e.description), e.description);
    // 001: "announced on Friday" (dateline Jan 09) and "a phone call … on Wednesday".
    assert.ok(timeline.some((e) => e.date === '2026-01-09' && /announced on Friday/.test(e.description)));
    assert.ok(timeline.some((e) => e.date === '2026-01-07' && /on Wednesday/.test(e.description)));
    // The scheduled meeting is on the timeline once, told by more than one article ("the first week of February", "February 3").
    const meeting = timeline.filter((e) => e.kind === 'scheduled' && e.evidence.some((s) => s.text.includes('first week of February')));
    assert.equal(meeting.length, 1);
    assert.ok(new Set(meeting[0]!.evidence.map((s) => s.articleId)).size >= 2);
  });
});
