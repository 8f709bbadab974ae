import test from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { docFromText } from '../ingest/plain-text.js';
import { processDoc } from '../pipeline/docs-from-input.js';
import type { Doc } from '../doc/types.js';
import { leadSpan } from './features.js';
import { dateInterval, eventSignature, storyEventView } from './signature.js';
import { intervalGapDays } from './stories.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const EXAMPLES = join(REPO, 'examples', 'articles');
const CTX = { now: new Date('2026-01-01T00:00:00Z') };

/** An example article through the real pipeline, with its sidecar's publication date when it has one. */
function example(name: string): Doc {
  let publishedAt: string | null = null;
  try {
    publishedAt = (JSON.parse(readFileSync(join(EXAMPLES, `${name}.json`), 'utf8')) as { publishedAt?: string }).publishedAt ?? null;
  } catch {
    // No sidecar: the article has no stated date.
  }
  return processDoc(docFromText(readFileSync(join(EXAMPLES, `${name}.txt`), 'utf8'), name, null, { publishedAt }), CTX);
}

const partText = (doc: Doc, p: { start: number; end: number }) => doc.text.slice(p.start, p.end);

test('the event stage writes a signature whose parts all lie in the lead and index the text', () => {
  const doc = example('02-velmora-courier-first-report');
  const event = doc.layers.event!;
  assert.ok(event, 'processDoc writes the event layer');
  const lead = leadSpan(doc);
  for (const part of [...event.what, ...event.who, ...event.where]) {
    assert.ok(part.start >= lead.start && part.end <= lead.end, `${partText(doc, part)} is in the lead`);
    assert.ok(partText(doc, part).length > 0);
  }
  assert.ok(event.what.some((p) => p.key === 'gondola'), `triggers: ${event.what.map((p) => p.key)}`);
  assert.ok(event.who.some((p) => /fire and rescue/.test(p.key)), `who: ${event.who.map((p) => p.key)}`);
  // The lead dates the event by weekday only ("Friday evening"), resolved against the stated publication day.
  assert.ok(event.when && event.when.start <= '2026-03-13' && event.when.end >= '2026-03-13', JSON.stringify(event.when));
});

test('a bare year in the lead is background, not when the event happened', () => {
  const doc = example('07-brenholm-herald-library-book');
  assert.match(doc.text.slice(leadSpan(doc).start, leadSpan(doc).end), /in 1965/);
  const when = eventSignature(doc).when;
  assert.ok(when === null || !when.start.startsWith('1965'), JSON.stringify(when));
});

test('date intervals follow the precision of the value, and their gap is 0 when they overlap', () => {
  const year = dateInterval({ value: '2013' })!;
  const month = dateInterval({ value: '2013-05' })!;
  const day = dateInterval({ value: '2013-05-02' })!;
  assert.equal(new Date(year.end).toISOString().slice(0, 10), '2013-12-31');
  assert.equal(new Date(month.end).toISOString().slice(0, 10), '2013-05-31');
  assert.equal(day.start, day.end);
  assert.equal(dateInterval({ value: 'XXXX-05-02' }), null);
  assert.equal(dateInterval({ value: '2013-W18' }), null);
  assert.equal(intervalGapDays({ start: '2013-05-01', end: '2013-05-31' }, { start: '2013-05-02', end: '2013-05-02' }), 0);
  assert.equal(intervalGapDays({ start: '2013-05-01', end: '2013-05-01' }, { start: '2013-05-11', end: '2013-05-12' }), 10);
});

test("a story's event view names what most leads share and cites each part in the words it rests on", () => {
  const members = ['01-meridian-wire-gondola-stall', '02-velmora-courier-first-report', '03-vtv9-passengers-recount-wait', '04-velmora-courier-inquiry-update', '05-ridgeline-notes-blog', '06-northgate-daily-syndicated'].map(example);
  const view = storyEventView(members);
  assert.ok(view.what, 'a trigger shared by the leads');
  assert.ok(view.who.length > 0);
  const byId = new Map(members.map((d) => [d.id, d]));
  for (const e of view.evidence) assert.ok(byId.has(e.doc.id) && e.span.end > e.span.start, 'evidence from a member');
  assert.ok(view.evidence.some((e) => e.doc.text.slice(e.span.start, e.span.end) === view.what));
  for (const name of view.who) assert.ok(view.evidence.some((e) => e.doc.text.slice(e.span.start, e.span.end) === name), `${name} has evidence`);
});

test('the main-event date is the reported happening, not the meeting it announces nor a date a speaker names (seeds)', () => {
  const seed = (name: string) => processDoc(docFromText(readFileSync(join(REPO, '..', 'shared', 'seeds', name), 'utf8'), name, null), CTX);
  // "WASHINGTON, Jan 09 — … Trump announced on Friday that he will host … during the first week of February", and the post quoted: "… a meeting … during the first week of February".
  const announced = seed('001_d3b05db66c009ede.txt');
  const when = eventSignature(announced).when;
  assert.ok(when && when.basis === 'text', JSON.stringify(when));
  assert.deepEqual([when.start, when.end], ['2026-01-09', '2026-01-09']);
  assert.equal(announced.text.slice(when.span!.start, when.span!.end), 'on Friday');
  // "will meet … on February 3 …, Petro told a cabinet meeting broadcast publicly on January 14".
  const confirmed = eventSignature(seed('003_95d1db33045081dc.txt')).when;
  assert.deepEqual([confirmed?.start, confirmed?.end], ['2026-01-14', '2026-01-14']);
  // Only the planned meeting is dated: no main-event date rather than the meeting's.
  assert.equal(eventSignature(seed('002_f43826bd93943f76.txt')).when, null);
});

test("the story's trigger is what the leads put first, not background most of them add (seeds)", () => {
  const seeds = join(REPO, '..', 'shared', 'seeds');
  const members = readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort().map((name) => processDoc(docFromText(readFileSync(join(seeds, name), 'utf8'), name, null), CTX));
  // Three leads add "amid … tensions"; two open on the meeting ("will meet", "to meet") and two on its announcement.
  const what = storyEventView(members).what;
  assert.ok(what && /^(meet|meeting|announce[sd]?|host)$/i.test(what), `trigger: ${what}`);
});

test('a clause set before the main one ("After …,") gives its triggers after the main clause\'s; the headline gives its word stems', () => {
  const text = `Harbour board weighs ferry subsidy

After a plan to rebuild the Lendra pier failed to pass the council this week, the harbour board said it is considering a subsidy for the ferry line.

The board will decide next month.`;
  const doc = processDoc(docFromText(text, 'fronted', null, { publishedAt: '2026-02-12' }), CTX);
  const keys = doc.layers.event!.what.map((w) => w.key);
  assert.ok(keys.indexOf('consider') >= 0 && keys.indexOf('consider') < keys.indexOf('plan'), `triggers: ${keys}`);
  assert.equal(doc.title, 'Harbour board weighs ferry subsidy');
  assert.deepEqual(doc.layers.event!.headline, ['harbour', 'board', 'weigh', 'ferri', 'subsidi']);
});
