/**
 * Kills a real `corroborate ingest` with SIGKILL in the middle of a 400-article run and checks
 * that the store holds only whole articles (each with its story membership), is not corrupt,
 * and that re-running the same ingest stores exactly the rest.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { seeded } from '../bench/synthetic-stream.js';

/** dist/test/interrupted-ingest.test.js → <repo>/bin/corroborate.js */
const BIN = fileURLToPath(new URL('../../bin/corroborate.js', import.meta.url));

const TOTAL = 400;
/** Kill once at least this many articles are stored. */
const KILL_AFTER = 20;
/** If a run finishes before it could be killed, articles are regenerated this many times longer. */
const MAX_ATTEMPTS = 3;


const SYLLABLES = ['ka', 'lo', 'mer', 'tan', 'vi', 'sor', 'del', 'bru', 'ne', 'pha', 'gil', 'run', 'os', 'te', 'mar', 'lin', 'qua', 'dor', 'fe', 'zen'];
const COMMON = ['council', 'harbour', 'bridge', 'river', 'market', 'school', 'workers', 'police', 'court', 'budget', 'storm', 'festival', 'museum', 'station', 'farmers', 'ferry'];
const VERBS = ['said', 'reported', 'announced', 'confirmed', 'denied', 'warned', 'explained', 'promised'];

/**
 * Article `i`: a headline and paragraphs of about 50 words each (3 paragraphs, about 150 words,
 * at scale 1). Names are made of syllables drawn from a counter-seeded generator, so every article
 * has its own words and its own content hash.
 */
function makeArticle(i: number, scale: number): string {
  const random = seeded(i * 7919 + 17);
  const next = () => Math.floor(random() * 2 ** 32);
  const pick = <T>(list: readonly T[]): T => list[next() % list.length]!;
  const name = () => {
    const n = 2 + (next() % 2);
    let word = '';
    for (let k = 0; k < n; k++) word += pick(SYLLABLES);
    return word.charAt(0).toUpperCase() + word.slice(1);
  };
  const town = name();
  const person = `${name()} ${name()}`;
  const headline = `${town} ${pick(COMMON)} dispute enters day ${i + 1}`;
  const paragraphs: string[] = [];
  for (let p = 0; p < 3 * scale; p++) {
    const sentences: string[] = [];
    for (let s = 0; s < 3; s++)
      sentences.push(`${person} ${pick(VERBS)} that the ${pick(COMMON)} in ${town} needs ${(next() % 900) + 100} more ${pick(COMMON)} before ${name()} can reopen the ${pick(COMMON)}.`);
    paragraphs.push(sentences.join(' '));
  }
  return `${headline}\n\n${paragraphs.join('\n\n')}\n`;
}

const fileName = (i: number) => `article-${String(i).padStart(4, '0')}.txt`;

interface Corpus {
  dir: string;
  db: string;
  paths: string[];
}

function writeCorpus(root: string, attempt: number, scale: number): Corpus {
  const dir = join(root, `attempt-${attempt}`, 'articles');
  mkdirSync(dir, { recursive: true });
  const paths: string[] = [];
  for (let i = 0; i < TOTAL; i++) {
    const path = join(dir, fileName(i));
    writeFileSync(path, makeArticle(i, scale));
    paths.push(path);
  }
  return { dir, db: join(root, `attempt-${attempt}`, 'store.db'), paths };
}

