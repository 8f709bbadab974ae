import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { docFromText } from '../src/ingest/plain-text.js';
import { processDoc } from '../src/pipeline/docs-from-input.js';
import { addAndRepair } from '../src/pipeline/repair-story.js';
import { DEFAULT_JOIN_THRESHOLD } from '../src/cluster/stories.js';
import type { Doc } from '../src/doc/types.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { REPO, round, SHARED_DATA } from './args.js';
import { averageLinkMerges, cutMerges, tfidfVectors, titleJaccardClusters } from './cluster-baselines.js';
import { clusterScores, summarise } from './cluster-metrics.js';
import { diagnoseStream } from './cluster-diagnose.js';

/**
 * Story grouping on ECB+ train and dev together as one stream (772 articles, 66 events; the gold
 * story is `subtopic`, the event: each topic holds two look-alike events). Every article goes
 * through the real ingest path (clean, analyse, `addAndRepair`: placement, then the re-examination
 * that may split the story; an SQLite store in memory) one by one, in several random arrival orders; each order is scored, then the mean and the spread
 * (max − min) are reported. Topics are split in two: the odd-numbered topics are where thresholds
 * were tuned, the even-numbered ones are held out (not looked at to choose anything). Both halves
 * are in every stream, so a held-out article can be wrongly grouped with a tuning one and pay for it.
 *
 * Baselines in the same run: (a) title-word Jaccard ≥ 0.5, greedy single pass in the first
 * order (ECB+ has no titles: the first sentence stands in); (b) TF-IDF cosine with average-link
 * agglomeration over the whole stream, its threshold tuned on the tuning topics.
 *
 * Distractors: MEANTIME's 120 Wikinews articles (with their dates) are added to the first stream;
 * it reports the stories that hold more than one MEANTIME article, with their titles, to inspect,
 * and scores our shared-actor gold on that run (distinct events with the same main actors).
 */
const EcbDoc = z.object({ id: z.string(), topic: z.number(), subtopic: z.string(), text: z.string(), sentences: z.array(z.object({ start: z.number(), end: z.number() })) });
type EcbDoc = z.infer<typeof EcbDoc>;
const SharedActorGold = z.object({ groups: z.array(z.object({ actor: z.string(), events: z.array(z.object({ event: z.string(), ids: z.array(z.string()) })) })) });
const MeantimeDoc = z.object({ id: z.string(), collection: z.string(), title: z.string(), text: z.string(), dct: z.object({ value: z.string() }).nullish() });

/** Thresholds tried for baseline (b) on the tuning topics. */
const TFIDF_GRID = Array.from({ length: 19 }, (_, i) => round(0.05 + i * 0.025));
/** Arrival orders per run. */
export const DEFAULT_ORDERS = 5;
/** Topics whose events were looked at to tune: the odd-numbered ones. */
export const isTuningTopic = (topic: number) => topic % 2 === 1;

