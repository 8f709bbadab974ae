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

/** ECB+ articles written as crawler text files: those of the fact stories named, and every article of the subtopics named. */
function ecbArticles(factStories: string[], subtopics: string[] = []): string {
  const want = new Set(factStories.flatMap((event) => (JSON.parse(readFileSync(join(FACTS, `event-${event}.json`), 'utf8')) as { articles: string[] }).articles));
  const dir = mkdtempSync(join(tmpdir(), 'claims-'));
  for (const line of readFileSync(DOCUMENTS, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const doc = JSON.parse(line) as { id: string; subtopic: string; text: string };
    if (want.has(doc.id) || subtopics.includes(doc.subtopic)) writeFileSync(join(dir, `${doc.id}.txt`), doc.text);
  }
  return dir;
}

// A question, also in tokenised text ("a riot ? ”").
const QUESTION = /\?[\s"”’)]*$/;

const CASES = [
  ['seeds', () => SEEDS, false],
  ['examples', () => EXAMPLES, false],
  ['ECB+ story 21_ecb', () => ecbArticles(['21_ecb']), false],
  // The other dev fact stories and subtopics in no gold, read claim by claim when these checks were written; analysed together, once.
  ['ECB+ stories 2_ecbplus, 5_ecbplus, 35_ecbplus and subtopics 8, 19, 26, 30 (ecbplus)', () => ecbArticles(['2_ecbplus', '5_ecbplus', '35_ecbplus'], ['8_ecbplus', '19_ecbplus', '26_ecbplus', '30_ecbplus']), true],
] as const;

for (const [name, input, wider] of CASES) {
  test(`${name}: no claim is a headline, a question, a verbless fragment, a clause without its subject or a quote cut open`, async () => {
    const dir = input();
    try {
      const { export: data } = await analyze([dir], { db: ':memory:' });
      const titles = new Set(data.articles.map((a) => a.title).filter(Boolean));
      const claims = data.stories.flatMap((s) => s.claims);
      const quotes = data.stories.flatMap((s) => s.quotes.flatMap((q) => q.mentions));
      assert.ok(claims.length > 10, `claims: ${claims.length}`);
      for (const claim of claims) {
        for (const e of claim.evidence) {
          assert.ok(!titles.has(e.text), `a headline as a claim: ${e.text}`);
          assert.ok(!QUESTION.test(e.text), `a question as a claim: ${e.text}`);
          // A citation found by a piece of a longer clause may open on its verb, which the tagger then misreads
          // without its subject ("shot during a confrontation with…"; left to do): the wider set checks the claim's text.
          if (wider) continue;
          const { tokens } = sentencesAndTokens(e.text);
          assert.ok(tokens.some((t) => t.pos === 'VERB' || t.pos === 'AUX'), `a verbless fragment as a claim: ${e.text}`);
        }
        // What a claim states (its citations may be narrower: the words giving a value).
        const { tokens } = sentencesAndTokens(claim.text);
        if (wider) assert.ok(tokens.some((t) => t.pos === 'VERB' || t.pos === 'AUX'), `a verbless fragment as a claim: ${claim.text}`);
        // "flown to the United States…", "while stressing that…": the subject is in the clause before.
        const first = tokens.find((t) => t.pos !== 'PUNCT' && t.pos !== 'ADV');
        assert.ok(!(/^\p{Ll}/u.test(claim.text) && (first?.pos === 'VERB' || first?.pos === 'AUX')), `a clause without its subject as a claim: ${claim.text}`);
        if (!wider) {
          // A closing mark before any opening one: the claim starts inside a quote.
          assert.ok(!/^[^“]*”/.test(claim.text), `a claim opening mid-quote: ${claim.text}`);
          continue;
        }
        // A clause that hangs on the one before: "that one person had been attacked", "which , the police said , …",
        // "after serving seven seasons…", "and raise the retirement age…" (a subordinator of time or cause is left out of the claim).
        const opening = claim.text.slice(tokens[0]?.start ?? 0, tokens[0]?.end ?? 0);
        // ("because of the strike, no estimates can be made" has its own subject.)
        const dependent = (/^(?:which|who|whom|whose|after|before|because|until|while|whereas|although|and|but|or)$/.test(opening) && !/^because of\s/.test(claim.text)) || (opening === 'that' && tokens[0]?.pos !== 'DET');
        assert.ok(!dependent, `a dependent clause as a claim: ${claim.text}`);
        // A date line: "PUBLISHED : 02 : 31 GMT , 12 March 2013", "Posted on November 15 , 2011 6 : 07 PM".
        assert.ok(!/^(?:posted|published|updated)\b[^.!?]*\d{4}[^.!?]*$/i.test(claim.text), `a date line as a claim: ${claim.text}`);
        // Words after a closing mark they never opened, in no quote found around them: someone's words, speaker unknown
        // ("… in homes around the globe , will be as excited by this news as we are . ”"). The ends of quotes found
        // over a paragraph break still stand alone (left to do).
        assert.ok(!/^[^“"]*”/.test(claim.text) || claim.evidence.some((e) => quotes.some((q) => q.articleId === e.articleId && q.start < e.end && q.end > e.start)), `a quote's end as a claim: ${claim.text}`);
      }
    } finally {
      if (name.startsWith('ECB')) rmSync(dir, { recursive: true, force: true });
    }
  });
}
