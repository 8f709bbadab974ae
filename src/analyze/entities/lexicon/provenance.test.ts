import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../../../../test/paths.js';
import * as locations from './locations.js';
import * as notNames from './not-names.js';
import * as organizations from './organizations.js';
import * as titles from './titles.js';
import * as people from '../../quotes/lexicon/people.js';
import { placeOf } from './gazetteer.js';
import { packageKinds } from './package-names.js';

/**
 * Every hand-written word list of the entity and speaker layers, checked against the texts the
 * rules were written and tuned on (MEANTIME by collection, the Zyte pages, our examples, our
 * council corpus, the seeds). An entry that occurs in exactly one of those stories, never in the
 * 982 ECB+ news texts of 33 unrelated topics (our reference for news in general: no lexicon was
 * written from it), and that no package gazetteer knows (world-countries, compromise's lexicon,
 * the first-name lists) was most likely added for that story ("ropeway", "gorge", "airbus"): it
 * is listed, and the test fails until it is removed or a package supplies it.
 */
const SHARED = join(REPO, '..', 'shared');
const stories = new Map<string, string>();
const add = (story: string, text: string) => stories.set(story, `${stories.get(story) ?? ''}\n${text.toLowerCase().replace(/\s+/g, ' ')}`);
const jsonl = (file: string) => readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
for (const d of jsonl(join(SHARED, 'data', 'meantime', 'documents.jsonl'))) add(`meantime:${String(d.collection)}`, String(d.text));
for (const d of jsonl(join(SHARED, 'data', 'ecbplus', 'documents.jsonl'))) add(`ecb+:${String(d.topic)}`, String(d.text));
const zyte = JSON.parse(readFileSync(join(SHARED, 'data', 'zyte-article-extraction', 'ground-truth.json'), 'utf8')) as Record<string, { articleBody?: string }>;
for (const [id, page] of Object.entries(zyte)) add(`zyte:${id}`, page.articleBody ?? '');
const folder = (story: string, dir: string) => {
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt'))) add(story, readFileSync(join(dir, f), 'utf8'));
};
folder('examples', join(REPO, 'examples', 'articles'));
folder('council-data-leak', join(REPO, 'bench', 'corpora', 'council-data-leak', 'articles'));
folder('seeds', join(SHARED, 'seeds'));

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The letter-only words of each story, so that one-word entries are a set look-up rather than a scan. */
const wordsOf = new Map([...stories].map(([story, text]) => [story, new Set(text.split(/[^\p{L}\p{N}]+/u))]));
const storiesWith = (entry: string) => {
  if (/^[\p{L}\p{N}]+$/u.test(entry)) return [...wordsOf].filter(([, words]) => words.has(entry.toLowerCase())).map(([story]) => story);
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(entry.toLowerCase())}(?![\\p{L}\\p{N}])`, 'u');
  return [...stories].filter(([, text]) => re.test(text)).map(([story]) => story);
};

const LISTS: Record<string, Record<string, unknown>> = { locations, notNames, organizations, titles, people };

/** The entries of one-story provenance that no package knows. */
function corpusOnlyEntries(): string[] {
  const found: string[] = [];
  for (const [module, exports] of Object.entries(LISTS)) {
    for (const [name, value] of Object.entries(exports)) {
      const entries = value instanceof Set ? [...value] : Array.isArray(value) ? value : null;
      if (!entries) continue;
      for (const entry of entries as string[]) {
        const where = storiesWith(entry);
        if (where.length !== 1 || where[0]!.startsWith('ecb+:')) continue;
        if (packageKinds(entry).size > 0 || placeOf(entry)) continue;
        found.push(`${module}.${name}: "${entry}" (only in ${where[0]})`);
      }
    }
  }
  return found;
}

test('the benchmark texts were read (the check below has something to check against)', () => {
  assert.ok(stories.size > 100, `only ${stories.size} stories read`);
  assert.deepEqual(storiesWith('ropeway'), ['examples']);
});

test('no lexicon entry occurs in only one story of our corpora unless a package gazetteer knows it', () => {
  assert.deepEqual(corpusOnlyEntries(), []);
});
