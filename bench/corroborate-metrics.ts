import { basename } from 'node:path';
import { wordsToCite } from '../src/brief/connectives.js';
import type { ExportArticle, ExportClaim, ExportConflict, ExportSpan, ExportStory, StoryExport } from '../src/export/types.js';
import { prf, round } from './args.js';

/**
 * Scoring for `npm run bench -- corroborate` (the rules are set out in corroborate.bench.ts):
 * pure functions from a team-written gold and an export to counts, and from counts to figures.
 * Counts add up over corpora, so the micro-average is the figures of the summed counts.
 */

export type ClaimStatus = ExportClaim['status'];
/** A claim as the extraction may write it: `attributedTo` is an optional extra of the contract. */
export type Claim = ExportClaim & { attributedTo?: string | null };

export interface GoldEvidence {
  file: string;
  text: string;
  copy?: boolean;
  sameOutletAs?: string;
}
export interface GoldFact {
  id?: string;
  fact: string;
  status: ClaimStatus;
  independentSources?: number;
  attributedTo?: string;
  evidence: GoldEvidence[];
}
export interface GoldConflict {
  subject: string;
  kind: string;
  positions: Array<{ value: string; attributedTo?: string; evidence: GoldEvidence[] }>;
}
export interface CorroborationGold {
  stories: Array<{ id: string; articles: string[] }>;
  facts: GoldFact[];
  conflicts: GoldConflict[];
}

/** A gold evidence item found in the clean text of its article. */
export interface LocatedEvidence {
  file: string;
  articleId: string;
  start: number;
  end: number;
  text: string;
}
export interface LocatedFact {
  gold: GoldFact;
  evidence: LocatedEvidence[];
}
export interface LocatedConflict {
  gold: GoldConflict;
  positions: LocatedEvidence[][];
}
export interface LocatedGold {
  facts: LocatedFact[];
  conflicts: LocatedConflict[];
  /** Gold evidence that could not be placed in the export, with why; left out of every score. */
  problems: string[];
}

const BRIEF_LENGTH = { min: 3, max: 7 } as const;

const short = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const describe = (e: { file: string; text: string }) => `${e.file} "${short(e.text)}"`;

/** The text with every whitespace run as one space, and for each of its characters the offset it came from. */
function collapseWhitespace(text: string): { text: string; origin: number[] } {
  let out = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const space = /\s/.test(text[i]!);
    if (space && i > 0 && /\s/.test(text[i - 1]!)) continue;
    out += space ? ' ' : text[i];
    origin.push(i);
  }
  return { text: out, origin };
}

/**
 * Places one evidence text in its article: exact substring first, else a whitespace-collapsed
 * search (cleaning turns non-breaking spaces and line runs into plain ones). `problem` says why not when it cannot.
 */
function locateEvidence(evidence: GoldEvidence, article: ExportArticle | undefined): { located: LocatedEvidence; ambiguous: boolean } | { problem: string } {
  if (!article) return { problem: `${describe(evidence)}: the file is not in the export` };
  let start = article.text.indexOf(evidence.text);
  let end = start + evidence.text.length;
  let ambiguous = start >= 0 && article.text.indexOf(evidence.text, start + 1) >= 0;
  if (start < 0) {
    const haystack = collapseWhitespace(article.text);
    const needle = evidence.text.replace(/\s+/g, ' ').trim();
    const at = haystack.text.indexOf(needle);
    if (at < 0) {
      const inTitle = article.title?.replace(/\s+/g, ' ').includes(needle);
      return { problem: `${describe(evidence)}: not in the clean text${inTitle ? ' (it is the headline: the export keeps it as the title, outside the text that spans index)' : ''}` };
    }
    start = haystack.origin[at]!;
    end = haystack.origin[at + needle.length - 1]! + 1;
    ambiguous = haystack.text.indexOf(needle, at + 1) >= 0;
  }
  return { located: { file: evidence.file, articleId: article.id, start, end, text: article.text.slice(start, end) }, ambiguous };
}

