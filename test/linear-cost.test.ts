/**
 * Long inputs (issue 13, item 2): a long document, a one-line document and a long "word" are
 * analysed whole, and text past the cap is cut with a warning while every span still indexes the
 * stored text. That their cost is linear is measured by `npm run bench -- redos` (whole analysis
 * at n and 4n characters), not asserted here: a unit test asserts no timings.
 * The documents are real article text (the seeds) repeated, not synthetic words.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Doc } from '../src/doc/types.js';
import { isCorroborateError } from '../src/doc/errors.js';
import { ingestInputs, openStore } from '../src/pipeline/analyze.js';
import { docsFromInput } from '../src/pipeline/docs-from-input.js';
import { BIN, SEEDS } from './paths.js';
import { assertSpansValid } from './spans.js';

let TMP = '';
before(() => {
  TMP = mkdtempSync(join(tmpdir(), 'corroborate-linear-'));
});
after(() => {
  if (TMP) rmSync(TMP, { recursive: true, force: true });
});

const seedFiles = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => join(SEEDS, f));
/** The seeds' bodies (headline lines dropped), paragraphs kept. */
const BODY = seedFiles.map((f) => readFileSync(f, 'utf8').split('\n').slice(1).join('\n').trim()).join('\n\n');

/** A headline and real article paragraphs repeated to `chars` characters. */
function longArticle(chars: number, shape: 'paragraphs' | 'one-line' = 'paragraphs'): string {
  const unit = shape === 'one-line' ? `${BODY.replace(/\s+/g, ' ')} ` : `${BODY}\n\n`;
  return `Long report on the talks\n\n${unit.repeat(Math.ceil(chars / unit.length))}`.slice(0, chars);
}

const read = (text: string, maxChars = Number.MAX_SAFE_INTEGER): Doc[] => docsFromInput({ input: 'long.txt', bytes: Buffer.from(text), sidecar: null }, { maxChars, ctx: { now: new Date('2026-01-20T00:00:00Z') } });

describe('cost per document', () => {
  test('one article of real text of 1 MB is analysed whole, every span inside its text', () => {
    const [doc] = read(longArticle(1_000_000));
    assert.ok(doc!.text.length > 900_000, `kept ${doc!.text.length} characters`);
    assert.ok(doc!.layers.sentences.length > 1000, 'sentences across the whole text');
    assertSpansValid(doc!);
  });

  test('a document that is one 800 kB line is analysed (it once overflowed the stack)', () => {
    const [doc] = read(longArticle(800_000, 'one-line'));
    assert.ok(doc!.layers.sentences.length > 1000, 'sentences across the whole line');
    assertSpansValid(doc!);
  });

  test('a 100 kB "word" is one token, the words around it tokenised as usual', () => {
    const withRun = (chars: number) => `Long report on the talks\n\nThe ministry published the file ${'Ab0+'.repeat(chars / 4)} on Tuesday, officials said.\n\n${BODY}`;
    const [doc] = read(withRun(100_000));
    const long = doc!.layers.tokens.filter((t) => t.end - t.start > 1000);
    assert.equal(long.length, 1);
    assert.equal(doc!.text.slice(long[0]!.start, long[0]!.end), 'Ab0+'.repeat(25_000));
    const after = doc!.layers.tokens.find((t) => t.start >= long[0]!.end)!;
    assert.equal(doc!.text.slice(after.start, after.end), 'on');
    assertSpansValid(doc!);
  });
});

describe('the cap on analysed text', () => {
  test('text past the cap is cut at a paragraph end with a `truncated` warning; every span stays inside the stored text', () => {
    const [doc] = read(longArticle(120_000), 50_000);
    assert.ok(doc!.text.length <= 50_000 && doc!.text.length > 45_000, `kept ${doc!.text.length}`);
    const warning = doc!.messages.find((m) => m.code === 'truncated');
    assert.ok(warning && warning.level === 'warning', 'a truncated warning');
    assert.ok(BODY.includes(doc!.text.slice(-200)), 'the cut falls at the end of a paragraph of the original');
    assertSpansValid(doc!);
    assert.ok(doc!.layers.sentences.length > 100 && doc!.layers.entities.length > 10, 'the kept text is analysed');
  });

  test('a single line past the cap is cut at a space', () => {
    const [doc] = read(longArticle(120_000, 'one-line'), 50_000);
    assert.ok(doc!.text.length <= 50_000 && doc!.text.length > 49_000);
    assert.ok(!/\s$/.test(doc!.text));
    assertSpansValid(doc!);
  });

  test('the default cap is documented in the CLI help', () => {
    const help = spawnSync(process.execPath, [BIN, 'analyze', '--help'], { encoding: 'utf8' }).stdout;
    assert.match(help, /--max-chars N .*default 1000000/);
  });
});

