import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ingestPaths, type IngestReport } from '../src/pipeline/analyze.js';
import type { Store } from '../src/store/store.js';
import { BIN, SEEDS } from './paths.js';
import { postgresBackend, sqliteBackend, type Backend, type FreshStore } from './store-backends.js';
import { writeEcbFactStories } from './web-fixtures.js';

/**
 * Two writers ingest overlapping halves of a real corpus into one store at the same time (the
 * middle third is given to both, in opposite orders). Afterwards every article is stored exactly
 * once, each writer's outcome names a stored article, every article is in exactly one story,
 * stories' stored sizes equal their membership, the grouping's article count equals the articles,
 * and the database's own integrity checks pass.
 */
function corpus(): { a: string[]; b: string[]; all: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-writers-'));
  writeEcbFactStories(dir);
  for (const file of readdirSync(SEEDS)) cpSync(join(SEEDS, file), join(dir, `seed-${file}`));
  const all = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => join(dir, f));
  const third = Math.floor(all.length / 3);
  return { a: all.slice(0, 2 * third), b: all.slice(third).reverse(), all };
}

interface Outcome {
  input: string;
  status: string;
  id?: string;
  error?: { code: string };
}

/** One writer as its own process: `corroborate ingest --json`. */
function ingestProcess(location: string, files: string[]): Promise<Outcome[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'ingest', '--db', location, '--json', ...files], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      // 1: some inputs failed (the corpus holds an item with no article text): checked per input below.
      if (code !== 0 && code !== 1) reject(new Error(`writer exited ${code}: ${err}`));
      else resolve((JSON.parse(out) as { files: Outcome[] }).files);
    });
  });
}

const outcomesOf = (report: IngestReport): Outcome[] => report.files.map((f) => ({ input: f.input, status: f.status, ...(f.status !== 'failed' ? { id: f.id } : { error: { code: f.error.code } }) }));

async function checkStore(store: Store, writers: Outcome[][], all: string[]): Promise<{ articles: number; duplicates: number; lost: number }> {
  const outcomes = writers.flat();
  // An input may fail for what it holds (as it would with one writer), never for the store.
  assert.deepEqual(outcomes.filter((o) => o.status === 'failed' && (o.error?.code === 'store-error' || o.error?.code === 'internal')), [], 'no input failed in the store');
  const added = outcomes.filter((o) => o.status === 'added').map((o) => o.id!);
  const duplicates = added.length - new Set(added).size;
  assert.equal(duplicates, 0, 'no article was added by both writers');
  const named = new Set(outcomes.flatMap((o) => (o.id ? [o.id] : [])));
  const stored = new Set((await store.getArticleTexts([...named])).map((a) => a.id));
  const lost = named.size - stored.size;
  assert.equal(lost, 0, "every writer's outcome names a stored article");
  assert.equal(new Set(outcomes.map((o) => o.input)).size, all.length, 'every input was handled');
  const { articles } = await store.counts();
  assert.equal(articles, added.length, 'every stored article was added exactly once');

  const stories = await store.listStories();
  const members = stories.flatMap((s) => s.articleIds);
  assert.equal(members.length, articles, 'every article is in one story');
  assert.equal(new Set(members).size, articles, 'and in only one');
  for (const summary of await store.storySummaries(stories.map((s) => s.id)))
    assert.equal(summary.size, stories.find((s) => s.id === summary.id)!.articleIds.length, `stored size of ${summary.id} equals its membership`);
  assert.equal((await store.termStats([])).docs, articles, "the grouping's article count");
  return { articles, duplicates, lost };
}

/** Invariants no foreign key covers, in SQL both dialects run: no story without members, no document frequency above the article count. */
const INVARIANTS = `SELECT (SELECT count(*) FROM stories s WHERE NOT EXISTS (SELECT 1 FROM story_articles m WHERE m.story_id = s.id)) AS empty,
  (SELECT count(*) FROM term_df WHERE df > (SELECT docs FROM cluster_stats)) AS df`;
const noViolations = (row: { empty: unknown; df: unknown } | undefined) => assert.deepEqual({ empty: Number(row?.empty), df: Number(row?.df) }, { empty: 0, df: 0 });

async function twoWriters(backend: Backend, check: (fresh: FreshStore) => Promise<void>): Promise<void> {
  const { a, b, all } = corpus();
  const fresh = await backend.fresh();
  let writers: Outcome[][];
  if (fresh.location) writers = await Promise.all([ingestProcess(fresh.location, a), ingestProcess(fresh.location, b)]);
  else {
    // PGlite lives in this process: two stores (two sets of caches) on it, writing at once.
    const [one, two] = [await fresh.open(), await fresh.open()];
    writers = (await Promise.all([ingestPaths(one, a), ingestPaths(two, b)])).map(outcomesOf);
    await Promise.all([one.close(), two.close()]);
  }
  const store = await fresh.open();
  try {
    const figures = await checkStore(store, writers, all);
    console.log(`${backend.name}: ${figures.articles} articles, duplicates=${figures.duplicates}, lost=${figures.lost}`);
  } finally {
    await store.close();
  }
  await check(fresh);
}

describe('two writers on one store', () => {
  const sqlite = sqliteBackend();
  const postgres = postgresBackend();
  after(() => Promise.all([sqlite.done(), postgres.done()]));

  test('sqlite: two processes', async () => {
    await twoWriters(sqlite, async (fresh) => {
      const db = new Database(fresh.location!, { readonly: true });
      assert.deepEqual(db.pragma('integrity_check'), [{ integrity_check: 'ok' }]);
      assert.deepEqual(db.pragma('foreign_key_check'), []);
      noViolations(db.prepare(INVARIANTS).get() as { empty: number; df: number });
      db.close();
    });
  });

  test(`${postgres.name}: ${postgres.name.includes('server') ? 'two processes' : 'two stores in this process'}`, async () => {
    await twoWriters(postgres, async (fresh) => {
      const db = await fresh.database!();
      // Foreign keys and unique keys are the server's; the rest is checked here.
      noViolations((await db.query<{ empty: string; df: string }>(INVARIANTS))[0]);
      await db.close();
    });
  });
});
