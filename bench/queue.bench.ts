import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { z } from 'zod';
import { contentHash } from '../src/ingest/plain-text.js';
import { ingestInputs } from '../src/pipeline/analyze.js';
import { groupJobInputs, JOB_INPUTS, toJobInput } from '../src/queue/jobs.js';
import { poolDatabase, type Database, type Sql } from '../src/store/postgres/client.js';
import { PgStore } from '../src/store/postgres/pg-store.js';
import { JobQueue, parseQueueUrl, STORY_QUEUE } from '../src/queue/queue.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/store.js';
import { REPO, round, SHARED_DATA } from './args.js';

/**
 * `npm run bench -- queue [--articles N] [--data DIR]`: the job queue with real worker processes
 * (`corroborate worker`) on the first N ECB+ texts (dev's 197, then train's), in ingest jobs of up
 * to `JOB_INPUTS` articles as `analyze --queue` enqueues them. Against the PostgreSQL server of DATABASE_URL (default the
 * local one), each run in fresh schemas.
 * - Throughput: 1 and 2 worker processes (one analysis thread each), store in PostgreSQL; one worker in SQLite with 1 and with 2 analysis threads (the SQLite default of one machine): articles/s
 *   until every ingest job is done, and until the story jobs are done too, and the story jobs run;
 *   then the store is checked (every article once, except inputs the pipeline refused; story sizes
 *   equal to membership; `grouping`, a hash of the stories' member sets, equal where the stories are). The run's schemas are dropped at the end. Each worker first takes one warm-up
 *   article (not timed); worker CPU ms per article counts ingest and story jobs (clock ticks of
 *   /proc, so Linux only) and does not depend on what else loads the machine, unlike articles/s.
 * - Lock: the texts ingested in this process by 1 and 2 PostgreSQL store handles in turn, in jobs of
 *   1 and of `JOB_INPUTS`: statements sent and wall ms spent under the placement lock per article.
 * - Kill: one worker is SIGKILLed once a third of the articles are stored, a second worker takes
 *   over; the same checks, and the retries the queue made.
 */
const Source = z.object({ split: z.string(), text: z.string() });
const BIN = join(REPO, 'bin', 'corroborate.js');
/** Input names of the measured texts: `ecb-dev-<index>`. */
const TEXT_INPUT = 'ecb-dev';
const SERVER = process.env.DATABASE_URL ?? 'postgres://127.0.0.1:5432/test';
const withSchema = (schema: string) => `${SERVER}${SERVER.includes('?') ? '&' : '?'}schema=${schema}`;

export async function runQueueBench(data: string | undefined, articles = 200) {
  const file = join(data ?? join(SHARED_DATA, 'ecbplus'), 'documents.jsonl');
  const sources = readFileSync(file, 'utf8').trim().split('\n').map((l) => Source.parse(JSON.parse(l)));
  // Dev texts first (the figures of earlier runs), then train's: runs past dev's 197 texts go on there.
  const dev = [...sources.filter((d) => d.split === 'dev'), ...sources.filter((d) => d.split !== 'dev')].map((d) => d.text);
  const texts = dev.slice(0, articles);
  // One article per worker, not in the measured corpus, goes first: a fresh process spends seconds loading its language models.
  const warmUp = dev.slice(articles, articles + 2);
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-queue-bench-'));
  const run = `bench_${process.pid}`;
  const rows: Array<Record<string, unknown>> = [];
  try {
    // The last run is the SQLite default on one machine: one process analysing in 2 threads, as `ingest --threads 2`.
    for (const [store, workers, threads] of [['postgres', 1, 1], ['postgres', 2, 1], ['sqlite', 1, 1], ['sqlite', 1, 2]] as const) {
      const db = store === 'postgres' ? withSchema(`${run}_store_${workers}`) : join(dir, `w${workers}t${threads}.db`);
      rows.push({ store, workers, threads, ...(await throughput(texts, warmUp, withSchema(`${run}_queue_${store}_${workers}_${threads}`), db, workers, threads)) });
      console.error(JSON.stringify(rows.at(-1)));
    }
    const lock = [];
    for (const [writers, jobSize] of [[1, 1], [2, 1], [1, JOB_INPUTS], [2, JOB_INPUTS]] as const) lock.push({ writers, jobSize, ...(await lockRun(texts, writers, jobSize, `${run}_lock_${writers}_${jobSize}`)) });
    console.error(JSON.stringify(lock));
    const kill = await killRun(texts, withSchema(`${run}_queue_kill`), withSchema(`${run}_store_kill`));
    const result = { corpus: `ECB+ dev then train, first ${texts.length} articles`, loadAverage: loadavg().map((x) => round(x, 1)), server: SERVER.replace(/:[^:@/]*@/, ':***@'), throughput: rows, lock, kill };
    console.log(JSON.stringify(result, null, 2));
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await dropSchemas(run);
  }
}

