import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../src/pipeline/analyze.js';
import { verifyBriefSentence } from '../src/brief/verify.js';

/** Three outlets on one (invented) bridge opening: each tells the opening with details of its own. */
const ARTICLES = (secondLead: string) => ({
  'a1.txt':
    'Mayor to open Portavel harbour bridge in March\n\nPORTAVEL, Feb 2 — Mayor Lena Okafor announced on Monday that she will open the new harbour bridge in Portavel on March 4, ending two years of delays that angered commuters and shop owners.\n\nThe bridge cost 80 million euros and carries four lanes of traffic.\n\nEngineers finished the final load tests last week, the city council said.\n\nThe opening ceremony will be held at the northern end of the bridge.\n\nThe cause of the cracks found in a pillar in June has not been determined.\n',
  'a2.txt': `Portavel bridge opening set for March 4\n\n${secondLead}\n\nThe bridge cost 80 million euros and carries four lanes of traffic.\n\nEngineers finished the final load tests last week, according to the city council.\n\nThe cause of the cracks found in a pillar in June has not been determined, the council said.\n`,
  'a3.txt':
    'Portavel harbour bridge ready after load tests\n\nEngineers finished the final load tests on the new Portavel harbour bridge last week, the city council said on Monday.\n\nThe bridge cost 80 million euros and carries four lanes of traffic.\n\nLocal traders hope the crossing will bring more customers to the old port.\n\nInspectors are still trying to determine the cause of the cracks found in a pillar in June.\n',
});

const LEAD = 'Mayor Lena Okafor said on Monday she will open the new harbour bridge in Portavel on March 4 at a ceremony for dock workers and their families from the old port.';

async function briefOf(secondLead: string) {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-lead-'));
  for (const [name, text] of Object.entries(ARTICLES(secondLead))) writeFileSync(join(dir, name), text);
  const { export: data } = await analyze([dir], { db: ':memory:' });
  assert.equal(data.stories.length, 1);
  return { brief: data.stories[0]!.brief, articles: data.articles };
}

test('brief: the main event opens it in the words two outlets share, each citation stating it', async () => {
  const { brief, articles } = await briefOf(LEAD);
  const lead = brief[0]!;
  // Cut where the outlets stop sharing words: neither outlet's own details are told.
  assert.match(lead.text, /Mayor Lena Okafor announced on Monday that she will open the new harbour bridge in Portavel on March 4\.$/);
  assert.doesNotMatch(lead.text, /delays|ceremony/);
  assert.equal(new Set(lead.citations.map((c) => c.articleId)).size, 2, JSON.stringify(lead.citations));
  assert.match(lead.citations[1]!.text, /^Mayor Lena Okafor said on Monday she will open the new harbour bridge in Portavel on March 4$/);
  const textOf = new Map(articles.map((a) => [a.id, a.text]));
  assert.deepEqual(verifyBriefSentence(lead.text, lead.citations.map((c) => ({ text: c.text, actual: textOf.get(c.articleId)!.slice(c.start, c.end) }))), { ok: true });
});

test('brief: a statement denying what a brief sentence states, or stating what it denies, is not cited for it', async () => {
  const { brief: first } = await briefOf(LEAD);
  const cause = first.find((s) => /cause of the cracks found in a pillar in June has not been determined/.test(s.text));
  assert.ok(cause, JSON.stringify(first.map((s) => s.text)));
  assert.equal(new Set(cause.citations.map((c) => c.articleId)).size, 2, JSON.stringify(cause.citations));
  assert.ok(!cause.citations.some((c) => /trying to determine/.test(c.text)), JSON.stringify(cause.citations));
  const { brief } = await briefOf('Mayor Lena Okafor said on Monday she will not open the new harbour bridge in Portavel on March 4 at a ceremony for dock workers and their families from the old port.');
  for (const sentence of brief.filter((s) => /open the new harbour bridge/.test(s.text))) {
    assert.ok(!sentence.citations.some((c) => /will not open/.test(c.text)), JSON.stringify(sentence));
  }
});
