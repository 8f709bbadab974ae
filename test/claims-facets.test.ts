import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyze } from '../src/pipeline/analyze.js';
import { REPO } from './paths.js';

const FACTS = join(REPO, '..', 'shared', 'data', 'ecbplus-facts');
const DOCUMENTS = join(REPO, '..', 'shared', 'data', 'ecbplus', 'documents.jsonl');

test('ECB+ story 21_ecb: an age several outlets print inside other sentences is one corroborated claim, each citation printing it', async () => {
  const gold = JSON.parse(readFileSync(join(FACTS, 'event-21_ecb.json'), 'utf8')) as { articles: string[] };
  const want = new Set(gold.articles);
  const dir = mkdtempSync(join(tmpdir(), 'facets-'));
  try {
    for (const line of readFileSync(DOCUMENTS, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const doc = JSON.parse(line) as { id: string; text: string };
      if (want.has(doc.id)) writeFileSync(join(dir, `${doc.id}.txt`), doc.text);
    }
    const { export: data } = await analyze([dir], { db: ':memory:' });
    const claims = data.stories.flatMap((s) => s.claims);
    const age = claims.find((c) => /Johnson is 66$/.test(c.text));
    assert.ok(age, `no age claim among: ${claims.map((c) => c.text).filter((t) => / is /.test(t)).slice(0, 10).join(' | ')}`);
    assert.equal(age.status, 'corroborated');
    assert.ok(new Set(age.evidence.map((e) => e.articleId)).size >= 3, `articles: ${age.evidence.length}`);
    for (const e of age.evidence) assert.match(e.text, /\b66\b/, `a citation that does not print the age: ${e.text}`);
    // Every person fact cites only statements printing its value.
    for (const c of claims.filter((c) => /^[\p{Lu}][\p{L}'’. -]+ is (?:from )?[\p{Lu}\d]/u.test(c.text) && c.text.split(' ').length <= 8)) {
      const value = c.text.replace(/^.* is (?:from )?/, '');
      for (const e of c.evidence) assert.ok(e.text.includes(value), `${c.text}: ${e.text}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
