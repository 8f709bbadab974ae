import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanPlainText } from './clean.js';
import { REPO, SEEDS } from '../../test/paths.js';
import { detokenise } from '../../bench/meta.bench.js';

const ECBPLUS = join(REPO, '..', 'shared', 'data', 'ecbplus', 'documents.jsonl');
const GOLD = join(REPO, 'bench', 'gold', 'meta-headlines-ecbplus.tsv');

test('a headline that ends with a full stop is still the headline, and stays out of the body', () => {
  // The headline of a real crawled article (issue 17), above its real lede.
  const raw = 'Democratic Party alleges Trump-Russia conspiracy in new lawsuit.\n\nThe Democratic National Committee on Friday sued the Russian government, the Trump campaign and WikiLeaks.\n';
  const cleaned = cleanPlainText(raw);
  assert.equal(cleaned.title, 'Democratic Party alleges Trump-Russia conspiracy in new lawsuit.');
  assert.ok(!cleaned.text.includes('alleges Trump-Russia'));
});

test('seeds: the headline lines are headlines, the article that opens with its lede keeps it in the body', () => {
  const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
  const titles = seeds.map((f) => cleanPlainText(readFileSync(join(SEEDS, f), 'utf8')));
  assert.equal(titles[0]!.title, 'Trump announces February White House talks with Colombian President');
  assert.equal(titles[3]!.title, 'Colombian President Petro to meet Trump at White House in February');
  // 002 and 004 start with their lede (a long sentence; 002's broken over two lines).
  for (const i of [2, 4]) {
    assert.equal(titles[i]!.title, null, seeds[i]);
    const firstLine = readFileSync(join(SEEDS, seeds[i]!), 'utf8').split('\n')[0]!;
    assert.ok(titles[i]!.text.startsWith(firstLine.slice(0, 60)), `${seeds[i]} keeps its lede`);
  }
});

test('ECB+ dev topics (held out): headline vs lede agrees with the hand-labelled first lines', () => {
  const gold = new Map(readFileSync(GOLD, 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t') as [string, string]));
  let right = 0, total = 0;
  for (const line of readFileSync(ECBPLUS, 'utf8').trim().split('\n')) {
    const d = JSON.parse(line) as { id: string; split: string; text: string };
    const label = gold.get(d.id);
    if (d.split !== 'dev' || label === undefined || label === '?') continue;
    const lines = d.text.split('\n').map(detokenise).filter((l) => l !== '');
    const cleaned = cleanPlainText(`${lines[0]}\n\n${lines.slice(1).join('\n')}\n`);
    // The label is the headline's line (1-based), 0 for none.
    const at = Number(label);
    total++;
    if (cleaned.title === (at > 0 ? lines[at - 1]!.trim() : null)) right++;
  }
  assert.ok(total > 150, `dev documents labelled: ${total}`);
  assert.ok(right / total >= 0.95, `agreement ${right}/${total}`);
});

test('ECB+ pages that print their date above the headline: the headline is the line below, the date stays in the text', () => {
  const texts = new Map<string, string>();
  for (const line of readFileSync(ECBPLUS, 'utf8').trim().split('\n')) {
    const d = JSON.parse(line) as { id: string; text: string };
    if (d.id === '19_2ecbplus' || d.id === '20_3ecbplus') texts.set(d.id, d.text.split('\n').map(detokenise).join('\n'));
  }
  const riots = cleanPlainText(texts.get('19_2ecbplus')!);
  assert.equal(riots.title, 'Riots Erupt Following Death of Brooklyn Teen Killed By Police');
  assert.ok(riots.text.startsWith('Sunday, March 17, 2013 | 5:00 PM'), riots.text.slice(0, 60));
  // Two date lines ("Posted …", "Updated …"), then the headline.
  const quake = cleanPlainText(texts.get('20_3ecbplus')!);
  assert.equal(quake.title, 'Strong earthquake jolts southern Iran, felt in Oman');
  assert.ok(quake.text.includes('An earthquake measuring at least magnitude'), quake.text.slice(0, 80));
  // A date line above a lede sentence: no headline, the lede stays in the body.
  const lede = cleanPlainText('Tuesday, May 24, 2005\nUp the coast... the Philly Sixers canned Jim O\'Brien [who had been under fire all season] and quickly hired Mo Cheeks.\nMo ran the Sixers in the 1980s as their point guard.\n');
  assert.equal(lede.title, null);
  assert.ok(lede.text.includes('Up the coast'));
});

test('form, not script or a stray full stop: labels and units inside a headline, datelines and sentences in other scripts', () => {
  const title = (first: string, body = 'The ministry said on Monday that the figures would be published in full next week, after a review.') => cleanPlainText(`${first}\n\n${body}\n`).title;
  // A one-word label or a unit before a full stop does not end a sentence inside the headline.
  assert.equal(title('Reuters. Floods leave thousands homeless in southern Brazil'), 'Reuters. Floods leave thousands homeless in southern Brazil');
  assert.equal(title('Морозы до 30 град. Прогноз на неделю'), 'Морозы до 30 град. Прогноз на неделю');
  // A place set alone in capitals is a press release's dateline, kept in the body.
  const dateline = cleanPlainText('ZUG, SWITZERLAND\n\nThe company today announced a partnership with a hospital group in Germany, it said.\n');
  assert.equal(dateline.title, null);
  assert.ok(dateline.text.startsWith('ZUG, SWITZERLAND'));
  // A sentence ending on an ideographic full stop, or a non-Latin line ending on a full stop, is the lede.
  assert.equal(title('昨日、東京で新しい美術館が開館したというニュースがありました。'), null);
  assert.equal(title('Средняя температура в январе минус 12 градусов.'), null);
  // The same scripts' headlines, which end bare or on "！？", still are headlines.
  assert.equal(title('美術館の新館が開館！？'), '美術館の新館が開館！？');
  assert.equal(title('Морозы вернутся в Москву на следующей неделе'), 'Морозы вернутся в Москву на следующей неделе');
});
