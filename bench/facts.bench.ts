import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { statementComparer } from '../src/corroborate/claims/compare.js';
import type { StoryExport } from '../src/export/types.js';
import { analyze } from '../src/pipeline/analyze.js';
import { REPO } from './args.js';
import { bcubed } from './cluster-metrics.js';
import { wordJaccardClaims } from './corroborate.bench.js';

const SHARED = join(REPO, '..', 'shared');
const DOCUMENTS = join(SHARED, 'data', 'ecbplus', 'documents.jsonl');
/**
 * The fact golds: the shared dev gold (our rules were tuned looking at it), ours (never looked at
 * while tuning) and three conflicts-only tuning golds (their facts are empty: only their conflict figures count).
 */
const GOLDS = [
  { name: 'ecbplus-facts (dev, tuned on)', dir: join(SHARED, 'data', 'ecbplus-facts') },
  { name: 'bench/gold/facts (ECB+ train stories, held out)', dir: join(REPO, 'bench', 'gold', 'facts') },
  { name: 'bench/gold/facts-conflicts-tune (ECB+ train stories, conflicts only, tuned on)', dir: join(REPO, 'bench', 'gold', 'facts-conflicts-tune') },
  { name: 'bench/gold/facts-conflicts-tune2 (ECB+ train stories, conflicts only, tuned on)', dir: join(REPO, 'bench', 'gold', 'facts-conflicts-tune2') },
  { name: 'bench/gold/facts-conflicts-tune3 (ECB+ train stories, conflicts only, tuned on)', dir: join(REPO, 'bench', 'gold', 'facts-conflicts-tune3') },
];
const METRICS = ['corroborated-recall', 'single-source-acc', 'false-corroboration', 'pair-precision', 'pair-recall', 'pair-f1', 'conflicts-found', 'conflicts-unmatched', 'brief-support', 'brief-salient'];

interface FactGold {
  event: string;
  articles: string[];
  facts: Array<{ id: string; mentions: Array<{ article: string; quote: string }> }>;
}

export type Scorer = {
  loadGold(path: string): { events: unknown[] };
  scoreFacts(exp: unknown, events: unknown[]): { overall: Record<string, unknown> };
  /** The scorer's HIT rule: a span hits a located mention (or any of its printings). */
  hits(span: { start: number; end: number }, locs: Array<{ start: number; end: number }>): boolean;
};

/** The shared fact scorer, `../shared/eval/score-facts.mjs`. */
export const factScorer = async (): Promise<Scorer> => (await import(pathToFileURL(join(SHARED, 'eval', 'score-facts.mjs')).href)) as Scorer;

/** Writes each article of a fact gold's stories to `<id>.txt` in `work` (the form the scorer maps back by name); returns the ids. */
export function writeGoldArticles(dir: string, work: string): string[] {
  const texts = new Map<string, string>();
  for (const line of readFileSync(DOCUMENTS, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const doc = JSON.parse(line) as { id: string; text: string };
    texts.set(doc.id, doc.text);
  }
  const ids = goldStories(dir).flatMap((s) => s.articles);
  for (const id of ids) writeFileSync(join(work, `${id}.txt`), texts.get(id) ?? '');
  return ids;
}

const goldStories = (dir: string) => readdirSync(dir).filter((f) => /^event-.*\.json$/.test(f)).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as FactGold);

const figure = (x: unknown): number => (typeof x === 'number' ? x : typeof x === 'object' && x !== null && 'value' in x ? Number((x as { value: unknown }).value) : Number(x));

/**
 * Facts on real news: the gold stories' articles analysed together (grouping is part of the test)
 * and scored by `../shared/eval/score-facts.mjs`; beside them, the same export with its claims
 * replaced by the word-Jaccard baseline (sentences of different articles with word-set Jaccard
 * ≥ 0.3, grouped transitively). Then `compareStatements` on pairs of gold statements.
 */
