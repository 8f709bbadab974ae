import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../src/pipeline/analyze.js';
import type { StoryExport } from '../src/export/types.js';
import { REPO } from './paths.js';

/** The articles of one ECB+ subtopic (`../shared/data/ecbplus`, CC BY 3.0) analysed together, as `npm run bench -- brief` does. */
async function subtopic(name: string): Promise<StoryExport> {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-brief-'));
  for (const line of readFileSync(join(REPO, '..', 'shared', 'data', 'ecbplus', 'documents.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const doc = JSON.parse(line) as { id: string; subtopic: string; text: string };
    if (doc.subtopic === name) writeFileSync(join(dir, `${doc.id}.txt`), doc.text);
  }
  return (await analyze([dir], { db: ':memory:' })).export;
}

const briefOf = (data: StoryExport) => data.stories.flatMap((s) => s.brief);

test('ECB+ 20_ecbplus: a brief sentence giving a death toll cites the outlets giving that toll, not another one', async () => {
  // "A powerful earthquake has hit southern Iran, killing at least 10 people, …" is alike in words to
  // "… destroying several villages and killing at least three people and injuring others" (another
  // toll) and to "An earthquake with a magnitude of at least 5.9 hit southern Iran on Sunday, killing
  // at least 10 people and injuring many others" (the same toll).
  const sentence = briefOf(await subtopic('20_ecbplus')).find((s) => /killing at least 10 people/.test(s.text));
  assert.ok(sentence, 'the toll is in the brief');
  const cited = sentence.citations.slice(1).map((c) => c.text);
  assert.ok(cited.some((t) => /at least 5 \. 9 hit southern Iran on Sunday , killing at least 10 people/.test(t)), JSON.stringify(cited));
  assert.ok(!cited.some((t) => /at least three people/.test(t)), JSON.stringify(cited));
});
