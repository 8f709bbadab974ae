import { benchArgs } from './args.js';
import { runCleanBench } from './clean.bench.js';
import { runClusterBench } from './cluster.bench.js';
import { DEFAULT_SCALE_SIZES, runScaleBench } from './scale.bench.js';

/**
 * `npm run bench -- NAME [--data DIR] [--json]`. Each bench prints ours beside a baseline
 * measured in the same run. NAME: clean, cluster, scale, or all (default).
 * `--sizes 1000,10000,100000` sets the scale bench's checkpoints (100k is not a default: it takes minutes).
 */
const [name = 'all', ...rest] = process.argv.slice(2);
const args = benchArgs(rest);
const benches: Record<string, () => unknown | Promise<unknown>> = {
  clean: () => runCleanBench(args.data),
  cluster: () => runClusterBench(args.data, args.split, args.threshold),
  scale: () => runScaleBench(args.data, args.sizes ?? DEFAULT_SCALE_SIZES),
};
const chosen = name === 'all' ? Object.keys(benches) : [name];
const unknown = chosen.filter((n) => !benches[n]);
if (unknown.length) {
  console.error(`unknown bench: ${unknown.join(', ')}. Benches: ${Object.keys(benches).join(', ')}, all`);
  process.exit(2);
}
const results: Record<string, unknown> = {};
for (const n of chosen) results[n] = await benches[n]!();
console.log(args.json ? JSON.stringify(results) : JSON.stringify(results, null, 2));