export async function runFactsBench(dataDir?: string) {
  const scorer = await factScorer();
  const golds = dataDir ? [{ name: dataDir, dir: dataDir }] : GOLDS;
  const results: Record<string, unknown> = {};
  for (const { name, dir } of golds) {
    const stories = goldStories(dir);
    const work = mkdtempSync(join(tmpdir(), 'facts-'));
    try {
      writeGoldArticles(dir, work);
      const { export: ours } = await analyze([work], { db: ':memory:' });
      // The scorer locates gold mentions in place: each scoring loads the gold afresh.
      const events = () => scorer.loadGold(dir).events;
      const baseline: StoryExport = { ...ours, stories: ours.stories.map((s) => ({ ...s, claims: wordJaccardClaims(ours.articles.filter((a) => s.articleIds.includes(a.id)), ours.articles), conflicts: [], brief: [] })) };
      // Brief support with its pairs (supported / judged): one pair moves it by 0.03 on a gold this size.
      const scored = events();
      const pick = (r: { overall: Record<string, unknown> }) => ({
        ...Object.fromEntries(METRICS.map((m) => [m, Number(figure(r.overall[m]).toFixed(3))])),
        'brief-support-pairs': ((r.overall.counts as Record<string, number[]> | undefined)?.['brief-support'] ?? []).join('/'),
      });
      results[name] = {
        stories: stories.length,
        articles: stories.reduce((n, s) => n + s.articles.length, 0),
        grouping: grouping(ours, stories),
        ours: { ...pick(scorer.scoreFacts(ours, scored)), 'brief-main-event': mainEventTold(ours, scored, scorer) },
        wordJaccard: pick(scorer.scoreFacts(baseline, events())),
        compareStatements: pairFigures(stories),
      };
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  return results;
}

/** A gold event as the scorer holds it once an export was scored: each mention located in its article (null when lost). */
interface ScoredEvent {
  name: string;
  facts: Array<{ arts: Set<string>; mentions: Array<{ article: string; locs: Array<{ start: number; end: number }> | null }> }>;
}

/**
 * Brief states the main event: of the gold stories, those where a brief sentence of a story holding
 * their articles has a citation hitting a mention of the story's main fact (the shared fact stated
 * by the most articles; any of them when several tie), as "told / stories" (stories with a shared fact). `events` must have been
 * scored against `ours` (the scorer locates the mentions in place).
 */
function mainEventTold(ours: StoryExport, events: unknown[], scorer: Scorer): string {
  const nameOf = new Map(ours.articles.map((a) => [a.id, basename(a.input ?? '').replace(/\.txt$/, '')]));
  const cited = ours.stories.flatMap((s) => s.brief.flatMap((b) => b.citations.map((c) => ({ article: nameOf.get(c.articleId) ?? '', span: c }))));
  let told = 0;
  let stories = 0;
  for (const event of events as ScoredEvent[]) {
    const most = Math.max(0, ...event.facts.map((f) => f.arts.size));
    // A gold with no shared fact (the conflicts-only one) has no main event to tell.
    if (most < 2) continue;
    stories++;
    const main = event.facts.filter((f) => f.arts.size === most);
    if (main.some((f) => f.mentions.some((m) => m.locs && cited.some((c) => c.article === m.article && scorer.hits(c.span, m.locs!))))) told++;
  }
  return `${told}/${stories}`;
}

/**
 * How the analysis grouped the gold stories' articles (analysed together, a few events at once, as
 * a user checking a handful of stories would): stories over them and B³ against the gold events.
 * A gold event spread over several stories loses its corroborations and its conflicts.
 */
function grouping(ours: StoryExport, stories: FactGold[]) {
  const goldOf = new Map(stories.flatMap((s) => s.articles.map((a) => [a, s.event] as const)));
  const nameOf = new Map(ours.articles.map((a) => [a.id, basename(a.input ?? '').replace(/\.txt$/, '')]));
  const labels: string[] = [];
  const gold: string[] = [];
  for (const story of ours.stories) {
    for (const id of story.articleIds) {
      const event = goldOf.get(nameOf.get(id) ?? '');
      if (event === undefined) continue;
      labels.push(story.id);
      gold.push(event);
    }
  }
  return { stories: new Set(labels).size, b3: bcubed(labels, gold) };
}

/**
 * Pairs of gold statements of one story: two articles' words for one fact are a positive; words
 * of two different facts in different articles a negative (the gold says they state different
 * things). Each pair scored by `compareStatements` (the story's gold statements as its context)
 * and by word-set Jaccard ≥ 0.3.
 */
function pairFigures(stories: FactGold[]) {
  const counts = { ours: { tp: 0, fp: 0, fn: 0, tn: 0 }, wordJaccard: { tp: 0, fp: 0, fn: 0, tn: 0 } };
  const words = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const jaccard = (a: string, b: string) => {
    const [x, y] = [words(a), words(b)];
    let shared = 0;
    for (const w of x) if (y.has(w)) shared++;
    return shared / (x.size + y.size - shared || 1);
  };
  const tally = (c: { tp: number; fp: number; fn: number; tn: number }, said: boolean, truth: boolean) => {
    if (said && truth) c.tp++;
    else if (said) c.fp++;
    else if (truth) c.fn++;
    else c.tn++;
  };
  for (const story of stories) {
    const mentions = story.facts.flatMap((f) => f.mentions.map((m) => ({ fact: f.id, article: m.article, quote: m.quote })));
    // Weighed as the aligner weighs a story's statements: by rarity among the story's statements.
    const compare = statementComparer(mentions.map((m) => m.quote));
    for (let i = 0; i < mentions.length; i++) {
      for (let j = i + 1; j < mentions.length; j++) {
        const [a, b] = [mentions[i]!, mentions[j]!];
        if (a.article === b.article || a.quote === b.quote) continue;
        const truth = a.fact === b.fact;
        tally(counts.ours, compare(a.quote, b.quote).same, truth);
        tally(counts.wordJaccard, jaccard(a.quote, b.quote) >= 0.3, truth);
      }
    }
  }
  const figures = (c: { tp: number; fp: number; fn: number; tn: number }) => {
    const precision = c.tp / (c.tp + c.fp || 1);
    const recall = c.tp / (c.tp + c.fn || 1);
    return {
      pairs: c.tp + c.fp + c.fn + c.tn,
      positives: c.tp + c.fn,
      accuracy: Number(((c.tp + c.tn) / (c.tp + c.fp + c.fn + c.tn || 1)).toFixed(3)),
      precision: Number(precision.toFixed(3)),
      recall: Number(recall.toFixed(3)),
      f1: Number(((2 * precision * recall) / (precision + recall || 1)).toFixed(3)),
    };
  };
  return { ours: figures(counts.ours), wordJaccard: figures(counts.wordJaccard) };
}
