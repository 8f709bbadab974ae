import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanPlainText } from '../src/clean/clean.js';
import { prf, REPO, round, SHARED_DATA } from './args.js';

/**
 * Line-level boilerplate removal on scraped text with gold: which lines are page junk.
 * Gold format (a folder): `gold.json` = {articles: {FILE: {headline, junk: [exact lines]}}} with
 * FILE under `articles/` or beside it. Every other non-empty line is article text.
 * Baseline in the same run: the common short-line heuristic (drop lines under 4 words without
 * final punctuation), as in the length-based first pass of jusText-style cleaners.
 */
interface Corpus {
  name: string;
  files: Array<{ raw: string; headline: string | null; junk: Set<string> }>;
}

function loadCorpus(dir: string, goldFile: string, textDir: string): Corpus {
  const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as Record<string, unknown>;
  const entries = (gold.articles ?? gold) as Record<string, { headline?: string | null; junk?: string[] } | string>;
  const files = Object.entries(entries)
    .filter((e): e is [string, { headline?: string | null; junk?: string[] }] => typeof e[1] === 'object' && e[1] !== null)
    .map(([file, g]) => ({ raw: readFileSync(join(textDir, file), 'utf8'), headline: g.headline ?? null, junk: new Set(g.junk ?? []) }));
  return { name: dir, files };
}

type Remover = (raw: string) => Set<string>;

const ours: Remover = (raw) => new Set(cleanPlainText(raw).removed.map((r) => r.text));
const shortLineBaseline: Remover = (raw) =>
  new Set(raw.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && l.split(/\s+/).length < 4 && !/[.!?:;"”]$/.test(l)));

function score(corpus: Corpus, remove: Remover) {
  let tp = 0, fp = 0, fn = 0, lines = 0;
  const started = performance.now();
  for (const file of corpus.files) {
    const removed = remove(file.raw);
    for (const line of file.raw.split(/\r?\n/).map((l) => l.trim())) {
      if (!line || line === file.headline) continue;
      lines++;
      const isJunk = file.junk.has(line);
      const gone = removed.has(line);
      if (isJunk && gone) tp++;
      else if (!isJunk && gone) fp++;
      else if (isJunk && !gone) fn++;
    }
  }
  const ms = performance.now() - started;
  return { ...prf(tp, fp, fn), articleLinesLost: fp, junkLinesLeft: fn, lines, articlesPerSecond: round((corpus.files.length / ms) * 1000, 0) };
}

/**
 * Precision on real article text: the gold article bodies of the Zyte benchmark (real news pages,
 * MIT) hold no page chrome, so every line clean removes from them is a wrongly removed article line.
 */
function realArticleLinesLost(remove: Remover) {
  const gold = JSON.parse(readFileSync(join(SHARED_DATA, 'zyte-article-extraction', 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
  let lines = 0;
  let lost = 0;
  const examples: string[] = [];
  for (const { articleBody } of Object.values(gold)) {
    const body = articleBody.split('\n').map((l) => l.trim()).filter(Boolean);
    lines += body.length;
    const removed = remove(articleBody);
    for (const line of body)
      if (removed.has(line)) {
        lost++;
        if (examples.length < 12) examples.push(line.slice(0, 80));
      }
  }
  return { articles: Object.keys(gold).length, lines, linesRemovedWrongly: lost, share: round(lost / lines, 4), examples };
}

export function runCleanBench(data: string | undefined) {
  const corpora: Corpus[] = data
    ? [loadCorpus(data, join(data, 'gold.json'), existsSync(join(data, 'articles')) ? join(data, 'articles') : data)]
    : [
        loadCorpus('examples (team-written; rules were adjusted on it)', join(REPO, 'examples', 'gold.json'), join(REPO, 'examples', 'articles')),
        loadCorpus('shared/seeds (5 real scraped articles)', join(REPO, 'test', 'fixtures', 'clean', 'seeds-gold.json'), join(REPO, '..', 'shared', 'seeds')),
        loadCorpus('bench/corpora/council-data-leak (team-written; 0.39 recall before rules were added for it)', join(REPO, 'bench', 'corpora', 'council-data-leak', 'gold.json'), join(REPO, 'bench', 'corpora', 'council-data-leak', 'articles')),
      ];
  return {
    junkLines: corpora.map((c) => ({ corpus: c.name, articles: c.files.length, ours: score(c, ours), shortLineBaseline: score(c, shortLineBaseline) })),
    ...(data ? {} : { realArticleText: { source: 'zyte-article-extraction gold article bodies (dev half)', ours: realArticleLinesLost(ours), shortLineBaseline: realArticleLinesLost(shortLineBaseline) } }),
  };
}
