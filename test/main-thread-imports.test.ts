import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

/**
 * The modules a compiled module loads when it is loaded: its static imports (`import … from`,
 * `export … from`), followed through the project's own files; packages by name. Dynamic
 * `import()` is not followed: that is how a module defers what only some of its callers need.
 */
function staticImports(entry: string): Set<string> {
  const seen = new Set<string>([entry]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/^\s*(?:import|export)\s(?!type\s)[^;'"]*?from\s+['"]([^'"]+)['"]/gm)) {
      const spec = m[1]!;
      const found = spec.startsWith('.') ? resolve(dirname(file), spec) : `package:${spec}`;
      if (seen.has(found)) continue;
      seen.add(found);
      if (!found.startsWith('package:')) queue.push(found);
    }
  }
  return seen;
}

const here = dirname(fileURLToPath(import.meta.url));
const src = resolve(here, '..', 'src');

test('the CLI main thread loads no analysis module: ingest analyses in worker threads, which load them', () => {
  const loaded = staticImports(resolve(src, 'cli', 'main.js'));
  assert.ok(loaded.has(resolve(src, 'pipeline', 'analyze.js')), 'the walk follows the CLI into the ingest pipeline');
  assert.ok(loaded.has('package:better-sqlite3'));
  for (const heavy of [resolve(src, 'pipeline', 'docs-from-input.js'), resolve(src, 'story', 'analyze-story.js'), resolve(src, 'analyze', 'annotate.js'), 'package:chrono-node', 'package:chrono-node/en', 'package:tinyld', 'package:linkedom', 'package:wink-nlp', 'package:wink-eng-lite-web-model', 'package:pg'])
    assert.ok(!loaded.has(heavy), `${heavy} is loaded with the CLI`);
});

test('the analysis thread loads chrono’s English parsers only and tinyld only when asked', () => {
  const loaded = staticImports(resolve(src, 'pipeline', 'analysis-worker.js'));
  assert.ok(loaded.has(resolve(src, 'pipeline', 'docs-from-input.js')));
  assert.ok(loaded.has('package:chrono-node/en'));
  assert.ok(!loaded.has('package:chrono-node'), 'the main entry builds all 16 languages');
  assert.ok(!loaded.has('package:tinyld'));
});
