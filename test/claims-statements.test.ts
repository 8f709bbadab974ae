import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { sentencesAndTokens } from '../src/analyze/sentences.js';
import { analyze } from '../src/pipeline/analyze.js';
import { EXAMPLES, REPO, SEEDS } from './paths.js';

const FACTS = join(REPO, '..', 'shared', 'data', 'ecbplus-facts');
const DOCUMENTS = join(REPO, '..', 'shared', 'data', 'ecbplus', 'documents.jsonl');

/** The ECB+ articles of one fact story, written as crawler text files. */
function factStory(event: string): string {
  const gold = JSON.parse(readFileSync(join(FACTS, `event-${event}.json`), 'utf8')) as { articles: string[] };
  const want = new Set(gold.articles);
  const dir = mkdtempSync(join(tmpdir(), 'claims-'));
  for (const line of readFileSync(DOCUMENTS, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const doc = JSON.parse(line) as { id: string; text: string };
    if (want.has(doc.id)) writeFileSync(join(dir, `${doc.id}.txt`), doc.text);
  }
  return dir;
}

for (const [name, input] of [['seeds', () => SEEDS], ['examples', () => EXAMPLES], ['ECB+ story 21_ecb', () => factStory('21_ecb')]] as const) {
  test(`${name}: no claim is a headline, a question, a verbless fragment, a clause without its subject or a quote cut open`, async () => {
    const dir = input();
    try {
      const { export: data } = await analyze([dir], { db: ':memory:' });
      const titles = new Set(data.articles.map((a) => a.title).filter(Boolean));
      const claims = data.stories.flatMap((s) => s.claims);
      assert.ok(claims.length > 10, `claims: ${claims.length}`);
      for (const claim of claims) {
        for (const e of claim.evidence) {
          assert.ok(!titles.has(e.text), `a headline as a claim: ${e.text}`);
          assert.ok(!/\?["”’)]*$/.test(e.text), `a question as a claim: ${e.text}`);
          const { tokens } = sentencesAndTokens(e.text);
          assert.ok(tokens.some((t) => t.pos === 'VERB' || t.pos === 'AUX'), `a verbless fragment as a claim: ${e.text}`);
        }
        // What a claim states (its citations may be narrower: the words giving a value).
        const { tokens } = sentencesAndTokens(claim.text);
        // "flown to the United States…", "while stressing that…": the subject is in the clause before.
        const first = tokens.find((t) => t.pos !== 'PUNCT' && t.pos !== 'ADV');
        assert.ok(!(/^\p{Ll}/u.test(claim.text) && (first?.pos === 'VERB' || first?.pos === 'AUX')), `a clause without its subject as a claim: ${claim.text}`);
        // A closing mark before any opening one: the claim starts inside a quote.
        assert.ok(!/^[^“]*”/.test(claim.text), `a claim opening mid-quote: ${claim.text}`);
      }
    } finally {
      if (name.startsWith('ECB')) rmSync(dir, { recursive: true, force: true });
    }
  });
}
