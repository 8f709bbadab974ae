import test from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, EXAMPLES } from './paths.js';

test('corroborate serve answers on the port it prints and stops cleanly on SIGTERM', async () => {
  const db = join(mkdtempSync(join(tmpdir(), 'corroborate-serve-')), 'serve.db');
  assert.equal(spawnSync(process.execPath, [BIN, 'ingest', EXAMPLES, '--db', db, '--quiet']).status, 0);
  const child = spawn(process.execPath, [BIN, 'serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stderr.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const m = /serving (http:\/\/\S+?) /.exec(seen);
      if (m) resolve(m[1]!);
    });
    child.once('exit', () => reject(new Error(`serve exited early: ${seen}`)));
  });
  const list = (await (await fetch(`${url}/api/stories`)).json()) as { total: number };
  assert.equal(list.total, 2);
  const page = await (await fetch(`${url}/`)).text();
  assert.match(page, /Gondola stalls over Velmora gorge/);
  child.kill('SIGTERM');
  assert.equal(await exited, 0);
});

test('corroborate serve refuses a public address without CORROBORATE_TOKEN', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'corroborate-serve-')), 'serve.db');
  const run = spawnSync(process.execPath, [BIN, 'serve', '--db', db, '--host', '0.0.0.0', '--port', '0'], { env: { ...process.env, CORROBORATE_TOKEN: '' }, encoding: 'utf8', timeout: 10_000 });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /refusing to serve on 0\.0\.0\.0 without a token/);
});
