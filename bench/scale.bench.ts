import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { docFromText } from '../src/ingest/plain-text.js';
import { processDoc } from '../src/pipeline/docs-from-input.js';
import { addAndRepair } from '../src/pipeline/repair-story.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { round, SHARED_DATA } from './args.js';
import { clusterScores } from './cluster-metrics.js';
import { syntheticStream, type SourceText } from './synthetic-stream.js';
import { pipelineRuns } from './scale-pipeline.js';
import { containment, DEFAULT_COPY_CONTAINMENT } from '../src/cluster/copies.js';
import { shingleHashes } from '../src/cluster/minhash.js';

/**
 * Ingest cost as the store grows: a synthetic stream (`synthetic-stream.ts`) built from the ECB+
 * dev texts goes end to end — clean, analyse, group, copies, SQLite file store — one article at a
 * time. At each size: articles/s so far, ms per article over the last `WINDOW` articles before it
 * (the marginal cost at that size), peak RSS. Baseline in the same run: the same first articles
 * stored without grouping or copy detection, so the cost of ours is visible. Throughput is given
 * per wall-clock second and per CPU second (this machine's 2 cores are shared with other jobs).
 * Quality on the stream (events as gold, the planted copies) is printed too.
 */
const Source = z.object({ subtopic: z.string(), split: z.string(), text: z.string() });

/** Articles before each checkpoint over which the marginal per-article time is taken. */
const WINDOW = 500;
export const DEFAULT_SCALE_SIZES = [1000, 10000];

export async function runScaleBench(data: string | undefined, sizes = DEFAULT_SCALE_SIZES) {
  const file = join(data ?? join(SHARED_DATA, 'ecbplus'), 'documents.jsonl');
  const sources = readFileSync(file, 'utf8').trim().split('\n').map((l) => Source.parse(JSON.parse(l))).filter((d) => d.split === 'dev');
  const largest = Math.max(...sizes);
  const stream = syntheticStream(sources, largest);
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-scale-'));
  try {
    // The CLI end to end first, with 1 and 2 worker threads, in separate processes.
    const pipeline = pipelineRuns(dir, stream, sizes, [1, 2]);
    const baseline = await ingestOnly(join(dir, 'baseline.db'), stream.slice(0, Math.min(...sizes)));
    const store = SqliteStore.open(join(dir, 'ours.db'));
    const times: number[] = [];
    const cpuTimes: number[] = [];
    const ids: string[] = [];
    const checkpoints: Array<Record<string, number>> = [];
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    for (const [i, article] of stream.entries()) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const doc = processDoc(docFromText(article.text, `stream-${i}`, null, { publishedAt: article.publishedAt, source: article.source }), { now: new Date(0) });
      await addAndRepair(store, doc);
      times.push(performance.now() - t0);
      cpuTimes.push(cpuSeconds(c0) * 1000);
      ids.push(doc.id);
      if (sizes.includes(i + 1)) {
        const window = times.slice(-WINDOW);
        checkpoints.push({
          articles: i + 1,
          articlesPerSecond: round(((i + 1) / (performance.now() - started)) * 1000, 0),
          articlesPerCpuSecond: round((i + 1) / cpuSeconds(cpuStarted), 0),
          msPerArticle: round(window.reduce((a, b) => a + b, 0) / window.length, 2),
          cpuMsPerArticle: round(cpuTimes.slice(-WINDOW).reduce((a, b) => a + b, 0) / WINDOW, 2),
          p95Ms: round([...window].sort((a, b) => a - b)[Math.floor(window.length * 0.95)]!, 2),
          peakRssMiB: round(process.resourceUsage().maxRSS / 1024, 0),
        });
      }
    }
    const quality = await streamQuality(store, stream, ids, sources);
    await store.close();
    const first = checkpoints[0]!;
    const last = checkpoints.at(-1)!;
    return {
      data: file,
      stream: `${largest} articles from ${sources.length} dev texts; ${stream.filter((a) => a.copyOf !== null).length} perturbed copies; ${new Set(stream.map((a) => a.event)).size} events`,
      ours: checkpoints,
      costRatioLargestToFirst: round(last.msPerArticle! / first.msPerArticle!, 2),
      cpuCostRatioLargestToFirst: round(last.cpuMsPerArticle! / first.cpuMsPerArticle!, 2),
      ingestWithoutGroupingBaseline: baseline,
      cliPipeline: pipeline,
      quality,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** User + system CPU seconds of this process since `since`: on a shared machine the wall clock also counts other jobs. */
function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

/** The baseline: the same pipeline storing each article as its own story, no index reads or writes. */
async function ingestOnly(path: string, stream: ReturnType<typeof syntheticStream>) {
  const store = SqliteStore.open(path);
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  for (const [i, article] of stream.entries()) {
    const doc = processDoc(docFromText(article.text, `stream-${i}`, null, { publishedAt: article.publishedAt, source: article.source }), { now: new Date(0) });
    await store.addArticle(doc, { storyId: `s-${doc.id}`, isNewStory: true });
  }
  const ms = performance.now() - started;
  await store.close();
  return { articles: stream.length, articlesPerSecond: round((stream.length / ms) * 1000, 0), articlesPerCpuSecond: round(stream.length / cpuSeconds(cpuStarted), 0), msPerArticle: round(ms / stream.length, 2) };
}

/** Stories against the planted events (B³), and the planted copies found (recall) among the copy links made (precision). */
async function streamQuality(store: SqliteStore, stream: ReturnType<typeof syntheticStream>, ids: string[], sources: SourceText[]) {
  const storyOf = new Map<string, string>();
  for (const story of await store.listStories()) for (const id of story.articleIds) storyOf.set(id, story.id);
  const labels = ids.map((id) => storyOf.get(id)!);
  const links = await store.copiesOf(ids);
  const index = new Map(ids.map((id, i) => [id, i]));
  // Copies form families (a text and its copies, and copies of copies); a link is right inside its family.
  const root = (i: number): number => (stream[i]!.copyOf === null ? i : root(stream[i]!.copyOf!));
  // ECB+ itself holds near-identical versions of one wire story inside a subtopic; a link between
  // two reports made from such a pair is a true copy too, counted apart from the planted ones.
  const sourceShingles = new Map<number, Uint32Array>();
  const shinglesOf = (base: number) => sourceShingles.get(base) ?? sourceShingles.set(base, shingleHashes(sources[base]!.text)).get(base)!;
  let planted = 0, inCorpus = 0;
  for (const [id, link] of links) {
    const [i, j] = [index.get(id)!, index.get(link.of)!];
    if (root(i) === root(j)) planted++;
    else if (stream[i]!.event === stream[j]!.event && containment(shinglesOf(stream[i]!.base), shinglesOf(stream[j]!.base)) >= DEFAULT_COPY_CONTAINMENT) inCorpus++;
  }
  // A planted copy is found when it is linked into its family, or a member of its family is linked to it.
  const linkedTo = new Set([...links].filter(([id, link]) => root(index.get(id)!) === root(index.get(link.of)!)).flatMap(([id, link]) => [id, link.of]));
  const found = stream.filter((a, i) => a.copyOf !== null && linkedTo.has(ids[i]!)).length;
  const copies = stream.filter((a) => a.copyOf !== null).length;
  return {
    stories: clusterScores(labels, stream.map((a) => a.event)),
    copies: {
      planted: copies,
      linked: links.size,
      recall: round(found / copies),
      linksWithinPlantedFamilies: planted,
      linksBetweenCorpusNearDuplicates: inCorpus,
      precision: round(links.size ? (planted + inCorpus) / links.size : 1),
    },
  };
}
