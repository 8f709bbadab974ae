import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { round, SHARED_DATA } from './args.js';
import { timed } from './scale-pipeline.js';
import { syntheticStream, type StreamArticle } from './synthetic-stream.js';

/** Articles ingested at each size to measure its cost: the chunk that brings the store to that size. */
const MEASURED_CHUNK = 1000;

/**
 * `npm run bench -- ingest-cost [--sizes 1000,10000] [--threads 2]`: what one article costs to
 * ingest as the store grows (issues 15 and 19). The scale bench's synthetic stream (ECB+ dev texts,
 * `synthetic-stream.ts`) goes into one SQLite store by `corroborate ingest --threads N` processes, as
 * a user runs it; for each size, the last `MEASURED_CHUNK` articles before it are one run, timed by
 * /usr/bin/time (CPU of all threads, start-up included: the same for every chunk), and the
 * articles between two measured chunks are ingested unmeasured. Per size: CPU ms per article, wall
 * articles/s (loaded when the machine is shared), peak RSS, and the store's size after. CPU per
 * article is the figure to compare across sizes. 100,000 is possible (`--sizes 1000,10000,100000`)
 * but ingests 100,000 articles: about an hour of CPU. Last, the whole store is exported by
 * `corroborate export` (wall seconds, peak RSS, output size).
 */
export async function runIngestCostBench(data: string | undefined, sizes: number[], threads: number) {
  const file = join(data ?? join(SHARED_DATA, 'ecbplus'), 'documents.jsonl');
  const sources = readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { subtopic: string; split: string; text: string })
    .filter((d) => d.split === 'dev');
  const sorted = [...new Set(sizes)].sort((a, b) => a - b);
  if (sorted[0]! < MEASURED_CHUNK) throw new Error(`sizes must be at least ${MEASURED_CHUNK}`);
  const stream = syntheticStream(sources, sorted.at(-1)!);
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-ingest-cost-'));
  const db = join(dir, 'store.db');
  try {
    const ingest = (from: number, to: number) => {
      const chunk = join(dir, `chunk-${from}`);
      writeChunk(chunk, stream, from, to);
      const measured = timed(['ingest', chunk, '--db', db, '--threads', String(threads)]);
      rmSync(chunk, { recursive: true, force: true });
      return measured;
    };
    const checkpoints = [];
    let stored = 0;
    for (const size of sorted) {
      const from = size - MEASURED_CHUNK;
      if (from > stored) {
        console.error(`[bench] ingesting articles ${stored}–${from} (not measured)`);
        ingest(stored, from);
      }
      console.error(`[bench] measuring articles ${from}–${size}`);
      const m = ingest(from, size);
      const articles = size - from;
      checkpoints.push({
        storedBefore: from,
        articles,
        failed: m.failed,
        cpuMsPerArticle: round((m.cpuSeconds * 1000) / articles, 1),
        articlesPerSecondWall: round(articles / m.seconds, 1),
        peakRssMiB: m.peakRssMiB,
        storeMiB: round(statSync(db).size / 2 ** 20, 0),
      });
      stored = size;
    }
    // The whole store exported as a user would (issue 19: bounded memory at any size).
    console.error(`[bench] exporting the ${stored} stored articles`);
    const exported = timed(['export', '--db', db, '--out', join(dir, 'export.json')]);
    const exportOfStore = {
      articles: stored,
      seconds: exported.seconds,
      peakRssMiB: exported.peakRssMiB,
      outputMiB: round(statSync(join(dir, 'export.json')).size / 2 ** 20, 0),
    };
    rmSync(join(dir, 'export.json'), { force: true });
    return {
      data: file,
      stream: `${stream.length} articles from ${sources.length} dev texts`,
      threads,
      checkpoints,
      cpuCostRatioLargestToFirst: round(checkpoints.at(-1)!.cpuMsPerArticle / checkpoints[0]!.cpuMsPerArticle, 2),
      exportOfStore,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Stream articles `from`…`to` as text files with sidecars (source, date), as a crawler would leave them. */
function writeChunk(dir: string, stream: StreamArticle[], from: number, to: number) {
  mkdirSync(dir, { recursive: true });
  for (let k = from; k < to; k++) {
    const name = `a-${String(k).padStart(6, '0')}`;
    writeFileSync(join(dir, `${name}.txt`), stream[k]!.text);
    writeFileSync(join(dir, `${name}.json`), JSON.stringify({ source: stream[k]!.source, publishedAt: stream[k]!.publishedAt }));
  }
}
