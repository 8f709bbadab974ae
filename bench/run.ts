import { benchArgs } from './args.js';
import { runCleanBench } from './clean.bench.js';
import { runClusterBench } from './cluster.bench.js';
import { runApiBench } from './api.bench.js';
import { runTimeBench } from './time.bench.js';
import { runEntitiesBench } from './entities.bench.js';
import { runQuotesBench } from './quotes.bench.js';
import { runExtractBench } from './extract.bench.js';

/**
 * `npm run bench -- NAME [--data DIR] [--json]`. Each bench prints ours beside a baseline
 * measured in the same run. NAME: clean, extract, cluster, time, entities, quotes, api, or all (default; api left out).
 */
const [name = 'all', ...rest] = process.argv.slice(2);
const args = benchArgs(rest);
const benches: Record<string, () => unknown> = {
  api: () => runApiBench({ articles: args.articles ?? 10_000, seconds: args.seconds ?? 30, connections: 50 }),
  clean: () => runCleanBench(args.data),
  cluster: () => runClusterBench(args.data, args.split, args.threshold),
  time: () => runTimeBench(args.data),
  entities: () => runEntitiesBench(args.data),
  quotes: () => runQuotesBench(args.data, args.split, args.errors),
  extract: () => runExtractBench(args.data, args.predictions),
};
// `all` leaves out the api load check: it runs for minutes and wants the machine to itself.
const chosen = name === 'all' ? Object.keys(benches).filter((n) => n !== 'api') : [name];
const unknown = chosen.filter((n) => !benches[n]);
if (unknown.length) {
  console.error(`unknown bench: ${unknown.join(', ')}. Benches: ${Object.keys(benches).join(', ')}, all`);
  process.exit(2);
}
const results: Record<string, unknown> = {};
for (const n of chosen) results[n] = await benches[n]!();
console.log(args.json ? JSON.stringify(results) : JSON.stringify(results, null, 2));
