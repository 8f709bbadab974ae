/**
 * Story grouping and copies through the real ingest path and store: same actors in two events,
 * a follow-up weeks later, a syndicated copy, stable story ids across runs, bounded index reads.
 * The articles are our own invented reports (Dramoria, Kestra), dated by sidecars.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, ingestPaths } from '../src/pipeline/analyze.js';
import { processDoc } from '../src/pipeline/docs-from-input.js';
import { docFromText } from '../src/ingest/plain-text.js';
import { growEvent, peopleClash, storiesPeopleClash } from '../src/cluster/stories.js';
import { REPO } from './paths.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';

const ARTICLES: Record<string, { source: string; publishedAt: string; text: string }> = {
  'accord-1': {
    source: 'Saren Post',
    publishedAt: '2026-03-02T10:00:00Z',
    text: `Voss and Torvik sign herring accord in Port Saren

Dramorian President Arlen Voss and Kestran Prime Minister Hale Torvik signed a fishing accord in Port Saren on Monday that sets herring quotas for boats from both countries in the Saren strait.

The accord creates a joint coast patrol to check catches and a fund to compensate fishermen whose quotas are cut, Voss told reporters on the quay.

Torvik said the herring stocks in the strait had fallen by a third in ten years and that the quotas would be reviewed every spring.

Fishermen's unions in Port Saren said the compensation fund was too small and called the patrol an insult to crews who had fished the strait for generations.`,
  },
  'accord-2': {
    source: 'Kestra Daily',
    publishedAt: '2026-03-03T08:00:00Z',
    text: `Strait fishing deal caps herring catch

The leaders of Dramoria and Kestra have agreed to cap the herring catch in the Saren strait, with quotas for each fleet and a shared patrol at sea.

Prime Minister Hale Torvik, speaking after the signing in Port Saren, said falling herring stocks left no choice.

President Arlen Voss said fishermen who lose part of their quota will be paid from a compensation fund, although unions in the port said the fund would not cover their losses.`,
  },
  'accord-followup': {
    source: 'Saren Post',
    publishedAt: '2026-03-24T10:00:00Z',
    text: `Herring quotas take effect as fishermen protest in Port Saren

The herring quotas agreed by Dramoria and Kestra came into force on Tuesday, three weeks after the fishing accord was signed, and boats in Port Saren stayed in harbour in protest.

Crews said the first patrol boats had stopped and searched two trawlers in the Saren strait and counted their catch on deck.

President Arlen Voss defended the accord, saying the compensation fund would pay its first claims to fishermen next month and the quotas would protect the herring stocks.`,
  },
  'tunnel': {
    source: 'Kestra Daily',
    publishedAt: '2026-04-07T09:00:00Z',
    text: `Voss and Torvik open rail tunnel under the Vel mountains

President Arlen Voss and Prime Minister Hale Torvik opened a rail tunnel under the Vel mountains on Tuesday, riding the first freight train from the Dramorian side to the Kestran valley.

The tunnel is 27 kilometres long and took nine years to dig; its construction cost rose twice and engineers had to drain an underground lake.

Torvik said freight trains would cut the journey between the two capitals from eleven hours to four, and Voss promised passenger services by next winter.`,
  },
  'accord-1-reprint': {
    source: 'Coastal Mirror',
    publishedAt: '2026-03-02T16:00:00Z',
    text: `Leaders agree herring quotas

Dramorian President Arlen Voss and Kestran Prime Minister Hale Torvik signed a fishing accord in Port Saren on Monday that sets herring quotas for boats from both countries in the Saren strait.

The accord creates a joint coast patrol to check catches and a fund to compensate fishermen whose quotas are cut, Voss told reporters.

Torvik said the herring stocks in the strait had fallen by a third in ten years and that the quotas would be reviewed every spring.`,
  },
};

function corpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-stories-'));
  for (const [name, a] of Object.entries(ARTICLES)) {
    writeFileSync(join(dir, `${name}.txt`), a.text);
    writeFileSync(join(dir, `${name}.json`), JSON.stringify({ source: a.source, publishedAt: a.publishedAt }));
  }
  return dir;
}

const tempDb = () => join(mkdtempSync(join(tmpdir(), 'corroborate-stories-db-')), 'store.db');

test('reports of one event, its follow-up three weeks later and a reprint form one story; the same leaders a month later are another', async () => {
  const { report, export: data } = await analyze([corpus()], { db: tempDb() });
  const storyOf = new Map(report.files.map((f) => [f.input.replace(/^.*\/|\.txt$/g, ''), f.status === 'added' ? f.storyId : null]));
  const accord = storyOf.get('accord-1');
  for (const name of ['accord-2', 'accord-followup', 'accord-1-reprint']) assert.equal(storyOf.get(name), accord, name);
  assert.notEqual(storyOf.get('tunnel'), accord);

  const idOf = new Map(data.articles.map((a) => [a.input.replace(/^.*\/|\.txt$/g, ''), a.id]));
  const reprint = data.articles.find((a) => a.id === idOf.get('accord-1-reprint'))!;
  assert.equal(reprint.duplicateOf, idOf.get('accord-1'));
  assert.ok(reprint.duplicateSimilarity! >= 0.6);
  for (const name of ['accord-2', 'accord-followup', 'tunnel']) assert.equal(data.articles.find((a) => a.id === idOf.get(name))!.duplicateOf, null, name);
  // Saren Post twice, Kestra Daily, and the reprint does not count.
  assert.equal(data.stories.find((s) => s.id === accord)!.independentSourceCount, 2);
});

test('story ids are the same on every run: a fresh store gives the same ids, and a re-run changes nothing', async () => {
  const dir = corpus();
  const db = tempDb();
  const first = await analyze([dir], { db });
  const fresh = await analyze([dir], { db: tempDb() });
  assert.deepEqual(fresh.report.storyIds, first.report.storyIds);
  const again = await analyze([dir], { db });
  assert.equal(again.report.added, 0);
  assert.deepEqual(again.report.storyIds, first.report.storyIds);
  assert.deepEqual(again.export.stories.map((s) => s.articleIds), first.export.stories.map((s) => s.articleIds));
});

test('the candidate search reads at most the asked number of stories per key', async () => {
  const store = SqliteStore.open(tempDb());
  await ingestPaths(store, [corpus()]);
  const all = await store.storyCandidates(['voss', 'torvik', 'herring'], 10);
  assert.equal(all.size, 2);
  assert.equal(Math.max(...all.values()), 3, 'the accord story matches all three keys');
  assert.equal((await store.storyCandidates(['voss'], 1)).size, 1);
  assert.equal((await store.storyCandidates(['no-such-key'], 10)).size, 0);
  await store.close();
});

test('a lead about someone else than the story names keeps look-alike events apart (ECB+ topic 35: two Chargers players arrested for drunk driving)', () => {
  const ecb = new Map(
    readFileSync(join(REPO, '..', 'shared', 'data', 'ecbplus', 'documents.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; text: string })
      .map((d) => [d.id, d.text]),
  );
  const event = (id: string) => processDoc(docFromText(ecb.get(id)!, `ecb:${id}`, null), { now: new Date(0) }).layers.event!;
  const jackson = ['35_1ecb', '35_3ecb', '35_5ecb'].map(event);
  const story = { size: jackson.length, event: jackson.reduce((grown, e) => growEvent([grown], e), growEvent([], null)) };
  // Vincent Jackson's arrest, then Jamal Williams' a month later: the same words, another protagonist.
  assert.equal(peopleClash(event('35_1ecbplus'), story), true);
  assert.equal(peopleClash(event('35_7ecb'), story), false);
  // A report naming the story's man beside another (the officer who arrested him) is about him.
  assert.equal(peopleClash(event('35_4ecb'), story), false);
  // Nor do two stories about the two men merge through an article that clears both.
  const williams = ['35_1ecbplus', '35_4ecbplus', '35_5ecbplus'].map(event);
  const other = { size: williams.length, event: williams.reduce((grown, e) => growEvent([grown], e), growEvent([], null)) };
  assert.equal(storiesPeopleClash(story, other), true);
  assert.equal(storiesPeopleClash(story, { size: 2, event: growEvent([growEvent([], event('35_7ecb'))], event('35_8ecb')) }), false);
});