/** Every gold evidence item of facts and conflicts placed in the export's articles (by input file name). */
export function locateGold(gold: CorroborationGold, data: StoryExport): LocatedGold {
  const byFile = new Map(data.articles.map((a) => [basename(a.input), a]));
  const problems: string[] = [];
  const place = (items: GoldEvidence[], where: string) =>
    items.flatMap((e) => {
      const placed = locateEvidence(e, byFile.get(e.file));
      if ('problem' in placed) return problems.push(`${where}: ${placed.problem}`), [];
      if (placed.ambiguous) problems.push(`${where}: ${describe(e)} occurs more than once; the first occurrence is scored`);
      return [placed.located];
    });
  return {
    facts: gold.facts.map((f) => ({ gold: f, evidence: place(f.evidence, `fact "${short(f.fact, 40)}"`) })),
    conflicts: gold.conflicts.map((c) => ({ gold: c, positions: c.positions.map((p) => place(p.evidence, `conflict "${short(c.subject, 40)}", position "${p.value}"`)) })),
    problems,
  };
}

/**
 * The stories scored: the one holding the gold's largest story (the main story), or every story
 * holding one of its files when grouping split them.
 */
export function scoredStories(gold: CorroborationGold, data: StoryExport): ExportStory[] {
  const main = [...gold.stories].sort((a, b) => b.articles.length - a.articles.length)[0];
  const files = new Set(main?.articles ?? []);
  const fileOf = new Map(data.articles.map((a) => [a.id, basename(a.input)]));
  return data.stories.filter((s) => s.articleIds.some((id) => files.has(fileOf.get(id) ?? '')));
}

/** A predicted span covers a gold one when it shares at least half of the gold span's characters. */
const covers = (predicted: ExportSpan, gold: LocatedEvidence) =>
  predicted.articleId === gold.articleId && Math.min(predicted.end, gold.end) - Math.max(predicted.start, gold.start) >= (gold.end - gold.start) / 2;

const coversAny = (spans: ExportSpan[], gold: LocatedEvidence) => spans.some((p) => covers(p, gold));

/** Fact evidence in one article whose spans overlap: one site, carrying every fact among them. */
interface Site {
  file: string;
  items: LocatedEvidence[];
  facts: Set<number>;
}

function sitesOf(facts: LocatedFact[]): Site[] {
  const byFile = new Map<string, Array<{ item: LocatedEvidence; fact: number }>>();
  facts.forEach((f, fact) => f.evidence.forEach((item) => byFile.set(item.file, [...(byFile.get(item.file) ?? []), { item, fact }])));
  const sites: Site[] = [];
  for (const [file, entries] of byFile) {
    let open: Site | null = null;
    let openEnd = -1;
    for (const { item, fact } of entries.sort((a, b) => a.item.start - b.item.start)) {
      if (open && item.start < openEnd) {
        open.items.push(item);
        open.facts.add(fact);
      } else sites.push((open = { file, items: [item], facts: new Set([fact]) }));
      openEnd = Math.max(openEnd, item.end);
    }
  }
  return sites;
}

export interface AlignmentCounts {
  tp: number;
  fp: number;
  fn: number;
}

/** Pairwise claim alignment over gold sites (see the bench header); with the pairs missed and wrongly made. */
export function scoreAlignment(located: LocatedGold, claims: Claim[]): AlignmentCounts & { missed: string[]; wrong: string[] } {
  const sites = sitesOf(located.facts);
  const goldPairs = new Set<string>();
  sites.forEach((a, i) => sites.forEach((b, j) => i < j && a.file !== b.file && [...a.facts].some((f) => b.facts.has(f)) && goldPairs.add(`${i},${j}`)));
  const predicted = new Set<string>();
  for (const claim of claims) {
    const covered = sites.map((s, i) => [s, i] as const).filter(([s]) => s.items.some((item) => coversAny(claim.evidence, item)));
    for (const [a, i] of covered) for (const [b, j] of covered) if (i < j && a.file !== b.file) predicted.add(`${i},${j}`);
  }
  const show = (k: string) => k.split(',').map((i) => describe(sites[Number(i)]!.items[0]!)).join(' + ');
  const tp = [...predicted].filter((k) => goldPairs.has(k)).length;
  return {
    tp,
    fp: predicted.size - tp,
    fn: goldPairs.size - tp,
    missed: [...goldPairs].filter((k) => !predicted.has(k)).map(show),
    wrong: [...predicted].filter((k) => !goldPairs.has(k)).map(show),
  };
}

