import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { analyze } from '../src/pipeline/analyze.js';
import type { ExportStory, StoryExport } from '../src/export/types.js';
import { verifyBriefSentence } from '../src/brief/verify.js';
import { EXAMPLES, EXAMPLES_GOLD, REPO, SEEDS } from './paths.js';

async function exportOf(dir: string): Promise<StoryExport> {
  const db = join(mkdtempSync(join(tmpdir(), 'corroborate-claims-')), 'store.db');
  return (await analyze([dir], { db })).export;
}

const mainStory = (data: StoryExport): ExportStory => [...data.stories].sort((a, b) => b.articleIds.length - a.articleIds.length)[0]!;

function assertBriefVerifies(data: StoryExport, story: ExportStory) {
  const texts = new Map(data.articles.map((a) => [a.id, a.text]));
  assert.ok(story.brief.length >= 3 && story.brief.length <= 7, `brief of 3–7 sentences, got ${story.brief.length}`);
  for (const sentence of story.brief) {
    const verdict = verifyBriefSentence(sentence.text, sentence.citations.map((c) => ({ text: c.text, actual: texts.get(c.articleId)!.slice(c.start, c.end) })));
    assert.ok(verdict.ok, `${sentence.text}: ${verdict.ok ? '' : verdict.why}`);
    // A fact told without a lead is told as corroborated: two articles at least state it.
    if (!/^(Only one source reports|Accounts differ|vs)\b/.test(sentence.text)) assert.ok(new Set(sentence.citations.map((c) => c.articleId)).size >= 2, `${sentence.text}: cites one article`);
  }
  assert.ok(story.brief.filter((s) => s.text.startsWith('Only one source reports:')).length <= 1, 'at most one single-source detail');
}

test('seeds: facts several outlets carry are corroborated, the call length is disputed with both sides, the brief verifies', async () => {
  const data = await exportOf(SEEDS);
  const story = mainStory(data);
  const corroborated = story.claims.filter((c) => c.status === 'corroborated');
  assert.ok(corroborated.length >= 5, `corroborated claims: ${corroborated.length}`);
  for (const claim of corroborated) {
    assert.ok(claim.independentSources >= 2);
    assert.ok(new Set(claim.evidence.map((e) => e.articleId)).size >= 2, 'evidence from two articles at least');
  }
  assert.ok(story.claims.some((c) => c.status === 'single-source' && /exceeded 100 people/.test(c.text) && /Cabello/.test(c.attributedTo ?? '')), 'the death toll rests on Cabello alone');
  const call = story.conflicts.find((c) => c.positions.some((p) => /just under an hour/.test(p.value)));
  assert.ok(call, `a conflict on the call's length; conflicts: ${JSON.stringify(story.conflicts.map((c) => c.positions.map((p) => p.value)))}`);
  assert.ok(call.positions.some((p) => /more than hour-long/.test(p.value)));
  for (const position of call.positions) assert.ok(position.evidence.every((e) => e.text.includes(position.value)));
  assert.ok(story.claims.some((c) => c.status === 'disputed' && c.evidence.some((e) => e.text.includes('just under an hour'))));
  assertBriefVerifies(data, story);
});

test('examples: the gold conflicts are found with their sides, and the syndicated copy adds no source', async () => {
  const data = await exportOf(EXAMPLES);
  const gold = JSON.parse(readFileSync(EXAMPLES_GOLD, 'utf8')) as { conflicts: Array<{ positions: Array<{ value: string }> }> };
  const story = mainStory(data);
  const file = new Map(data.articles.map((a) => [a.id, basename(a.input)]));
  for (const conflict of gold.conflicts) {
    const found = story.conflicts.find((c) => conflict.positions.every((g) => c.positions.some((p) => p.value.toLowerCase().includes(g.value.toLowerCase()))));
    assert.ok(found, `conflict ${conflict.positions.map((p) => p.value).join(' vs ')}; found ${JSON.stringify(story.conflicts.map((c) => c.positions.map((p) => p.value)))}`);
  }
  // A fact only the wire and its syndicated copy carry rests on one source.
  const wireOnly = story.claims.filter((c) => c.evidence.every((e) => /^0[16]-/.test(file.get(e.articleId)!)));
  assert.ok(wireOnly.length > 0);
  for (const claim of wireOnly) assert.equal(claim.independentSources, 1, claim.text);
  assertBriefVerifies(data, story);
  // A story of one article has nothing corroborated and says so in its brief.
  const single = data.stories.find((s) => s.articleIds.length === 1)!;
  assert.ok(single.claims.length > 0 && single.claims.every((c) => c.status === 'single-source'));
  assert.equal(single.brief.length, 1, 'its leading fact only');
  assert.ok(single.brief[0]!.text.startsWith('Only one source reports:'));
});

