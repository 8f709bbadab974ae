import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sentencesAndTokens } from '../src/analyze/sentences.js';
import { addInto, DEFAULT_JOIN_THRESHOLD, groupArticle, termVector, type TermVector } from '../src/cluster/first-grouping.js';
import { emptyLayers } from '../src/doc/types.js';
import { round, SHARED_DATA } from './args.js';

/**
 * Story grouping on ECB+ (`documents.jsonl`: `subtopic` is the gold story). Articles arrive one
 * by one in a fixed pseudo-random order and join the best story or start one, as in ingest.
 * B³ precision/recall/F1 over articles. Baselines in the same run: every article its own story,
 * and all articles of the split in one story (the two trivial floors of B³).
 */
interface EcbDoc {
  id: string;
  subtopic: string;
  split: string;
  text: string;
}

function bcubed(labels: number[], gold: string[]) {
  let p = 0, r = 0;
  for (let i = 0; i < labels.length; i++) {
    let same = 0, goldSame = 0, both = 0;
    for (let j = 0; j < labels.length; j++) {
      const s = labels[j] === labels[i];
      const g = gold[j] === gold[i];
      if (s) same++;
      if (g) goldSame++;
      if (s && g) both++;
    }
    p += both / same;
    r += both / goldSame;
  }
  p /= labels.length;
  r /= labels.length;
  return { precision: round(p), recall: round(r), f1: round((2 * p * r) / (p + r)) };
}

export function runClusterBench(data: string | undefined, split = 'dev', threshold = DEFAULT_JOIN_THRESHOLD) {
  const file = join(data ?? join(SHARED_DATA, 'ecbplus'), 'documents.jsonl');
  const docs = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as EcbDoc).filter((d) => split === 'all' || d.split === split);
  // A fixed multiplicative shuffle: arrival order must not follow the corpus's topic order.
  const order = docs.map((_, i) => i).sort((a, b) => ((a * 2654435761) % 1000003) - ((b * 2654435761) % 1000003));
  const started = performance.now();
  const stories: TermVector[] = [];
  const labels: number[] = new Array(docs.length);
  for (const i of order) {
    const d = docs[i]!;
    const { sentences, tokens } = sentencesAndTokens(d.text);
    const vector = termVector({ text: d.text, layers: { ...emptyLayers(), sentences, tokens } });
    const { storyId } = groupArticle(vector, stories.map((centroid, k) => ({ id: String(k), centroid })), threshold);
    if (storyId === null) {
      stories.push(new Map(vector));
      labels[i] = stories.length - 1;
    } else {
      addInto(stories[Number(storyId)]!, vector);
      labels[i] = Number(storyId);
    }
  }
  const ms = performance.now() - started;
  const gold = docs.map((d) => d.subtopic);
  return {
    data: file,
    split,
    threshold,
    articles: docs.length,
    goldStories: new Set(gold).size,
    ours: { ...bcubed(labels, gold), stories: stories.length, articlesPerSecond: round((docs.length / ms) * 1000, 0) },
    singletonsBaseline: bcubed(docs.map((_, i) => i), gold),
    allInOneBaseline: bcubed(docs.map(() => 0), gold),
  };
}
