import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/api/app.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { StoryExport } from '../src/export/types.js';
import { SEEDS } from './paths.js';

test('the story page and an article page mark a publication range inferred from the story', async () => {
  const app = createApp({ store: SqliteStore.open(join(mkdtempSync(join(tmpdir(), 'corroborate-web-dates-')), 'web.db')) });
  let storyId = '';
  for (const file of readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort()) {
    const res = await app.request('/api/articles', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: readFileSync(join(SEEDS, file), 'utf8') }) });
    assert.equal(res.status, 201, file);
    storyId = ((await res.json()) as { results: Array<{ storyId: string }> }).results[0]!.storyId;
  }
  const exported = (await (await app.request(`/api/stories/${storyId}`)).json()) as StoryExport;
  const ranged = exported.articles.filter((a) => a.publishedAtRange);
  assert.ok(ranged.length > 0, 'the seeds have undated articles the story dates');
  const storyPage = await (await app.request(`/stories/${storyId}`)).text();
  for (const a of ranged) {
    const label = `(inferred from the story: ${a.publishedAtRange!.start} – ${a.publishedAtRange!.end})`;
    assert.ok(storyPage.includes(label), `the source list shows ${label}`);
    assert.ok((await (await app.request(`/articles/${a.id}`)).text()).includes(label), `the article page shows ${label}`);
  }
  const inferred = exported.articles.find((a) => a.publishedAtBasis === 'inferred');
  assert.ok(inferred && storyPage.includes(`<time datetime="${inferred.publishedAt}">${inferred.publishedAt!.slice(0, 10)}</time> <small class="basis">(inferred)</small>`));
});
