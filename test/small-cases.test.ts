/**
 * The smaller cases of issue 13: invisible characters in titles, UTF-16 without a BOM, a zero
 * size cap, file names with control characters, symbolic links and FIFOs in a directory walk.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sink } from './sink.js';
import { EXIT, main } from '../src/cli/main.js';
import { ingestPaths, openStore } from '../src/pipeline/analyze.js';
import { docsFromInput } from '../src/pipeline/docs-from-input.js';
import { SEEDS } from './paths.js';

let TMP = '';
before(() => {
  TMP = mkdtempSync(join(tmpdir(), 'corroborate-small-'));
});
after(() => {
  if (TMP) rmSync(TMP, { recursive: true, force: true });
});

const SEED = join(SEEDS, '001_d3b05db66c009ede.txt');
const seedText = readFileSync(SEED, 'utf8');

const io = () => ({ stdout: sink(), stderr: sink(), readStdin: async () => new Uint8Array() });

describe('titles', () => {
  test('bidirectional overrides and zero-width spaces are removed from a title, with a warning', () => {
    const [headline, ...rest] = seedText.split('\n');
    const spoofed = `${headline!.slice(0, 10)}\u202E\u200B${headline!.slice(10)}\u2066`;
    const [doc] = docsFromInput({ input: 'spoofed.txt', bytes: Buffer.from([spoofed, ...rest].join('\n')), sidecar: null });
    assert.equal(doc!.title, headline);
    assert.ok(doc!.messages.some((m) => m.code === 'title-invisible-removed' && m.level === 'warning'));
  });
});

describe('encodings', () => {
  test('UTF-16 without a byte-order mark is read (it was refused as NUL bytes), little and big endian', () => {
    for (const bytes of [Buffer.from(seedText, 'utf16le'), Buffer.from(seedText, 'utf16le').swap16()]) {
      const [doc] = docsFromInput({ input: 'utf16.txt', bytes, sidecar: null });
      assert.ok(doc!.text.includes('Colombian President Gustavo Petro'));
      assert.ok(doc!.messages.some((m) => m.code === 'encoding-guessed'));
    }
  });
});

describe('command line', () => {
  test('--max-bytes 0 is a usage error, not the 20 MB default', async () => {
    const run = io();
    assert.equal(await main(['ingest', SEED, '--max-bytes', '0', '--db', join(TMP, 'zero.db')], run), EXIT.fatal);
    assert.match(run.stderr.text(), /--max-bytes: "0" is no size at all/);
  });

  test('a file name with control characters is printed escaped, never raw', async () => {
    const dir = join(TMP, 'names');
    mkdirSync(dir);
    const name = join(dir, 'evil\u001b[2J\nname.txt');
    writeFileSync(name, '');
    const run = io();
    assert.equal(await main(['ingest', name, '--db', join(TMP, 'names.db')], run), EXIT.someFailed);
    const shown = run.stderr.text();
    assert.ok(!shown.includes('\u001b'), 'no raw escape character');
    assert.match(shown, /evil\\u001b\[2J\\u000aname\.txt: error: .*\[empty-file\]/);
  });
});

describe('directory walk', () => {
  test('symbolic links are followed (a loop once), a broken one and a FIFO are reported with their codes', async () => {
    const root = join(TMP, 'links');
    const real = join(TMP, 'elsewhere');
    mkdirSync(root);
    mkdirSync(real);
    copyFileSync(SEED, join(real, 'linked.txt'));
    symlinkSync(join(real, 'linked.txt'), join(root, 'a-link.txt'));
    symlinkSync(real, join(root, 'b-dir-link'));
    symlinkSync(root, join(root, 'c-loop'));
    symlinkSync(join(TMP, 'missing.txt'), join(root, 'd-broken.txt'));
    execFileSync('mkfifo', [join(root, 'e-pipe.txt')]);
    copyFileSync(join(SEEDS, '002_f43826bd93943f76.txt'), join(root, 'f-plain.txt'));
    const store = await openStore(join(TMP, 'links.db'));
    try {
      const report = await ingestPaths(store, [root]);
      const outcome = (suffix: string) => report.files.filter((f) => f.input.endsWith(suffix)).map((f) => (f.status === 'failed' ? f.error.code : f.status));
      assert.deepEqual(outcome('a-link.txt'), ['added']);
      // The same file through the directory link: same content, stored once.
      assert.deepEqual(outcome(join('b-dir-link', 'linked.txt')), ['unchanged']);
      assert.deepEqual(outcome('d-broken.txt'), ['not-found']);
      assert.deepEqual(outcome('e-pipe.txt'), ['not-regular-file']);
      assert.deepEqual(outcome('f-plain.txt'), ['added']);
      assert.equal(report.files.filter((f) => f.input.includes('c-loop')).length, 0, 'the loop back to the root is walked no further');
    } finally {
      await store.close();
    }
  });
});
