import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CorroborateError } from '../doc/errors.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { BACKGROUND_NICE, createAnalyser, inlineAnalyser } from './analyser.js';
import { exportStories, ingestPaths } from './analyze.js';

const EXAMPLES = new URL('../../../examples/articles/', import.meta.url).pathname;
const ctx = { now: new Date('2026-01-01T00:00:00Z') };
const freshStore = (name: string) => SqliteStore.open(join(mkdtempSync(join(tmpdir(), 'corroborate-threads-')), `${name}.db`));

test('worker threads analyse an input exactly as the calling thread does', async () => {
  const analyser = createAnalyser(1);
  try {
    const file = { input: 'a.txt', bytes: new TextEncoder().encode('Ferry halted\n\nThe harbour ferry stopped on Monday after an engine fault, the operator said. “We are sorry,” said Ana Berg.\n'), sidecar: null };
    assert.deepEqual(await analyser.docs(file, { ctx }), await inlineAnalyser.docs(file, { ctx }));
  } finally {
    await analyser.close();
  }
});

/** Nice value of each thread of this process, by thread id (Linux /proc). */
function threadNice(): Map<number, number> {
  const out = new Map<number, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    out.set(Number(tid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]));
  }
  return out;
}

test("a server's background analysis threads yield the cores to its event loop: they run at a higher nice value, the main thread's unchanged", { skip: process.platform !== 'linux' && 'nice values are per thread on Linux only' }, async () => {
  const before = threadNice();
  const analyser = createAnalyser(2, { background: true });
  try {
    const file = { input: 'a.txt', bytes: new TextEncoder().encode('Ferry halted\n\nThe harbour ferry stopped on Monday after an engine fault, the operator said.\n'), sidecar: null };
    await Promise.all([analyser.docs(file, { ctx }), analyser.docs(file, { ctx })]);
    const after = threadNice();
    const started = [...after].filter(([tid]) => !before.has(tid));
    assert.equal(started.filter(([, nice]) => nice === BACKGROUND_NICE).length, 2, `two analysis threads at nice ${BACKGROUND_NICE}: ${JSON.stringify(started)}`);
    assert.equal(after.get(process.pid), before.get(process.pid), 'the main thread keeps its priority');
  } finally {
    await analyser.close();
  }
  const plain = createAnalyser(1);
  try {
    const before2 = threadNice();
    await plain.docs({ input: 'b.txt', bytes: new TextEncoder().encode('Mill closes\n\nThe mill closed on Friday after ninety years, its owners said.\n'), sidecar: null }, { ctx });
    assert.ok([...threadNice()].every(([tid, nice]) => before2.has(tid) || nice !== BACKGROUND_NICE), 'the CLI\'s threads are not lowered');
  } finally {
    await plain.close();
  }
});

test("an input failing in a worker thread rejects with that input's error and code; the pool goes on", async () => {
  const analyser = createAnalyser(1);
  try {
    const binary = { input: 'x.html', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), sidecar: null };
    await assert.rejects(analyser.docs(binary, { ctx }), (e: unknown) => e instanceof CorroborateError && e.code === 'binary-file' && e.subject === 'x.html');
    const good = { input: 'b.txt', bytes: new TextEncoder().encode('Mill closes\n\nThe mill closed on Friday after ninety years, its owners said.\n'), sidecar: null };
    assert.equal((await analyser.docs(good, { ctx })).length, 1);
  } finally {
    await analyser.close();
  }
});

test('ingest with two worker threads stores the same articles in the same order and the same stories as in one thread', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-threads-in-'));
  writeFileSync(join(dir, 'zz-binary.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 0]));
  const paths = [EXAMPLES, dir];
  const inline = freshStore('inline');
  const threaded = freshStore('threaded');
  const analyser = createAnalyser(2);
  try {
    const one = await ingestPaths(inline, paths, { ctx });
    const two = await ingestPaths(threaded, paths, { ctx, analyser });
    assert.deepEqual(two.files.map((f) => [f.input, f.status]), one.files.map((f) => [f.input, f.status]));
    assert.equal(two.failed, 1);
    assert.equal(two.added, readdirSync(EXAMPLES).filter((f) => f.endsWith('.txt')).length);
    assert.deepEqual((await threaded.getArticles()).map((d) => d.id), (await inline.getArticles()).map((d) => d.id));
    // Change logs are stamped with the time of each analysis: compared without it.
    const stories = async (store: SqliteStore) =>
      (await exportStories(store, undefined, ctx.now, { analyze: analyser.story })).stories.map((s) => ({ ...s, id: null, changes: s.changes?.map(({ at: _at, ...change }) => change) }));
    assert.deepEqual(await stories(threaded), await stories(inline));
  } finally {
    await analyser.close();
    await inline.close();
    await threaded.close();
  }
});
