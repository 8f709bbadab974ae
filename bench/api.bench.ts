import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { docFromText } from '../src/ingest/plain-text.js';
import { processDoc } from '../src/pipeline/analyze.js';
import { storyAnalyses } from '../src/pipeline/story-analyses.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { REPO, round } from './args.js';

export interface ApiBenchOptions {
  articles: number;
  seconds: number;
  connections: number;
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
async function buildStore(path: string, count: number): Promise<string[]> {
  const dir = join(REPO, 'examples', 'articles');
  const bases = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(dir, f), 'utf8'));
  const store = SqliteStore.open(path);
  const storyIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const story = Math.floor(i / ARTICLES_PER_STORY);
    const storyId = `s-${hex12(`story ${story}`)}`;
    if (i % ARTICLES_PER_STORY === 0) storyIds.push(storyId);
    const text = bases[i % bases.length]!.replaceAll('Velmora', `Town${story}`).replaceAll('Tessen', `Ridge${story}`).replace(/\b34\b/g, String(10 + (i % 90)));
    const doc = processDoc(docFromText(`${text}\nReport ${i}.`, `synthetic-${i}.txt`, { source: `Outlet ${i % 37}`, publishedAt: '2026-03-14' }), { now: new Date(0) });
    await store.addArticle(doc, { storyId, isNewStory: i % ARTICLES_PER_STORY === 0 });
  }
  await store.close();
  return storyIds;
}

/** Every story's analysis computed and stored, as ingest leaves them: reads then serve stored analyses. */
async function storeAnalyses(path: string): Promise<number> {
  const store = SqliteStore.open(path);
  try {
    return (await storyAnalyses(store, await store.listStories())).size;
  } finally {
    await store.close();
  }
}

function startServer(db: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [join(REPO, 'bin', 'corroborate.js'), 'serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stderr.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const m = /serving (http:\/\/\S+?) /.exec(seen);
      if (m) resolve({ url: m[1]!, stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${seen}`)));
  });
}

async function load(url: string, paths: string[], seconds: number, connections: number) {
  const result = await autocannon({ url, connections, duration: seconds, requests: paths.map((path) => ({ method: 'GET', path })) });
  return {
    requests: result.requests.total,
    requestsPerSecond: round(result.requests.average, 0),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
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
  const db = join(mkdtempSync(join(tmpdir(), 'corroborate-api-bench-')), 'bench.db');
  const buildStarted = performance.now();
  const storyIds = await buildStore(db, options.articles);
  const buildSeconds = (performance.now() - buildStarted) / 1000;
  const analysesStarted = performance.now();
  const analysed = await storeAnalyses(db);
  const analysesSeconds = (performance.now() - analysesStarted) / 1000;
  const server = await startServer(db);
  try {
    const baseline = await load(server.url, ['/api/openapi.json'], Math.max(5, Math.round(options.seconds / 3)), options.connections);

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
        await new Promise((r) => setTimeout(r, WRITE_INTERVAL_MS));
      }
    })();
    // 200 stories spread over the store, so reads are not all of the newest.
    const sampled = storyIds.filter((_, i) => i % Math.max(1, Math.floor(storyIds.length / 200)) === 0).slice(0, 200);
    const storyJson = await load(server.url, sampled.map((id) => `/api/stories/${id}`), options.seconds, options.connections);
    const storyPages = await load(server.url, sampled.map((id) => `/stories/${id}`), options.seconds, options.connections);
    // Lists and search under the same writes: they read stored figures only, never story exports.
    const listPaths = ['/', '/?page=2', '/?page=50', '/search?q=harbour+repairs', '/search?q=gondola', '/api/search?q=rescued', '/api/stories?offset=400'];
    const homeAndSearch = await load(server.url, listPaths, options.seconds, options.connections);
    writing = false;
    await writer;

    const check = new Database(db, { readonly: true });
    const integrity = check.pragma('integrity_check', { simple: true });
    const articles = (check.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    const orphans = (check.prepare('SELECT count(*) AS n FROM articles a LEFT JOIN story_articles m ON m.article_id = a.id WHERE m.article_id IS NULL').get() as { n: number }).n;
    check.close();
    const targetMs = 50;
    return {
      storedArticles: options.articles,
      storeBuildSeconds: round(buildSeconds, 1),
      analysesStored: analysed,
      analysesSeconds: round(analysesSeconds, 1),
      connections: options.connections,
      seconds: options.seconds,
      storyJson,
      storyPages,
      homeAndSearch,
      baselineNoStoreRoute: baseline,
      p99UnderTarget: { targetMs, storyJson: storyJson.p99Ms < targetMs, storyPages: storyPages.p99Ms < targetMs, homeAndSearch: homeAndSearch.p99Ms < targetMs },
      writes: { posted, failed: postFailures },
      storeAfter: { integrity, articles, expected: options.articles + posted, orphans },
    };
  } finally {
    server.stop();
  }
}
