import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { docFromText } from '../src/ingest/plain-text.js';
import { processDoc } from '../src/pipeline/analyze.js';
import { placeArticle } from '../src/pipeline/cluster-article.js';
import { DEFAULT_JOIN_THRESHOLD } from '../src/cluster/stories.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { round, SHARED_DATA } from './args.js';
import { averageLinkMerges, cutMerges, tfidfVectors, titleJaccardClusters } from './cluster-baselines.js';
import { bcubed, clusterScores } from './cluster-metrics.js';

/**
 * Story grouping on ECB+ (`documents.jsonl`; `subtopic` is the gold story: the event level).
 * Ours: every article goes through the real ingest path (clean, analyse, `placeArticle`, an
 * SQLite store in memory), one by one in a fixed pseudo-random order, so document frequencies
 * and stories grow as in production. Baselines in the same run: (a) title-word Jaccard ≥ 0.5,
 * greedy single pass — ECB+ has no titles, so the first sentence stands in for the title;
 * (b) TF-IDF cosine with average-link agglomeration, its threshold tuned on the train split
 * (like ours) and applied to the split scored.
 */
const EcbDoc = z.object({ id: z.string(), subtopic: z.string(), split: z.string(), text: z.string(), sentences: z.array(z.object({ start: z.number(), end: z.number() })) });
type EcbDoc = z.infer<typeof EcbDoc>;

/** Thresholds tried for baseline (b) on train. */
const TFIDF_GRID = Array.from({ length: 19 }, (_, i) => round(0.05 + i * 0.025));

/** A fixed multiplicative shuffle: arrival order must not follow the corpus's topic order. */
const arrivalOrder = (n: number) => Array.from({ length: n }, (_, i) => i).sort((a, b) => ((a * 2654435761) % 1000003) - ((b * 2654435761) % 1000003));

async function ours(docs: EcbDoc[], threshold: number) {
  const store = SqliteStore.open(':memory:');
  const labels = new Array<string>(docs.length);
  const started = performance.now();
  for (const i of arrivalOrder(docs.length)) {
    const d = docs[i]!;
    const doc = processDoc(docFromText(d.text, d.id, null), { now: new Date(0) });
    const placement = await placeArticle(store, doc, { joinThreshold: threshold });
    await store.addArticle(doc, placement);
  }
  const ms = performance.now() - started;
  // Read memberships back after all arrivals: merges may have moved earlier articles.
  const stories = await store.listStories();
  const byInput = new Map((await store.getArticles()).map((a) => [a.id, a.meta.input]));
  const index = new Map(docs.map((d, i) => [d.id, i]));
  for (const story of stories) for (const id of story.articleIds) labels[index.get(byInput.get(id)!)!] = story.id;
  const merges = (await store.storyMerges()).length;
  await store.close();
  return { labels, merges, articlesPerSecond: round((docs.length / ms) * 1000, 0) };
}

function tunedTfidfThreshold(train: EcbDoc[]): { threshold: number; trainF1: number } {
  const merges = averageLinkMerges(tfidfVectors(train.map((d) => d.text)));
  const gold = train.map((d) => d.subtopic);
  let best = { threshold: TFIDF_GRID[0]!, trainF1: -1 };
  for (const t of TFIDF_GRID) {
    const f1 = bcubed(cutMerges(train.length, merges, t), gold).f1;
    if (f1 > best.trainF1) best = { threshold: t, trainF1: f1 };
  }
  return best;
}

export async function runClusterBench(data: string | undefined, split = 'dev', threshold = DEFAULT_JOIN_THRESHOLD) {
  const file = join(data ?? join(SHARED_DATA, 'ecbplus'), 'documents.jsonl');
  const all = readFileSync(file, 'utf8').trim().split('\n').map((l) => EcbDoc.parse(JSON.parse(l)));
  const docs = all.filter((d) => split === 'all' || d.split === split);
  const gold = docs.map((d) => d.subtopic);
  const result = await ours(docs, threshold);
  const tfidf = tunedTfidfThreshold(all.filter((d) => d.split === 'train'));
  const firstSentence = (d: EcbDoc) => d.text.slice(d.sentences[0]?.start ?? 0, d.sentences[0]?.end ?? 0);
  const order = arrivalOrder(docs.length);
  const titleLabels = titleJaccardClusters(order.map((i) => firstSentence(docs[i]!)));
  const titleGold = order.map((i) => gold[i]!);
  return {
    data: file,
    split,
    articles: docs.length,
    goldStories: new Set(gold).size,
    ours: { threshold, ...clusterScores(result.labels, gold), merges: result.merges, articlesPerSecond: result.articlesPerSecond },
    titleJaccardBaseline: { note: 'first sentence as title (ECB+ has no titles)', threshold: 0.5, ...clusterScores(titleLabels, titleGold) },
    tfidfAverageLinkBaseline: {
      note: 'threshold tuned on train',
      threshold: tfidf.threshold,
      trainF1: tfidf.trainF1,
      ...clusterScores(cutMerges(docs.length, averageLinkMerges(tfidfVectors(docs.map((d) => d.text))), tfidf.threshold), gold),
    },
  };
}
