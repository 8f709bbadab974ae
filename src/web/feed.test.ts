import test from 'node:test';
import assert from 'node:assert/strict';
import { atomFeed, changesSince, type FollowableStory } from './feed.js';

const story: FollowableStory = {
  id: 's-0123456789ab',
  title: 'Tram line closed after <bridge> crack & repairs',
  articleIds: ['a-0123456789ab', 'a-111111111111'],
  independentSourceCount: 2,
  brief: [],
  entities: [],
  quotes: [],
  timeline: [],
  claims: [],
  conflicts: [],
  version: 3,
  changes: [
    { version: 1, at: '2026-04-06T08:00:00Z', kind: 'article-added', articleIds: ['a-0123456789ab'] },
    { version: 2, at: '2026-04-06T10:00:00Z', kind: 'article-added', articleIds: ['a-111111111111'] },
    { version: 3, at: '2026-04-06T10:00:00Z', kind: 'fact-corroborated', detail: 'The line will stay closed for two weeks' },
  ],
};

test('changes since a version or a date, newest first', () => {
  assert.deepEqual(changesSince(story, '1').map((c) => c.version), [3, 2]);
  assert.deepEqual(changesSince(story, '2026-04-06T09:00:00Z').map((c) => c.version), [3, 2]);
  assert.deepEqual(changesSince(story, undefined).map((c) => c.version), [3, 2, 1]);
  assert.deepEqual(changesSince({ ...story, changes: undefined }, '1'), []);
});

test('the Atom feed has one escaped entry per change, newest first', async () => {
  const feed = await atomFeed(story, 'http://127.0.0.1:8080', '2026-04-07T00:00:00Z');
  assert.match(feed, /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
  assert.match(feed, /<title>Tram line closed after &lt;bridge&gt; crack &amp; repairs<\/title>/);
  assert.deepEqual([...feed.matchAll(/<title>Version (\d+)/g)].map((m) => m[1]), ['3', '2', '1']);
  assert.match(feed, /<updated>2026-04-06T10:00:00Z<\/updated>\n  <author>/, 'the feed is as new as its newest change');
  assert.match(feed, /<content type="text">The line will stay closed for two weeks<\/content>/);
  assert.deepEqual([...feed.matchAll(/<id>[^<]*#change-(\d+)<\/id>/g)].map((m) => m[1]), ['3', '2', '1'], 'each entry its own id');
  const empty = await atomFeed({ ...story, changes: undefined }, 'http://127.0.0.1:8080', '2026-04-07T00:00:00Z');
  assert.equal((empty.match(/<entry>/g) ?? []).length, 0);
  assert.match(empty, /<updated>2026-04-07T00:00:00Z<\/updated>/);
});
