/**
 * Nothing one input can do stops the others (issue 13, item 1): an unexpected exception while
 * one input is stored, a sub-folder that cannot be listed, and a failure of the tool itself each
 * end where they belong, with their own code and exit code.
 */
import { after, before, describe, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { sink } from './sink.js';
import { EXIT, main } from '../src/cli/main.js';
import type { Doc } from '../src/doc/types.js';
import { ingestPaths, openStore } from '../src/pipeline/analyze.js';
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