/** The run's queue and store schemas: a bench leaves the shared server as it found it. */
async function dropSchemas(run: string): Promise<void> {
  const client = new pg.Client({ connectionString: parseQueueUrl(SERVER).connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(`SELECT nspname AS name FROM pg_namespace WHERE starts_with(nspname, $1)`, [`${run}_`]);
    for (const { name } of rows) await client.query(`DROP SCHEMA "${name}" CASCADE`);
  } finally {
    await client.end();
  }
}

async function throughput(texts: string[], warmUp: string[], queueUrl: string, db: string, workers: number, threads: number) {
  const queue = await JobQueue.open(queueUrl);
  const children = await Promise.all(Array.from({ length: workers }, () => startWorker(queueUrl, db, threads)));
  try {
    // One warm-up job per worker (the two texts together would make one job, taken by one worker).
    for (const text of warmUp.slice(0, workers)) await enqueue(queue, [text], 'warm-up');
    await drained(queue, 'ingest');
    await drained(queue, 'story');
    const cpuBefore = children.map(cpuSeconds);
    const started = performance.now();
    const ids = await enqueue(queue, texts);
    await drained(queue, 'ingest');
    const ingestSeconds = (performance.now() - started) / 1000;
    await drained(queue, 'story');
    const allSeconds = (performance.now() - started) / 1000;
    const cpu = children.reduce((sum, child, i) => sum + cpuSeconds(child) - cpuBefore[i]!, 0);
    const rejected = await rejectedTexts(queue, ids, texts);
    const { expected, ...stored } = await check(db, distinct([...texts, ...warmUp.slice(0, workers)]) - rejected);
    return {
      articlesPerSecond: round(texts.length / ingestSeconds, 1),
      withStoryJobsPerSecond: round(texts.length / allSeconds, 1),
      workerCpuMsPerArticle: round((cpu * 1000) / texts.length, 0),
      storyJobs: await storyJobsRun(queueUrl),
      expected,
      ...stored,
    };
  } finally {
    await stopAll(children);
    await queue.close();
  }
}

/**
 * The placement lock, in this process: the texts ingested (`ingestInputs`, as a worker does, story
 * stage left out) in jobs of `jobSize` by `writers` PostgreSQL store handles in turn (each with its
 * own caches, as worker processes have). Counts the statements each batch sends while it holds the
 * lock (after taking it, up to its commit) and the wall time it holds it, per article stored.
 */
async function lockRun(texts: string[], writers: number, jobSize: number, schema: string) {
  let statements = 0;
  let heldMs = 0;
  const counted = (db: Database): Database => ({
    ...db,
    transaction: (work) =>
      db.transaction(async (tx) => {
        let since: number | null = null;
        const count = (text: string) => {
          if (since !== null) statements++;
          else if (/pg_advisory_xact_lock/.test(text)) since = performance.now();
        };
        const sql: Sql = { query: (text, params) => (count(text), tx.query(text, params)), exec: (text) => (count(text), tx.exec(text)) };
        try {
          return await work(sql);
        } finally {
          if (since !== null) heldMs += performance.now() - since;
        }
      }),
  });
  const { connectionString } = parseQueueUrl(SERVER);
  const stores = await Promise.all(Array.from({ length: writers }, async () => PgStore.open(counted(await poolDatabase({ connectionString }, schema)), schema)));
  try {
    const files = texts.map((text, i) => ({ input: `${TEXT_INPUT}-${i}`, bytes: new TextEncoder().encode(text), sidecar: null }));
    let added = 0;
    for (let i = 0, job = 0; i < files.length; i += jobSize, job++) added += (await ingestInputs(stores[job % writers]!, files.slice(i, i + jobSize), { storyStage: async () => {} })).added;
    return { added, statementsUnderLockPerArticle: round(statements / added, 1), lockHeldMsPerArticle: round(heldMs / added, 1) };
  } finally {
    for (const store of stores) await store.close();
  }
}

/** User + system CPU seconds of a live child process (Linux /proc), ingest and story jobs together. */
function cpuSeconds(child: ChildProcess): number {
  const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function killRun(texts: string[], queueUrl: string, db: string) {
  const queue = await JobQueue.open(queueUrl);
  const first = await startWorker(queueUrl, db);
  const store = await openStore(db);
  let second: ChildProcess | undefined;
  try {
    const ids = await enqueue(queue, texts);
    while ((await store.counts()).articles < texts.length / 3) await sleep(20);
    first.kill('SIGKILL');
    const storedAtKill = (await store.counts()).articles;
    second = await startWorker(queueUrl, db);
    await drained(queue, 'ingest');
    await drained(queue, 'story');
    const jobs = await Promise.all([...new Set(ids)].map((id) => queue.ingestJob(id)));
    return {
      jobs: jobs.length,
      completed: jobs.filter((j) => j?.state === 'completed').length,
      retried: jobs.filter((j) => (j?.retries ?? 0) > 0).length,
      storedAtKill,
      ...(await check(db, distinct(texts) - (await rejectedTexts(queue, ids, texts)))),
    };
  } finally {
    first.kill('SIGKILL');
    if (second) await stopAll([second]);
    await store.close();
    await queue.close();
  }
}

/** Articles the store could hold: ECB+ has some texts twice, and the same content is stored once. */
const distinct = (texts: string[]) => new Set(texts.map(contentHash)).size;

/** Story analyses the workers ran (warm-up included): a story analysis costs several articles' ingest. */
async function storyJobsRun(queueUrl: string): Promise<number> {
  const { connectionString, schema } = parseQueueUrl(queueUrl);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${schema}".job WHERE name = $1 AND state = 'completed'`, [STORY_QUEUE]);
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}

/** Distinct texts that the pipeline refused (an input error such as no article text): the store should not hold them. */
async function rejectedTexts(queue: JobQueue, ids: string[], texts: string[]): Promise<number> {
  const jobs = new Map(await Promise.all([...new Set(ids)].map(async (id) => [id, await queue.ingestJob(id)] as const)));
  const failed = (i: number) => jobs.get(ids[i]!)?.result?.articles.some((a) => a.input === `${TEXT_INPUT}-${i}` && a.status === 'failed') ?? false;
  return distinct(texts.filter((_, i) => failed(i)));
}

/** Every article stored once and in exactly one story. */
async function check(db: string, expected: number) {
  const store: Store = await openStore(db);
  try {
    const { articles, stories } = await store.counts();
    const listed = await store.listStories();
    const members = listed.flatMap((s) => s.articleIds);
    // The grouping itself, whatever the story ids: equal between stores that made the same stories.
    const grouping = createHash('sha256').update(JSON.stringify(listed.map((s) => [...s.articleIds].sort()).sort())).digest('hex').slice(0, 12);
    return { expected, articles, stories, membersInStories: members.length, distinctMembers: new Set(members).size, grouping };
  } finally {
    await store.close();
  }
}

/** The texts as `analyze --queue` enqueues files (`groupJobInputs`); the job id of each text, in order. */
async function enqueue(queue: JobQueue, texts: string[], name = TEXT_INPUT): Promise<string[]> {
  const files = texts.map((text, i) => ({ input: `${name}-${i}`, bytes: new TextEncoder().encode(text), sidecar: null }));
  const ids: string[] = [];
  for (const group of groupJobInputs(files)) {
    const id = await queue.enqueueIngest({ inputs: group.map(toJobInput) });
    ids.push(...group.map(() => id));
  }
  return ids;
}

async function drained(queue: JobQueue, which: 'ingest' | 'story'): Promise<void> {
  while ((await queue.pending())[which] > 0) await sleep(100);
}

function startWorker(queueUrl: string, db: string, threads = 1): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BIN, 'worker', '--queue', queueUrl, '--db', db, '--threads', String(threads)], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (/processing jobs/.test(seen)) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`worker exited (${code}): ${seen}`)));
  });
}

async function stopAll(children: ChildProcess[]): Promise<void> {
  await Promise.all(children.map((child) => new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  })));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
