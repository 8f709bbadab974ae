import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { guessLanguage } from '../src/ingest/plain-text.js';
import { SHARED_DATA } from './web-fixtures.js';

/** Zyte benchmark pages whose gold body is not English, with the language read by hand. */
const NOT_ENGLISH: Record<string, string> = {
  '20b2b64916b00b25203c9f1bf14248922f4d522f18328e9f876cce116df0083e': 'it',
  '21486419bb109c5a62a68957f528e6ff29c92f58d8d3c1f2837c86ff3f3e11f9': 'id',
  '23aaecd14171f96cfd201a8a46666097e286ad71f74f29347a78c5ecba50da1e': 'pt',
  '3252222e61fe78982cffe0b0bad2b089c27b32f65852d1c5d3951517f3c2e295': 'pt',
  '85439e26c41c75901820d01a13e8cea7836abb58635ea3986f71a163ab0311d3': 'ja',
  '9da36ae4714bfccc72374c6c146e9d1cd3cca39e2110bd67ccdbcc806f4cf139': 'ko',
  b3c19dd5f0612d098788fa5173e491b3280da6226b492f8fe110f4ab1896cca8: 'pt',
  b6fb53e9fb043c98eb1e6530a1074c40922e29025f5454809f3938a7c174faa3: 'it',
  ba07d1e64775f4090e39116c382111f5a2cfe9528dd179673f4e9bfcea370c15: 'de',
  ff0f958ade714ebfaf5c0b42b1c0152a62063f4e6f72141406ccefc4a2677f21: 'ru',
};

test('ECB+ news (all English) is English, however many foreign names it holds', () => {
  const texts = readFileSync(join(SHARED_DATA, 'ecbplus', 'documents.jsonl'), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { text: string }).text);
  const guessed = texts.map(guessLanguage).filter((l) => l !== null);
  const notEnglish = guessed.filter((l) => l !== 'en').length;
  // tinyld alone called 19 of them German, Portuguese, Kirundi or Irish.
  assert.ok(guessed.length > 700, `${guessed.length} texts long enough to tell`);
  assert.ok(notEnglish <= 3, `${notEnglish} of ${guessed.length} ECB+ documents not called English`);
});

test('pages in other languages keep their language; English pages about foreign people are English', () => {
  const gold = JSON.parse(readFileSync(join(SHARED_DATA, 'zyte-article-extraction', 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
  for (const [id, language] of Object.entries(NOT_ENGLISH)) assert.equal(guessLanguage(gold[id]!.articleBody), language, id);
  const english = Object.entries(gold).filter(([id, page]) => !(id in NOT_ENGLISH) && page.articleBody.length >= 200);
  const wrong = english.filter(([, page]) => guessLanguage(page.articleBody) !== 'en').map(([id]) => id);
  assert.deepEqual(wrong, []);
});
