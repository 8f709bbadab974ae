import type { Span } from '../doc/types.js';
import { similarity } from '../corroborate/claims/align.js';
import { claimText, statementSpans, type Claim, type StoryClaims } from '../corroborate/claims/claims.js';
import { sharedWords, type Conflict } from '../corroborate/claims/conflicts.js';
import type { ClaimUnit } from '../corroborate/claims/units.js';
import { overlaps, type Interval } from '../corroborate/quantities/interval.js';
import { BRIEF_LEADS } from './connectives.js';

/** A brief sentence and the statements it cites (each an article's span). */
export interface BriefSentence {
  text: string;
  citations: Array<{ unit: ClaimUnit; span: Span }>;
}

const MIN_SENTENCES = 3;
const MAX_SENTENCES = 7;
const MAX_CORROBORATED = 4;
const MAX_CONFLICTS = 2;
const MAX_SINGLE = 1;
/** A claim this similar to one already in the brief would repeat it. */
const REPEAT_SIMILARITY = 0.3;
/** A statement this similar to a brief sentence's own is cited for it (`npm run bench -- facts`: brief support). */
const CITE_SIMILARITY = 0.45;

/**
 * A short extractive brief: the most widely carried facts first (by independent sources, then
 * by how near the top of their articles they are), then each dispute with its values side by
 * side, then the leading detail only one source has. Every sentence is printed words of the
 * articles, plus at most a lead from `BRIEF_LEADS`, and cites every statement it rests on; so
 * nothing is in the brief that its citations do not carry. Near-repeats of a chosen fact are
 * skipped, and so are statements that are mostly a quotation: the brief says what happened, the
 * quotes section who said what.
 */
export function buildBrief(story: StoryClaims): BriefSentence[] {
  const chosen: Claim[] = [];
  const repeats = (claim: Claim) => chosen.some((c) => similarity(story.space, story.units.indexOf(c.units[0]!), story.units.indexOf(claim.units[0]!)) >= REPEAT_SIMILARITY);
  const pick = (candidates: Claim[], limit: number, accept: (sentence: BriefSentence) => boolean = () => true) => {
    const picked: BriefSentence[] = [];
    for (const claim of candidates) {
      if (picked.length >= limit) break;
      if (claim.quoted || !standsAlone(claim) || repeats(claim)) continue;
      const sentence = claimSentence(claim, story);
      if (!accept(sentence)) continue;
      picked.push(sentence);
      chosen.push(claim);
    }
    return picked;
  };
  // Ranked by the articles whose statements read as the claim's own (its core): a fact other sentences only contain is less central.
  const carried = (c: Claim) => new Set(c.units.slice(0, c.core).map((u) => u.doc.id)).size;
  const byProminence = (a: Claim, b: Claim) => carried(b) - carried(a) || b.independentSources - a.independentSources || a.prominence - b.prominence;
  // A fact is told as corroborated only when another article's statement passes the citation check for its very sentence.
  const corroborated = pick(leadFirst(story.claims.filter((c) => c.status === 'corroborated').sort(byProminence), carried), MAX_CORROBORATED, (s) => citedArticles(s) >= 2);
  // Whole disputes only, each with every position, within the brief's length after the corroborated facts.
  const disputes: BriefSentence[] = [];
  for (const conflict of story.conflicts.slice(0, MAX_CONFLICTS)) {
    const sides = disputeSentences(conflict, story.units);
    if (corroborated.length + disputes.length + sides.length <= MAX_SENTENCES) disputes.push(...sides);
  }
  const singles = story.claims.filter((c) => c.status === 'single-source').sort(byProminence);
  // A single-source detail only where the story's shared facts do not fill the brief: what one
  // outlet alone says is the least a summary should rest on.
  const single = corroborated.length + Math.min(1, disputes.length) < MIN_SENTENCES ? pick(singles, MAX_SINGLE) : [];
  const sentences = [...corroborated, ...disputes, ...single.map(singleSourceSentence)];
  // Too short a story for the plan above: fill with the next corroborated facts, most carried first. What one
  // article alone states stays at one sentence in all (a story of one article gets its leading fact only).
  let singlesLeft = MAX_SINGLE - single.length;
  for (const claim of story.claims.filter((c) => !chosen.includes(c) && c.status !== 'disputed').sort(byProminence)) {
    if (sentences.length >= MIN_SENTENCES) break;
    if (claim.quoted || !standsAlone(claim) || repeats(claim)) continue;
    const sentence = claimSentence(claim, story);
    const alone = claim.status === 'single-source' || citedArticles(sentence) < 2;
    if (alone && singlesLeft === 0) continue;
    if (alone) singlesLeft--;
    chosen.push(claim);
    sentences.push(alone ? singleSourceSentence(sentence) : sentence);
  }
  return sentences.slice(0, MAX_SENTENCES);
}

/**
 * The story's main event first: of the facts whose own statements (`carried`) come from at least half as many articles as the
 * most carried one, the one nearest the top of its articles (news leads with what happened), then
 * the rest in order. A background fact every outlet repeats lower down does not open the brief.
 */