/** A clock that moves `step` ms on each of its first `calls` readings, then stands still: a document that "takes" a set time, with no timing in the test. */
function steppingClock(step: number, calls = Infinity): () => number {
  let now = 0;
  let n = 0;
  return () => (n++ < calls ? (now += step) - step : now);
}

describe('the time budget per document', () => {
  const article = () => ({ input: 'slow.txt', bytes: Buffer.from(longArticle(5_000)), sidecar: null });
  const ctx = (ms: number, clock: () => number) => ({ now: new Date('2026-01-20T00:00:00Z'), budget: { ms, clock } });

  test('past the budget before the last stage, the document is refused with over-time-budget, naming the stage and the budget', () => {
    // 10 s per stage: past 25 s after the third stage (entities), two stages before the end.
    assert.throws(
      () => docsFromInput(article(), { ctx: ctx(25_000, steppingClock(10_000)) }),
      (e: unknown) => isCorroborateError(e) && e.code === 'over-time-budget' && /slow\.txt: analysis took 30\.0 s by the end of stage analyze\/entities, over the per-document budget of 25\.0 s/.test(e.message),
    );
  });

  test('past the budget only in the last stage, the finished analysis is kept with an over-time-budget warning', () => {
    const [doc] = docsFromInput(article(), { ctx: ctx(45_000, steppingClock(10_000)) });
    const warning = doc!.messages.find((m) => m.code === 'over-time-budget');
    assert.ok(warning && warning.level === 'warning' && /50\.0 s/.test(warning.reason), JSON.stringify(doc!.messages));
    assert.ok(doc!.layers.quotes !== undefined && doc!.layers.event, 'every stage ran');
  });

  test('within the budget, no message; the default budget is documented in the CLI help', () => {
    const [doc] = docsFromInput(article(), { ctx: ctx(45_000, steppingClock(1_000)) });
    assert.ok(!doc!.messages.some((m) => m.code === 'over-time-budget'));
    const help = spawnSync(process.execPath, [BIN, 'analyze', '--help'], { encoding: 'utf8' }).stdout;
    assert.match(help, /--time-budget SECONDS .*default 60/);
  });

  test('an input over the budget fails alone: nothing of it stored, the next input stored', async () => {
    const store = await openStore(join(TMP, 'budget.db'));
    try {
      // The clock moves only while the first input is analysed (its first four readings).
      const other = { input: 'fine.txt', bytes: readFileSync(seedFiles[1]!), sidecar: null };
      const report = await ingestInputs(store, [article(), other], { ctx: ctx(25_000, steppingClock(10_000, 4)) });
      assert.deepEqual(report.files.map((f) => (f.status === 'failed' ? f.error.code : f.status)), ['over-time-budget', 'added']);
      assert.equal((await store.counts()).articles, 1);
    } finally {
      await store.close();
    }
  });

  test('--time-budget takes a positive number of seconds', () => {
    const r = spawnSync(process.execPath, [BIN, 'analyze', seedFiles[0]!, '--time-budget', '0', '--db', join(TMP, 'never.db')], { encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--time-budget: expected a positive number of seconds, got "0"/);
  });
});

describe('end to end', () => {
  test('an 800 kB one-line article beside a normal one: both stored, the export written, exit 0', () => {
    const long = join(TMP, 'long-line.txt');
    writeFileSync(long, longArticle(800_000, 'one-line'));
    const out = join(TMP, 'out.json');
    const r = spawnSync(process.execPath, [BIN, 'analyze', long, seedFiles[0]!, '--db', join(TMP, 'e2e.db'), '-q', '--out', out], { encoding: 'utf8', timeout: 300_000 });
    assert.equal(r.status, 0, r.stderr);
    const exported = JSON.parse(readFileSync(out, 'utf8')) as { articles: Array<{ input: string; text: string }> };
    assert.deepEqual(exported.articles.map((a) => a.input).sort(), [long, seedFiles[0]!].sort());
  });

  test('annotate: a line holding an 800 kB text does not stop the lines after it', () => {
    const input = join(TMP, 'docs.jsonl');
    const lines = [{ id: 'a', text: 'The mayor said on Monday that the bridge would reopen.' }, { id: 'long', text: longArticle(800_000, 'one-line') }, { id: 'b', text: 'Officials confirmed the vote on Friday.' }];
    writeFileSync(input, lines.map((l) => JSON.stringify(l)).join('\n'));
    const out = join(TMP, 'layers.jsonl');
    const r = spawnSync(process.execPath, [BIN, 'annotate', input, '--out', out], { encoding: 'utf8', timeout: 300_000 });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(readFileSync(out, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id), ['a', 'long', 'b']);
  });
});
