import test from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/api/app.js';
import { main } from '../src/cli/main.js';
import { contentHash } from '../src/ingest/plain-text.js';
import { toJobInput } from '../src/queue/jobs.js';
import { JobQueue, type IngestJobStatus } from '../src/queue/queue.js';
import { runWorker } from '../src/queue/worker.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { openStore } from '../src/store/open.js';
import { isCurrent } from '../src/story/analyze-story.js';
import { BIN, EXAMPLES } from './paths.js';
import { testPostgres, type TestPostgres } from './postgres.js';
import { sink } from './sink.js';

const examples = readdirSync(EXAMPLES).filter((f) => f.endsWith('.txt')).sort().map((f) => join(EXAMPLES, f));
const tmpDb = () => join(mkdtempSync(join(tmpdir(), 'corroborate-queue-')), 'store.db');

/** Polls `check` until it returns a value (not undefined), or fails after `seconds`. */
async function until<T>(what: string, seconds: number, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${seconds} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const finished = (queue: JobQueue, id: string) => until(`job ${id}`, 120, async () => {
  const job = await queue.ingestJob(id);
  return job && (job.state === 'completed' || job.state === 'failed') ? job : undefined;
});

let pg: TestPostgres;
test.before(async () => {
  pg = await testPostgres();
});
test.after(async () => {
  await pg?.close();
});

test('serve --queue: POST /api/articles answers 202 with a job; a worker stores the articles and analyses their stories as jobs', async (t) => {
  t.diagnostic(`PostgreSQL: ${pg.kind}`);
  const db = tmpDb();
  const serverStore = SqliteStore.open(db);
  const workerStore = SqliteStore.open(db);
  const queue = await JobQueue.open(pg.url('serve'), { supervise: true });
  try {
    const app = createApp({ store: serverStore, queue });
    const articles = examples.slice(0, 4).map((path) => ({ text: readFileSync(path, 'utf8'), source: 'Desk' }));
    const posted = await app.request('/api/articles', { method: 'POST', headers: { 'content-type': 'application/json', host: 'localhost' }, body: JSON.stringify({ articles: [...articles, { text: 'too short' }] }) });
    assert.equal(posted.status, 202);
    const { jobId, location } = (await posted.json()) as { jobId: string; location: string };
    assert.equal(posted.headers.get('location'), location);
    // Nothing is stored on the request path.
    assert.equal((await serverStore.counts()).articles, 0);
    const waiting = (await (await app.request(location)).json()) as { state: string; articles: unknown[] };
    assert.equal(waiting.state, 'created');
    assert.deepEqual(waiting.articles, []);

    await runWorker({ store: workerStore, queue });
    await finished(queue, jobId);
    const done = (await (await app.request(location)).json()) as { state: string; articles: Array<{ status: string; id: string; storyId: string }>; stories: string[]; errors: Array<{ code: string; input: string }> };
    assert.equal(done.state, 'completed');
    assert.deepEqual(done.articles.map((a) => a.status), ['added', 'added', 'added', 'added']);
    assert.deepEqual(done.errors.map((e) => e.code), ['empty-body']);
    assert.deepEqual(new Set(done.stories), new Set(done.articles.map((a) => a.storyId)));
    assert.equal((await serverStore.counts()).articles, 4);

    // The story stage ran as a job, once per story, and its stored result is what the server serves.
    await until('story jobs', 120, async () => ((await queue.pending()).story === 0 ? true : undefined));
    const stories = await serverStore.getStories(done.stories);
    const analyses = await serverStore.getStoryAnalyses(done.stories);
    for (const story of stories) assert.ok(analyses.has(story.id) && isCurrent(analyses.get(story.id)!, story), `story ${story.id} analysed at its version`);
    const served = (await (await app.request(`/api/stories/${stories[0]!.id}`)).json()) as { stories: Array<{ version: number; title: string }> };
    assert.equal(served.stories[0]!.version, stories[0]!.version);
    assert.equal(served.stories[0]!.title, analyses.get(stories[0]!.id)!.title);

    // The same articles again: stored once, reported unchanged.
    const again = await app.request('/api/articles', { method: 'POST', headers: { 'content-type': 'application/json', host: 'localhost' }, body: JSON.stringify({ articles }) });
    const second = await finished(queue, ((await again.json()) as { jobId: string }).jobId);
    assert.deepEqual(second.result!.articles.map((a) => a.status), ['unchanged', 'unchanged', 'unchanged', 'unchanged']);
    assert.equal((await serverStore.counts()).articles, 4);

    // The web add form enqueues too: 202, a link to the job, nothing stored until a worker ran it.
    const form = new FormData();
    form.append('text', readFileSync(examples[4]!, 'utf8'));
    const queued = await app.request('/add', { method: 'POST', headers: { origin: 'http://localhost' }, body: form });
    assert.equal(queued.status, 202);
    const formJob = /href="\/api\/jobs\/([^"]+)"/.exec(await queued.text())?.[1];
    assert.ok(formJob, 'the page links the job');
    assert.deepEqual((await finished(queue, formJob)).result!.articles.map((a) => a.status), ['added']);
    assert.equal((await serverStore.counts()).articles, 5);

    assert.equal((await app.request('/api/jobs/not-a-job')).status, 400);
    assert.equal((await app.request('/api/jobs/00000000-0000-4000-8000-000000000000')).status, 404);
  } finally {
    await queue.close({ graceful: false });
    await serverStore.close();
    await workerStore.close();
  }
});

