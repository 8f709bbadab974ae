import test from 'node:test';
import assert from 'node:assert/strict';
import { docFromText } from '../ingest/plain-text.js';
import { processDoc } from '../pipeline/docs-from-input.js';
import { buildTimeline, calendarDate } from './timeline.js';

const article = (name: string, body: string, publishedAt: string | null) => processDoc(docFromText(`Harbour news\n\n${body}`, name, publishedAt ? { publishedAt } : null), { now: new Date(0) });

test('the same happening told by two articles is one entry with both sentences as evidence', () => {
  const a = article('a.txt', 'Storm waves closed the Portville harbour on Monday, the port authority said.', '2026-01-14');
  const b = article('b.txt', 'The Portville harbour was closed by storm waves on Monday.', '2026-01-15');
  const timeline = buildTimeline([a, b]);
  const monday = timeline.filter((e) => e.date === '2026-01-12');
  assert.equal(monday.length, 1);
  assert.equal(monday[0]!.evidence.length, 2);
  for (const e of monday[0]!.evidence) assert.ok(e.span.end > e.span.start);
});

test('different happenings on one date stay apart', () => {
  const a = article('a.txt', 'Storm waves closed the Portville harbour on Monday.', '2026-01-14');
  const b = article('b.txt', 'A chess club in Brenholm elected a new treasurer on Monday.', '2026-01-14');
  assert.equal(buildTimeline([a, b]).filter((e) => e.date === '2026-01-12').length, 2);
});

test('the story first, oldest first, scheduled events marked, background last; the description is evidence text', () => {
  const doc = article('a.txt', 'The harbour will reopen on January 20. Storm waves closed it on January 12. Dredging began in 2019.', '2026-01-14');
  const timeline = buildTimeline([doc]);
  assert.deepEqual(timeline.map((e) => [e.date, e.kind]), [['2026-01-12', 'happening'], ['2026-01-20', 'scheduled'], ['2019', 'background']]);
  for (const e of timeline) assert.ok(e.evidence.some((s) => s.doc.text.slice(s.span.start, s.span.end) === e.description));
});

test('a quote running over a stop is shown whole: the entry never opens mid-quote', () => {
  const doc = article('a.txt', 'The mayor answered her critics. “We acted fast. The harbour is open again,” Mayor Anna Brask said on Monday.', '2026-01-14');
  const monday = buildTimeline([doc]).find((e) => e.date === '2026-01-12');
  assert.equal(monday?.description, '“We acted fast. The harbour is open again,” Mayor Anna Brask said on Monday.');
  assert.equal(doc.text.slice(monday.evidence[0]!.span.start, monday.evidence[0]!.span.end), monday.description);
});

test('a dateline is a filing date, not a happening; unresolved dates are left out', () => {
  const doc = article('a.txt', 'PORTVILLE, Feb 21 — The harbour closed on Friday.', null);
  const timeline = buildTimeline([doc]);
  assert.equal(timeline.length, 0, JSON.stringify(timeline));
});

test('weeks become their Monday–Sunday range; references to no calendar day give none', () => {
  assert.deepEqual(calendarDate({ start: 0, end: 1, type: 'DATE', value: '2026-W02', known: [] }), { date: '2026-01-05', end: '2026-01-11' });
  assert.equal(calendarDate({ start: 0, end: 1, type: 'DATE', value: 'PAST_REF', known: [] }), null);
  assert.equal(calendarDate({ start: 0, end: 1, type: 'DURATION', value: 'P1D', known: [] }), null);
});

test('an undated report takes its year from the story: a yearless dateline, or calendar dates by tense', () => {
  const dated = article('a.txt', 'The Portville harbour closed on Monday, January 12, 2026, after a storm.', '2026-01-14');
  const wire = article('w.txt', 'PORTVILLE, Jan 13 — The harbour stayed shut on Monday after the storm.', null);
  const undated = article('u.txt', 'The harbour will reopen on February 2. Dredging ended in October.', null);
  assert.equal(wire.meta.publishedAt, null, 'the article itself stays undated');
  const timeline = buildTimeline([dated, wire, undated]);
  const dates = timeline.map((e) => e.date);
  assert.ok(dates.includes('2026-01-12'), JSON.stringify(dates));
  assert.ok(dates.includes('2026-02-02'), JSON.stringify(dates));
  assert.ok(dates.includes('2025-10'), JSON.stringify(dates));
  const monday = timeline.find((e) => e.date === '2026-01-12')!;
  assert.equal(new Set(monday.evidence.map((e) => e.doc.id)).size, 2);
});

test("an undated report's year guessed from its own latest date is placed again from the story", () => {
  const dated = article('a.txt', 'The Portville harbour closed on Monday, January 12, 2026, after a storm.', '2026-01-14');
  // Read alone, "in October" falls after the text's January 5, 2026: October 2026.
  const undated = article('u.txt', 'Dredging ended in October, the board said. Crews left the site. The boats are gone. The board first met on January 5, 2026.', null);
  assert.ok(undated.layers.timexes!.some((t) => t.value === '2026-10'), 'the guess this test is about');
  const dates = buildTimeline([dated, undated]).map((e) => e.date);
  assert.ok(dates.includes('2025-10') && !dates.includes('2026-10'), JSON.stringify(dates));
});

test('a plan told with a date over before its report is not scheduled for that date', () => {
  const doc = article('a.txt', 'Storm waves closed the harbour on March 16. The two agencies will conduct a joint review of the 1986 harbour rules.', '2026-03-18');
  const kinds = Object.fromEntries(buildTimeline([doc]).map((e) => [e.date, e.kind]));
  assert.deepEqual(kinds, { '2026-03-16': 'happening', '1986': 'background' });
});

test('an undated report alone in its story stays out of the timeline', () => {
  const undated = article('u.txt', 'The harbour will reopen on February 2.', null);
  assert.equal(buildTimeline([undated]).length, 0);
});