/** A seeded PRNG (mulberry32), so each order is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle of 0..n-1 with the given seed. */
function arrivalOrder(n: number, seed: number): number[] {
  const next = random(seed);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** Places the docs in the given order into a fresh store; returns each doc's story id at the end. */
async function stream(docs: Doc[], order: number[], threshold: number) {
  const store = SqliteStore.open(':memory:');
  const started = performance.now();
  const cpu = process.cpuUsage();
  let splits = 0;
  for (const i of order) if ((await addAndRepair(store, docs[i]!, { joinThreshold: threshold })).split) splits++;
  const ms = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  // Read memberships back after all arrivals: merges and repairs may have moved earlier articles.
  const storyOf = new Map<string, string>();
  for (const story of await store.listStories()) for (const id of story.articleIds) storyOf.set(id, story.id);
  const merges = (await store.storyMerges()).length;
  await store.close();
  return { labels: docs.map((d) => storyOf.get(d.id)!), merges, splits, msPerArticle: round(ms / order.length, 2), cpuMsPerArticle: round((user + system) / 1000 / order.length, 2) };
}

function tunedTfidf(vectors: Array<Map<string, number>>, gold: string[], tuning: boolean[]) {
  const merges = averageLinkMerges(vectors);
  let best = { threshold: TFIDF_GRID[0]!, tuningF1: -1, labels: [] as number[] };
  for (const t of TFIDF_GRID) {
    const labels = cutMerges(vectors.length, merges, t);
    const f1 = clusterScores(labels, gold, tuning).f1;
    if (f1 > best.tuningF1) best = { threshold: t, tuningF1: f1, labels };
  }
  return best;
}

/**
 * The shared-actor test: pairs of distinct events of one group that share a story (should be
 * none), and pairs of reports of one event that do not (should be none).
 */
function sharedActorScores(gold: z.infer<typeof SharedActorGold>, storyOf: Map<string, string>) {
  const fused: string[] = [];
  const split: string[] = [];
  let distinctPairs = 0, samePairs = 0;
  for (const group of gold.groups)
    group.events.forEach((a, i) => {
      for (let x = 0; x < a.ids.length; x++)
        for (let y = x + 1; y < a.ids.length; y++) {
          samePairs++;
          if (storyOf.get(a.ids[x]!) !== storyOf.get(a.ids[y]!)) split.push(`${a.ids[x]} / ${a.ids[y]} (${a.event})`);
        }
      for (const b of group.events.slice(i + 1)) {
        distinctPairs++;
        if (a.ids.some((p) => b.ids.some((q) => storyOf.get(p) === storyOf.get(q)))) fused.push(`${a.event} + ${b.event}`);
      }
    });
  return { distinctEventPairs: distinctPairs, distinctEventsSharingAStory: fused, sameEventPairs: samePairs, sameEventSplit: split };
}

/** The ECB+ stream plus MEANTIME's articles in the first order: the stories mixing them, and the shared-actor gold scored on that run. */
async function runDistractors(docs: Doc[], meantime: Array<z.infer<typeof MeantimeDoc>>, threshold: number) {
  const ctx = { now: new Date(0) };
  const distractors = meantime.map((m) => processDoc(docFromText(m.text, `meantime:${m.id}`, null, { publishedAt: m.dct?.value ?? null }), ctx));
  const mixed = [...docs, ...distractors];
  const withDistractors = await stream(mixed, arrivalOrder(mixed.length, 1), threshold);
  const titleOf = new Map(distractors.map((d, i) => [d.id, `${meantime[i]!.id} ${meantime[i]!.collection}: ${meantime[i]!.title}`]));
  const members = new Map<string, string[]>();
  withDistractors.labels.forEach((label, i) => members.set(label, [...(members.get(label) ?? []), mixed[i]!.id]));
  const meantimeStories = [...members.values()].filter((ids) => ids.some((id) => titleOf.has(id)));
  const multi = meantimeStories.filter((ids) => ids.filter((id) => titleOf.has(id)).length > 1);
  const storyOfMeantime = new Map(meantime.map((m, i) => [m.id, withDistractors.labels[docs.length + i]!]));
  const sharedActor = sharedActorScores(SharedActorGold.parse(JSON.parse(readFileSync(join(REPO, 'bench', 'gold', 'shared-actor-meantime.json'), 'utf8'))), storyOfMeantime);
  return {
    ecbLabels: withDistractors.labels.slice(0, docs.length),
    meantimeDistractors: {
      note: 'ECB+ stream plus MEANTIME (120 Wikinews articles, with dates), first order',
      articles: distractors.length,
      storiesWithMeantime: meantimeStories.length,
      storiesMixingMeantimeWithEcb: meantimeStories.filter((ids) => ids.some((id) => !titleOf.has(id))).length,
      storiesWithSeveralMeantime: multi.map((ids) => ids.map((id) => titleOf.get(id) ?? `ECB+ ${id}`)),
    },
    sharedActor: { gold: 'bench/gold/shared-actor-meantime.json (distinct events, same main actors, within eight weeks; same run as the distractors)', ...sharedActor },
  };
}

export async function runClusterBench(data: string | undefined, threshold = DEFAULT_JOIN_THRESHOLD, orders = DEFAULT_ORDERS, split?: string, errors = false) {
  if (split !== undefined && split !== 'tuning' && split !== 'folds') throw new Error(`cluster --split takes only "tuning" or "folds" (the held-out topics are not listed), not ${split}`);
  const file = join(data ?? join(SHARED_DATA, 'ecbplus'), 'documents.jsonl');
  const ecb = readFileSync(file, 'utf8').trim().split('\n').map((l) => EcbDoc.parse(JSON.parse(l)));
  const meantimeFile = join(data ? join(data, '..', 'meantime') : join(SHARED_DATA, 'meantime'), 'documents.jsonl');
  const meantime = readFileSync(meantimeFile, 'utf8').trim().split('\n').map((l) => MeantimeDoc.parse(JSON.parse(l)));

  const ctx = { now: new Date(0) };
  const docs = ecb.map((d) => processDoc(docFromText(d.text, `ecb:${d.id}`, null), ctx));
  const gold = ecb.map((d) => d.subtopic);
  const tuning = ecb.map((d) => isTuningTopic(d.topic));
  const heldOut = tuning.map((t) => !t);

  const runs: Array<Awaited<ReturnType<typeof stream>>> = [];
  for (let seed = 1; seed <= orders; seed++) runs.push(await stream(docs, arrivalOrder(docs.length, seed), threshold));
  const scoresOf = (mask: boolean[]) => summarise(runs.map((r) => clusterScores(r.labels, gold, mask)));
  // The 2-fold check of a setting inside the tuning topics: their two halves (topic mod 4 = 1 and 3) scored apart, in the same streams.
  if (split === 'folds') {
    const half = (r: number) => ecb.map((d) => d.topic % 4 === r);
    const brief = (s: ReturnType<typeof scoresOf>) => ({ p: s.precision.mean, r: s.recall.mean, f1: s.f1.mean, f1Spread: s.f1.spread, rSpread: s.recall.spread });
    return { split: 'tuning topics in two halves (topic mod 4 = 1: A, 3: B), whole stream', orders, threshold, A: brief(scoresOf(half(1))), B: brief(scoresOf(half(3))), tuning: brief(scoresOf(tuning)), splits: runs.map((r) => r.splits), merges: runs.map((r) => r.merges) };
  }
  // While tuning: the tuning topics' scores and, with --errors, their misses in the first order; nothing of the held-out topics.
  if (split === 'tuning')
    return {
      split: 'tuning (odd-numbered topics) only',
      orders,
      threshold,
      tuning: scoresOf(tuning),
      splits: runs.map((r) => r.splits),
      ...(await runDistractors(docs, meantime, threshold).then(({ meantimeDistractors, sharedActor }) => ({ meantimeDistractors, sharedActor }))),
      ...(errors ? { firstOrderMisses: await diagnoseStream(docs, ecb.map((d) => d.id), gold, tuning, arrivalOrder(docs.length, 1), threshold) } : {}),
    };

  const tfidf = tunedTfidf(tfidfVectors(ecb.map((d) => d.text)), gold, tuning);
  const firstOrder = arrivalOrder(docs.length, 1);
  const firstSentence = (d: EcbDoc) => d.text.slice(d.sentences[0]?.start ?? 0, d.sentences[0]?.end ?? 0);
  const titleLabels = new Array<number>(ecb.length);
  titleJaccardClusters(firstOrder.map((i) => firstSentence(ecb[i]!))).forEach((label, k) => (titleLabels[firstOrder[k]!] = label));

  const distractorRun = await runDistractors(docs, meantime, threshold);

  return {
    data: [file, meantimeFile],
    articles: ecb.length,
    goldStories: new Set(gold).size,
    orders,
    split: {
      tuning: { topics: 'odd-numbered', articles: tuning.filter(Boolean).length, events: new Set(gold.filter((_, i) => tuning[i])).size },
      heldOut: { topics: 'even-numbered', articles: heldOut.filter(Boolean).length, events: new Set(gold.filter((_, i) => heldOut[i])).size },
    },
    ours: {
      threshold,
      heldOut: scoresOf(heldOut),
      tuning: scoresOf(tuning),
      all: scoresOf(tuning.map(() => true)),
      merges: runs.map((r) => r.merges),
      splits: runs.map((r) => r.splits),
      msPerArticle: runs.map((r) => r.msPerArticle),
      cpuMsPerArticle: runs.map((r) => r.cpuMsPerArticle),
    },
    tfidfAverageLinkBaseline: {
      note: 'threshold tuned on the tuning topics, over the whole stream (order does not matter)',
      threshold: tfidf.threshold,
      heldOut: clusterScores(tfidf.labels, gold, heldOut),
      tuning: clusterScores(tfidf.labels, gold, tuning),
    },
    titleJaccardBaseline: {
      note: 'first sentence as title (ECB+ has no titles), first order',
      threshold: 0.5,
      heldOut: clusterScores(titleLabels, gold, heldOut),
      tuning: clusterScores(titleLabels, gold, tuning),
    },
    meantimeDistractors: { ...distractorRun.meantimeDistractors, ecbHeldOut: clusterScores(distractorRun.ecbLabels, gold, heldOut) },
    sharedActor: distractorRun.sharedActor,
  };
}
