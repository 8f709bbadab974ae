import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Benchmarks run from dist/bench; the repo root is two levels up, shared data beside the repo (or in $CORROBORATE_SHARED_DATA, for a worktree elsewhere). */
export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const SHARED_DATA = process.env.CORROBORATE_SHARED_DATA ?? join(REPO, '..', 'shared', 'data');

export interface BenchArgs {
  data: string | undefined;
  json: boolean;
  split: string | undefined;
  threshold: number | undefined;
  articles: number | undefined;
  seconds: number | undefined;
  /** List each miss: wrong speakers (quotes), missed pairs, statuses and conflicts (corroborate). */
  errors: boolean;
  /** `extract`: write our {id: articleBody} here for outside scoring. */
  predictions: string | undefined;
  /** Checkpoints of the scale bench. */
  sizes: number[] | undefined;
  /** Arrival orders of the cluster bench. */
  orders: number | undefined;
  /** `store`: the PostgreSQL URL to measure (default DATABASE_URL, else PGlite). */
  db: string | undefined;
  /** `api-load`: writer clients, posts per writer, reader connections. */
  writers: number | undefined;
  posts: number | undefined;
  readers: number | undefined;
  storeCache: string | undefined;
  /** `ingest-cost`: analysis threads of each `corroborate ingest`. */
  threads: number | undefined;
}

export function benchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: { data: { type: 'string' }, json: { type: 'boolean' }, split: { type: 'string' }, threshold: { type: 'string' }, articles: { type: 'string' }, seconds: { type: 'string' }, errors: { type: 'boolean' }, predictions: { type: 'string' }, sizes: { type: 'string' }, orders: { type: 'string' }, writers: { type: 'string' }, posts: { type: 'string' }, readers: { type: 'string' }, 'store-cache': { type: 'string' }, db: { type: 'string' }, threads: { type: 'string' } },
    allowPositionals: false,
  });
  return {
    data: values.data,
    json: values.json === true,
    split: values.split,
    threshold: num(values.threshold),
    articles: num(values.articles),
    seconds: num(values.seconds),
    errors: values.errors === true,
    predictions: values.predictions,
    sizes: values.sizes?.split(',').map(Number),
    orders: num(values.orders),
    db: values.db,
    writers: num(values.writers),
    posts: num(values.posts),
    readers: num(values.readers),
    storeCache: values['store-cache'],
    threads: num(values.threads),
  };
}

const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));

export const round = (x: number, digits = 3) => Number(x.toFixed(digits));

export function prf(tp: number, fp: number, fn: number) {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision: round(precision), recall: round(recall), f1: round(f1) };
}