export type Confusion = Record<ClaimStatus, Record<ClaimStatus | 'unmatched', number>>;
export interface StatusCounts {
  facts: number;
  right: number;
  unmatched: number;
  confusion: Confusion;
  independentSources: { facts: number; right: number };
}

const emptyConfusion = (): Confusion => {
  const row = () => ({ corroborated: 0, 'single-source': 0, disputed: 0, unmatched: 0 });
  return { corroborated: row(), 'single-source': row(), disputed: row() };
};

/** The claim standing for a fact: the one covering most of its evidence, then the one with more evidence; null when none covers any. */
function claimOf(fact: LocatedFact, claims: Claim[]): Claim | null {
  let best: { claim: Claim; covered: number } | null = null;
  for (const claim of claims) {
    const covered = fact.evidence.filter((item) => coversAny(claim.evidence, item)).length;
    if (covered > 0 && (!best || covered > best.covered || (covered === best.covered && claim.evidence.length > best.claim.evidence.length))) best = { claim, covered };
  }
  return best?.claim ?? null;
}

/** Status (and independent-source count) of each gold fact's claim; facts with no located evidence are left out. */
export function scoreStatus(located: LocatedGold, claims: Claim[]): StatusCounts & { wrong: string[] } {
  const counts: StatusCounts = { facts: 0, right: 0, unmatched: 0, confusion: emptyConfusion(), independentSources: { facts: 0, right: 0 } };
  const wrong: string[] = [];
  for (const fact of located.facts.filter((f) => f.evidence.length > 0)) {
    const claim = claimOf(fact, claims);
    const { status, independentSources } = fact.gold;
    counts.facts++;
    counts.confusion[status][claim?.status ?? 'unmatched']++;
    if (!claim) counts.unmatched++;
    else if (claim.status === status) counts.right++;
    if (independentSources !== undefined) {
      counts.independentSources.facts++;
      if (claim?.independentSources === independentSources) counts.independentSources.right++;
    }
    if (claim?.status !== status || (independentSources !== undefined && claim.independentSources !== independentSources)) {
      const ours = claim ? `${claim.status}, ${claim.independentSources} sources${claim.attributedTo ? `, attributed to ${claim.attributedTo}` : ''}: "${short(claim.text)}"` : 'no claim covers its evidence';
      wrong.push(`"${short(fact.gold.fact)}" gold ${status}${independentSources === undefined ? '' : `, ${independentSources} sources`}; ours ${ours}`);
    }
  }
  return { ...counts, wrong };
}

export interface ConflictCounts {
  gold: number;
  goldMatched: number;
  predicted: number;
  predictedMatched: number;
  /** Evidence of the gold positions of matched gold conflicts, and how much of it a predicted position keeps apart. */
  positionEvidence: number;
  positionEvidenceRecalled: number;
}

/** A predicted conflict matches a gold one when two of its positions each cover evidence of a different gold position. */
function conflictMatches(predicted: ExportConflict, gold: LocatedConflict): boolean {
  const coverage = predicted.positions.map((p) => gold.positions.map((items) => items.some((item) => coversAny(p.evidence, item))));
  return coverage.some((a, i) => coverage.some((b, j) => i !== j && a.some((hitA, x) => hitA && b.some((hitB, y) => hitB && x !== y))));
}

export function scoreConflicts(located: LocatedGold, conflicts: ExportConflict[]): ConflictCounts & { unmatched: string[] } {
  const counts: ConflictCounts = { gold: located.conflicts.length, goldMatched: 0, predicted: conflicts.length, predictedMatched: 0, positionEvidence: 0, positionEvidenceRecalled: 0 };
  counts.predictedMatched = conflicts.filter((p) => located.conflicts.some((g) => conflictMatches(p, g))).length;
  const unmatched: string[] = [];
  for (const gold of located.conflicts) {
    const matching = conflicts.filter((p) => conflictMatches(p, gold));
    if (matching.length === 0) {
      unmatched.push(`${gold.gold.kind} "${gold.gold.subject}": ${gold.gold.positions.map((p) => p.value).join(' vs ')}`);
      continue;
    }
    counts.goldMatched++;
    // A position that also covers another side's evidence does not keep the sides apart.
    const separates = (spans: ExportSpan[], side: number) => gold.positions.every((items, other) => other === side || !items.some((item) => coversAny(spans, item)));
    gold.positions.forEach((items, side) => {
      counts.positionEvidence += items.length;
      counts.positionEvidenceRecalled += items.filter((item) => matching.some((c) => c.positions.some((p) => coversAny(p.evidence, item) && separates(p.evidence, side)))).length;
    });
  }
  return { ...counts, unmatched };
}