test('seeds: a sentence listed once for what was done, the call is a happening and the raid not the main event, February 3 is scheduled, 2025 is background', async () => {
  const { readdirSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { readInput } = await import('../ingest/read-inputs.js');
  const { docsFromInput } = await import('../pipeline/docs-from-input.js');
  const { SEEDS } = await import('../../test/paths.js');
  const docs = [];
  for (const f of readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort()) {
    const read = await readInput(join(SEEDS, f), {});
    assert.ok(read.ok);
    docs.push(docsFromInput(read.file)[0]!);
  }
  const timeline = buildTimeline(docs);
  const sentences = timeline.filter((e) => e.kind !== 'scheduled').flatMap((e) => e.evidence.map((x) => `${x.doc.id}:${x.span.start}`));
  assert.equal(new Set(sentences).size, sentences.length, 'no sentence under two dates of things done');
  const kindOf = (words: string) => timeline.find((e) => e.evidence.some((x) => x.doc.text.slice(x.span.start, x.span.end).includes(words)))?.kind;
  // The raid on Maduro is what led up to the talks, not the talks (the timeline gold calls it
  // background); the rules do not yet tell it from the call, but it must never be the main event.
  const raid = timeline.find((e) => e.evidence.some((x) => x.doc.text.slice(x.span.start, x.span.end).includes('captured by U.S. forces in Caracas')));
  assert.ok(raid && !raid.main && raid.date === '2026-01-03', JSON.stringify(raid && { date: raid.date, main: raid.main }));
  assert.equal(kindOf('phone call between the two presidents on Wednesday'), 'happening');
  // Each outlet's telling of the call in one entry; Trump's threat of that week apart.
  const entryOf = (words: string) => timeline.find((e) => e.evidence.some((x) => x.doc.text.slice(x.span.start, x.span.end).includes(words)));
  const call = entryOf('phone call between the two presidents on Wednesday');
  assert.ok(call && call === entryOf('hour-long telephone conversation last week') && call === entryOf('spoke by phone last week'), JSON.stringify(call?.evidence.map((x) => x.doc.id)));
  assert.notEqual(entryOf('earlier this week suggested military action'), call);
  assert.equal(kindOf('will meet US President Donald Trump on February 3'), 'scheduled');
  assert.equal(kindOf('revoked Petro'), 'background');
  const kinds = timeline.map((e) => e.kind);
  assert.ok(kinds.indexOf('background') > kinds.lastIndexOf('happening'), 'background after the story');
});

test('one happening told under a week and under its day, or in other words by the same people, is one entry under its day', () => {
  const a = article('a.txt', 'Mayor Ilse Varga and Governor Tomas Brenn met last week to discuss the flooded harbour road.', '2026-01-14');
  const b = article('b.txt', 'The talks between Varga and Brenn on Wednesday ended without a deal on the harbour road.', '2026-01-09');
  const c = article('c.txt', 'A chess club in Brenholm elected a new treasurer on Wednesday.', '2026-01-09');
  const timeline = buildTimeline([a, b, c]);
  const talks = timeline.filter((e) => e.evidence.some((s) => s.doc === a));
  assert.equal(talks.length, 1);
  assert.equal(talks[0]!.date, '2026-01-07', 'listed under the day, not the week');
  assert.deepEqual(talks[0]!.evidence.map((s) => s.doc.id).sort(), [a.id, b.id].sort());
  assert.ok(timeline.some((e) => e.evidence.every((s) => s.doc === c)), 'the other happening of that Wednesday stays apart');
});

test('a verbless fragment cut off by a full stop is no happening', () => {
  const doc = article('a.txt', 'The ferry resumed service on Jan. 12, 2026 after repairs.\n\nFeb. 3, 2026.', '2026-01-14');
  const timeline = buildTimeline([doc]);
  assert.ok(timeline.every((e) => /\b(resumed|ferry)\b/.test(e.description)), JSON.stringify(timeline.map((e) => e.description)));
});

test('an undated report dates its relative days from the range the story gives it, only where both ends of the range agree', () => {
  // Friday January 16: the closure was on Monday January 12.
  const dated = article('a.txt', 'Storm waves closed the Portville harbour on Monday, the Portville port authority said.', '2026-01-16');
  // Undated: its "on Monday" is the same closure, so it was published January 12–18.
  const undated = article('u.txt', 'Storm waves closed the Portville harbour on Monday, port authority officials in Portville said. Divers inspected the pier on Tuesday.', null);
  const timeline = buildTimeline([dated, undated]);
  const monday = timeline.find((e) => e.date === '2026-01-12');
  assert.ok(monday, JSON.stringify(timeline.map((e) => e.date)));
  assert.deepEqual(new Set(monday.evidence.map((e) => e.doc.id)), new Set([dated.id, undated.id]));
  // "on Tuesday" is January 6 read from January 12 and January 13 read from January 18: no date rather than a guess.
  assert.ok(timeline.every((e) => !e.description.includes('Divers')), JSON.stringify(timeline.map((e) => [e.date, e.description])));
});

test('a happening placed by its year only is background, even in the story year; a planned one stays scheduled', () => {
  const doc = article('a.txt', 'Storm waves closed the harbour on March 16. The port authority was reorganised in 2026. A new breakwater will open in 2027.', '2026-03-18');
  const kinds = Object.fromEntries(buildTimeline([doc]).map((e) => [e.date, e.kind]));
  assert.deepEqual(kinds, { '2026-03-16': 'happening', '2026': 'background', '2027': 'scheduled' });
});

test('a telling dated later than its report is scheduled; background starts two weeks before the first report', () => {
  const a = article('a.txt', 'The harbour reopens on March 20. A storm closed it on March 16. The old crane collapsed on February 20.', '2026-03-18');
  const kinds = Object.fromEntries(buildTimeline([a]).map((e) => [e.date, e.kind]));
  assert.equal(kinds['2026-03-20'], 'scheduled');
  assert.equal(kinds['2026-03-16'], 'happening');
  assert.equal(kinds['2026-02-20'], 'background');
});

test('the main event: the happening most leads tell, the story event date deciding between equals; none when unsure', () => {
  const a = article('a.txt', 'Storm waves closed the Portville harbour on Monday. The ferry company cancelled its Tuesday crossings on Tuesday.', '2026-01-14');
  const b = article('b.txt', 'The Portville harbour was closed by storm waves on Monday. Fishermen protested on Tuesday.', '2026-01-14');
  const main = (docs: typeof a[], when?: { start: string; end: string } | null) => buildTimeline(docs, when).filter((e) => e.main).map((e) => e.date);
  assert.deepEqual(main([a, b], null), ['2026-01-12'], 'both leads tell the closure');
  assert.deepEqual(main([a, b], { start: '2026-01-13', end: '2026-01-13' }), ['2026-01-12'], 'an event date on a lesser happening does not outweigh two leads');
  assert.deepEqual(main([a], { start: '2026-01-13', end: '2026-01-13' }), ['2026-01-13'], 'between equals the event date decides');
  assert.deepEqual(main([a], null), [], 'one report and no event date: nothing to go by');
});

test('a yearless month in an undated report is placed only where the story\'s first and latest reports read it alike', () => {
  const first = article('a.txt', 'Storm waves closed the Portville harbour on January 12, 2026.', '2026-01-14');
  const latest = article('b.txt', 'The Portville harbour reopened on March 18, 2026.', '2026-03-20');
  const undated = article('u.txt', 'The harbour master faces a hearing set for February. Dredging ended in October.', null);
  const dates = buildTimeline([first, latest, undated]).filter((e) => e.evidence.some((x) => x.doc === undated)).map((e) => e.date);
  // "set for February" is February 2026 read from January 14 but February 2027 read from March 20: left out.
  assert.deepEqual(dates, ['2025-10']);
});

test('a report going on about its happening of that day, naming no one new, is one entry; another report\'s is not joined that way', () => {
  const a = article('a.txt', 'Mayor Ilse Varga said she decided on Saturday to close the harbour road. She talked to her engineers, then made her decision on Saturday.', '2026-01-12');
  const b = article('b.txt', 'The fisheries inspector decided on Saturday to retire.', '2026-01-12');
  const saturday = buildTimeline([a, b]).filter((e) => e.date === '2026-01-10');
  assert.equal(saturday.length, 2, JSON.stringify(saturday.map((e) => e.description)));
  const mayor = saturday.find((e) => e.evidence.some((x) => x.doc === a))!;
  assert.equal(mayor.evidence.length, 2);
  assert.ok(mayor.evidence.every((x) => x.doc === a));
});

test('a happening placed only by a month over before the first report is background; this month stays the story\'s', () => {
  const doc = article('a.txt', 'Storm waves closed the Portville harbour on Sunday. Last month, a ferry ran aground at the harbour mouth. Earlier this month, the harbour master resigned.', '2026-02-04');
  const kinds = Object.fromEntries(buildTimeline([doc]).map((e) => [e.date, e.kind]));
  assert.deepEqual(kinds, { '2026-02-01': 'happening', '2026-02': 'happening', '2026-01': 'background' });
});

test('what someone named only in a recent side happening plans next is background; the main event\'s people keep their plans', () => {
  const doc = article(
    'a.txt',
    'Guard Tomas Brenn was arrested on suspicion of drunk driving early Sunday. Last month, forward Ilse Varga was arrested for drunk driving. Varga is due in court on February 17. Brenn is due in court on February 20.',
    '2026-02-04',
  );
  const timeline = buildTimeline([doc]);
  const kindOf = (date: string) => timeline.find((e) => e.date === date)?.kind;
  assert.equal(timeline.find((e) => e.main)?.date, '2026-02-01');
  assert.equal(kindOf('2026-02-17'), 'background');
  assert.equal(kindOf('2026-02-20'), 'scheduled');
});

test('one plan told vaguely and precisely by two reports is one scheduled entry', () => {
  const a = article('a.txt', 'Mayor Ilse Varga will open the new harbour bridge next year, the council announced on Friday.', '2026-01-16');
  const b = article('b.txt', 'The opening ceremony of the bridge is set for March 3, 2027, with a concert on the quay.', '2026-01-17');
  const c = article('c.txt', 'A new ferry line to Brenholm will start in 2027, its operator said.', '2026-01-17');
  const scheduled = buildTimeline([a, b, c]).filter((e) => e.kind === 'scheduled');
  const bridge = scheduled.filter((e) => e.evidence.some((x) => x.doc === a || x.doc === b));
  assert.equal(bridge.length, 1, JSON.stringify(scheduled.map((e) => [e.date, e.description])));
  assert.equal(bridge[0]!.date, '2027-03-03');
  assert.deepEqual(new Set(bridge[0]!.evidence.map((x) => x.doc.id)), new Set([a.id, b.id]));
  assert.ok(scheduled.some((e) => e.evidence.every((x) => x.doc === c)), 'a plan sharing no word stays apart');
});

test('the same person doing the same thing on the same day is one happening across reports; another person is not', () => {
  const a = article('a.txt', 'Halvard said he decided on Saturday to dismiss Lowe, and then checked with Ware to see if he would take the post.', '2026-01-12');
  const b = article('b.txt', 'After meeting his players and other members of management, Halvard had a change of heart and decided over the weekend he had to make a change.', '2026-01-12');
  const c = article('c.txt', 'Across town, Ilse Varga decided on Saturday to sell the club.', '2026-01-12');
  const saturday = buildTimeline([a, b, c]).filter((e) => e.date === '2026-01-10');
  assert.equal(saturday.length, 2, JSON.stringify(saturday.map((e) => e.description)));
  assert.ok(saturday.some((e) => new Set(e.evidence.map((x) => x.doc.id)).size === 2 && e.evidence.every((x) => x.doc !== c)));
});

test('of several happenings on the story event date, the main event is the one a lead tells', () => {
  const doc = article(
    'a.txt',
    'Storm waves closed the Portville harbour on Monday. Ferries stayed in port. Fishermen waited on the quay. Divers found cracks in the pier. A chess club in Brenholm elected a new treasurer on Monday.',
    '2026-01-14',
  );
  const main = buildTimeline([doc], { start: '2026-01-12', end: '2026-01-12' }).filter((e) => e.main);
  assert.deepEqual(main.map((e) => e.description), ['Storm waves closed the Portville harbour on Monday.']);
});

test('someone of a recent side happening who also acts in the story keeps their plans', () => {
  const doc = article(
    'a.txt',
    'Guard Tomas Brenn was arrested on suspicion of drunk driving early Sunday. Last month, coach Ilse Varga was fined for a brawl. Varga criticised the police on Monday. Varga will speak to reporters on February 10.',
    '2026-02-04',
  );
  const kinds = Object.fromEntries(buildTimeline([doc]).map((e) => [e.date, e.kind]));
  assert.equal(kinds['2026-01'], 'background');
  assert.equal(kinds['2026-02-02'], 'happening');
  assert.equal(kinds['2026-02-10'], 'scheduled');
});

/** ECB+ documents by id, analysed as ingest would. */
async function ecbDocs(ids: string[]) {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { REPO } = await import('../../test/paths.js');
  const texts = new Map(readFileSync(join(REPO, '..', 'shared', 'data', 'ecbplus', 'documents.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; text: string }).map((d) => [d.id, d.text]));
  return ids.map((id) => processDoc(docFromText(texts.get(id)!, `${id}.txt`, null), { now: new Date(0) }));
}

test('ECB+ 8_ecbplus: two reports leading with the day\'s news in their own words are one entry; the prime minister\'s vow that day stays apart', async () => {
  const timeline = buildTimeline(await ecbDocs(['8_1ecbplus', '8_8ecbplus', '8_9ecbplus']));
  const entryOf = (words: string) => timeline.find((e) => e.evidence.some((x) => x.doc.text.slice(x.span.start, x.span.end).includes(words)));
  const attack = entryOf('A firebomb attack on a bank in Greece killed');
  assert.ok(attack && attack === entryOf('one of them a pregnant woman , were killed'), JSON.stringify(attack?.evidence.map((x) => x.doc.text.slice(x.span.start, x.span.end))));
  assert.notEqual(entryOf('Papandreou vowed Wednesday'), attack);
});

test('ECB+ 8_ecbplus: what led up to the strike, told by no lead and naming no one of the main event, is background, places and organisations aside', async () => {
  const timeline = buildTimeline(await ecbDocs(['8_1ecbplus', '8_8ecbplus', '8_9ecbplus']));
  const kindOf = (words: string) => timeline.find((e) => e.evidence.some((x) => x.doc.text.slice(x.span.start, x.span.end).includes(words)))?.kind;
  assert.equal(kindOf('agreed at the weekend to slash spending'), 'background');
  assert.equal(kindOf('Papandreou on Sunday announced cuts'), 'background');
  // It names Greece, as the main event does: a place, not someone acting in it.
  assert.equal(kindOf('The national strike was held to protest the austerity measures announced last weekend'), 'background');
});

test('ECB+ 8_ecbplus: side news of the main day is background; the prime minister\'s vow and the planned vote stay the story\'s', async () => {
  const timeline = buildTimeline(await ecbDocs(['8_1ecbplus', '8_3ecbplus', '8_8ecbplus', '8_9ecbplus']));
  const kindOf = (words: string) => timeline.find((e) => e.evidence.some((x) => x.doc.text.slice(x.span.start, x.span.end).includes(words)))?.kind;
  assert.equal(kindOf('The German Chancellor , Angela Merkel , fighting accusations'), 'background');
  assert.equal(kindOf("But Moody's Investor Services , a major ratings agency"), 'background');
  assert.equal(kindOf('Strauss - Kahn said in an interview'), 'background');
  assert.equal(kindOf('Papandreou vowed Wednesday'), 'happening');
  assert.equal(kindOf('to be voted on Thursday'), 'scheduled');
});

test('ECB+ 8_ecbplus: a date ending a span ("aim to save $40 billion … through 2012") is no happening', async () => {
  const timeline = buildTimeline(await ecbDocs(['8_3ecbplus', '8_9ecbplus']));
  assert.ok(!timeline.some((e) => e.evidence.some((x) => x.doc.text.slice(x.span.start, x.span.end).includes('through 2012'))), JSON.stringify(timeline.map((e) => [e.date, e.description])));
});

test('ECB+ 22_ecbplus: with no happening told by two leads, the main event is the one told earliest in a lead, not the report day\'s statement', async () => {
  const timeline = buildTimeline(await ecbDocs(['22_8ecbplus', '22_13ecbplus']), { start: '2010-09-10', end: '2010-09-10' });
  const main = timeline.filter((e) => e.main);
  assert.deepEqual(main.map((e) => [e.date, e.description.slice(0, 40)]), [['2010-09-09', 'Yvonne Hiller , a suspended Kraft Foods ']]);
  assert.equal(timeline.find((e) => e.description.startsWith('Hiller is expected to be arraigned'))?.kind, 'scheduled');
});

test('ECB+ 8_ecbplus: one plan for one day told in other words is one scheduled entry', async () => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { REPO } = await import('../../test/paths.js');
  const texts = new Map(readFileSync(join(REPO, '..', 'shared', 'data', 'ecbplus', 'documents.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; text: string }).map((d) => [d.id, d.text]));
  const docs = ['8_1ecbplus', '8_9ecbplus'].map((id) => processDoc(docFromText(texts.get(id)!, `${id}.txt`, null), { now: new Date(0) }));
  const votes = buildTimeline(docs).filter((e) => e.evidence.some((x) => /to be voted on Thursday/.test(x.doc.text.slice(x.span.start, x.span.end))));
  assert.equal(votes.length, 1, JSON.stringify(votes.map((e) => e.description)));
  assert.equal(votes[0]!.kind, 'scheduled');
  assert.equal(new Set(votes[0]!.evidence.map((x) => x.doc.id)).size, 2);
});

test('ECB+ 9_ecbplus: a happening between the story\'s days that no lead tells and only reports weeks later recall is background', async () => {
  const timeline = buildTimeline(await ecbDocs(['9_5ecbplus', '9_3ecbplus', '9_9ecbplus']));
  const kindOf = (words: string) => timeline.find((e) => e.evidence.some((x) => x.doc.text.slice(x.span.start, x.span.end).includes(words)))?.kind;
  assert.equal(kindOf('A provision in an omnibus spending bill signed by President Obama on March 11'), 'background');
  // The memorandum, reported the next day, stays the story's.
  assert.equal(kindOf('The presidential memorandum issued yesterday'), 'happening');
});

test('ECB+ 9_ecbplus: a commemoration ("celebrate the 160th anniversary", "mark his first 100 days in office") is background, not the story\'s happening or plan', async () => {
  const timeline = buildTimeline(await ecbDocs(['9_2ecbplus', '9_11ecbplus', '9_12ecbplus']));
  const entryOf = (words: string) => timeline.find((e) => e.evidence.some((x) => x.doc.text.slice(x.span.start, x.span.end).includes(words)));
  assert.equal(entryOf('helped celebrate the 160th anniversary')?.kind, 'background');
  assert.equal(entryOf('prepares to mark his first 100 days in office')?.kind, 'background');
  // The overturned regulation, told the same day, stays the story's and apart.
  assert.equal(entryOf('President Obama on Tuesday overturned')?.kind, 'happening');
  assert.notEqual(entryOf('President Obama on Tuesday overturned'), entryOf('helped celebrate the 160th anniversary'));
});

test('ECB+ 8_ecbplus: another story\'s plan one report tells in passing (a debt date, a German vote by Friday) is background; the vote several reports tell stays scheduled', async () => {
  const timeline = buildTimeline(await ecbDocs(['8_1ecbplus', '8_3ecbplus', '8_8ecbplus', '8_9ecbplus']));
  const kindOf = (words: string) => timeline.find((e) => e.evidence.some((x) => x.doc.text.slice(x.span.start, x.span.end).includes(words)))?.kind;
  assert.equal(kindOf('Greece faces a May 19 due date on debt it says it can\'t repay without the help'), 'background');
  assert.equal(kindOf('The goal is passage by Friday'), 'background');
  assert.equal(kindOf('Merkel told lawmakers in Berlin'), 'background');
  assert.equal(kindOf('is to be voted on Thursday'), 'scheduled');
});

test('ECB+ 9_ecbplus: one happening two reports place on different days of one week ("today", "last Friday") and retell in detail is one entry; "Today there are 1,009 species" is no happening', async () => {
  const timeline = buildTimeline(await ecbDocs(['9_3ecbplus', '9_4ecbplus', '9_11ecbplus']));
  const entryOf = (words: string) => timeline.find((e) => e.evidence.some((x) => x.doc.text.slice(x.span.start, x.span.end).includes(words)));
  const letters = entryOf('More than 1 , 300 federal and independent scientists');
  assert.ok(letters && letters === entryOf('Last Friday , 1 , 300 biologists') && letters === entryOf('sent separate letters last Friday'), JSON.stringify(timeline.map((e) => [e.date, e.description.slice(0, 50)])));
  // What the Interior Department sent on Friday is another happening.
  assert.notEqual(entryOf('the Interior Department sent a rule to the White House'), letters);
  assert.equal(entryOf('Today there are 1 , 009 species'), undefined);
});

test('ECB+ 8_ecbplus: a report going on with its day\'s hours, naming no one, is its lead\'s happening; a speech dated that day is not, for the words of its quote', async () => {
  const timeline = buildTimeline(await ecbDocs(['8_3ecbplus', '8_8ecbplus']));
  const entryOf = (words: string) => timeline.find((e) => e.evidence.some((x) => x.doc.text.slice(x.span.start, x.span.end).includes(words)));
  const riot = entryOf('one of them a pregnant woman , were killed');
  assert.ok(riot && riot === entryOf('The marchers had dispersed by late afternoon'), JSON.stringify(timeline.map((e) => [e.date, e.description.slice(0, 50)])));
  // "… it would have affected workers and pensioners," he told Parliament: the riot's "workers" and "parliament" are in the quote and in the report.
  assert.ok(entryOf('he told Parliament on Wednesday') && entryOf('he told Parliament on Wednesday') !== riot);
});

test('ECB+ 5_ecbplus: one report naming the same people again and no one else on its lead\'s day tells its lead\'s happening', async () => {
  const timeline = buildTimeline(await ecbDocs(['5_1ecbplus']));
  const entryOf = (words: string) => timeline.find((e) => e.evidence.some((x) => x.doc.text.slice(x.span.start, x.span.end).includes(words)));
  const firing = entryOf('Billy King spun the 76ers');
  assert.ok(firing && firing === entryOf('when he broke the news yesterday to O\'Brien'), JSON.stringify(timeline.map((e) => [e.date, e.description.slice(0, 50)])));
  // O'Brien alone, and declining to comment: another happening of that day.
  assert.notEqual(entryOf('Reached by telephone yesterday , O\'Brien declined to comment'), firing);
});

test('ECB+ 22_ecbplus: the same people at the same hours of the same day, told by two reports in other words, are one happening', async () => {
  const timeline = buildTimeline(await ecbDocs(['22_12ecbplus', '22_13ecbplus']));
  const entryOf = (words: string) => timeline.find((e) => e.evidence.some((x) => x.doc.text.slice(x.span.start, x.span.end).includes(words)));
  const shooting = entryOf('returned Thursday evening , gunned down two women');
  assert.ok(shooting && shooting === entryOf('had gotten into an argument Thursday evening'), JSON.stringify(timeline.map((e) => [e.date, e.description.slice(0, 50)])));
  // The neighbour's dismissing a report on Thursday ("Thursday" no act, no name) is not the shooting.
  assert.notEqual(entryOf('She initially dismissed a neighbor'), shooting);
});

test('ECB+ 8_ecbplus: one person\'s words of one day told by two reports ("he told Parliament on Wednesday", "Papandreou vowed Wednesday") are one entry, apart from the riot', async () => {
  const timeline = buildTimeline(await ecbDocs(['8_3ecbplus', '8_9ecbplus']));
  const entryOf = (words: string) => timeline.find((e) => e.evidence.some((x) => x.doc.text.slice(x.span.start, x.span.end).includes(words)));
  const speech = entryOf('he told Parliament on Wednesday');
  assert.ok(speech && speech === entryOf('Papandreou vowed Wednesday'), JSON.stringify(timeline.map((e) => [e.date, e.description.slice(0, 50)])));
  assert.notEqual(entryOf('Three people died when an Athens bank went up in flames'), speech);
  // Strauss-Kahn's words that day are someone else's.
  assert.notEqual(entryOf('Strauss - Kahn said in an interview'), speech);
});

test('a happening a lead tells as what the news "comes after", by people the main event does not name, is background; the run-up of its own people stays', () => {
  const a = article('a.txt', 'Harbour minister Lena Vos announced on Friday that she will meet union leader Piet Kramer on February 3. The announcement comes shortly after rebels seized Governor Tomas Rell in Karvo on Saturday night. It follows a phone call between Vos and Kramer on Wednesday.', '2026-01-09');
  const b = article('b.txt', 'Lena Vos will meet Piet Kramer on February 3, the minister announced on Friday. This came after Vos and Kramer spoke by phone on Wednesday.', '2026-01-09');
  const timeline = buildTimeline([a, b]);
  const entryOf = (words: string) => timeline.find((e) => e.evidence.some((x) => x.doc.text.slice(x.span.start, x.span.end).includes(words)));
  assert.equal(entryOf('announced on Friday')?.main, true, JSON.stringify(timeline.map((e) => [e.date, e.kind, e.description])));
  assert.equal(entryOf('rebels seized Governor Tomas Rell')?.kind, 'background');
  assert.equal(entryOf('spoke by phone on Wednesday')?.kind, 'happening');
});

test('one plan two reports place in consecutive years ("this year", "next year") is one scheduled entry under its day', () => {
  const a = article('a.txt', 'Comedian Maria Lopez will host the Golden Harp awards for a second time next year, the academy announced Friday. She will make her second appearance as host on the March 2 broadcast.', '2013-08-02');
  const b = article('b.txt', 'Maria Lopez just said she will be hosting the Golden Harp awards this year.', '2013-08-02');
  const timeline = buildTimeline([a, b]);
  const plans = timeline.filter((e) => e.kind === 'scheduled');
  assert.equal(plans.length, 1, JSON.stringify(timeline.map((e) => [e.date, e.kind, e.description])));
  assert.equal(plans[0]!.date, '2014-03-02');
  assert.ok(plans[0]!.evidence.some((x) => x.doc === b));
});

test('a sentence dated on two days is no retelling of its other day\'s happening', () => {
  const a = article('a.txt', 'The Harriers signed defender Tom Okafor on Tuesday and goalkeeper Lena Brandt today from the Stormport reserve squad.', '2026-03-04');
  const b = article('b.txt', 'On Wednesday afternoon, the Harriers signed goalkeeper Lena Brandt from the Stormport reserve squad.', '2026-03-04');
  const timeline = buildTimeline([a, b]);
  const tuesday = timeline.find((e) => e.date === '2026-03-03');
  assert.ok(tuesday, JSON.stringify(timeline.map((e) => [e.date, e.description])));
  assert.ok(!tuesday.evidence.some((x) => x.doc === b), 'the Wednesday signing is not listed under Tuesday');
});

test('the report\'s bare week, a clock time alone, a yearless quarter and "any given night" place nothing', () => {
  const doc = article('a.txt', 'Coach Ada Lind is expected to rejoin the Harriers this week. Kickoff is at 8 p.m. Okafor scored late in the fourth quarter. He can score on any given night. The Harriers beat the Rovers on Sunday.', '2026-03-08');
  const timeline = buildTimeline([doc]);
  assert.deepEqual(timeline.map((e) => e.date), ['2026-03-08'], JSON.stringify(timeline.map((e) => [e.date, e.description])));
});

test('a page\'s date line is no happening, and a sentence whose closest date the story cannot place is not listed under a vaguer one', () => {
  const dated = article('a.txt', 'The coastguard stopped a smuggling boat on Thursday, November 5, 2026, its fourth seizure since September.', '2026-11-06');
  const later = article('b.txt', 'Posted on November 9, 2026 6:07 PM\n\nThe coastguard stopped a smuggling boat off Kell Point on Thursday.', '2026-11-06');
  const undated = article('c.txt', 'The coastguard yesterday stopped a smuggling boat, its fourth seizure since September.', null);
  const timeline = buildTimeline([dated, later, undated]);
  assert.ok(!timeline.some((e) => e.date.startsWith('2026-11-09')), JSON.stringify(timeline.map((e) => [e.date, e.description])));
  assert.ok(!timeline.some((e) => e.evidence.some((x) => x.doc === undated && e.date === '2026-09')), JSON.stringify(timeline.map((e) => [e.date, e.description])));
});

test('a date-time whose hour the words do not write keeps its day only', () => {
  const doc = article('a.txt', 'The Rovers are 9 - 3 after beating the Hawks 34 - 12 Sunday.', '2026-03-09');
  const dates = buildTimeline([doc]).map((e) => e.date);
  assert.ok(dates.every((d) => !d.includes('T')), JSON.stringify(dates));
});

test('quarters counted in a time expression ("in nine quarters") place nothing', () => {
  const doc = article('a.txt', 'The Harriers beat the Rovers on Sunday. Okafor ran 80 yards for their first touchdown in nine quarters.', '2026-03-09');
  const timeline = buildTimeline([doc]);
  assert.deepEqual(timeline.map((e) => [e.date, e.kind]), [['2026-03-08', 'happening']], JSON.stringify(timeline.map((e) => [e.date, e.description])));
});

test('a year between an article and a name is an edition of the named thing: told of a thing done it dates nothing, in a plan it is the plan\'s year', () => {
  const done = article('a.txt', 'The Rovers lost to the Harriers and kept their grip on the first pick in the 2027 Coastal Draft.', '2026-11-09');
  assert.equal(buildTimeline([done]).length, 0, JSON.stringify(buildTimeline([done]).map((e) => [e.date, e.description])));
  const planned = article('b.txt', 'Maria Lopez will host the 2027 Golden Harp awards, the academy said.', '2026-11-09');
  assert.deepEqual(buildTimeline([planned]).map((e) => [e.date, e.kind]), [['2027', 'scheduled']]);
});

test('a plan placed by its year alone that no lead tells is background; one a lead tells stays scheduled', () => {
  const doc = article('a.txt', 'The Harriers beat the Rovers 24 - 10 on Sunday. Okafor scored twice. The Rovers had chances late. A Rovers win would have cost them the top pick in next year\'s draft.', '2026-11-09');
  const timeline = buildTimeline([doc]);
  assert.deepEqual(timeline.map((e) => [e.date, e.kind]), [['2026-11-08', 'happening'], ['2027', 'background']], JSON.stringify(timeline.map((e) => [e.date, e.kind, e.description])));
});

test('side news is judged against the people of the story\'s happenings, not of its plans: the next opponent\'s own win is background', () => {
  const a = article('a.txt', 'The Harriers beat the Rovers 24 - 10 on Sunday. Okafor threw two touchdown passes. The Harriers will play the Gulls next Sunday at Kell Park. The crowd was the largest of the season. The Gulls are 9 - 2 after defeating the Pelicans 21 - 7 on Sunday.', '2026-11-08');
  const b = article('b.txt', 'The Harriers beat the Rovers on Sunday behind two touchdown passes from Okafor.', '2026-11-08');
  const timeline = buildTimeline([a, b]);
  const gulls = timeline.find((e) => e.description.startsWith('The Gulls are'));
  assert.equal(gulls?.kind, 'background', JSON.stringify(timeline.map((e) => [e.date, e.kind, e.description])));
  assert.ok(timeline.some((e) => e.kind === 'scheduled' && e.description.includes('will play the Gulls')));
});

test('side news about two or more other people by full name is background even in the main event\'s words; a surname alone is the story\'s full name', () => {
  const lead = 'The Harriers placed running back Tom Okafor on injured reserve Wednesday with an ankle injury. Okafor missed the last two games. The Harriers play the Gulls on Sunday.';
  const story = (side: string) => buildTimeline([article('a.txt', `${lead} ${side}`, '2026-11-11'), article('b.txt', 'The Harriers put Tom Okafor on injured reserve on Wednesday because of his ankle injury.', '2026-11-11')]);
  const kindOf = (timeline: ReturnType<typeof buildTimeline>, start: string) => timeline.find((e) => e.evidence.some((x) => x.doc.text.slice(x.span.start, x.span.end).startsWith(start)))?.kind;
  // "Ben Okafor" shares the surname of the story's "Tom Okafor", and is someone else.
  const others = story('Guard Ben Okafor ( knee ) and tackle Sam Reyes ( hamstring ) did not take part in team drills Wednesday because of injuries.');
  assert.equal(kindOf(others, 'Guard Ben Okafor'), 'background', JSON.stringify(others.map((e) => [e.date, e.kind, e.description])));
  // One other person in the story's words: judged by the words, the story's.
  const one = story('Tackle Sam Reyes did not take part in team drills Wednesday because of an ankle injury.');
  assert.equal(kindOf(one, 'Tackle Sam Reyes'), 'happening', JSON.stringify(one.map((e) => [e.date, e.kind, e.description])));
});

test('a report written weeks after a planned day, placing something by its month, recalls that month: it does not join the day\'s plan', () => {
  const a = article('a.txt', 'Dana Reyes shot two co - workers at the Portville bakery on Monday night, police said. Reyes is expected to be arraigned on two murder charges later today.', '2026-03-10');
  const b = article('b.txt', 'The murder trial of Dana Reyes starts Monday. Dana Reyes, 43, is charged with murder for the shooting deaths of two co - workers in March 2026.', '2028-03-13');
  const timeline = buildTimeline([a, b]);
  const plan = timeline.find((e) => e.description.includes('arraigned'));
  assert.equal(plan?.kind, 'scheduled', JSON.stringify(timeline.map((e) => [e.date, e.kind, e.description])));
  assert.deepEqual(plan.evidence.map((x) => x.doc.id), [a.id]);
});

test('a week no lead tells, over before the story\'s first report, is background; told in a lead it stays the story\'s', () => {
  const lead = 'The Harriers placed running back Tom Okafor on injured reserve Wednesday. Okafor is out for the season. The Harriers play the Gulls on Saturday.';
  const setback = 'Coach Lee Dunn said Okafor suffered a setback in practice last week.';
  const kindOf = (timeline: ReturnType<typeof buildTimeline>) => timeline.find((e) => e.evidence.some((x) => x.doc.text.slice(x.span.start, x.span.end).includes('setback')))?.kind;
  const other = article('b.txt', 'The Harriers put Tom Okafor on injured reserve on Wednesday.', '2026-01-07');
  const below = buildTimeline([article('a.txt', `${lead} ${setback}`, '2026-01-07'), other]);
  assert.equal(kindOf(below), 'background', JSON.stringify(below.map((e) => [e.date, e.end, e.kind, e.description])));
  const led = buildTimeline([article('a.txt', `${setback} ${lead}`, '2026-01-07'), other]);
  assert.equal(kindOf(led), 'happening', JSON.stringify(led.map((e) => [e.date, e.end, e.kind, e.description])));
});

test('a sentence opening a list ("… is as follows:") is no happening', () => {
  const doc = article('a.txt', 'The Gulls placed Ardent on injured reserve on Wednesday with a knee injury. The rest of the injury report for Wednesday is as follows:', '2026-01-08');
  const timeline = buildTimeline([doc]);
  assert.equal(timeline.length, 1);
  assert.equal(timeline[0]!.evidence.length, 1, JSON.stringify(timeline[0]!.evidence.map((x) => x.doc.text.slice(x.span.start, x.span.end))));
});

test('two plans for one day with the same other side are one; a plan of that day with another side stays apart', () => {
  const a = article('a.txt', 'Portville will close out its season next Sunday when the Kell Ravens visit Harbour Stadium.', '2026-11-09');
  const b = article('b.txt', 'Okafor still has next Sunday\'s game against Kell to break the record.', '2026-11-09');
  const c = article('c.txt', 'Brenholm will play the Pelicans next Sunday afternoon.', '2026-11-09');
  const plans = buildTimeline([a, b, c]).filter((e) => e.kind === 'scheduled');
  assert.equal(plans.length, 2, JSON.stringify(plans.map((e) => [e.date, e.description])));
  assert.ok(plans.some((e) => e.evidence.some((x) => x.doc === a) && e.evidence.some((x) => x.doc === b)));
});

test('a happening named and said to have taken place that day is the entry of that day telling its act', () => {
  const a = article('a.txt', 'Two masked men attacked a guard at the Velmora depot on Thursday night, police said.', '2026-03-13');
  const b = article('b.txt', 'Reporter Ann Pike says the attack took place just after 9 p.m. Thursday.', '2026-03-13');
  const thursday = buildTimeline([a, b]).filter((e) => e.date.startsWith('2026-03-12'));
  assert.equal(thursday.length, 1, JSON.stringify(thursday.map((e) => [e.date, e.description])));
});

test('one occasion of one day with a person in common ("a hearing on Tuesday", "Tuesday at Dunn\'s hearing") is one entry; another person\'s is not', () => {
  const a = article('a.txt', 'At a hearing on Tuesday, prosecutor Lena Ortis described Marek Dunn as a careful planner.', '2026-12-09');
  const b = article('b.txt', 'Detective Paul Amsel, testifying Tuesday at Dunn\'s preliminary hearing, said he had questioned him twice.', '2026-12-09');
  const c = article('c.txt', 'At a hearing on Tuesday, a judge in Brenholm freed Ada Lind on bail.', '2026-12-09');
  const tuesday = buildTimeline([a, b, c]).filter((e) => e.date === '2026-12-08');
  assert.equal(tuesday.length, 2, JSON.stringify(tuesday.map((e) => [e.date, e.description])));
  assert.ok(tuesday.some((e) => e.evidence.some((x) => x.doc === a) && e.evidence.some((x) => x.doc === b)));
});

test('one deed two outlets place on nearby days in other verbs ("picked up … Monday", "signed … Tuesday") is one entry showing both days; another person signed stays apart', () => {
  const a = article('a.txt', 'The Harbourside Gulls picked up goalkeeper Tomas Varga on Monday after their starter broke his wrist.', '2026-01-14');
  const b = article('b.txt', 'The Gulls signed goalkeeper Tomas Varga on Tuesday to replace their injured starter.', '2026-01-14');
  const c = article('c.txt', 'The Gulls signed defender Ilse Marton from the Brenholm reserves on Tuesday after a long trial at the club.', '2026-01-14');
  const timeline = buildTimeline([a, b, c]);
  const varga = timeline.filter((e) => e.evidence.some((s) => /Varga/.test(s.doc.text.slice(s.span.start, s.span.end))));
  assert.equal(varga.length, 1);
  assert.equal(varga[0]!.evidence.length, 2);
  assert.deepEqual(varga[0]!.days, ['2026-01-12', '2026-01-13']);
  const marton = timeline.filter((e) => e.evidence.some((s) => /Marton/.test(s.doc.text.slice(s.span.start, s.span.end))));
  assert.equal(marton.length, 1);
  assert.equal(marton[0]!.evidence.length, 1);
  assert.equal(marton[0]!.days, undefined);
});

test('the same person doing two different deeds on nearby days, or the same deed a week apart, stays two entries', () => {
  const a = article('a.txt', 'The Gulls signed goalkeeper Tomas Varga on Monday.', '2026-01-14');
  const b = article('b.txt', 'Goalkeeper Tomas Varga injured his shoulder on Tuesday in training.', '2026-01-14');
  const c = article('c.txt', 'The Gulls released goalkeeper Tomas Varga on January 5.', '2026-01-14');
  const timeline = buildTimeline([a, b, c]);
  assert.equal(timeline.filter((e) => e.evidence.some((s) => /Varga/.test(s.doc.text.slice(s.span.start, s.span.end)))).length, 3);
  assert.ok(timeline.every((e) => e.days === undefined));
});