/** `SELECT count(*) FROM articles` on a read-only handle, or null while the store does not exist yet. */
function countArticles(db: string): number | null {
  if (!existsSync(db)) return null;
  let handle: Database.Database | undefined;
  try {
    handle = new Database(db, { readonly: true, fileMustExist: true });
    return (handle.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  } catch {
    return null; // not created or not migrated yet
  } finally {
    handle?.close();
  }
}

interface Interrupted {
  corpus: Corpus;
  /** Count seen by the poll that decided to kill. */
  polled: number;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Starts the ingest and SIGKILLs it once KILL_AFTER articles are stored; null when it finished first. */
async function ingestAndKill(corpus: Corpus): Promise<Interrupted | null> {
  const child = spawn(process.execPath, [BIN, 'ingest', corpus.dir, '--db', corpus.db, '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdout.resume();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  let done = false;
  void exited.then(() => (done = true));

  const deadline = Date.now() + 60_000;
  let polled = 0;
  while (!done && Date.now() < deadline) {
    const n = countArticles(corpus.db);
    if (n !== null && n >= KILL_AFTER && n < TOTAL) {
      polled = n;
      child.kill('SIGKILL');
      break;
    }
    await sleep(2);
  }
  if (!done && polled === 0) child.kill('SIGKILL'); // deadline: do not leave the child behind
  const { code, signal } = await exited;
  if (signal !== 'SIGKILL') {
    assert.equal(code, 0, `the ingest ended on its own with code ${code}:\n${stderr}`);
    return null;
  }
  assert.ok(polled > 0, `the ingest was killed at the deadline without reaching ${KILL_AFTER} articles:\n${stderr}`);
  return { corpus, polled, signal, stderr };
}

describe('an ingest killed with SIGKILL midway', () => {
  let root = '';
  let interrupted: Interrupted;
  let storedAfterKill = 0;
  let idsAfterKill: string[] = [];

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'corroborate-'));
    let scale = 1;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const corpus = writeCorpus(root, attempt, scale);
      const result = await ingestAndKill(corpus);
      if (result) {
        interrupted = result;
        // What the killed run left, read before anything else touches the store.
        storedAfterKill = countArticles(corpus.db) ?? -1;
        const handle = new Database(corpus.db, { readonly: true, fileMustExist: true });
        try {
          idsAfterKill = (handle.prepare('SELECT id FROM articles ORDER BY seq').all() as Array<{ id: string }>).map((r) => r.id);
        } finally {
          handle.close();
        }
        return;
      }
      scale *= 4; // it finished before we could kill it: make each article slower to process
    }
    assert.fail(`the ingest finished before it could be killed in ${MAX_ATTEMPTS} attempts`);
  });

  after(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  test('the kill happened while the run was incomplete', (t) => {
    t.diagnostic(`killed after ${interrupted.polled} articles were seen; ${storedAfterKill} of ${TOTAL} stored (${interrupted.corpus.dir})`);
    assert.equal(interrupted.signal, 'SIGKILL');
    const n = storedAfterKill;
    assert.ok(n >= 0, 'the store opens read-only after the kill');
    assert.ok(n >= KILL_AFTER, `at least ${KILL_AFTER} articles were stored before the kill (${n})`);
    assert.ok(n < TOTAL, `the kill came before the end: ${n} of ${TOTAL} stored`);
    assert.ok(n >= interrupted.polled, `committed articles are not lost (${n} < ${interrupted.polled} seen before the kill)`);
  });

  test('the store is intact and holds only whole articles', () => {
    const { db, paths } = interrupted.corpus;
    const handle = new Database(db, { readonly: true, fileMustExist: true });
    try {
      assert.equal(handle.pragma('integrity_check', { simple: true }), 'ok');
      assert.deepEqual(handle.pragma('foreign_key_check'), []);

      const articles = handle.prepare('SELECT id, input, content_hash, raw, text FROM articles ORDER BY seq').all() as Array<{ id: string; input: string; content_hash: string; raw: string; text: string }>;
      assert.equal(articles.length, storedAfterKill);
      assert.deepEqual(articles.map((a) => a.id), idsAfterKill);

      const orphans = handle
        .prepare(
          `SELECT a.id FROM articles a
             LEFT JOIN story_articles sa ON sa.article_id = a.id
             LEFT JOIN stories s ON s.id = sa.story_id
           WHERE sa.article_id IS NULL OR s.id IS NULL`,
        )
        .all();
      assert.deepEqual(orphans, [], 'every article has its story membership and its story');
      const danglingMembers = handle.prepare('SELECT sa.article_id FROM story_articles sa LEFT JOIN articles a ON a.id = sa.article_id WHERE a.id IS NULL').all();
      assert.deepEqual(danglingMembers, [], 'no membership without its article');
      const emptyStories = handle.prepare('SELECT s.id FROM stories s WHERE NOT EXISTS (SELECT 1 FROM story_articles sa WHERE sa.story_id = s.id)').all();
      assert.deepEqual(emptyStories, [], 'no story without an article');
      assert.equal((handle.prepare('SELECT count(*) AS n FROM story_articles').get() as { n: number }).n, articles.length);

      assert.equal(new Set(articles.map((a) => a.content_hash)).size, articles.length, 'content hashes are unique');
      const known = new Set(paths);
      for (const a of articles) {
        assert.ok(known.has(a.input), `input ${a.input} is one of the corpus files`);
        assert.ok(a.text.trim().length > 0, `${a.input}: text is empty`);
      }
      // Ten articles spread over what was stored: the raw text is the file as written.
      const step = Math.max(1, Math.floor(articles.length / 10));
      const sample = articles.filter((_, i) => i % step === 0).slice(0, 10);
      assert.equal(sample.length, Math.min(10, articles.length));
      for (const a of sample) {
        const row = handle.prepare('SELECT raw FROM articles WHERE input = ?').get(a.input) as { raw: string } | undefined;
        assert.ok(row, `${a.input} found by input`);
        assert.equal(row.raw, readFileSync(a.input, 'utf8'), `${a.input}: raw equals the source file`);
      }
    } finally {
      handle.close();
    }
  });

  test('re-running the same ingest stores the rest: 400 articles, no duplicates', () => {
    const { dir, db, paths } = interrupted.corpus;
    const rerun = spawnSync(process.execPath, [BIN, 'ingest', dir, '--db', db], { encoding: 'utf8', timeout: 120_000 });
    if (rerun.error) throw rerun.error;
    assert.equal(rerun.status, 0, `re-run exit ${rerun.status}\n${rerun.stderr}`);
    const added = TOTAL - storedAfterKill;
    assert.match(
      rerun.stderr,
      new RegExp(`${TOTAL} input\\(s\\): ${added} added, ${storedAfterKill} already stored \\(unchanged\\); \\d+ story\\(ies\\)\\.`),
      rerun.stderr,
    );
    assert.doesNotMatch(rerun.stderr, /error:/);

    const handle = new Database(db, { readonly: true, fileMustExist: true });
    try {
      assert.equal(handle.pragma('integrity_check', { simple: true }), 'ok');
      const counts = handle.prepare('SELECT count(*) AS n, count(DISTINCT content_hash) AS hashes, count(DISTINCT input) AS inputs FROM articles').get() as { n: number; hashes: number; inputs: number };
      assert.deepEqual(counts, { n: TOTAL, hashes: TOTAL, inputs: TOTAL });
      const inputs = new Set((handle.prepare('SELECT input FROM articles').all() as Array<{ input: string }>).map((r) => r.input));
      for (const path of paths) assert.ok(inputs.has(path), `${path} is stored`);
      const ids = new Set((handle.prepare('SELECT id FROM articles').all() as Array<{ id: string }>).map((r) => r.id));
      for (const id of idsAfterKill) assert.ok(ids.has(id), `${id}, stored before the kill, is kept`);
      assert.equal((handle.prepare('SELECT count(*) AS n FROM story_articles').get() as { n: number }).n, TOTAL);
    } finally {
      handle.close();
    }
  });
});
