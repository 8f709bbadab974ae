import { userInfo } from 'node:os';
import { PgBoss, type JobResult } from 'pg-boss';
import { CorroborateError } from '../doc/errors.js';
import { IngestJobResultSchema, IngestJobSchema, StoryJobSchema, type IngestJob, type IngestJobResult, type StoryJob } from './jobs.js';

/**
 * The job queue: pg-boss on PostgreSQL, so PostgreSQL stays the one service to run.
 *
 * Why pg-boss (12) rather than graphile-worker (0.18), both tried here on Node 20 against the
 * same server: a worker killed mid-job (SIGKILL: no shutdown hook runs) must have its job retried
 * by another worker. pg-boss jobs carry a heartbeat (`heartbeatSeconds`) that any live instance's
 * supervisor checks, so the job is retried seconds after its worker died; graphile-worker releases
 * a crashed worker's lock only after a fixed 4 hours (or when told which worker ids are dead).
 * pg-boss also keeps finished jobs with their state and output for a retention period, which is
 * what `GET /api/jobs/:id` reads; graphile-worker deletes a job once it succeeds.
 */

export const INGEST_QUEUE = 'corroborate-ingest';
export const STORY_QUEUE = 'corroborate-story';
/** The schema pg-boss keeps its tables in, unless the URL names one (`?schema=NAME`). */
export const DEFAULT_QUEUE_SCHEMA = 'corroborate_queue';

/** A job whose worker stopped sending heartbeats for this long is failed and retried (pg-boss's minimum is 10). */
const HEARTBEAT_SECONDS = 10;
/** How often each instance looks for such jobs (pg-boss's default is 60 s). */
const SUPERVISE_SECONDS = 5;
/**
 * A story job waits this long before it may start. Analysing a story reads all of its members again,
 * and news arrives in bursts about one event: without the wait, a story that 10 articles join in a
 * few seconds is analysed up to 10 times (one job waiting, one running). Its analysis is that much
 * later; meanwhile a server with a queue serves the story's earlier analysis.
 */
export const STORY_DELAY_SECONDS = 2;
/** Attempts after the first: a job that fails as a whole (store unreachable, worker killed) is tried again this often. */
const RETRY_LIMIT = 3;

/**
 * Jobs are fetched one at a time and the next fetch follows at once while fetches come back full:
 * pg-boss otherwise waits its polling interval (at least 0.5 s) after every job, which capped a
 * worker at about 1 article/s. One, not more: a job holds up to `JOB_INPUTS` articles, and a
 * worker holding a second one while it stores the first leaves the other workers idle near the end.
 */
const WORK_OPTIONS = (concurrency: number) => ({ localConcurrency: concurrency, batchSize: 1, burstWhenBatchFull: true, pollingIntervalSeconds: 0.5, perJobResults: true }) as const;

/** A batch handler that settles each job alone: one job's failure (retried) does not fail the others. */
const settleEach =
  <T>(handle: (data: T) => Promise<unknown>) =>
  async (jobs: Array<{ id: string; data: T }>): Promise<JobResult[]> => {
    const results: JobResult[] = [];
    for (const job of jobs) {
      try {
        results.push({ id: job.id, status: 'completed', output: (await handle(job.data)) ?? {} });
      } catch (error) {
        results.push({ id: job.id, status: 'failed', output: { message: error instanceof Error ? error.message : String(error) } });
      }
    }
    return results;
  };

export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

export interface IngestJobStatus {
  id: string;
  state: JobState;
  /** Attempts that ended without completing it (a worker killed, a store error). */
  retries: number;
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
  /** The ingest report once completed. */
  result: IngestJobResult | null;
  /** Why the last attempt failed, when it did. */
  error: string | null;
}

/**
 * `postgres://host/db?schema=NAME` → the connection string for `pg` and the schema. Without a
 * user name, the operating-system user's is used, as libpq (psql) does: `pg` would otherwise
 * need $USER or $PGUSER set.
 */