test('analyze --queue enqueues the inputs in jobs of several and prints each input\'s job id; without a queue, /api/jobs is 404 and POST stores at once', async () => {
  const url = pg.url('enqueue');
  const stdout = sink();
  const stderr = sink();
  const code = await main(['analyze', '--queue', url, ...examples.slice(0, 2), join(EXAMPLES, 'missing.txt')], { stdout, stderr, readStdin: async () => new Uint8Array() });
  assert.equal(code, 1, stderr.text());
  const lines = stdout.text().trim().split('\n').map((l) => l.split('\t'));
  assert.deepEqual(lines.map(([, input]) => input), examples.slice(0, 2));
  // Two inputs make one job (up to JOB_INPUTS do), which holds both.
  assert.equal(new Set(lines.map(([id]) => id)).size, 1);
  assert.match(stderr.text(), /missing\.txt: error: .*\[not-found\]/);
  const queue = await JobQueue.open(url);
  try {
    for (const [id] of lines) assert.equal((await queue.ingestJob(id!))?.state, 'created');
  } finally {
    await queue.close();
  }

  const store = SqliteStore.open(tmpDb());
  try {
    const app = createApp({ store });
    assert.equal((await app.request('/api/jobs/00000000-0000-4000-8000-000000000000')).status, 404);
    const posted = await app.request('/api/articles', { method: 'POST', headers: { 'content-type': 'text/plain', host: 'localhost' }, body: readFileSync(examples[0]!) });
    assert.equal(posted.status, 201);
  } finally {
    await store.close();
  }
});

/** Starts `corroborate worker` and resolves once it says it is taking jobs. */
function startWorker(url: string, db: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BIN, 'worker', '--queue', url, '--db', db], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (/processing jobs/.test(seen)) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`worker exited (${code}) before taking jobs: ${seen}`)));
  });
}

test('a worker SIGKILLed mid-job: another worker retries the job and every article is stored exactly once', async (t) => {
  const url = pg.url('kill');
  // Both stores write a job's articles as one batch (a transaction with a savepoint per article),
  // so a worker killed before the batch's commit leaves nothing of the job, never part of an article.
  const db = pg.url('kill_store');
  const first = await startWorker(url, db);
  const store = await openStore(db);
  const queue = await JobQueue.open(url);
  let second: ChildProcess | undefined;
  try {
    const files = examples.map((path) => toJobInput({ input: path, bytes: readFileSync(path), sidecar: null }));
    const jobId = await queue.enqueueIngest({ inputs: files });
    // Stop the worker once it has taken the job (its threads then take seconds to analyse the articles), then kill it.
    await until('the job taken', 120, async () => ((await queue.ingestJob(jobId))?.state === 'active' ? true : undefined));
    first.kill('SIGSTOP');
    const storedBeforeKill = (await store.counts()).articles;
    first.kill('SIGKILL');
    assert.equal((await queue.ingestJob(jobId))?.state, 'active', 'killed mid-job');
    assert.ok(storedBeforeKill < examples.length, `killed before the job's end (${storedBeforeKill} of ${examples.length} stored)`);

    second = await startWorker(url, db);
    const job: IngestJobStatus = await finished(queue, jobId);
    t.diagnostic(`kill test (${pg.kind}): ${examples.length} articles, ${storedBeforeKill} stored before SIGKILL, retries ${job.retries}, state ${job.state}`);
    assert.equal(job.state, 'completed');
    assert.ok(job.retries >= 1);
    const statuses = job.result!.articles.map((a) => a.status);
    assert.equal(statuses.filter((s) => s === 'unchanged').length, storedBeforeKill, 'what the killed attempt stored is found again, not stored twice');
    assert.equal(statuses.filter((s) => s === 'added').length, examples.length - storedBeforeKill);

    assert.equal((await store.counts()).articles, examples.length);
    for (const path of examples) assert.ok(await store.findByHash(contentHash(readFileSync(path, 'utf8'))), `${path} stored`);
    const members = (await store.listStories()).flatMap((s) => s.articleIds);
    assert.equal(members.length, examples.length);
    assert.equal(new Set(members).size, examples.length);
  } finally {
    first.kill('SIGKILL');
    second?.kill('SIGTERM');
    await queue.close({ graceful: false });
    await store.close();
  }
});