/** A folder holding the named ECB+ articles (`../shared/data/ecbplus`, CC BY 3.0), one file each. */
function ecbplusFolder(ids: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-ecbplus-'));
  for (const line of readFileSync(join(REPO, '..', 'shared', 'data', 'ecbplus', 'documents.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const doc = JSON.parse(line) as { id: string; text: string };
    if (ids.includes(doc.id)) writeFileSync(join(dir, `${doc.id}.txt`), doc.text);
  }
  return dir;
}

test('ECB+ 10_ecbplus: each side of a dispute is cited by the words giving its figure, not by the whole clause', async () => {
  // "Lynch reported the Red Sox team of owner John Henry, COO Larry Lucchino and General Manager
  // Theo Epstein offered Teixeira, 28, an eight-year deal worth $184 million or $23 million per
  // season" states the owners, the age and the yearly sum too: none of them is a side of the dispute.
  const data = await exportOf(ecbplusFolder(['10_2ecbplus', '10_4ecbplus', '10_6ecbplus']));
  const conflict = data.stories.flatMap((s) => s.conflicts).find((c) => c.positions.some((p) => p.value === '$184 million'));
  assert.ok(conflict, JSON.stringify(data.stories.map((s) => s.conflicts)));
  assert.deepEqual(conflict.positions.map((p) => p.evidence.map((e) => e.text).sort()), [
    ['the negotiations say it is less than the $184 million reported by Boston WCVB'],
    ['an eight - year deal worth $184 million', 'it was eight years and $184 million'],
  ]);
});

test('ECB+ 21_ecb and 5_ecbplus: a figure outlets print inside sentences about more is corroborated, cited by its words', async () => {
  // "…was walking into the store … with her husband when she was struck just after 7 p.m., said Sgt.
  // Marty Earley", "Police said she was in a marked crosswalk about 7 p.m. when a vehicle knocked her
  // to the pavement", "…was hit while walking in the crosswalk around 7 p.m. Wednesday night": the
  // sentences state different things besides the time, so they never align as wholes (the third
  // aligns with the first as a whole).
  const struck = await exportOf(ecbplusFolder(['21_1ecb', '21_11ecb', '21_6ecb']));
  const time = struck.stories.flatMap((s) => s.claims).find((c) => c.status === 'corroborated' && c.evidence.every((e) => /7 p\.m\./.test(e.text) && e.text.length < 70));
  assert.ok(time, JSON.stringify(struck.stories.flatMap((s) => s.claims.filter((c) => c.status !== 'single-source').map((c) => c.evidence.map((e) => e.text)))));
  assert.deepEqual(time.evidence.map((e) => e.text).sort(), ['husband when she was struck just after 7 p.m.', 'was in a marked crosswalk about 7 p.m. when a vehicle knocked']);
  // Cheeks "played for the Sixers for 11 seasons" / "played for 11 seasons with the team"; "76ers" counts nothing.
  const seasons = await exportOf(ecbplusFolder(['5_1ecbplus', '5_10ecbplus', '5_2ecbplus', '5_4ecbplus']));
  const claims = seasons.stories.flatMap((s) => s.claims).filter((c) => c.status !== 'single-source');
  assert.ok(claims.some((c) => c.evidence.length === 2 && c.evidence.every((e) => /played for .*11 seasons/.test(e.text))), JSON.stringify(claims.map((c) => c.evidence.map((e) => e.text))));
  assert.ok(!claims.some((c) => c.evidence.some((e) => /head coach of the 76ers/.test(e.text) && e.text.length < 40)));
});

test('ECB+ 2_ecbplus: the day outlets give for one happening is corroborated, each cited by the day with its verb', async () => {
  // "…the Academy announced Friday", "DeGeneres herself announced the news Friday morning on Twitter",
  // "…the producers of the Academy Awards telecast announced Friday that Ellen DeGeneres would return":
  // one announcement's day, inside sentences that go on to say more.
  const data = await exportOf(ecbplusFolder(['2_3ecbplus', '2_4ecbplus', '2_6ecbplus']));
  const claims = data.stories.flatMap((s) => s.claims).filter((c) => c.status === 'corroborated');
  const day = claims.find((c) => c.evidence.length >= 2 && c.evidence.every((e) => /announced.*Friday|Friday.*announced/.test(e.text) && e.text.length < 70));
  assert.ok(day, JSON.stringify(claims.map((c) => c.evidence.map((e) => e.text))));
  assert.ok(day.evidence.some((e) => e.text === 'announced Friday'), JSON.stringify(day.evidence.map((e) => e.text)));
});
