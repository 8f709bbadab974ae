import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import type { StoryExport } from '../src/export/types.js';
import { analyze } from '../src/pipeline/analyze.js';
import { REPO } from './paths.js';

const FACTS = join(REPO, '..', 'shared', 'data', 'ecbplus-facts');
const DOCUMENTS = join(REPO, '..', 'shared', 'data', 'ecbplus', 'documents.jsonl');

/** ECB+ story 21_ecb (a hit-and-run, 12 outlets) analysed together; each claim with its citations by article file name. */
async function story21() {
  const gold = JSON.parse(readFileSync(join(FACTS, 'event-21_ecb.json'), 'utf8')) as { articles: string[] };
  const want = new Set(gold.articles);
  const dir = mkdtempSync(join(tmpdir(), 'alike-'));
  try {
    for (const line of readFileSync(DOCUMENTS, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const doc = JSON.parse(line) as { id: string; text: string };
      if (want.has(doc.id)) writeFileSync(join(dir, `${doc.id}.txt`), doc.text);
    }
    const { export: data } = (await analyze([dir], { db: ':memory:' })) as { export: StoryExport };
    const fileOf = new Map(data.articles.map((a) => [a.id, basename(a.input).replace(/\.txt$/, '')]));
    return data.stories.flatMap((s) => s.claims).map((c) => ({ ...c, cites: c.evidence.map((e) => ({ article: fileOf.get(e.articleId)!, text: e.text })) }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('ECB+ 21_ecb: one fact worded apart joins its claim, cited whole; a fact told alone meets the two-fact sentence stating it', async () => {
  const claims = await story21();
  // "They used a Taser to subdue him" ×2 and "had to use a Taser to get him out of his car": one fact.
  const taser = claims.find((c) => c.cites.some((e) => e.article === '21_1ecb' && /^They used a Taser to subdue him/.test(e.text)));
  assert.ok(taser, 'no claim cites "They used a Taser to subdue him"');
  assert.equal(taser.status, 'corroborated');
  const car = taser.cites.find((e) => e.article === '21_9ecb');
  assert.equal(car?.text, 'Officials had to use a Taser on LaSalle to get him out of his car .', `21_9ecb not joined as a whole clause: ${JSON.stringify(taser.cites)}`);
  for (const e of taser.cites) assert.match(e.text, /\btaser/i, `a citation without the Taser: ${e.text}`);
  // "Michael Gallagher ran to help Johnson" (21_7) and "said Gallagher, who … ran to Johnson and her husband to help" (21_3).
  const help = claims.find((c) => c.cites.some((e) => e.article === '21_7ecb' && /Gallagher ran to help/.test(e.text)));
  assert.ok(help, 'no claim cites Gallagher running to help');
  assert.equal(help.status, 'corroborated');
  assert.ok(help.cites.some((e) => e.article === '21_3ecb' && /ran to Johnson and her husband to help/.test(e.text)), JSON.stringify(help.cites));
});