function leadFirst(claims: Claim[], carried: (c: Claim) => number): Claim[] {
  // Measured against the claims that can open a brief: a quotation every outlet carries sets no bar for the facts.
  const eligible = claims.filter((c) => !c.quoted && standsAlone(c));
  const most = Math.max(0, ...eligible.map(carried));
  const lead = eligible.filter((c) => carried(c) * 2 >= most).sort((a, b) => a.prominence - b.prominence)[0];
  return lead ? [lead, ...claims.filter((c) => c !== lead)] : claims;
}

/**
 * The claim as its representative article prints it, citing the statements of other articles
 * that say the same as that sentence: a claim's members are alike on average, but a citation
 * must carry the very sentence it supports, so each is checked against the representative.
 */
function claimSentence(claim: Claim, story: StoryClaims): BriefSentence {
  const representative = claim.units.slice(0, claim.core).find(isWholeStatement)!;
  const at = story.units.indexOf(representative!);
  const same = claim.units.flatMap((unit, i) => (unit !== representative && similarity(story.space, at, story.units.indexOf(unit)) >= CITE_SIMILARITY && statesSame(representative, unit) ? [{ unit, span: claim.spans[i]! }] : []));
  return {
    text: claimText(representative!),
    citations: [{ unit: representative!, span: covering(statementSpans(representative!)) }, ...same],
  };
}

/**
 * Whether a statement alike in words to a brief sentence's own (`CITE_SIMILARITY`) can be cited
 * for it, or says otherwise: it denies what the sentence states or states what the sentence
 * denies ("were invited to monitor the poll" / "has not sent observers to monitor the vote"; "do
 * n't require" / "required"), or it gives another value of a measure the sentence gives ("killing
 * at least three people" for "killing at least 10 people"). `npm run bench -- brief` (tuning
 * sample): support 0.856 → 0.898, no judged corroboration dropped.
 */
function statesSame(sentence: ClaimUnit, cited: ClaimUnit): boolean {
  if ([...cited.denied].some((v) => !sentence.denied.has(v))) return false;
  if ([...sentence.denied].some((v) => cited.verbs.has(v) && !cited.denied.has(v))) return false;
  return sentence.quantities.every((q) => {
    const kin = cited.quantities.filter((o) => o.dimension === q.dimension && o.unitClass === q.unitClass);
    return kin.length === 0 || kin.some((o) => sameValue(o.interval, q.interval));
  });
}

/**
 * Two printed values of one measure that state the same: the same lower bound ("three people" and
 * "at least three people"), or bounded ranges that meet ("about three weeks", "three weeks").
 * Open-ended values share values with nearly anything: "at least 10" does not state "at least three".
 */
const sameValue = (a: Interval, b: Interval) => a.low === b.low || (Number.isFinite(a.high) && Number.isFinite(b.high) && overlaps(a, b));

/** How many articles a brief sentence cites. */
const citedArticles = (sentence: BriefSentence) => new Set(sentence.citations.map((c) => c.unit.doc.id)).size;

const singleSourceSentence = (sentence: BriefSentence): BriefSentence => ({ ...sentence, text: `${BRIEF_LEADS.singleSource} ${sentence.text}` });

/** Words that point back at an earlier sentence: a statement opening with one does not stand alone in a brief. */
const ANAPHORIC_OPENING = /^(?:that|this|these|those|it|he|she|they|his|her|their|its|there)\b/i;

/** A statement printed as a sentence of its own: a capital first, no pointer back, the sentence's end at its end. */
function isWholeStatement(unit: ClaimUnit): boolean {
  const text = unit.doc.text.slice(unit.span.start, unit.span.end);
  return /^["“‘(]?\p{Lu}/u.test(text) && !ANAPHORIC_OPENING.test(text.replace(/^["“‘(]/, '')) && unit.span.end === unit.sentence.end;
}

/** Whether some statement of the claim's core can open a brief sentence (`isWholeStatement`): a joined sentence says more than the claim. */
const standsAlone = (claim: Claim) => claim.units.slice(0, claim.core).some(isWholeStatement);

/** One span from the first to the last of some spans of one sentence: the clause with its attribution cited as one passage. */
const covering = (spans: Span[]): Span => ({ start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) });

/**
 * A dispute as one brief sentence per position, in order: "Accounts differ (rescue, took):
 * “just under three hours”." then "vs “more than three hours”.", each citing only the statements
 * that give its value, so that every citation of a sentence states what that sentence says.
 */
function disputeSentences(conflict: Conflict, units: ClaimUnit[]): BriefSentence[] {
  const refs = conflict.positions.flatMap((p) => p.refs);
  // What the figures are about, in words the first position's statements print (its sentence cites those alone).
  const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const printed = new Set(conflict.positions[0]!.refs.flatMap((r) => wordsOf(units[r.unit]!.doc.text.slice(units[r.unit]!.span.start, units[r.unit]!.span.end))));
  const about = sharedWords(refs.map((r) => units[r.unit]!), refs.map((r) => r.value)).filter((w) => wordsOf(w).every((x) => printed.has(x)));
  const lead = BRIEF_LEADS.disputed.replace(/:$/, about.length ? ` (${about.join(', ')}):` : ':');
  return conflict.positions.map((p, i) => ({
    text: `${i === 0 ? lead : BRIEF_LEADS.versus} “${p.refs[0]!.value.text}”.`,
    citations: [...new Map(p.refs.map((r) => [`${r.unit}:${r.cite.start}:${r.cite.end}`, { unit: units[r.unit]!, span: r.cite }])).values()],
  }));
}