export function parseQueueUrl(location: string): { connectionString: string; schema: string } {
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    throw new CorroborateError('bad-option', `--queue: "${location}" is not a postgres:// URL`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') throw new CorroborateError('bad-option', `--queue: "${location}" is not a postgres:// URL`);
  const schema = url.searchParams.get('schema') ?? DEFAULT_QUEUE_SCHEMA;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new CorroborateError('bad-option', `--queue: schema "${schema}" must be a lower-case SQL name (letters, digits, _)`);
  url.searchParams.delete('schema');
  if (!url.username) url.username = process.env.PGUSER ?? userInfo().username;
  return { connectionString: url.toString(), schema };
}

export interface OpenQueueOptions {
  /** Run the supervisor that retries jobs of dead workers (workers do; an enqueuing CLI need not). */
  supervise?: boolean;
}

export class JobQueue {
  private constructor(
    private readonly boss: PgBoss,
    private readonly schema: string,
  ) {}

  /** Connects, installs or migrates pg-boss's schema, and creates the two queues if missing. */
  static async open(location: string, { supervise = false }: OpenQueueOptions = {}): Promise<JobQueue> {
    const { connectionString, schema } = parseQueueUrl(location);
    const boss = new PgBoss({ connectionString, schema, supervise, superviseIntervalSeconds: SUPERVISE_SECONDS, schedule: false });
    // pg-boss reports background failures (a lost connection while polling) as events; unhandled, they would end the process.
    boss.on('error', (error) => process.stderr.write(`corroborate queue: ${error.message}\n`));
    try {
      await boss.start();
      await boss.createQueue(INGEST_QUEUE, { retryLimit: RETRY_LIMIT, heartbeatSeconds: HEARTBEAT_SECONDS });
      // One queued and one active job per story (the job's singleton key): a burst of articles
      // joining a story leaves at most one analysis waiting, and it reads the story's latest version.
      await boss.createQueue(STORY_QUEUE, { policy: 'stately', retryLimit: RETRY_LIMIT, heartbeatSeconds: HEARTBEAT_SECONDS });
    } catch (error) {
      await boss.stop({ graceful: false }).catch(() => undefined);
      throw new CorroborateError('queue-error', `--queue: cannot open the job queue at ${redact(location)} (${(error as Error).message})`, { cause: error });
    }
    return new JobQueue(boss, schema);
  }

  async enqueueIngest(job: IngestJob): Promise<string> {
    const id = await this.boss.send(INGEST_QUEUE, IngestJobSchema.parse(job));
    if (!id) throw new CorroborateError('queue-error', 'the queue refused the ingest job');
    return id;
  }

  /**
   * One story-analysis job per story, started `STORY_DELAY_SECONDS` later; a story that already has
   * one waiting gets no second, so the articles joining it meanwhile are analysed together.
   */
  async enqueueStories(stories: StoryJob[]): Promise<void> {
    for (const story of stories) await this.boss.send(STORY_QUEUE, StoryJobSchema.parse(story), { singletonKey: story.storyId, startAfter: STORY_DELAY_SECONDS });
  }

  async ingestJob(id: string): Promise<IngestJobStatus | null> {
    const job = await this.boss.getJobById<IngestJob>(INGEST_QUEUE, id);
    if (!job) return null;
    const state = job.state as JobState;
    const output = job.output as Record<string, unknown> | null | undefined;
    const result = state === 'completed' ? IngestJobResultSchema.safeParse(output) : null;
    return {
      id: job.id,
      state,
      retries: job.retryCount,
      createdAt: job.createdOn.toISOString(),
      startedAt: job.startedOn ? job.startedOn.toISOString() : null,
      completedAt: job.completedOn ? job.completedOn.toISOString() : null,
      result: result?.success ? result.data : null,
      error: state !== 'completed' && output && typeof output.message === 'string' ? output.message : null,
    };
  }

  /** Jobs not finished yet (waiting, being retried or running), per queue, counted now (pg-boss's own queue counts are refreshed only by its monitor). */
  async pending(): Promise<{ ingest: number; story: number }> {
    const { rows } = await this.boss.getDb().executeSql(`SELECT name, count(*)::int AS n FROM ${this.schema}.job WHERE name = ANY($1) AND state < 'completed' GROUP BY name`, [[INGEST_QUEUE, STORY_QUEUE]]);
    const count = (name: string) => (rows as Array<{ name: string; n: number }>).find((r) => r.name === name)?.n ?? 0;
    return { ingest: count(INGEST_QUEUE), story: count(STORY_QUEUE) };
  }

  /**
   * Processes jobs of both queues, `concurrency` at a time per queue, until `close()`. A handler
   * that throws fails the job, which is retried; its heartbeat stops when the process dies.
   */
  async work(handlers: { ingest: (job: IngestJob) => Promise<IngestJobResult>; story: (job: StoryJob) => Promise<void> }, concurrency: number): Promise<void> {
    await this.boss.work<IngestJob>(INGEST_QUEUE, WORK_OPTIONS(concurrency), settleEach((data) => handlers.ingest(IngestJobSchema.parse(data))));
    await this.boss.work<StoryJob>(STORY_QUEUE, WORK_OPTIONS(concurrency), settleEach(async (data) => handlers.story(StoryJobSchema.parse(data))));
  }

  /** Stops polling; running jobs finish first (up to `timeoutMs`) unless `graceful` is false. */
  async close({ graceful = true, timeoutMs = 30_000 } = {}): Promise<void> {
    await this.boss.stop({ graceful, timeout: timeoutMs });
  }
}

/** A URL as it may be printed: without its password. */
const redact = (location: string): string => location.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
