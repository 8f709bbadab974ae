import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { z } from 'zod';
import { docFromText } from '../src/ingest/plain-text.js';
import { processDoc } from '../src/pipeline/docs-from-input.js';
import { BATCH_ARTICLES } from '../src/pipeline/analyze.js';
import { placeArticle } from '../src/pipeline/cluster-article.js';
import { openStore, postgresLocation } from '../src/store/open.js';
import { pgliteDatabase } from '../src/store/postgres/client.js';
import { PgStore } from '../src/store/postgres/pg-store.js';
import type { Store } from '../src/store/store.js';
import type { Doc } from '../src/doc/types.js';
import { round, SHARED_DATA } from './args.js';
import { syntheticStream } from './synthetic-stream.js';

const Source = z.object({ subtopic: z.string(), split: z.string(), text: z.string() });

/**
 * The store's share of ingest, SQLite against PostgreSQL on the same articles: the synthetic
 * stream of the scale bench (ECB+ dev texts), analysed once, then placed and stored one article at
 * a time (`placeAndAdd` + `placeArticle`: grouping reads, copy detection, the writes) into each
 * store, twice: each article its own transaction, then in batches as ingest writes them
 * (`Store.batch`: one transaction per `BATCH_ARTICLES` articles, a savepoint each). PostgreSQL is
 * the server in `--db` or DATABASE_URL (schemas made for the run and dropped after), else PGlite
 * in this process. CPU ms are this process's only: a server's own CPU is not
 * in them. The stories each store made are compared (they must be the same partition).
 */
export async function runStoreBench(data: string | undefined, articles = 1000, db: string | undefined = process.env.DATABASE_URL) {
  const file = join(data ?? join(SHARED_DATA, 'ecbplus'), 'documents.jsonl');
  const sources = readFileSync(file, 'utf8').trim().split('\n').map((l) => Source.parse(JSON.parse(l))).filter((d) => d.split === 'dev');
  const analysed = performance.now();
  const docs = syntheticStream(sources, articles).map((a, i) => processDoc(docFromText(a.text, `stream-${i}`, null, { publishedAt: a.publishedAt, source: a.source }), { now: new Date(0) }));
  const analysisMs = performance.now() - analysed;

  const dir = mkdtempSync(join(tmpdir(), 'corroborate-store-bench-'));
  const schema = `bench_${process.pid}`;
  try {
    const postgresStore = async (name: string) =>
      db ? openStore(`${db}${db.includes('?') ? '&' : '?'}schema=${schema}_${name}`) : PgStore.open(await pgliteDatabase(new PGlite()), 'pglite');
    const sqlite = await storeInto(await openStore(join(dir, 'bench.db')), docs, false);
    const sqliteBatched = await storeInto(await openStore(join(dir, 'batched.db')), docs, true);
    const postgres = await storeInto(await postgresStore('one'), docs, false);
    const postgresBatched = await storeInto(await postgresStore('batched'), docs, true);
    return {
      data: file,
      articles,
      analysisMsPerArticle: round(analysisMs / articles, 2),
      sqlite: { perArticle: sqlite.figures, batched: sqliteBatched.figures },
      postgres: { where: db ? postgresLocation(db).label : 'PGlite (in-process)', perArticle: postgres.figures, batched: postgresBatched.figures },
      loadAverage: loadavg().map((l) => round(l, 1)),
      sameStories: [sqliteBatched, postgres, postgresBatched].every((r) => JSON.stringify(r.partition) === JSON.stringify(sqlite.partition)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    if (db) {
      const client = new pg.Client({ connectionString: postgresLocation(db).connectionString });
      await client.connect();
      for (const name of ['one', 'batched']) await client.query(`DROP SCHEMA IF EXISTS ${schema}_${name} CASCADE`);
      await client.end();
    }
  }
}

async function storeInto(store: Store, docs: Doc[], batched: boolean) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const place = async (some: Doc[]) => {
    for (const doc of some) await store.placeAndAdd(doc, (view) => placeArticle(view, doc));
  };
  if (!batched) await place(docs);
  else for (let i = 0; i < docs.length; i += BATCH_ARTICLES) await store.batch!(() => place(docs.slice(i, i + BATCH_ARTICLES)));
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const stories = await store.listStories();
  await store.close();
  return {
    figures: {
      articlesPerSecond: round((docs.length / ms) * 1000, 0),
      msPerArticle: round(ms / docs.length, 2),
      cpuMsPerArticle: round((used.user + used.system) / 1000 / docs.length, 2),
      stories: stories.length,
    },
    partition: stories.map((s) => s.articleIds.join(',')).sort(),
  };
}
