import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import type { Doc } from '../src/doc/types.js';
import type { InputFile } from '../src/ingest/read-inputs.js';
import { createAnalyser, defaultThreads } from '../src/pipeline/analyser.js';
import { storyAnalyses } from '../src/pipeline/story-analyses.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { REPO, round } from './args.js';

export interface ApiBenchOptions {
  articles: number;
  seconds: number;
  connections: number;
  /** As `ApiLoadOptions.storeCache`. */
  storeCache?: string | undefined;
}

/** Articles per story in the synthetic store: news stories rarely carry more than a handful of reports. */
const ARTICLES_PER_STORY = 8;
/** One write every this many milliseconds while the readers run. */
const WRITE_INTERVAL_MS = 100;

const hex12 = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 12);

/**
 * A store of `count` articles made from the bundled examples: each story gets its own invented
 * place and person names and a number, so every article is distinct text. Written straight through
 * the store with a fixed placement (grouping is not what this bench measures).
 */
const exampleTexts = (): string[] => {
  const dir = join(REPO, 'examples', 'articles');
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(dir, f), 'utf8'));
};

/** Inputs analysed at once while building: enough to keep every thread busy, few enough to bound memory. */
const BUILD_IN_FLIGHT = 64;

async function buildStore(path: string, count: number, analysed = false): Promise<string[]> {
  const bases = exampleTexts();
  const store = SqliteStore.open(path);
  // The analyses run in worker threads on every core, as `ingest` runs them; the store writes stay here, in order.
  const analyser = createAnalyser(defaultThreads());
  const storyIds: string[] = [];
  const input = (i: number): InputFile => {
    const story = Math.floor(i / ARTICLES_PER_STORY);
    const text = bases[i % bases.length]!.replaceAll('Velmora', `Town${story}`).replaceAll('Tessen', `Ridge${story}`).replace(/\b34\b/g, String(10 + (i % 90)));
    return { input: `synthetic-${i}.txt`, bytes: new TextEncoder().encode(`${text}\nReport ${i}.`), sidecar: { source: `Outlet ${i % 37}`, publishedAt: '2026-03-14' } };
  };
  try {
    const pending: Array<Promise<Doc[]>> = [];
    const started = performance.now();
    for (let i = 0; i < count; i++) {
      while (pending.length < BUILD_IN_FLIGHT && i + pending.length < count) pending.push(analyser.docs(input(i + pending.length), { ctx: { now: new Date(0) } }));
      const [doc] = await pending.shift()!;
      const story = Math.floor(i / ARTICLES_PER_STORY);
      const storyId = `s-${hex12(`story ${story}`)}`;
      if (i % ARTICLES_PER_STORY === 0) storyIds.push(storyId);
      await store.addArticle(doc!, { storyId, isNewStory: i % ARTICLES_PER_STORY === 0 });
      if ((i + 1) % 1000 === 0) progress(`built ${i + 1} of ${count} articles in ${round((performance.now() - started) / 1000, 0)} s`);
    }
    // As `ingest` leaves a store: every story's analysis stored beside it.
    if (analysed) {
      await storyAnalyses(store, await store.listStories(), { analyze: analyser.story, concurrency: analyser.threads });
      progress(`analysed ${storyIds.length} stories in ${round((performance.now() - started) / 1000, 0)} s`);
    }
  } finally {
    await analyser.close();
    await store.close();
  }
  return storyIds;
}

/** Where a long bench is, on stderr (stdout is the result). */
const progress = (message: string) => console.error(`[bench] ${message}`);

/** How long the server's event loop was held up over its life (see `server-probe.ts`), null if it did not say. */
export type LoopDelay = { p50Ms: number; p99Ms: number; maxMs: number; stallsOver100Ms: number; worstStalls: Array<{ atMs: number; ms: number }>; gc: { count: number; totalMs: number; maxMs: number }; cpuSeconds: number } | null;

