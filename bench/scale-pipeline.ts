import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { round } from './args.js';
import type { StreamArticle } from './synthetic-stream.js';

/** bench/scale-pipeline.js in dist → <repo>/bin/corroborate.js */
const BIN = fileURLToPath(new URL('../../bin/corroborate.js', import.meta.url));

/** Articles of the last chunk, ingested into the full-size store: the marginal cost at that size. */
const LAST_CHUNK = 1000;

interface Measured {
  /** Inputs the run reported failed (exit code 1 says some did). */
  failed: number;
  seconds: number;
  cpuSeconds: number;
  peakRssMiB: number;
}

/**
 * The real CLI end to end (read files, analyse in worker threads, place, store in batches), as a
 * user runs it: the stream written as text files with sidecars, ingested in chunks into one store
 * by separate `corroborate ingest` processes (each timed by /usr/bin/time: wall, user+system CPU
 * of all its threads, peak RSS), with 1 and 2 threads; then the whole store exported.
 * Chunks: the first `sizes[0]` articles (cost at a small store), up to `largest - LAST_CHUNK`, and
 * the last `LAST_CHUNK` (cost at the largest size). Process start-up (and the threads' loading of
 * the models) is inside each chunk's figures.
 */
export function pipelineRuns(dir: string, stream: StreamArticle[], sizes: number[], threads: number[]) {
  const largest = stream.length;
  const bounds = [...new Set([0, Math.min(...sizes), Math.max(Math.min(...sizes), largest - LAST_CHUNK), largest])].sort((a, b) => a - b);
  const chunks = bounds.slice(1).map((end, i) => {
    const chunk = join(dir, 'files', `chunk-${i}`);
    mkdirSync(chunk, { recursive: true });
    for (let k = bounds[i]!; k < end; k++) {
      const name = `a-${String(k).padStart(6, '0')}`;
      writeFileSync(join(chunk, `${name}.txt`), stream[k]!.text);
      writeFileSync(join(chunk, `${name}.json`), JSON.stringify({ source: stream[k]!.source, publishedAt: stream[k]!.publishedAt }));
    }
    return { dir: chunk, from: bounds[i]!, to: end };
  });
  return threads.map((n) => {
    const db = join(dir, `threads-${n}.db`);
    const runs = chunks.map((chunk) => {
      const m = timed(['ingest', chunk.dir, '--db', db, '--threads', String(n)]);
      const articles = chunk.to - chunk.from;
      return { storedBefore: chunk.from, articles, failed: m.failed, articlesPerSecond: round(articles / m.seconds, 1), cpuMsPerArticle: round((m.cpuSeconds * 1000) / articles, 1), peakRssMiB: m.peakRssMiB };
    });
    const exported = timed(['export', '--db', db, '--out', join(dir, `export-${n}.json`), '--threads', String(n)]);
    const total = chunks.reduce((sum, c) => sum + c.to - c.from, 0);
    return {
      threads: n,
      chunks: runs,
      overallArticlesPerSecond: round(total / runs.reduce((s, r) => s + r.articles / r.articlesPerSecond, 0), 1),
      cpuCostRatioLargestToFirst: round(runs.at(-1)!.cpuMsPerArticle / runs[0]!.cpuMsPerArticle, 2),
      export: { articles: total, seconds: round(exported.seconds, 1), peakRssMiB: exported.peakRssMiB },
    };
  });
}

/** One CLI run under /usr/bin/time: wall seconds, user+system CPU seconds (all threads), peak RSS. */
export function timed(args: string[]): Measured {
  const run = spawnSync('/usr/bin/time', ['-f', 'TIME %e %U %S %M', process.execPath, BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const line = run.stderr.split('\n').find((l) => l.startsWith('TIME '));
  // Exit 1: some inputs failed (each printed as "path: error: …"), the others were stored.
  if ((run.status !== 0 && run.status !== 1) || !line) throw new Error(`corroborate ${args.join(' ')} failed (${run.status}):\n${run.stderr.slice(-2000)}`);
  const [seconds, user, system, rssKiB] = line.slice(5).split(' ').map(Number) as [number, number, number, number];
  const failed = run.stderr.split('\n').filter((l) => / error: /.test(l)).length;
  return { failed, seconds, cpuSeconds: user + system, peakRssMiB: round(rssKiB / 1024, 0) };
}