export interface BriefCounts {
  sentences: number;
  verified: number;
  /** Sentences per scored story. */
  lengths: number[];
}

const WORD = /[\p{L}\p{N}]+/gu;
const wordsOf = (text: string) => text.toLowerCase().match(WORD) ?? [];

/** Why a brief sentence fails verification, or null when every citation and every word checks out. */
function briefSentenceFailure(sentence: ExportStory['brief'][number], articles: Map<string, ExportArticle>): string | null {
  for (const c of sentence.citations) {
    const article = articles.get(c.articleId);
    if (!article) return `cites unknown article ${c.articleId}`;
    if (article.text.slice(c.start, c.end) !== c.text) return `citation "${short(c.text, 40)}" is not the text at ${c.start}–${c.end} of ${basename(article.input)}`;
  }
  const cited = new Set(sentence.citations.flatMap((c) => wordsOf(c.text)));
  const unsupported = [...new Set(wordsToCite(sentence.text))].filter((w) => !cited.has(w));
  return unsupported.length ? `words not in its citations: ${unsupported.join(', ')}` : null;
}

export function scoreBrief(stories: ExportStory[], data: StoryExport): BriefCounts & { failures: string[] } {
  const articles = new Map(data.articles.map((a) => [a.id, a]));
  const failures: string[] = [];
  let sentences = 0;
  for (const story of stories) {
    for (const sentence of story.brief) {
      sentences++;
      const failure = briefSentenceFailure(sentence, articles);
      if (failure) failures.push(`"${short(sentence.text)}": ${failure}`);
    }
  }
  return { sentences, verified: sentences - failures.length, lengths: stories.map((s) => s.brief.length), failures };
}

// Counts to figures. A ratio over nothing is 0, as in prf, except where null says there was nothing to check.

export const alignmentFigures = (c: AlignmentCounts) => ({ ...prf(c.tp, c.fp, c.fn), goldPairs: c.tp + c.fn, predictedPairs: c.tp + c.fp });

export const statusFigures = (c: StatusCounts) => ({
  facts: c.facts,
  accuracy: c.facts ? round(c.right / c.facts) : 0,
  unmatched: c.unmatched,
  confusion: c.confusion,
  // null when the gold gives no fact a source count.
  independentSources: { facts: c.independentSources.facts, accuracy: c.independentSources.facts ? round(c.independentSources.right / c.independentSources.facts) : null },
});

export const conflictFigures = (c: ConflictCounts) => ({
  gold: c.gold,
  predicted: c.predicted,
  precision: c.predicted ? round(c.predictedMatched / c.predicted) : 0,
  recall: c.gold ? round(c.goldMatched / c.gold) : 0,
  positionEvidenceRecall: c.positionEvidence ? round(c.positionEvidenceRecalled / c.positionEvidence) : 0,
});

/** `verified` is null when there is no brief to verify. */
export const briefFigures = (c: BriefCounts) => ({
  sentences: c.sentences,
  verified: c.sentences ? round(c.verified / c.sentences) : null,
  lengths: c.lengths,
  lengthsWithin3To7: c.lengths.length > 0 && c.lengths.every((n) => n >= BRIEF_LENGTH.min && n <= BRIEF_LENGTH.max),
});

/** Sums two counts field by field, nested ones too; lists are joined. */
export function addCounts<T>(a: T, b: T): T {
  if (typeof a === 'number') return (a + (b as number)) as T;
  if (Array.isArray(a)) return [...a, ...(b as unknown[])] as T;
  return Object.fromEntries(Object.entries(a as object).map(([k, v]) => [k, addCounts(v, (b as Record<string, unknown>)[k])])) as T;
}
