import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../src/pipeline/analyze.js';
import { verifyBriefSentence } from '../src/brief/verify.js';
import { disputeLead, outletCount, wordsToCite } from '../src/brief/connectives.js';
import { printedName } from '../src/brief/brief.js';

/**
 * Three outlets on one (invented) ferry crash, each in its own words. Each recalls, in its last
 * paragraphs, another captain's case of last year (background, with an unnamed "he" after it),
 * all name the inspector who will lead the inquiry (someone new, undated, not past: a development),
 * two print a sports listing line, and two give the captain's home town as Swansea, one as Cardiff.
 */
const ARTICLES = {
  'a1.txt': `Ferry captain charged after Lunmoor crash

Ferry captain Ann Kerr was charged on Tuesday with reckless navigation after her ferry struck the Lunmoor harbour wall .

Kerr , 41 , of Swansea , has sailed the route for ten years .

Kerr was steering the ferry into the harbour in thick fog when it hit the wall , the coastguard said .

Twelve passengers were taken to the Lunmoor hospital with minor injuries .

Marine inspector Rhys Owen will lead the inquiry into the crash .

Kerr was released on bail on Wednesday and will appear in court next month .

The harbour master said Kerr had been sailing far too fast for the fog .

Local fishermen said the harbour lights had been broken for a week .

Captain Tom Reyes lost his licence last year after his boat hit a pier in Bristol .

When he lost it , he was already banned from sailing at night .

LUNMOOR ROVERS Signed Ann Kerr , goalkeeper .
`,
  'a2.txt': `Captain charged over harbour wall crash

Ann Kerr , the captain of the ferry , was charged on Tuesday with reckless navigation after the ship struck the Lunmoor harbour wall .

Kerr , 41 , of Swansea , had sailed the route for ten years .

Twelve passengers were taken to hospital in Lunmoor with minor injuries , police said .

The ferry company has suspended Kerr until an inquiry is finished .

Kerr was released on bail on Wednesday and will appear in court next month , her lawyer said .

Kerr was sailing far too fast for the fog , according to the harbour master .

Repairs to the wall will take several weeks .

The inquiry into the crash will be led by marine inspector Rhys Owen .

Captain Tom Reyes lost his licence last year after his boat hit a pier in Bristol .

When he lost it , he was already banned from sailing at night .

LUNMOOR ROVERS Signed Ann Kerr , goalkeeper .
`,
  'a3.txt': `Lunmoor ferry captain faces charge

Police charged ferry captain Ann Kerr on Tuesday with reckless navigation after her ferry hit the harbour wall in Lunmoor .

Kerr , 41 , of Cardiff , has sailed the route since 2015 .

Kerr was steering into the harbour in thick fog when the ferry hit the wall .

The ferry company suspended Kerr pending an inquiry into the crash .

Kerr was released on bail on Wednesday .

A spokeswoman for the council said the harbour would stay open .

Marine inspector Rhys Owen will lead the inquiry into the crash .

Captain Tom Reyes lost his licence last year after his boat struck a pier in Bristol .
`,
};

async function story() {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-summary-'));
  for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(dir, name), text);
  const { export: data } = await analyze([dir], { db: ':memory:' });
  assert.equal(data.stories.length, 1);
  return { story: data.stories[0]!, articles: data.articles };
}

test('brief: a dispute says what differs about whom, each side with its outlets and only its own citations', async () => {
  const { story: s, articles } = await story();
  const at = s.brief.findIndex((b) => b.text.startsWith('Accounts differ'));
  assert.ok(at >= 0, JSON.stringify(s.brief.map((b) => b.text)));
  const [first, second] = [s.brief[at]!, s.brief[at + 1]!];
  // The citations print the name as "Kerr" only: the brief names her so. The side two outlets give comes first.
  assert.equal(first.text, 'Accounts differ on where Kerr lives: “of Swansea” (2 outlets).');
  assert.equal(second.text, 'vs “of Cardiff” (1 outlet).');
  assert.ok(first.citations.every((c) => /of Swansea/.test(c.text)) && first.citations.length === 2, JSON.stringify(first.citations));
  assert.ok(second.citations.every((c) => /of Cardiff/.test(c.text)) && second.citations.length === 1, JSON.stringify(second.citations));
  const textOf = new Map(articles.map((a) => [a.id, a.text]));
  for (const b of s.brief) assert.deepEqual(verifyBriefSentence(b.text, b.citations.map((c) => ({ text: c.text, actual: textOf.get(c.articleId)!.slice(c.start, c.end) }))), { ok: true }, b.text);
});

test('brief: background about another person, recalled further down by every outlet, is no development', async () => {
  const { story: s } = await story();
  const texts = s.brief.map((b) => b.text);
  // Carried by all three outlets and unlike the main event: without the rule it is the second development.
  assert.ok(s.claims.some((c) => c.status === 'corroborated' && c.independentSources === 3 && /Tom Reyes lost his licence/.test(c.text)), JSON.stringify(s.claims.map((c) => c.text)));
  assert.ok(!texts.some((t) => /Reyes|LUNMOOR ROVERS|When he lost it/.test(t)), JSON.stringify(texts));
  assert.match(texts[0]!, /^Ferry captain Ann Kerr was charged on Tuesday with reckless navigation/);
  // An undated step taken by someone new to the story is a development, not a recollection.
  assert.ok(texts.some((t) => /Rhys Owen/.test(t)), JSON.stringify(texts));
});

test('brief leads: the dispute lead names what differs in our own words, and the check lets only those through', () => {
  assert.equal(disputeLead('time'), 'Accounts differ on the time:');
  assert.equal(disputeLead('residence', 'Ann Kerr'), 'Accounts differ on where Ann Kerr lives:');
  assert.equal(disputeLead('residence'), 'Accounts differ on the home town:');
  assert.equal(disputeLead('whether'), 'Accounts differ:');
  assert.equal(outletCount(1), '(1 outlet)');
  // The person's name is not ours: it must be cited. Counts and leads are ours.
  assert.deepEqual(wordsToCite('Accounts differ on where Ann Kerr lives: “of Tenby” (2 outlets).'), ['ann', 'kerr', 'of', 'tenby']);
  assert.deepEqual(wordsToCite('vs “of Bala” (1 outlet).'), ['of', 'bala']);
  assert.deepEqual(wordsToCite('Only one source reports: The ferry sank.'), ['the', 'ferry', 'sank']);
  // Lead words elsewhere in a sentence are the sentence's own, to be cited.
  assert.deepEqual(wordsToCite('The time was 2 outlets.'), ['the', 'time', 'was', '2', 'outlets']);
});

test('brief: a disputed person is named only as a citation prints the name', () => {
  assert.equal(printedName('Ann Marie Kerr', ['Ann Marie Kerr , 41 , of Tenby', 'Kerr , of Bala']), 'Ann Marie Kerr');
  assert.equal(printedName('Ann Marie Kerr', ['Ann Kerr , 41 , of Tenby', 'Kerr , of Bala']), 'Kerr');
  assert.equal(printedName('Ann Marie Kerr', ['the captain , of Tenby']), undefined);
});
