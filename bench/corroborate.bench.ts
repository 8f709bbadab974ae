import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { analyze } from '../src/pipeline/analyze.js';
import type { ExportArticle, StoryExport } from '../src/export/types.js';
import { REPO } from './args.js';
import {
  addCounts,
  alignmentFigures,
  briefFigures,
  conflictFigures,
  locateGold,
  scoreAlignment,
  scoreBrief,
  scoreConflicts,
  scoreStatus,
  scoredStories,
  statusFigures,
  type Claim,
  type CorroborationGold,
  type LocatedGold,
} from './corroborate-metrics.js';

/**
 * Claims, conflicts and the brief of a story against team-written gold, read off the export
 * alone (the contract `../shared/spec/story-export.schema.json`), so any extraction that fills
 * `claims`, `conflicts` and `brief` can be scored.
 *
 * Corpora: `examples/` and `bench/corpora/council-data-leak/` (`--data DIR` scores DIR alone),
 * each `articles/` (`.txt` with optional `.json` sidecars) and `gold.json` with `stories`,
 * `facts` (fact, status, optional independentSources, evidence [{file, text, copy?,
 * sameOutletAs?}]) and `conflicts` (subject, kind, positions [{value, evidence}]). Each
 * corpus is ingested with `analyze` into a store in memory, and export articles are tied to gold
 * files by the base name of `article.input`. Both gold files were written with the corpora in
 * view and none of it is held out; the figures show how far the extraction is from the gold,
 * not how it does on unseen news.
 *
 * Gold evidence is placed in the article's clean text: the exact substring, else a search with
 * whitespace runs collapsed (cleaning rewrites non-breaking spaces and blank runs). Evidence that
 * cannot be placed (a headline, which the export keeps as `title` outside the text, or a gold
 * typo) is listed in `goldProblems` and left out of every score; so is evidence that occurs more
 * than once (the first occurrence is scored and the item listed).
 *
 * Scored story: the export story holding the files of the gold's largest story (the main
 * story); when grouping split them, the claims, conflicts and brief of every story holding one
 * of those files, pooled.
 *
 * A predicted span *covers* a gold evidence item when it is in the same article and shares at
 * least half of the gold span's characters (so any span containing it covers it).
 *
 * 1. Claim alignment, pairwise. Fact evidence items in one article whose spans overlap are one
 *    *site* (the gold cites "The council has notified the Lothmark Data Protection Office" for
 *    one fact inside the sentence it cites for another; a claim covering that sentence covers
 *    both, and neither fact's claim should be blamed for the other). Gold pairs: two sites in
 *    different articles that carry a same fact. Predicted pairs: two sites in different articles
 *    covered by one claim (any of its evidence spans). P = |pred ∩ gold| / |pred|, R = |pred ∩
 *    gold| / |gold|. Claims over text no gold fact cites are not judged: the gold lists the
 *    facts the team checked, not every fact in the articles. A syndicated copy's evidence
 *    (`copy: true`) and a repeat by the same outlet (`sameOutletAs`) pair like any other: a copy
 *    still says the same thing, it only does not add a source.
 * 2. Status. A gold fact's claim is the claim covering most of its evidence items (tie: the one
 *    with more evidence). Accuracy = facts whose claim has the gold status / gold facts; a fact
 *    no claim covers is wrong and counted in `unmatched`. `confusion` is gold status × our
 *    status (or unmatched). `independentSources.accuracy`: over the gold facts that give one
 *    (council-data-leak; null when none does), the claim's `independentSources` equals it. A claim's optional
 *    `attributedTo` is not scored (the gold's attributions are free text); `--errors` shows it.
 * 3. Conflicts. A predicted conflict matches a gold conflict when two of its positions each
 *    cover evidence of a different gold position. P = matched predicted / predicted, R = matched
 *    gold / gold. `positionEvidenceRecall`, over matched gold conflicts: the share of their
 *    positions' evidence covered by a position of a matching conflict that covers no evidence of
 *    another side (a position lumping both sides together does not tell them apart).
 * 4. Brief (must be 1): the share of brief sentences that verify: every citation's `text` equals
 *    `article.text.slice(start, end)`, and every word of the sentence (`/[\p{L}\p{N}]+/gu`,
 *    case-insensitive) is a word of one of its citations or one of the brief's own words
 *    (`wordsToCite`: the leads "Accounts differ on the time:", "vs", "Only one source reports:",
 *    the outlet counts "(3 outlets)"). `verified` is null when there
 *    is no brief. `lengths`: sentences per scored story, which should be 3 to 7.
 * 5. Baselines in the same run, on the scored stories' articles split into sentences at line
 *    breaks and at . ! ? before a capital or digit: (a) `oneClaimPerSentence`, every sentence its
 *    own single-source claim with no alignment — it pairs nothing and gets only single-source
 *    facts right, the floor; (b) `wordJaccard`, sentences of different articles joined when their
 *    word sets have Jaccard ≥ 0.3, transitively (union-find); a group is corroborated when its
 *    articles come from two or more outlets (a copy counts as its original's outlet), else
 *    single-source; it never says disputed.
 *
 * `micro` sums the counts of the corpora. `--errors` lists, per corpus, the gold pairs missed,
 * the pairs made wrongly, the facts with a wrong status or source count, the gold conflicts not
 * matched and the brief sentences that fail, each with short texts.
 */

const CORPORA = [join(REPO, 'examples'), join(REPO, 'bench', 'corpora', 'council-data-leak')];
const JACCARD_THRESHOLD = 0.3;

interface Corpus {
  name: string;
  dir: string;
  gold: CorroborationGold;
  data: StoryExport;
}

