import { benchArgs } from './args.js';
import { runCleanBench } from './clean.bench.js';
import { runClusterBench } from './cluster.bench.js';
import { runApiBench, runApiLoadBench } from './api.bench.js';
import { runTimeBench } from './time.bench.js';
import { runEntitiesBench } from './entities.bench.js';
import { runQuotesBench } from './quotes.bench.js';
import { runExtractBench } from './extract.bench.js';
import { runCorroborateBench } from './corroborate.bench.js';
import { runFactsBench } from './facts.bench.js';
import { runFactsMissesBench } from './facts-misses.bench.js';
import { runBriefBench } from './brief.bench.js';
import { runConflictsSweepBench } from './conflicts-sweep.bench.js';
import { runStoryBench } from './story.bench.js';
import { runMetaBench } from './meta.bench.js';
import { runHostileBench } from './hostile.bench.js';
import { runRedosBench } from './redos.bench.js';
import { DEFAULT_SCALE_SIZES, runScaleBench } from './scale.bench.js';
import { runQueueBench } from './queue.bench.js';
import { runStoreBench } from './store.bench.js';
import { runIngestCostBench } from './ingest-cost.bench.js';

/**
 * `npm run bench -- NAME [--data DIR] [--json]`. Each bench prints ours beside a baseline
 * measured in the same run. NAME: clean, extract, cluster, scale, time, entities, quotes,
 * corroborate, facts, facts-misses (why gold pairs are missed; dev gold only), conflicts-sweep (every conflict
 * exported on the ECB+ subtopics in no fact gold, each analysed alone, to read for false disputes; `--data a,b` picks subtopics), brief (brief support on
 * the hand-judged tuning sample bench/gold/brief-support-tune.tsv), meta, story, hostile, redos (time(4n) / time(n) of each
 * pattern family on hostile inputs), api, api-load, queue, store, ingest-cost, or all (default; api, api-load, scale, story, hostile, queue, store and ingest-cost left out: they run for minutes and want the
 * machine to themselves). `--errors` lists each miss (quotes, corroborate, meta, brief).
 * `--orders N` sets how many random arrival orders the cluster bench streams (default 5); `cluster --split tuning
 * [--errors]` scores the tuning topics alone and lists their misses in the first order (for tuning: no held-out figure).
 * `cluster --split folds` scores the tuning topics' two halves apart (topic mod 4 = 1 and 3, same streams): the 2-fold check of a setting.
 * `--sizes 1000,10000,100000` sets the scale bench's checkpoints (100k is not a default: it takes minutes).
 * `ingest-cost [--sizes 1000,10000] [--threads 2]`: CPU ms per article of `corroborate ingest` at each store size (100,000 possible: ~1 h of CPU).
 * `store [--articles N] [--db postgres://…]`: the store's share of ingest, SQLite against PostgreSQL (DATABASE_URL, else PGlite).
 * `api-load`: `--articles N` (stored first, default 10,000), `--writers 20 --posts 50 --readers 20`,
 * `--store-cache FILE` (keep the built store there and reuse it: building 10,000 articles takes minutes).
 * `api`: `--articles N --seconds S --store-cache FILE` likewise. Both report the server's event-loop
 * delay and the machine's load average; `CORROBORATE_BENCH_SERVER_NODE_ARGS="--cpu-prof …"` profiles the server.
 */
const [name = 'all', ...rest] = process.argv.slice(2);
const args = benchArgs(rest);
const benches: Record<string, () => unknown | Promise<unknown>> = {
  api: () => runApiBench({ articles: args.articles ?? 10_000, seconds: args.seconds ?? 30, connections: 50, storeCache: args.storeCache }),
  'api-load': () => runApiLoadBench({ articles: args.articles ?? 10_000, writers: args.writers ?? 20, posts: args.posts ?? 50, readers: args.readers ?? 20, storeCache: args.storeCache }),
  clean: () => runCleanBench(args.data),
  cluster: () => runClusterBench(args.data, args.threshold, args.orders, args.split, args.errors),
  scale: () => runScaleBench(args.data, args.sizes ?? DEFAULT_SCALE_SIZES),
  time: () => runTimeBench(args.data),
  entities: () => runEntitiesBench(args.data),
  quotes: () => runQuotesBench(args.data, args.split, args.errors),
  extract: () => runExtractBench(args.data, args.predictions),
  corroborate: () => runCorroborateBench(args.data, args.errors),
  facts: () => runFactsBench(args.data),
  'facts-misses': () => runFactsMissesBench(args.data, args.errors),
  'conflicts-sweep': () => runConflictsSweepBench(args.data),
  brief: () => runBriefBench(args.errors),
  story: () => runStoryBench(args.data),
  meta: () => runMetaBench(args.data, args.errors),
  hostile: () => runHostileBench(),
  redos: () => runRedosBench(),
  queue: () => runQueueBench(args.data, args.articles),
  'ingest-cost': () => runIngestCostBench(args.data, args.sizes ?? [1000, 10000], args.threads ?? 2),
  store: () => runStoreBench(args.data, args.articles ?? 1000, args.db ?? process.env.DATABASE_URL),
};
const LONG_RUNNING = new Set(['conflicts-sweep', 'api', 'api-load', 'scale', 'story', 'hostile', 'queue', 'store', 'ingest-cost']);
const chosen = name === 'all' ? Object.keys(benches).filter((n) => !LONG_RUNNING.has(n)) : [name];
const unknown = chosen.filter((n) => !benches[n]);
if (unknown.length) {
  console.error(`unknown bench: ${unknown.join(', ')}. Benches: ${Object.keys(benches).join(', ')}, all`);
  process.exit(2);
}
const results: Record<string, unknown> = {};
for (const n of chosen) results[n] = await benches[n]!();
console.log(args.json ? JSON.stringify(results) : JSON.stringify(results, null, 2));