/** `corroborate serve` in its own process, with the event-loop probe loaded; `stop` ends it and resolves to the probe's figures. */
function startServer(db: string): Promise<{ url: string; pid: number; stop: () => Promise<LoopDelay> }> {
  const probe = new URL('./server-probe.js', import.meta.url).href;
  const extra = process.env.CORROBORATE_BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, ['--import', probe, ...extra, join(REPO, 'bin', 'corroborate.js'), 'serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let seen = '';
  const exited = new Promise<LoopDelay>((resolve) =>
    child.once('exit', () => {
      const m = /^loop-delay (\{.*\})$/m.exec(seen);
      resolve(m ? (JSON.parse(m[1]!) as LoopDelay) : null);
    }),
  );
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const m = /serving (http:\/\/\S+?) /.exec(seen);
      if (m)
        resolve({
          url: m[1]!,
          pid: child.pid!,
          stop: () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${seen}`)));
  });
}

/** What browsers and fetch() send: the readers take compressed answers when the server offers them. */
const BROWSER_HEADERS = { 'accept-encoding': 'gzip, deflate, br' };

/**
 * CPU seconds (user + system) the server has used: its main thread, which answers every read, and
 * the whole process (with the analysis threads that posts keep busy). Linux `/proc`; null elsewhere.
 */
function serverCpu(pid: number): { mainThread: number; process: number } | null {
  const seconds = (path: string) => {
    // Fields after the parenthesised name: utime and stime are the 12th and 13th, in clock ticks (100 a second).
    const fields = readFileSync(path, 'utf8').replace(/^.*\) /s, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  };
  try {
    return { mainThread: seconds(`/proc/${pid}/task/${pid}/stat`), process: seconds(`/proc/${pid}/stat`) };
  } catch {
    return null;
  }
}

/**
 * `connections` readers on `paths` for `seconds`, with the server's CPU per answered request
 * (main thread, and whole process) and the bytes of an answer: on a loaded machine wall-clock
 * latency says more about the neighbours than about the server, CPU per request does not.
 */
async function load(url: string, pid: number, paths: string[], seconds: number, connections: number) {
  const cpuBefore = serverCpu(pid);
  const result = await autocannon({ url, connections, duration: seconds, headers: BROWSER_HEADERS, requests: paths.map((path) => ({ method: 'GET', path })) });
  const cpuAfter = serverCpu(pid);
  const requests = result.requests.total;
  const perRequest = (s: number) => (requests ? round((s * 1000) / requests, 2) : null);
  return {
    requests,
    requestsPerSecond: round(result.requests.average, 0),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    bytesPerResponse: requests ? Math.round(result.throughput.total / requests) : null,
    serverCpuMsPerRequest: cpuBefore && cpuAfter ? { mainThread: perRequest(cpuAfter.mainThread - cpuBefore.mainThread), process: perRequest(cpuAfter.process - cpuBefore.process) } : null,
  };
}

/**
 * `npm run bench -- api`: a store of `articles` articles with every story's analysis stored, served
 * by `corroborate serve` in its own process. While a writer posts an article every 100 ms, 50
 * concurrent readers on loopback load, 30 s each: story JSON (`/api/stories/:id`), story pages
 * (`/stories/:id`), then the home page (three list pages) and search (web and API). Target: p99
 * under 50 ms for each. Baseline in the same run: the same load on a route that reads nothing
 * from the store (`/api/openapi.json`), so the ratio shows what reads cost over the server's own
 * overhead. The store is checked after.
 */
export async function runApiBench(options: ApiBenchOptions) {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-api-bench-'));
  const db = join(dir, 'bench.db');
  try {
    const prepared = await preparedStore(db, options.articles, options.storeCache);
    const stored = new Database(db, { readonly: true });
    const storyIds = (stored.prepare('SELECT id FROM stories ORDER BY rowid').all() as Array<{ id: string }>).map((r) => r.id);
    stored.close();
    const loadBefore = loadAverage();
    const server = await startServer(db);
    let loopDelay: LoopDelay = null;
    try {
      const baseline = await load(server.url, server.pid, ['/api/openapi.json'], Math.max(5, Math.round(options.seconds / 3)), options.connections);

      let posted = 0;
      let postFailures = 0;
      let writing = true;
      const writer = (async () => {
        for (let i = 0; writing; i++) {
          const response = await fetch(`${server.url}/api/articles`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ text: `Bench headline ${i}\n\nA bench article number ${i} about the harbour of Port${i} reopening after repairs on Monday.\n`, source: 'Bench Wire' }),
          }).catch(() => null);
          if (response && response.status < 300) posted++;
          else postFailures++;
          await response?.arrayBuffer().catch(() => null);
          await new Promise((r) => setTimeout(r, WRITE_INTERVAL_MS));
        }
      })();
      // 200 stories spread over the store, so reads are not all of the newest.
      const sampled = storyIds.filter((_, i) => i % Math.max(1, Math.floor(storyIds.length / 200)) === 0).slice(0, 200);
      const storyJson = await load(server.url, server.pid, sampled.map((id) => `/api/stories/${id}`), options.seconds, options.connections);
      const storyPages = await load(server.url, server.pid, sampled.map((id) => `/stories/${id}`), options.seconds, options.connections);
      // Lists and search under the same writes: they read stored figures only, never story exports.
      const home = await load(server.url, server.pid, ['/', '/?page=2', '/?page=50', '/api/stories?offset=400'], options.seconds, options.connections);
      const search = await load(server.url, server.pid, ['/search?q=harbour+repairs', '/search?q=gondola', '/api/search?q=rescued', '/api/search?q=bridge+closed'], options.seconds, options.connections);
      writing = false;
      await writer;
      loopDelay = await server.stop();

      const check = new Database(db, { readonly: true });
      const integrity = check.pragma('integrity_check', { simple: true });
      const articles = (check.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
      const orphans = (check.prepare('SELECT count(*) AS n FROM articles a LEFT JOIN story_articles m ON m.article_id = a.id WHERE m.article_id IS NULL').get() as { n: number }).n;
      check.close();
      const targetMs = 50;
      return {
        store: { ...prepared, stories: storyIds.length },
        machine: { cores: availableParallelism(), loadAverageBefore: loadBefore, loadAverageAfter: loadAverage() },
        connections: options.connections,
        seconds: options.seconds,
        storyJson,
        storyPages,
        home,
        search,
        baselineNoStoreRoute: baseline,
        p99UnderTarget: { targetMs, storyJson: storyJson.p99Ms < targetMs, storyPages: storyPages.p99Ms < targetMs, home: home.p99Ms < targetMs, search: search.p99Ms < targetMs },
        serverEventLoopDelay: loopDelay,
        writes: { posted, failed: postFailures },
        storeAfter: { integrity, articles, expected: prepared.articles + posted, orphans },
      };
    } finally {
      if (!loopDelay) await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The 1-, 5- and 15-minute load averages: wall-clock figures mean little when this is well above the cores. */
const loadAverage = () => loadavg().map((x) => round(x, 1));

/**
 * A store of `articles` articles with every story's analysis stored, at `db`: built, or copied from
 * `cache` when that file exists (building 10,000 articles takes minutes); a built store is kept at `cache`.
 */
async function preparedStore(db: string, articles: number, cache: string | undefined) {
  const started = performance.now();
  const reused = Boolean(cache && existsSync(cache));
  if (reused) {
    copyFileSync(cache!, db);
    // Analyses stored by older analysis code are redone here (on every core), not by the first reads,
    // and kept in the cache (the articles are the same), so the next run does not redo them.
    const store = SqliteStore.open(db);
    const analyser = createAnalyser(defaultThreads());
    let reanalysed = false;
    try {
      const generation = await store.generation();
      await storyAnalyses(store, await store.listStories(), { analyze: analyser.story, concurrency: analyser.threads });
      reanalysed = (await store.generation()) !== generation;
    } finally {
      await analyser.close();
      await store.close();
    }
    if (reanalysed) copyFileSync(db, cache!);
  } else {
    await buildStore(db, articles, true);
    if (cache) copyFileSync(db, cache);
  }
  const check = new Database(db, { readonly: true });
  const count = (check.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  check.close();
  if (count !== articles) throw new Error(`the store at ${cache} holds ${count} articles, not ${articles}: give another --store-cache file`);
  return { articles, buildSeconds: round((performance.now() - started) / 1000, 1), reused };
}

export interface ApiLoadOptions {
  articles: number;
  writers: number;
  posts: number;
  readers: number;
  /** Keep the built store here and reuse it when it exists (each run works on a copy, so runs start from the same store). */
  storeCache?: string | undefined;
}

/** Median and worst of `runs` sequential GETs of `path`, in ms (an idle server: one request at a time). */
async function timedGets(url: string, path: string, runs: number) {
  const ms: number[] = [];
  let status = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const response = await fetch(`${url}${path}`);
    await response.arrayBuffer();
    ms.push(performance.now() - t0);
    status = response.status;
  }
  ms.sort((a, b) => a - b);
  return { status, medianMs: round(ms[ms.length >> 1]!, 1), maxMs: round(ms.at(-1)!, 1) };
}

/**
 * `npm run bench -- api-load`: the issue's load run. A store of `articles` articles (8 per story,
 * every story analysed, as `ingest` leaves it) is first exported whole by `corroborate export` and
 * its home page and first stories read on an idle server. Then `writers` clients each post `posts`
 * distinct articles one after another (each joins a stored story, so its story is analysed again)
 * while `readers` connections read story exports, the home page and the story list until the
 * writers are done. Counted: connection resets and other network errors, 5xx answers, read
 * latency (p50 / p99 / max), and in the store afterwards how many times each post's words are
 * stored (exactly once is right; a post that failed but was stored anyway is counted apart).
 */
export async function runApiLoadBench(options: ApiLoadOptions) {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-api-load-'));
  const db = join(dir, 'load.db');
  try {
    const prepared = await preparedStore(db, options.articles, options.storeCache);
    const stored = new Database(db, { readonly: true });
    const storyIds = (stored.prepare('SELECT id FROM stories ORDER BY rowid').all() as Array<{ id: string }>).map((r) => r.id);
    stored.close();

    const exportStarted = performance.now();
    const out = join(dir, 'export.json');
    const exportRun = spawnSync(process.execPath, [join(REPO, 'bin', 'corroborate.js'), 'export', '--db', db, '--out', out], { encoding: 'utf8', timeout: 600_000 });
    const exportSeconds = (performance.now() - exportStarted) / 1000;
    const exportMiB = exportRun.status === 0 ? round(statSync(out).size / 2 ** 20, 1) : 0;
    const contract = exportRun.status === 0 ? spawnSync(process.execPath, [join(REPO, '..', 'shared', 'spec', 'validate-export.mjs'), out], { encoding: 'utf8', maxBuffer: 1 << 26 }) : null;
    rmSync(out, { force: true });

    const loadBefore = loadAverage();
    const server = await startServer(db);
    let loopDelay: LoopDelay = null;
    try {
      const idle = {
        homePage: await timedGets(server.url, '/', 5),
        storiesLimit5: await timedGets(server.url, '/api/stories?limit=5', 5),
        oneStory: await timedGets(server.url, `/api/stories/${storyIds[0]}`, 5),
      };

      const bases = exampleTexts();
      const markerOf = (w: number, p: number) => `Harbour desk ${w} filed report number ${p} on the repairs`;
      const postResults: Array<{ w: number; p: number; status: number | null; error: string | null; ms: number }> = [];
      const writer = async (w: number) => {
        for (let p = 0; p < options.posts; p++) {
          const story = (w * options.posts + p) % storyIds.length;
          const base = bases[(w + p) % bases.length]!.replaceAll('Velmora', `Town${story}`).replaceAll('Tessen', `Ridge${story}`);
          const [headline, ...body] = base.split('\n');
          const text = [headline, '', `${markerOf(w, p)}, officials said.`, ...body].join('\n');
          const t0 = performance.now();
          try {
            const response = await fetch(`${server.url}/api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text, source: `Load Wire ${w}`, publishedAt: '2026-03-15' }) });
            await response.arrayBuffer();
            postResults.push({ w, p, status: response.status, error: null, ms: performance.now() - t0 });
          } catch (error) {
            const cause = (error as { cause?: { code?: string } }).cause;
            postResults.push({ w, p, status: null, error: cause?.code ?? (error as Error).message, ms: performance.now() - t0 });
          }
        }
      };
      const readPaths = [...storyIds.slice(0, 200).map((id) => `/api/stories/${id}`), '/', '/?page=2', '/api/stories', '/api/stories?limit=5'];
      const started = performance.now();
      let readers: autocannon.Instance | undefined;
      const readsDone = new Promise<autocannon.Result>((resolve, reject) => {
        readers = autocannon({ url: server.url, connections: options.readers, duration: 3600, timeout: 600, headers: BROWSER_HEADERS, requests: readPaths.map((path) => ({ method: 'GET', path })) }, (error, result) => (error ? reject(error) : resolve(result)));
      });
      await Promise.all(Array.from({ length: options.writers }, (_, w) => writer(w)));
      const writeSeconds = (performance.now() - started) / 1000;
      readers!.stop();
      const reads = await readsDone;
      loopDelay = await server.stop();

      const check = new Database(db, { readonly: true });
      const count = check.prepare('SELECT count(*) AS n FROM articles WHERE raw LIKE ?');
      const storedTimes = postResults.map((r) => ({ ...r, stored: (count.get(`%${markerOf(r.w, r.p)},%`) as { n: number }).n }));
      const integrity = check.pragma('integrity_check', { simple: true });
      const articles = (check.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
      check.close();
      const postMs = postResults.map((r) => r.ms).sort((a, b) => a - b);
      const errors: Record<string, number> = {};
      for (const r of postResults) if (r.error) errors[r.error] = (errors[r.error] ?? 0) + 1;
      return {
        store: { ...prepared, stories: storyIds.length },
        machine: { cores: availableParallelism(), loadAverageBefore: loadBefore, loadAverageAfter: loadAverage() },
        wholeStoreExport: { exitCode: exportRun.status, seconds: round(exportSeconds, 2), MiB: exportMiB, contract: contract ? (contract.status === 0 ? 'valid' : contract.stdout.slice(0, 300) + contract.stderr.slice(0, 300)) : 'not run', stderr: exportRun.status === 0 ? undefined : exportRun.stderr.slice(0, 500) },
        idleServer: idle,
        load: {
          writers: options.writers,
          postsEach: options.posts,
          readers: options.readers,
          seconds: round(writeSeconds, 1),
          posts: {
            sent: postResults.length,
            status2xx: postResults.filter((r) => r.status !== null && r.status < 300).length,
            status5xx: postResults.filter((r) => r.status !== null && r.status >= 500).length,
            status4xx: postResults.filter((r) => r.status !== null && r.status >= 400 && r.status < 500).length,
            networkErrors: errors,
            resets: errors.ECONNRESET ?? 0,
            p50Ms: round(postMs[postMs.length >> 1]!, 0),
            p99Ms: round(postMs[Math.floor(postMs.length * 0.99)]!, 0),
          },
          reads: { requests: reads.requests.total, p50Ms: reads.latency.p50, p99Ms: reads.latency.p99, maxMs: reads.latency.max, errors: reads.errors, timeouts: reads.timeouts, resets: reads.resets, non2xx: reads.non2xx, status5xx: reads['5xx'] },
          serverEventLoopDelay: loopDelay,
          storeAfter: {
            integrity,
            articles,
            expected: options.articles + postResults.filter((r) => r.status !== null && r.status < 300).length,
            storedExactlyOnce: storedTimes.filter((r) => r.stored === 1).length,
            storedTwiceOrMore: storedTimes.filter((r) => r.stored > 1).length,
            okButMissing: storedTimes.filter((r) => r.status !== null && r.status < 300 && r.stored === 0).length,
            failedButStored: storedTimes.filter((r) => (r.status === null || r.status >= 300) && r.stored > 0).length,
          },
        },
      };
    } finally {
      if (!loopDelay) await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
