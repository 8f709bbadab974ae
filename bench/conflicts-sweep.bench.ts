import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { analyze } from '../src/pipeline/analyze.js';
import { REPO, SHARED_DATA } from './args.js';

const DOCUMENTS = join(SHARED_DATA, 'ecbplus', 'documents.jsonl');
/** Every fact gold (dev, held-out and the conflicts tuning golds): a subtopic with a document in any of them is left out. */
const FACT_GOLDS = [join(SHARED_DATA, 'ecbplus-facts'), ...readdirSync(join(REPO, 'bench', 'gold')).filter((d) => /^facts/.test(d)).map((d) => join(REPO, 'bench', 'gold', d))];
/** Topics of the held-out fact and timeline stories: none of their subtopics is read. */
const HELD_OUT_TOPICS: ReadonlySet<string> = new Set(['3', '7', '24', '32']);

interface EcbDoc {
  id: string;
  topic: string;
  subtopic: string;
  text: string;
}

/**
 * The unlabelled sweep for false disputes: the ECB+ subtopics (train and dev splits) with no document
 * in any fact gold, outside the held-out topics, each analysed alone as one user's handful of
 * articles; every exported conflict listed with its positions and the words each outlet prints. No
 * gold scores them: a change to the conflict rules is run with and without it and each new conflict
 * is read. `--data a,b` sweeps those subtopics instead.
 */
export async function runConflictsSweepBench(only?: string) {
  const docs: EcbDoc[] = readFileSync(DOCUMENTS, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as EcbDoc);
  const used = new Set<string>();
  for (const dir of FACT_GOLDS) {
    for (const f of readdirSync(dir).filter((n) => /^event-.*\.json$/.test(n))) {
      for (const id of (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { articles: string[] }).articles) used.add(id);
    }
  }
  const usedSubtopics = new Set(docs.filter((d) => used.has(d.id)).map((d) => d.subtopic));
  const subtopics = only ? only.split(',') : [...new Set(docs.map((d) => d.subtopic))].filter((s) => !usedSubtopics.has(s) && !HELD_OUT_TOPICS.has(s.split('_')[0]!));
  const lines: string[] = [];
  for (const subtopic of subtopics) {
    const work = mkdtempSync(join(tmpdir(), 'conflicts-sweep-'));
    try {
      for (const d of docs.filter((x) => x.subtopic === subtopic)) writeFileSync(join(work, `${d.id}.txt`), d.text);
      const { export: ex } = await analyze([work], { db: ':memory:' });
      const name = new Map(ex.articles.map((a) => [a.id, basename(a.input ?? '').replace(/\.txt$/, '')]));
      for (const s of ex.stories) {
        for (const c of s.conflicts) {
          lines.push(`[${subtopic}] ${c.subject}`);
          for (const p of c.positions) lines.push(`    [${p.value}] ${p.evidence.map((e) => `${name.get(e.articleId)}: ${e.text ?? ''}`).join(' || ')}`);
        }
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  return { subtopics: subtopics.length, conflicts: lines.filter((l) => l.startsWith('[')).length, lines };
}
