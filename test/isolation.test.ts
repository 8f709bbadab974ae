/**
 * Nothing one input can do stops the others (issue 13, item 1): an unexpected exception while
 * one input is stored, a sub-folder that cannot be listed, and a failure of the tool itself each
 * end where they belong, with their own code and exit code.
 */
import { after, before, describe, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { sink } from './sink.js';
import { EXIT, main } from '../src/cli/main.js';
import type { Doc } from '../src/doc/types.js';
import { ingestInputs, ingestPaths, openStore } from '../src/pipeline/analyze.js';
import type { Store } from '../src/store/store.js';
import { SEEDS } from './paths.js';

let TMP = '';
before(() => {
  TMP = mkdtempSync(join(tmpdir(), 'corroborate-isolation-'));
});
after(() => {
  if (TMP) rmSync(TMP, { recursive: true, force: true });
});

const seedFiles = () => readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => join(SEEDS, f));


describe('one input, one unit', () => {
  test('an unexpected exception while storing one article fails that input as `internal`; the others are stored', async () => {
    const store = await openStore(join(TMP, 'throwing.db'));
    const [first, second, third] = seedFiles();
    // A store whose write throws a plain TypeError (a bug, not a user error) for one article.
    const broken: Store = Object.create(store, {
      placeAndAdd: {
        value: (doc: Doc, place: Parameters<Store['placeAndAdd']>[1]) => {
          if (doc.meta.input === second) throw new TypeError('cannot read properties of undefined');
          return store.placeAndAdd(doc, place);
        },
      },
    });
    try {
      const report = await ingestPaths(broken, [first!, second!, third!]);
      assert.equal(report.added, 2);
      assert.equal(report.failed, 1);
      const failed = report.files.find((f) => f.status === 'failed');
      assert.ok(failed && failed.status === 'failed');
      assert.equal(failed.input, second);
      assert.equal(failed.error.code, 'internal');
      assert.match(failed.error.message, /cannot read properties of undefined/);
      assert.ok(failed.error.cause instanceof TypeError, 'the original error is kept for --debug');
      assert.equal((await store.counts()).articles, 2);
    } finally {
      await store.close();
    }
  });

  test('an unexpected exception while analysing one input fails that input as `internal`; the others are stored', async () => {
    const store = await openStore(join(TMP, 'analysis-throws.db'));
    const inputs = seedFiles().slice(0, 3).map((f) => ({ input: f, bytes: readFileSync(f), sidecar: null }));
    // The analysis's clock (read by the time budget) breaks on its first reading: a bug inside the first input's analysis.
    let readings = 0;
    const clock = () => {
      if (readings++ === 0) throw new TypeError('clock is not a function');
      return 0;
    };
    try {
      const report = await ingestInputs(store, inputs, { ctx: { now: new Date('2026-01-20T00:00:00Z'), budget: { ms: 60_000, clock } } });
      assert.deepEqual(report.files.map((f) => (f.status === 'failed' ? [f.error.code, /clock is not a function/.test(f.error.message)] : f.status)), [['internal', true], 'added', 'added']);
      assert.equal((await store.counts()).articles, 2);
    } finally {
      await store.close();
    }
  });

  test('a sub-folder that cannot be listed (EACCES) fails alone; the rest of the walk is stored', async () => {
    const root = join(TMP, 'walk');
    for (const [i, file] of seedFiles().slice(0, 3).entries()) {
      const dir = join(root, ['a-readable', 'b-locked', 'c-readable'][i]!);
      mkdirSync(dir, { recursive: true });
      copyFileSync(file, join(dir, `article-${i}.txt`));
    }
    // chmod 000 does not stop root, so the refusal is the kernel's error as readdir would raise it.
    const readdir = fs.readdir;
    mock.method(fs, 'readdir', async (path: string, options: unknown) => {
      if (String(path).endsWith('b-locked')) throw Object.assign(new Error(`EACCES: permission denied, scandir '${path}'`), { code: 'EACCES', syscall: 'scandir' });
      return readdir(path, options as never);
    });
    syncBuiltinESMExports();
    const store = await openStore(join(TMP, 'walk.db'));
    try {
      const report = await ingestPaths(store, [root]);
      assert.equal(report.added, 2);
      assert.deepEqual(
        report.files.filter((f) => f.status === 'failed').map((f) => f.status === 'failed' && [f.input, f.error.code]),
        [[join(root, 'b-locked'), 'unreadable']],
      );
    } finally {
      mock.restoreAll();
      syncBuiltinESMExports();
      await store.close();
    }
  });
});

describe('annotate output', () => {
  test('annotate --out replaces the file whole (written beside it, then renamed), leaving no temporary file', async () => {
    const dir = join(TMP, 'annotate');
    mkdirSync(dir, { recursive: true });
    const input = join(dir, 'docs.jsonl');
    writeFileSync(input, ['The mayor said on Monday that the bridge would reopen.', 'Officials confirmed the vote on Friday.'].map((text, i) => JSON.stringify({ id: String(i), text })).join('\n'));
    const out = join(dir, 'layers.jsonl');
    writeFileSync(out, 'the previous output\n');
    const before = statSync(out).ino;
    const code = await main(['annotate', input, '--out', out], { stdout: sink(), stderr: sink(), readStdin: async () => new Uint8Array() });
    assert.equal(code, EXIT.ok);
    assert.deepEqual(readFileSync(out, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id), ['0', '1']);
    // A new file renamed over the old one: written in place, the old inode would remain and a reader could see half a file.
    assert.notEqual(statSync(out).ino, before);
    assert.deepEqual(readdirSync(dir).sort(), ['docs.jsonl', 'layers.jsonl']);
  });
});

describe('exit codes', () => {
  test('the tool itself failing exits 3 (not 1, which means some inputs failed), the stack only with --debug', async () => {
    const db = join(TMP, 'exit.db');
    assert.equal(await main(['ingest', seedFiles()[0]!, '--db', db, '-q'], { stdout: sink(), stderr: sink(), readStdin: async () => new Uint8Array() }), EXIT.ok);
    // Standard output that breaks while the export is written: no input is at fault.
    const broken = () =>
      new Writable({
        write() {
          throw new TypeError('stdout went away');
        },
      });
    for (const debug of [false, true]) {
      const stderr = sink();
      const code = await main(['export', '--db', db, ...(debug ? ['--debug'] : [])], { stdout: broken(), stderr, readStdin: async () => new Uint8Array() });
      assert.equal(code, EXIT.internal);
      assert.equal(EXIT.internal, 3);
      assert.match(stderr.text(), /internal error: stdout went away/);
      assert.equal(/\n\s+at /.test(stderr.text()), debug, `stack shown only with --debug (debug=${debug})`);
    }
  });

  test('an output that cannot be written is a usage error (2), not a crash', async () => {
    const stderr = sink();
    const code = await main(['export', '--db', join(TMP, 'exit.db'), '--out', join(TMP, 'no-such-dir', 'x.json')], { stdout: sink(), stderr, readStdin: async () => new Uint8Array() });
    assert.equal(code, EXIT.fatal);
    assert.match(stderr.text(), /cannot write/);
  });
});