async function loadCorpus(dir: string): Promise<Corpus> {
  const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as CorroborationGold;
  const { export: data } = await analyze([join(dir, 'articles')], { db: ':memory:' });
  return { name: basename(dir), dir, gold, data };
}

/** Sentence spans by punctuation alone: a line break, or . ! ? (and closing quotes) before a capital or digit. */
export function splitSentences(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  for (const m of text.matchAll(/\S[^\n]*?(?:[.!?]+[”"’)]*(?=[^\S\n]+[“"‘(]?[\p{Lu}\p{N}])|(?=\n)|$)/gu)) {
    spans.push({ start: m.index, end: m.index + m[0].trimEnd().length });
  }
  return spans;
}

const sentencesOf = (articles: ExportArticle[]) =>
  articles.flatMap((article) => splitSentences(article.text).map(({ start, end }) => ({ article, span: { articleId: article.id, start, end, text: article.text.slice(start, end) } })));

/** Baseline (a): every sentence its own single-source claim. */
function oneClaimPerSentence(articles: ExportArticle[]): Claim[] {
  return sentencesOf(articles).map(({ span }, i) => ({ id: `s${i}`, text: span.text, status: 'single-source', independentSources: 1, evidence: [span] }));
}

const wordSet = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
const jaccard = (a: Set<string>, b: Set<string>) => {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared || 1);
};

/** Baseline (b): sentences of different articles with word-set Jaccard ≥ 0.3, grouped transitively. */
export function wordJaccardClaims(articles: ExportArticle[], all: ExportArticle[]): Claim[] {
  const sentences = sentencesOf(articles).map((s) => ({ ...s, words: wordSet(s.span.text) }));
  const parent = sentences.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  sentences.forEach((a, i) => sentences.forEach((b, j) => j > i && a.article !== b.article && jaccard(a.words, b.words) >= JACCARD_THRESHOLD && (parent[root(j)] = root(i))));
  const byId = new Map(all.map((a) => [a.id, a]));
  const outletOf = (a: ExportArticle) => {
    const original = (a.duplicateOf && byId.get(a.duplicateOf)) || a;
    return original.source.name ?? original.id;
  };
  const groups = new Map<number, typeof sentences>();
  sentences.forEach((s, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), s]));
  return [...groups.values()].map((group, i) => {
    const outlets = new Set(group.map((s) => outletOf(s.article))).size;
    return { id: `j${i}`, text: group[0]!.span.text, status: outlets >= 2 ? 'corroborated' : 'single-source', independentSources: outlets, evidence: group.map((s) => s.span) };
  });
}

const scoreBaseline = (located: LocatedGold, claims: Claim[]) => ({ alignment: scoreAlignment(located, claims), status: scoreStatus(located, claims) });

type BaselineCounts = ReturnType<typeof scoreBaseline>;
const baselineFigures = (c: BaselineCounts) => ({ alignment: alignmentFigures(c.alignment), status: statusFigures(c.status) });

function scoreCorpus(corpus: Corpus) {
  const located = locateGold(corpus.gold, corpus.data);
  const stories = scoredStories(corpus.gold, corpus.data);
  const inStories = new Set(stories.flatMap((s) => s.articleIds));
  const articles = corpus.data.articles.filter((a) => inStories.has(a.id));
  const claims: Claim[] = stories.flatMap((s) => s.claims);
  const alignment = scoreAlignment(located, claims);
  const status = scoreStatus(located, claims);
  const conflicts = scoreConflicts(located, stories.flatMap((s) => s.conflicts));
  const brief = scoreBrief(stories, corpus.data);
  return {
    corpus,
    located,
    stories,
    claims: claims.length,
    counts: { alignment, status, conflicts, brief },
    baselines: {
      oneClaimPerSentence: scoreBaseline(located, oneClaimPerSentence(articles)),
      wordJaccard: scoreBaseline(located, wordJaccardClaims(articles, corpus.data.articles)),
    },
  };
}

type Scored = ReturnType<typeof scoreCorpus>;

const figures = (c: Scored['counts']) => ({
  alignment: alignmentFigures(c.alignment),
  status: statusFigures(c.status),
  conflicts: conflictFigures(c.conflicts),
  brief: briefFigures(c.brief),
});

function report(s: Scored, errors: boolean) {
  const { alignment, status, conflicts, brief } = s.counts;
  return {
    data: s.corpus.dir,
    scoredStoryArticles: s.stories.map((story) => story.articleIds.length),
    goldFacts: s.located.facts.length,
    goldConflicts: s.located.conflicts.length,
    goldProblems: s.located.problems,
    claims: s.claims,
    ...figures(s.counts),
    ...(errors && {
      errors: { missedPairs: alignment.missed, wrongPairs: alignment.wrong, wrongStatus: status.wrong, unmatchedConflicts: conflicts.unmatched, briefFailures: brief.failures },
    }),
  };
}

export async function runCorroborateBench(dataDir?: string, errors = false) {
  const corpora = await Promise.all((dataDir ? [dataDir] : CORPORA).map(loadCorpus));
  const scored = corpora.map(scoreCorpus);
  const sum = <T>(pick: (s: Scored) => T) => scored.map(pick).reduce((a, b) => addCounts(a, b));
  const baseline = (name: keyof Scored['baselines']) => ({
    ...Object.fromEntries(scored.map((s) => [s.corpus.name, baselineFigures(s.baselines[name])])),
    micro: baselineFigures(sum((s) => s.baselines[name])),
  });
  return {
    ...Object.fromEntries(scored.map((s) => [s.corpus.name, report(s, errors)])),
    micro: figures(sum((s) => s.counts)),
    baseline: { oneClaimPerSentence: baseline('oneClaimPerSentence'), wordJaccard: baseline('wordJaccard') },
  };
}
