import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { analyze } from '../src/pipeline/analyze.js';
import { REPO, SHARED_DATA } from './args.js';

const GOLD = join(REPO, 'bench', 'gold', 'brief-support-tune.tsv');
const DOCUMENTS = join(SHARED_DATA, 'ecbplus', 'documents.jsonl');

/** Whitespace runs as one space: the gold's texts were copied from exports that way. */
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Brief support on the hand-judged tuning sample `bench/gold/brief-support-tune.tsv` (ECB+
 * subtopics in no fact gold; see bench/gold/README.md): each subtopic's articles analysed
 * together, and every (brief sentence, citation after its first) pair looked up in the gold by
 * subtopic, sentence and citation text. Support = pairs judged "yes" / judged pairs; pairs the
 * gold has no judgement for are counted apart (judge them and add them before trusting a change
 * that brings many). `yesKept` = the gold's "yes" pairs the brief still gives: a corroboration
 * the brief stops citing shows there. `--errors` lists the "no" and unjudged pairs, and the "yes" ones dropped.
 */
export async function runBriefBench(errors = false) {
  const gold = new Map<string, { supports: boolean; why: string }>();
  const given = new Set<string>();
  const subtopics = new Set<string>();
  let goldYes = 0;
  for (const line of readFileSync(GOLD, 'utf8').split('\n').slice(1)) {
    if (!line.trim()) continue;
    const [subtopic, sentence, citation, article, supports, why] = line.split('\t') as [string, string, string, string, string, string];
    subtopics.add(subtopic);
    gold.set(key(subtopic, sentence, citation, article), { supports: supports === 'yes', why });
    if (supports === 'yes') goldYes++;
  }
  const texts = new Map<string, Array<{ id: string; text: string }>>();
  for (const line of readFileSync(DOCUMENTS, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const doc = JSON.parse(line) as { id: string; subtopic: string; text: string };
    if (subtopics.has(doc.subtopic)) texts.set(doc.subtopic, [...(texts.get(doc.subtopic) ?? []), doc]);
  }
  const tally = { pairs: 0, yes: 0, no: 0, unjudged: 0, sentences: 0, multiSourceSentences: 0 };
  const listed: Array<{ subtopic: string; verdict: string; sentence: string; citation: string; article: string; why?: string }> = [];
  for (const subtopic of [...subtopics].sort()) {
    const work = mkdtempSync(join(tmpdir(), 'brief-'));
    try {
      const dir = join(work, subtopic);
      mkdirSync(dir);
      for (const doc of texts.get(subtopic) ?? []) writeFileSync(join(dir, `${doc.id}.txt`), doc.text);
      const { export: ours } = await analyze([dir], { db: ':memory:' });
      const name = new Map(ours.articles.map((a) => [a.id, basename(a.input ?? a.id).replace(/\.txt$/, '')]));
      for (const sentence of ours.stories.flatMap((s) => s.brief)) {
        tally.sentences++;
        if (new Set(sentence.citations.map((c) => c.articleId)).size >= 2) tally.multiSourceSentences++;
        for (const citation of sentence.citations.slice(1)) {
          tally.pairs++;
          const article = name.get(citation.articleId) ?? citation.articleId;
          const k = key(subtopic, sentence.text, citation.text, article);
          given.add(k);
          const judged = gold.get(k);
          const verdict = judged === undefined ? 'unjudged' : judged.supports ? 'yes' : 'no';
          tally[verdict]++;
          if (verdict !== 'yes') listed.push({ subtopic, verdict, sentence: flat(sentence.text), citation: flat(citation.text), article, why: judged?.why });
        }
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  return {
    gold: `${GOLD.slice(REPO.length)} (${subtopics.size} subtopics, ${gold.size} judged pairs, tuned on)`,
    ...tally,
    support: Number((tally.yes / (tally.yes + tally.no || 1)).toFixed(3)),
    yesKept: `${tally.yes} of ${goldYes}`,
    // The judged corroborations the brief no longer cites: what a stricter rule cost.
    ...(errors ? { errors: listed, yesDropped: [...gold].filter(([k, j]) => j.supports && !given.has(k)).map(([k]) => k) } : {}),
  };
}

const key = (subtopic: string, sentence: string, citation: string, article: string) => [subtopic, flat(sentence), flat(citation), article].join('\t');
