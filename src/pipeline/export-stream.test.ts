import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderMarkdown } from '../export/markdown.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { exportStories, ingestPaths } from './analyze.js';
import { writeExportStream } from './export-stream.js';

const EXAMPLES = new URL('../../../examples/articles/', import.meta.url).pathname;
const generatedAt = new Date('2026-02-03T04:05:06Z');

test('the streamed export is, chunk by chunk, the same text as the export built in memory (JSON and Markdown)', async () => {
  const store = SqliteStore.open(join(mkdtempSync(join(tmpdir(), 'corroborate-stream-')), 's.db'));
  try {
    await ingestPaths(store, [EXAMPLES], { ctx: { now: generatedAt } });
    const whole = await exportStories(store, undefined, generatedAt);
    assert.ok(whole.stories.length >= 2, 'the examples make several stories');
    const stream = async (format: 'json' | 'md', ids?: string[]) => {
      const chunks: string[] = [];
      const counts = await writeExportStream(store, ids, format, async (chunk) => void chunks.push(chunk), { generatedAt });
      return { text: chunks.join(''), chunks: chunks.length, counts };
    };
    const json = await stream('json');
    assert.equal(json.text, `${JSON.stringify(whole, null, 2)}\n`);
    assert.ok(json.chunks > whole.stories.length, 'written in pieces, not as one string');
    assert.deepEqual(json.counts, { stories: whole.stories.length, articles: whole.articles.length });
    assert.equal((await stream('md')).text, renderMarkdown(whole));

    const none = await stream('json', []);
    assert.equal(none.text, `${JSON.stringify({ version: 1, generatedAt: generatedAt.toISOString(), articles: [], stories: [] }, null, 2)}\n`);
  } finally {
    await store.close();
  }
});
