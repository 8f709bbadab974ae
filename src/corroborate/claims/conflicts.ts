import { tokensWithin } from '../../doc/spans.js';
import type { Span } from '../../doc/types.js';
import { overlaps, type Interval } from '../quantities/interval.js';
import { SMALL_NUMBERS } from '../quantities/lexicon.js';
import { WEEKDAYS } from '../../analyze/time/lexicon/units.js';
import { foldTerm } from '../../text/words.js';
import { CROWD_NOUNS, PEOPLE_NOUNS, SERVICE_BODIES } from './lexicon.js';
import { ALIGN_THRESHOLD, similarity, vectorCosine, weighted, type UnitVectors } from './align.js';
import { termKey, type ClaimUnit } from './units.js';

/** A quantity as one unit states it. */
export interface QuantityRef {
  unit: number;
  quantity: ClaimUnit['quantities'][number];
  cite: Span;
}

/** A value as one unit states it: the unit, the printed words of the value, and what cites it. */
export interface ValueRef {
  unit: number;
  value: { start: number; end: number; text: string };
  /** The words that state the value (`valueCitation`): a position is cited by these, never by the whole clause. */
  cite: Span;
}

/** Words before a value that a citation keeps: enough to say what the value measures, not the clause's other facts. */
const CITE_WORDS_BEFORE = 5;
/** Words after a value that a citation keeps: what it counts or when it happened ("$200 million offer"). */
const CITE_WORDS_AFTER = 4;
/** Parts of speech a citation does not end on. */
const DANGLING_POS: ReadonlySet<string> = new Set(['ADP', 'DET', 'SCONJ', 'CCONJ', 'PART', 'AUX', 'PRON']);
/** Marks that end the phrase stating a value: an aside, a list or another clause lies beyond them. */
const PHRASE_BREAK = /^(?:[,;:()[\]"“”«»—–]|--)$/;

/**
 * The words of a clause that state a value: the value with up to `CITE_WORDS_BEFORE` words before
 * it and `CITE_WORDS_AFTER` after it, not past a comma, a dash, the attribution or an "or". "Lynch reported
 * the Red Sox team of owner John Henry, … offered Teixeira, 28, an eight-year deal worth $184 million
 * or $23 million per season" disputes the offer's total by "an eight-year deal worth $184 million";
 * citing the whole clause would also cite the owners, the age and the yearly figure.
 */
export function valueCitation(unit: ClaimUnit, value: Span): Span {
  const text = unit.doc.text;
  const tokens = tokensWithin(unit.doc.layers.tokens, unit.span);
  const attribution = unit.attribution?.span;
  // A dash tokenised as two hyphens ("changes - - Cheeks will be"), not the hyphen of "eight - year".
  const hyphen = (k: number) => tokens[k] !== undefined && text.slice(tokens[k]!.start, tokens[k]!.end) === '-';
  const dash = (k: number) => hyphen(k) && (hyphen(k - 1) || hyphen(k + 1));
  let start = value.start;
  let words = 0;
  for (let k = tokens.length - 1; k >= 0 && words < CITE_WORDS_BEFORE; k--) {
    const t = tokens[k]!;
    if (t.end > value.start) continue;
    if (PHRASE_BREAK.test(text.slice(t.start, t.end)) || dash(k) || (attribution && t.start < attribution.end && attribution.start < t.end)) break;
    // A possessive's "s" is no word of its own: the citation reaches the owner ("Buford ’ s school scoring record of 2,116 points").
    if (/[\p{L}\p{N}]/u.test(text.slice(t.start, t.end)) && !/^['’]?s$/i.test(text.slice(t.start, t.end))) words++;
    // A citation does not open on a conjunction: "killed by a motorist", not "and killed by a motorist".
    if (t.pos !== 'CCONJ') start = t.start;
  }
  // After it, the words that say what it is of or when it happened ("$200 million offer", "about 7 p.m.
  // when a vehicle knocked her"), up to a break or an "or"/"and" that goes on to another value.
  let end = value.end;
  words = 0;
  for (const t of tokens) {
    if (t.start < value.end) continue;
    const word = text.slice(t.start, t.end);
    if (words >= CITE_WORDS_AFTER || PHRASE_BREAK.test(word) || t.pos === 'CCONJ' || /^[.!?]$/.test(word)) break;
    if (/[\p{L}\p{N}]/u.test(word)) words++;
    // A preposition or article left dangling at the window's edge is cut: "in four years", not "in four years under".
    if (!DANGLING_POS.has(t.pos)) end = t.end;
  }
  return { start, end };
}

/** Values that can all be true at once, and the statements giving them. */
export interface Position {
  value: string;
  refs: ValueRef[];
}

/**
 * What a conflict's values are values of, as the brief names it: a measure (a quantity's dimension),
 * a person's age or home town, a rank, a direction, whether a deed happened, a happening's day, date
 * (month or year) or place, a game's score at one moment, who did or underwent one deed (a name).
 */
export type ConflictAspect = 'duration' | 'count' | 'money' | 'percent' | 'time' | 'age' | 'residence' | 'order' | 'direction' | 'whether' | 'day' | 'date' | 'place' | 'score' | 'name';

/** One slot (a quantity, a person's age or home town) on which sources give values that cannot all be true. */
export interface Conflict {
  subject: string;
  aspect: ConflictAspect;
  /** The person whose age or home town is disputed (canonical name). */
  person?: string;
  positions: Position[];
}

/**
 * How similar the contexts of two quantities must be for them to measure one thing, by how their
 * values relate. Measured on the two team-written corpora (`npm run bench -- corroborate`).
 */
const SIMILARITY_NEEDED = {
  /** The same bounded value ("11 people" / "Eleven passengers"): agreement is cheap to link. */
  agreeing: 0.1,
  /**
   * Values that just miss each other ("just under three hours" / "more than three hours"). On the
   * ECB+ fact stories, near misses about different things ("seven seasons" as an assistant,
   * "10 seasons" at a college) stay under 0.17; the disputes of the seeds and examples are over 0.23.
   */
  nearMiss: 0.2,
  /** Values far apart ("two days" / "19 days"): only a close context makes it one slot. */
  farApart: 0.25,
  /** Open-ended values ("at least 16") share values with nearly anything: they link on a close context only. */
  openEnded: 0.35,
} as const;
/**
 * More rival values than this for one slot are several things taken for one: a player's and his
 * teammate's yards, the times of a shooting, a march and a vigil, "four days" and "eight days" of
 * rioting counted from different days. On 44 ECB+ subtopics outside both fact golds, 20 of 75
 * conflicts had three or more positions; read one by one, three of them held a real dispute among
 * their values ("missed nine games" / "missed 10 games", "235,000" / "nearly 300,000 comments").
 * Every conflict of the dev gold has two.
 */
const MAX_POSITIONS = 2;
/** A gap under this share of the smaller value is a near miss. */
const NEAR_GAP_RATIO = 0.5;
/** Values more than this many times apart are different things (a city's population and a leak's victims). */
const FAR_RATIO = 20;

const magnitude = (i: Interval) => (Number.isFinite(i.high) ? (i.low + i.high) / 2 : i.low);

/**
 * Whether two values disagree by a little: disjoint, with a gap small beside the values. Values
 * that overlap are not "near" in this sense: "at least 16" shares values with 34 and with 1,000,
 * so overlap alone says nothing about measuring the same thing.
 */
function nearMiss(a: Interval, b: Interval): boolean {
  if (overlaps(a, b)) return false;
  const gap = Math.max(0, b.low - a.high, a.low - b.high);
  return gap <= NEAR_GAP_RATIO * Math.min(Math.abs(magnitude(a)), Math.abs(magnitude(b)));
}

/**
 * Conflicts: quantities of one slot that no single true value satisfies, from different sources.
 *
 * Two quantities are of one slot ("how long the rescue took") when they measure the same
 * dimension in the same unit (people counted as residents, riders or people alike), come from
 * different sources, and their contexts are similar enough for how their values relate
 * (`sameSlot`): values that just miss each other ("just under three hours" / "more than three
 * hours", the commonest dispute in news) need less than values far apart. A conflict grows only
 * from a direct disagreement: two such quantities that no value satisfies, each joined by the
 * quantities directly agreeing with it (not with it and its rival). Chains of agreement never
 * make a slot: on real news they tie "a few days" to "less than a month" to "a few weeks".
 * Disagreements sharing a quantity are one conflict; its quantities are grouped into positions,
 * each a set of intervals with a common value, and it stands when different sources hold them.
 * "At least 23" and "exceeded 100" share values, so they never conflict.
 * Quantities of one source are never set against each other: an outlet's own figures are
 * updates or different things, not a dispute between sources.
 */
export function findConflicts(units: ClaimUnit[], space: UnitVectors, sourceOf: (unit: ClaimUnit) => string): Conflict[] {
  const refs: QuantityRef[] = units.flatMap((u, unit) => u.quantities.filter((q) => !negated(u, q) && !denominator(u, q) && !partOfList(u, q) && !inName(u, q) && !spanned(u, q) && !describesSpeaker(u, q) && !needed(u, q) && !partitiveWhole(u, q)).map((quantity) => ({ unit, quantity, cite: valueCitation(u, quantity) })));
  // Weighed once here, not once per pair below.
  const contexts = refs.map((r) => weighted(r.quantity.context, space.weight));
  const days = refs.map((r) => weekdaysNear(units[r.unit]!, r.quantity));
  const stretches = refs.map((r) => stretchOf(units[r.unit]!, r.quantity));
  const fates = refs.map((r) => fateOf(units[r.unit]!, r.quantity));
  const measures = refs.map((r) => unitOf(units[r.unit]!, r.quantity));
  const bodies = refs.map((r) => serviceBody(units[r.unit]!, r.quantity));
  const wounded = refs.map((r, k) => (measures[k] === WOUND ? woundedName(units[r.unit]!, r.quantity) : null));
  const link = (payer: (k: number) => string | null) => {
    const agreeing = refs.map(() => [] as number[]);
    const disagreements: Array<[number, number]> = [];
    for (let i = 0; i < refs.length; i++) {
      for (let j = i + 1; j < refs.length; j++) {
        const [a, b] = [refs[i]!, refs[j]!];
        if (a.quantity.dimension !== b.quantity.dimension || measures[i] !== measures[j]) continue;
        if (sourceOf(units[a.unit]!) === sourceOf(units[b.unit]!)) continue;
        // Different nouns qualified ("66-year-old woman" / "36-year-old driver") are different things.
        if (a.quantity.head && b.quantity.head && a.quantity.head !== b.quantity.head) continue;
        // Figures of clauses naming different days are of different happenings: "On Monday about 130
        // people marched", "On Wednesday night about 200 people attended the vigil". Times of day are
        // left alone: "11:30 p.m. Saturday" and "early Sunday" can be one moment told two ways.
        if (a.quantity.dimension !== 'time' && differentDays(days[i]!, days[j]!)) continue;
        // A figure over part of a stretch ("arrested three times since October", "10 points in the
        // first half", "through 14 games") is another measure than one over the whole ("four prior arrests").
        if (stretches[i] !== stretches[j]) continue;
        // Years served in different bodies ("15 years with the department" / "five years in its gang unit") are different measures.
        if (bodies[i] !== null && bodies[j] !== null && bodies[i] !== bodies[j]) continue;
        // Counts of people given different fates ("killed two women" / "shot the three victims") are different measures.
        if (fates[i] !== null && fates[j] !== null && fates[i] !== fates[j]) continue;
        const agree = overlaps(a.quantity.interval, b.quantity.interval);
        // "A few days" and "five days" do not contradict: a vague amount is no side of a dispute.
        if (!agree && (a.quantity.modifier === 'vague' || b.quantity.modifier === 'vague')) continue;
        // Figures about different people ("five seasons" of one coach, "seven seasons" of another).
        if (!agree && !samePeople(units[a.unit]!, units[b.unit]!)) continue;
        // Sums of different payers, agreeing or not: "the Nationals made a $160 million offer" and
        // "the Red Sox made an offer in excess of $160 million"; the Red Sox's "$200 million offer" and
        // the "$200 million" the player's agent asked for. Other figures are not tied to the clause's
        // first name: the time of one arrest is given after "Williams" in one outlet and "his Bentley" in another.
        const [pa, pb] = [payer(i), payer(j)];
        if (pa !== null && pb !== null && pa !== pb) continue;
        // A clause that also gives the other's figure is stating two things, not disputing one:
        // "one count of murder and three counts of homicide" beside "three counts of homicide".
        if (!agree && (givesValue(units[a.unit]!, b.quantity, measures[j]!) || givesValue(units[b.unit]!, a.quantity, measures[i]!))) continue;
        // Wounds are one slot when they are one person's, however the clauses are worded ("Seven bullets hit Mr. Gray" / "Gray was shot eleven times").
        if (measures[i] === WOUND ? wounded[i] === null || wounded[i] !== wounded[j] : !sameSlot(a, b, vectorCosine(contexts[i]!, contexts[j]!), similarity(space, a.unit, b.unit))) continue;
        if (agree) {
          agreeing[i]!.push(j);
          agreeing[j]!.push(i);
        } else disagreements.push([i, j]);
      }
    }
    return { agreeing, disagreements };
  };
  // Whose figure it is: sums by their payer; counts by the name they are printed after ("Richard Carter
  // scored 14 points and Seth VanDeest 13"): a player's and his teammate's points are different slots.
  const printed = (k: number) => {
    const q = refs[k]!.quantity;
    return q.dimension === 'money' ? q.actor : q.dimension === 'count' ? (q.subject ?? q.actor) : null;
  };
  const first = link(printed);
  // A sum printed without its payer ("pegged the Boston offer as high as $184 million") is the
  // payer's whom the outlets printing that sum in that slot name, when they all name one.
  const payerOf = refs.map((_, k) => {
    if (printed(k) !== null || refs[k]!.quantity.dimension !== 'money') return printed(k);
    const named = new Set(first.agreeing[k]!.map(printed).filter((p) => p !== null));
    return named.size === 1 ? [...named][0]! : null;
  });
  const { agreeing, disagreements: direct } = payerOf.some((p, k) => p !== printed(k)) ? link((k) => payerOf[k]!) : first;
  // An outlet that itself prints both rival values of a slot ("blocked two shots" in the decisive run,
  // "6 blocked shots" in the game) is giving two things or an update, not disputing the other outlet:
  // its figure set against another outlet's is no dispute when it also agrees with that outlet's.
  const printsRival = (k: number, rival: number) => {
    const source = sourceOf(units[refs[k]!.unit]!);
    return agreeing[rival]!.some((m) => sourceOf(units[refs[m]!.unit]!) === source && !overlaps(refs[m]!.quantity.interval, refs[k]!.quantity.interval));
  };
  // So may be a third outlet printing the same two values ("passed Buford … with 2,117 points", "ended
  // the game with 2,129 points": the milestone and the total). Only its figures of the same value count:
  // an open bound ("less than $184 million") agrees with much. Such a pair marks its whole slot as
  // several things or an update (below): dropping the pair alone can leave a false dispute among the
  // rest ("eight days" / "a week" of riots printed by one outlet, "more than a week" / "a week" by others).
  const sameValue = (a: number, b: number) => [a, b].every((k) => Number.isFinite(refs[k]!.quantity.interval.high)) && overlaps(refs[a]!.quantity.interval, point(refs[b]!.quantity.interval)) && overlaps(refs[b]!.quantity.interval, point(refs[a]!.quantity.interval));
  const thirdPrintsBoth = (i: number, j: number) =>
    agreeing[i]!.some((a) => sameValue(a, i) && agreeing[j]!.some((b) => sameValue(b, j) && sourceOf(units[refs[a]!.unit]!) === sourceOf(units[refs[b]!.unit]!) && !overlaps(refs[a]!.quantity.interval, refs[b]!.quantity.interval)));
  // A figure printed without its owner ("His 14 points bettered his career high") that agrees with
  // one another statement gives someone else ("Will Artino had a career-high 14 points") may be that
  // one's: it is no side of a dispute over a named owner's figure (Richard Carter's 12 or 14 points).
  const elsewhere = (k: number, owner: string | null) => owner !== null && payerOf[k] === null && agreeing[k]!.some((m) => payerOf[m] !== null && payerOf[m] !== owner);
  const disagreements = direct.filter(([i, j]) => !printsRival(i, j) && !printsRival(j, i) && !elsewhere(i, payerOf[j]!) && !elsewhere(j, payerOf[i]!));
  // Each disagreement with its two sides; disagreements sharing a quantity are one slot.
  const parent = refs.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const inConflict = new Set<number>();
  const updates = disagreements.filter(([i, j]) => thirdPrintsBoth(i, j));
  for (const [i, j] of disagreements) {
    const side = (k: number, rival: number) => [k, ...agreeing[k]!.filter((m) => !overlaps(refs[m]!.quantity.interval, refs[rival]!.quantity.interval) && !elsewhere(m, payerOf[k]!))];
    const members = [...side(i, j), ...side(j, i)];
    for (const m of members) {
      inConflict.add(m);
      parent[find(m)] = find(i);
    }
  }
  const slots = new Map<number, QuantityRef[]>();
  for (const i of inConflict) {
    const root = find(i);
    const slot = slots.get(root);
    if (slot) slot.push(refs[i]!);
    else slots.set(root, [refs[i]!]);
  }
  const conflicts: Conflict[] = [];
  const updated = new Set(updates.map(([i]) => find(i)));
  for (const [root, slot] of slots) {
    if (updated.has(root)) continue;
    let positions = positionsOf(slot);
    if (positions.length > MAX_POSITIONS) positions = oneDeed(slot, units, sourceOf) ?? [];
    if (positions.length < 2) continue;
    const sources = positions.map((p) => new Set(p.refs.map((r) => sourceOf(units[r.unit]!))));
    const disagree = sources.some((s, i) => sources.some((t, j) => i !== j && [...s].some((x) => ![...t].every((y) => y === x))));
    if (!disagree) continue;
    conflicts.push({ subject: subjectOf(slot, units), aspect: slot[0]!.quantity.dimension, positions });
  }
  return conflicts;
}

type UnitQuantity = ClaimUnit['quantities'][number];

/**
 * A slot with more than two rival values, narrowed to the figures of its one deed when outlets
 * disagree on that: "served four months", "served four and a half months", "served five months in
 * federal prison" from three outlets, without "was sentenced …, with all but six months suspended"
 * that joined them. A figure's deed is the verb before it in its phrase, by family, not a word of
 * another figure ("498 rushing yards and 176 receiving yards"); the commonest deed of the slot keeps
 * its figures, the rest are left out. What is left stands only when every outlet holds one position
 * (an outlet printing two values tells two things or an update), at least three outlets give the
 * deed a value, every value is bounded (an open bound agrees with too much to be placed) and the
 * clauses can be about the same people. Most slots of many values on real news are several things
 * taken for one (a player's yards of two kinds, the start of a march and of a shooting, a week since
 * a heart attack and three weeks in hospital): their figures are of different deeds. Null when none stands.
 */
function oneDeed(slot: QuantityRef[], units: ClaimUnit[], sourceOf: (unit: ClaimUnit) => string): Position[] | null {
  const byDeed = new Map<string, QuantityRef[]>();
  for (const r of slot) {
    const deed = deedOf(units[r.unit]!, r.quantity);
    if (deed) byDeed.set(deed, [...(byDeed.get(deed) ?? []), r]);
  }
  const kept = [...byDeed.values()].sort((a, b) => b.length - a.length)[0];
  if (!kept || byDeed.size > 1 && [...byDeed.values()].filter((rs) => rs.length === kept.length).length > 1) return null;
  const clauses = kept.map((r) => units[r.unit]!);
  if (!kept.every((r) => Number.isFinite(r.quantity.interval.high)) || !clauses.every((a) => clauses.every((b) => samePeople(a, b)))) return null;
  const positions = positionsOf(kept);
  const holder = new Map<string, number>();
  for (const [k, p] of positions.entries()) {
    for (const r of p.refs) {
      const source = sourceOf(units[r.unit]!);
      if ((holder.get(source) ?? k) !== k) return null;
      holder.set(source, k);
    }
  }
  return positions.length >= 2 && holder.size >= MIN_OUTLETS_MANY ? positions : null;
}

/** Outlets that must give a deed's figure for a slot of more than two values to stand. */
const MIN_OUTLETS_MANY = 3;

/** The deed a figure is of: the nearest verb before it in its phrase ("served four months"), outside every figure of the clause, by family; null when none or an empty one ("had"). */
function deedOf(unit: ClaimUnit, q: UnitQuantity): string | null {
  const text = unit.doc.text;
  const tokens = tokensWithin(unit.doc.layers.tokens, { start: unit.span.start, end: q.start });
  for (let k = tokens.length - 1; k >= 0; k--) {
    const t = tokens[k]!;
    const word = text.slice(t.start, t.end);
    if (PHRASE_BREAK.test(word) || (unit.attribution && t.start < unit.attribution.span.end && unit.attribution.span.start < t.end)) return null;
    if (unit.quantities.some((o) => t.start < o.end && o.start < t.end)) continue;
    if (t.pos === 'VERB' && tokens[k - 1]?.pos !== 'DET') return termKey(word, t);
  }
  return null;
}

/** A number right after a slash is a fraction's denominator ("4 1/2 months" as printed "41 / 2 months"): no figure of its own. */
const denominator = (unit: ClaimUnit, q: UnitQuantity) => /\d\s*\/\s*$/.test(unit.doc.text.slice(Math.max(unit.span.start, q.start - 4), q.start));

/** An interval's middle as a one-value interval. */
const point = (i: Interval): Interval => ({ low: magnitude(i), high: magnitude(i), lowClosed: true, highClosed: true });

/**
 * What a quantity counts or measures: a crowd's people counted as people ("two dozen protesters" /
 * "three dozen people"), the times a person was hit by gunfire as wounds (`woundCount`).
 */
function unitOf(unit: ClaimUnit, q: UnitQuantity): string {
  if (q.dimension !== 'count') return q.unitClass;
  if (CROWD_NOUNS.has(q.unitClass)) return 'person';
  return woundCount(unit, q) ? WOUND : q.unitClass;
}

const WOUND = 'wound';
/** Verbs whose "N times" counts the times someone was hit ("was shot seven times", "hitting Gray eleven times"). */
const WOUND_VERBS: ReadonlySet<string> = new Set(['shoot', 'hit', 'strike', 'wound']);
/** Verbs whose bullets are ones that hit ("seven bullets entered his body", "was hit by seven bullets"). */
const BULLET_HIT_VERBS: ReadonlySet<string> = new Set(['hit', 'strike', 'enter', 'pierce', 'wound']);
const BULLETS: ReadonlySet<string> = new Set(['bullet', 'round']);

/**
 * Whether a count is of the times a person was hit by gunfire: "was shot eleven times", "hitting
 * Gray eleven times", "seven bullets entered Gray's body", "was hit by seven bullets". News gives
 * the wounds both ways, and they are another measure than the shots fired ("fired 11 shots", "shot
 * 11 times" with no one shot named, which may count shots fired): only a passive or a verb with
 * its object before "N times" counts wounds.
 */
function woundCount(unit: ClaimUnit, q: UnitQuantity): boolean {
  const { tokens, word, first, last } = around(unit, q);
  if (first < 0) return false;
  const lemma = (k: number) => (tokens[k] ? foldTerm(tokens[k]!.lemma) : '');
  const verb = (k: number, verbs: ReadonlySet<string>) => tokens[k]?.pos === 'VERB' && verbs.has(lemma(k));
  if (q.unitClass === 'time') {
    // The verb right before, or before its object ("hitting Gray", "shot him", "struck Mr . Gray").
    let k = first - 1;
    let object = false;
    while (k >= 0 && first - k <= 4 && ['PROPN', 'PRON'].includes(tokens[k]!.pos) || (k >= 0 && word(k) === '.' && tokens[k - 1]?.pos === 'PROPN')) {
      object = true;
      k--;
    }
    if (!verb(k, WOUND_VERBS)) return false;
    return object || tokens[k - 1]?.pos === 'AUX';
  }
  if (!BULLETS.has(q.unitClass)) return false;
  // "seven bullets entered", "Seven bullets hit Mr . Gray"; "was hit by seven bullets".
  return verb(last + 1, BULLET_HIT_VERBS) || (/^by$/i.test(word(first - 1)) && verb(first - 2, BULLET_HIT_VERBS));
}

/**
 * The name nearest a wound count in its clause, as its last word folded ("Gray" of "Kimani Gray" and
 * of "Mr . Gray"): whose wounds they are. Null when the clause names no one.
 */
function woundedName(unit: ClaimUnit, q: UnitQuantity): string | null {
  const { tokens, word, first, last } = around(unit, q);
  let best: { name: string; distance: number } | null = null;
  tokens.forEach((t, k) => {
    if (t.pos !== 'PROPN' || tokens[k + 1]?.pos === 'PROPN' || (word(k + 1) === '.' && tokens[k + 2]?.pos === 'PROPN')) return;
    const distance = k < first ? first - k : k > last ? k - last : 0;
    if (!best || distance < best.distance) best = { name: foldTerm(word(k)), distance };
  });
  return (best as { name: string } | null)?.name ?? null;
}

/** The clause's tokens just before and just after a quantity, and the words between its number and its noun. */
function around(unit: ClaimUnit, q: UnitQuantity) {
  const tokens = tokensWithin(unit.doc.layers.tokens, unit.span);
  const word = (k: number) => (tokens[k] ? unit.doc.text.slice(tokens[k]!.start, tokens[k]!.end) : '');
  const first = tokens.findIndex((t) => t.start >= q.start);
  let last = first;
  while (tokens[last + 1] && tokens[last + 1]!.end <= q.end) last++;
  return { tokens, word, first, last };
}

/**
 * Whether a count of people is one part of a list of counted people ("a man and two women", "two
 * adults and three children"): a part is no rival of the whole another outlet counts ("three bank workers").
 */
function partOfList(unit: ClaimUnit, q: UnitQuantity): boolean {
  if (q.dimension !== 'count' || q.unitClass !== 'person') return false;
  const { tokens, word, first, last } = around(unit, q);
  if (first < 0) return false;
  const joint = (k: number) => /^(?:and|or)$/i.test(word(k));
  const person = (k: number) => tokens[k]?.pos === 'NOUN' && PEOPLE_NOUNS.has(foldTerm(tokens[k]!.lemma));
  const counted = (k: number) => tokens[k]?.pos === 'DET' || tokens[k]?.pos === 'NUM';
  // The other member counts people too ("a man", "three children"); "a wife and two children" is a family, and its count a total.
  const before = joint(first - 1) && person(first - 2) && counted(first - 3);
  let k = last + 2;
  while (tokens[k]?.pos === 'ADJ' || (k === last + 2 && counted(k))) k++;
  const after = joint(last + 1) && counted(last + 2) && person(k);
  return before || after;
}

/** Whether the number of a count opens a name ("an 8 Block gang member"): a capitalised word stands between it and its noun. */
function inName(unit: ClaimUnit, q: UnitQuantity): boolean {
  if (q.dimension !== 'count') return false;
  const { word, first, last } = around(unit, q);
  if (first < 0) return false;
  for (let k = first + 1; k < last; k++) if (/^\p{Lu}/u.test(word(k))) return true;
  return false;
}

/** Counts that measure a stretch as durations do: "105 games over three seasons" spreads the games across them. */
const STRETCH_UNITS: ReadonlySet<string> = new Set(['season', 'game', 'match', 'term', 'round', 'inning', 'quarter', 'half', 'period']);

/** Whether "over" before a duration or a count of stretches tells the stretch a thing is spread across ("loans over three years"), not "more than". */
function spanned(unit: ClaimUnit, q: UnitQuantity): boolean {
  if (!(q.dimension === 'duration' || (q.dimension === 'count' && STRETCH_UNITS.has(q.unitClass))) || !/^over\b/i.test(q.text)) return false;
  const { tokens, first } = around(unit, q);
  return first > 0 && ['NOUN', 'PROPN', 'NUM'].includes(tokens[first - 1]!.pos);
}

/**
 * Whether a quantity lies in the clause's attribution: "“…,” said the 29-year-old on the eve of the
 * Open" describes the speaker, not what the story reports.
 */
function describesSpeaker(unit: ClaimUnit, q: UnitQuantity): boolean {
  const a = unit.attribution?.span;
  if (a !== undefined && q.start >= a.start && q.end <= a.end) return true;
  // The attribution as printed after a quote, whether or not it was read as one: "said the 29-year-old".
  return SAID_BEFORE.test(unit.doc.text.slice(Math.max(unit.span.start, q.start - 16), q.start));
}

const SAID_BEFORE = /\b(?:said|says|added|told)\s+(?:the|a|an)\s+$/i;

/** "needing 11 points to break the record", "needs two wins": what someone needs is a target, not what happened. */
const NEED_BEFORE = /\bneed(?:s|ed|ing)?\s+(?:only\s+|just\s+)?$/i;
const needed = (unit: ClaimUnit, q: UnitQuantity) => NEED_BEFORE.test(unit.doc.text.slice(Math.max(unit.span.start, q.start - 20), q.start));

const WEEKDAY_NAMES = new RegExp(`\\b(?:${Object.keys(WEEKDAYS).join('|')})\\b`, 'gi');

/** How far from a figure (characters, within its clause) a weekday dates it. */
const DAY_REACH = { before: 60, after: 40 } as const;

/**
 * The weekdays named near a figure in its clause ("On Monday a group of about 130 people", "about 200
 * people attended the vigil Wednesday"), lower case. A day further off in a long clause often dates
 * something else ("On Tuesday, police could be seen inside a store where, the night before, a group of…").
 */
function weekdaysNear(unit: ClaimUnit, q: UnitQuantity): Set<string> {
  const from = Math.max(unit.span.start, q.start - DAY_REACH.before);
  const to = Math.min(unit.span.end, q.end + DAY_REACH.after);
  return new Set([...unit.doc.text.slice(from, to).matchAll(WEEKDAY_NAMES)].map((m) => m[0].toLowerCase()));
}

/** Whether both clauses name days and share none. */
const differentDays = (a: Set<string>, b: Set<string>) => a.size > 0 && b.size > 0 && ![...a].some((d) => b.has(d));

/**
 * Words after a figure that restrict it to part of a stretch of time ("since October", "in the first
 * half", "so far"), or before it that make it a point in a series ("through 14 games"): the figure's
 * measure, folded; '' when none. Figures with different restrictions measure different things.
 */
const STRETCH_AFTER = /^\s*(?:(?<since>since)\s+\S+|(?<part>in the (?:first|second|third|fourth|final|last|opening|closing) \S+)|(?<far>so far))/i;
const STRETCH_BEFORE = /\b(?<through>through)\s+$/i;

/**
 * A rate: "eight rebounds a game", "23 points and eight rebounds per game", "12 hours a day", or a figure
 * after "averaging": an average over many games or days, never a rival of what one game or day gave
 * ("grabbed seven rebounds" in the final). Not "a day after" or "a year ago", which date a figure.
 */
const RATE_AFTER = /^\s*(?:and\s+\S+\s+\S+\s+)?(?:a|an|per|each)\s+(?:game|match|night|contest|start|outing|race|season|year|month|week|day|hour)\b(?!\s+(?:after|before|earlier|later|ago|into|or)\b)/i;
const RATE_BEFORE = /\baverag(?:e|es|ed|ing)(?:\s+of)?\s+$/i;

/** Prepositions that open the body a stretch of service is spent in or with. */
const SERVICE_PREPOSITIONS = /^(?:with|in|of|at|on|for)$/i;
/** How many words from a duration the body's phrase may start. */
const SERVICE_REACH = 12;

/**
 * The body a duration was spent in or with, by the head of the nearest phrase opened by "with",
 * "in", "of", "at", "on" or "for" within `SERVICE_REACH` words of it in its clause, when that head is
 * a body's noun (`SERVICE_BODIES`): "had served with the Sheriff's Department for 15 years" →
 * department, "a member of its anti-gang unit for the past five years" → unit. Null otherwise.
 */
function serviceBody(unit: ClaimUnit, q: UnitQuantity): string | null {
  if (q.dimension !== 'duration') return null;
  const { tokens, word, first, last } = around(unit, q);
  if (first < 0) return null;
  // The phrase's head: its last noun before a word that belongs to no noun phrase.
  const headAfter = (k: number) => {
    let head: string | null = null;
    for (let m = k + 1; m < tokens.length && (m < first || m > last); m++) {
      const pos = tokens[m]!.pos;
      // A body's noun capitalised in its name ("the Sheriff's Department") heads the phrase too.
      const lemma = foldTerm(tokens[m]!.lemma).toLowerCase();
      if (pos === 'NOUN' || (pos === 'PROPN' && SERVICE_BODIES.has(lemma))) head = lemma;
      else if (pos === 'PUNCT' ? !/^[-'’]$/.test(word(m)) : !NOUN_PHRASE_POS.has(pos)) break;
    }
    return head !== null && SERVICE_BODIES.has(head) ? head : null;
  };
  let best: string | null = null;
  let nearest = SERVICE_REACH + 1;
  for (let k = 0; k < tokens.length; k++) {
    if (k >= first && k <= last) continue;
    const distance = k < first ? first - k : k - last;
    if (distance >= nearest || !SERVICE_PREPOSITIONS.test(word(k))) continue;
    const head = headAfter(k);
    if (head) [best, nearest] = [head, distance];
  }
  return best;
}
/** Parts of speech inside a noun phrase besides its nouns ("its anti-gang", "the Sheriff's"). */
const NOUN_PHRASE_POS: ReadonlySet<string> = new Set(['DET', 'ADJ', 'PROPN', 'PART', 'PRON', 'NUM']);

function stretchOf(unit: ClaimUnit, q: UnitQuantity): string {
  const text = unit.doc.text;
  const after = STRETCH_AFTER.exec(text.slice(q.end, unit.span.end));
  if (after) return (after.groups!.since ?? after.groups!.part ?? after.groups!.far ?? '').toLowerCase();
  if (STRETCH_BEFORE.test(text.slice(Math.max(unit.span.start, q.start - 12), q.start))) return 'through';
  if (RATE_AFTER.test(text.slice(q.end, unit.span.end)) || RATE_BEFORE.test(text.slice(Math.max(unit.span.start, q.start - 20), q.start))) return 'per';
  // An -ing word closing the phrase right after the counted noun says which kind is counted:
  // "four touchdowns receiving" is no rival of "six touchdowns" scored in all.
  const { tokens, word, last } = around(unit, q);
  const next = tokens[last + 1];
  const closing = tokens[last + 2] === undefined || /^[,.;:!?]$|^and$/i.test(word(last + 2));
  return next?.pos === 'VERB' && /ing$/i.test(word(last + 1)) && closing ? word(last + 1).toLowerCase() : '';
}

/**
 * What befell the people a count counts, by the word of a fate nearest to it in its clause: news counts
 * the dead, the shot and the hurt apart ("three people were shot, two of them fatally"), so counts of
 * different fates are no rivals. "fatally shot" is a death. Null for other counts, or when no such word is near.
 */
const FATES: ReadonlyMap<string, 'dead' | 'shot' | 'hurt'> = new Map([
  ...['kill', 'killed', 'die', 'died', 'dead', 'death', 'slay', 'slain', 'murder', 'murdered'].map((w) => [w, 'dead'] as const),
  ...['shoot', 'shot', 'stab', 'stabbed'].map((w) => [w, 'shot'] as const),
  ...['wound', 'wounded', 'injure', 'injured', 'hurt'].map((w) => [w, 'hurt'] as const),
]);
/** How many tokens from a count a fate's word may stand ("two people have been killed": 3). */
const FATE_REACH = 6;

function fateOf(unit: ClaimUnit, q: UnitQuantity): 'dead' | 'shot' | 'hurt' | null {
  if (q.dimension !== 'count' || q.unitClass !== 'person') return null;
  const { tokens, word, first, last } = around(unit, q);
  if (first < 0) return null;
  let best: 'dead' | 'shot' | 'hurt' | null = null;
  let nearest = FATE_REACH + 1;
  for (let k = 0; k < tokens.length; k++) {
    // A fate printed as the count's noun ("12 dead") is its own.
    const distance = k < first ? first - k : k > last ? k - last : 0;
    if (distance >= nearest) continue;
    let fate = FATES.get(foldTerm(tokens[k]!.lemma)) ?? FATES.get(word(k).toLowerCase());
    if (fate === 'shot' && /^fatally$/i.test(word(k - 1))) fate = 'dead';
    if (fate) [best, nearest] = [fate, distance];
  }
  return best;
}

/**
 * Whether a figure is the whole of a part the clause counts, owned by someone it does not name: "he
 * has three of his four touchdowns in that stretch" tells the three; whose four is left to the sentence before.
 */
function partitiveWhole(unit: ClaimUnit, q: UnitQuantity): boolean {
  if (q.dimension !== 'count') return false;
  return PARTITIVE_BEFORE.test(unit.doc.text.slice(Math.max(unit.span.start, q.start - 30), q.start));
}

const PARTITIVE_BEFORE = /\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|all|both|most|some|none)\s+of\s+(?:his|her|their|its)\s+$/i;

/** Words that deny what follows them in a clause. */
const NEGATIONS: ReadonlySet<string> = new Set(['no', 'not', "n't", 'never', 'none', 'nobody', 'neither', 'nor', 'without']);

/**
 * Whether a clause denies its figure rather than stating it: "none of those offers are believed to
 * be for more than eight years" gives no length of an offer, so it is no side of a dispute.
 */
export const negated = (unit: ClaimUnit, q: { start: number }) =>
  tokensWithin(unit.doc.layers.tokens, { start: unit.span.start, end: q.start }).some((t) => NEGATIONS.has(unit.doc.text.slice(t.start, t.end).toLowerCase().replace('’', "'")));

/** Whether two clauses can be about the same person: one names nobody, or they share someone. */
export const samePeople = (a: ClaimUnit, b: ClaimUnit) => a.people.size === 0 || b.people.size === 0 || [...a.people].some((p) => b.people.has(p));

/**
 * Whether a unit states a quantity of the same kind whose value agrees with `q`, or prints `q`'s
 * number bare, its noun left implied: "played for 11 seasons and served as an assistant for seven".
 */
const givesValue = (unit: ClaimUnit, q: ClaimUnit['quantities'][number], measure: string) =>
  unit.quantities.some((o) => o.dimension === q.dimension && unitOf(unit, o) === measure && overlaps(o.interval, givenBy(q))) || printsBare(unit, q);

/**
 * The values a clause must give to give `q`'s figure: an open-ended figure is given by its bound
 * ("at least 100" by "100 people"), not by every value it allows: "a group of about 130 people"
 * does not give "at least three dozen".
 */
const givenBy = (q: UnitQuantity): Interval =>
  Number.isFinite(q.interval.high) ? q.interval : { low: q.interval.low, high: q.interval.low, lowClosed: q.interval.lowClosed, highClosed: q.interval.lowClosed };

function printsBare(unit: ClaimUnit, q: ClaimUnit['quantities'][number]): boolean {
  if (q.dimension !== 'count' || q.interval.low !== q.interval.high) return false;
  for (const token of tokensWithin(unit.doc.layers.tokens, unit.span)) {
    if (token.pos !== 'NUM') continue;
    if (unit.quantities.some((o) => token.start < o.end && o.start < token.end)) continue;
    const word = unit.doc.text.slice(token.start, token.end).toLowerCase();
    if ((/^\d+$/.test(word) ? Number(word) : SMALL_NUMBERS[word]) === q.interval.low) return true;
  }
  return false;
}

/**
 * Whether two quantities measure one thing, given the similarity of their contexts: the better of two readings, the words
 * around each quantity, and its whole clause ("put the cost of the response … at €40,000" keeps
 * "cost" far from the figure). The similarity needed depends on how the values relate.
 */
function sameSlot(a: QuantityRef, b: QuantityRef, local: number, clause: number): boolean {
  const [x, y] = [a.quantity.interval, b.quantity.interval];
  const either = Math.max(local, clause);
  const bounded = Number.isFinite(x.high) && Number.isFinite(y.high);
  if (overlaps(x, y)) return either >= (bounded ? SIMILARITY_NEEDED.agreeing : SIMILARITY_NEEDED.openEnded);
  if (nearMiss(x, y)) return either >= SIMILARITY_NEEDED.nearMiss;
  // Values far apart are one slot only when the words around the figures agree and the clauses
  // state the same thing: on real news most pairs of far-apart figures in one story are
  // different things ("one count of murder" / "three counts of homicide", a coach's two jobs).
  const ratio = Math.max(magnitude(x), magnitude(y)) / Math.max(Number.MIN_VALUE, Math.min(magnitude(x), magnitude(y)));
  return ratio <= FAR_RATIO && local >= SIMILARITY_NEEDED.farApart && clause >= ALIGN_THRESHOLD;
}

/**
 * Groups a slot's quantities into positions: sorted by their lower bound, each joins the first
 * position whose common values it shares, else opens a new one.
 */
function positionsOf(slot: QuantityRef[]): Position[] {
  const open: Array<{ common: Interval; refs: QuantityRef[] }> = [];
  for (const ref of [...slot].sort((a, b) => a.quantity.interval.low - b.quantity.interval.low)) {
    const i = ref.quantity.interval;
    const joined = open.find((p) => overlaps(p.common, i));
    if (joined) {
      joined.common = intersect(joined.common, i);
      joined.refs.push(ref);
    } else open.push({ common: i, refs: [ref] });
  }
  return open.map((p) => ({ value: [...new Set(p.refs.map((r) => r.quantity.text))].join(' / '), refs: p.refs.map((r) => ({ unit: r.unit, value: r.quantity, cite: r.cite })) }));
}

function intersect(a: Interval, b: Interval): Interval {
  const low = Math.max(a.low, b.low);
  const high = Math.min(a.high, b.high);
  return {
    low,
    high,
    lowClosed: (a.low === low ? a.lowClosed : true) && (b.low === low ? b.lowClosed : true),
    highClosed: (a.high === high ? a.highClosed : true) && (b.high === high ? b.highClosed : true),
  };
}

const QUESTIONS: Record<string, (unit: string) => string> = {
  duration: () => 'how long',
  count: (unit) => `how many (${unit === 'person' ? 'people' : unit})`,
  money: (unit) => `how much (${unit})`,
  percent: () => 'what share',
  time: () => 'what time',
};

/** "how long — rescue, took": the question the slot answers and the words its clauses share, as printed. */
function subjectOf(slot: QuantityRef[], units: ClaimUnit[]): string {
  const first = slot[0]!.quantity;
  const measure = unitOf(units[slot[0]!.unit]!, first);
  const question = first.unitClass === 'caliber' ? 'what calibre' : measure === WOUND ? 'how many times hit' : QUESTIONS[first.dimension]!(measure);
  const words = sharedWords(slot.map((r) => units[r.unit]!), slot.map((r) => r.quantity));
  return words.length ? `${question}: ${words.join(', ')}` : question;
}

/**
 * Up to three words (as printed) whose terms occur in more than one of the units, nearest first
 * to the unit's anchor (its quantity): the words that say what the figures measure.
 */
export function sharedWords(units: ClaimUnit[], anchors: Array<{ start: number; end: number }>): string[] {
  const seenIn = new Map<string, number>();
  for (const u of new Set(units)) for (const key of u.terms.keys()) if (!key.startsWith('e:')) seenIn.set(key, (seenIn.get(key) ?? 0) + 1);
  const candidates: Array<{ word: string; distance: number }> = [];
  units.forEach((u, i) => {
    const anchor = anchors[i] ?? u.span;
    for (const token of u.doc.layers.tokens) {
      if (token.start < u.span.start || token.end > u.span.end || (token.pos !== 'NOUN' && token.pos !== 'VERB')) continue;
      if (anchors.some((s) => token.start < s.end && s.start < token.end)) continue;
      const key = termKey(u.doc.text.slice(token.start, token.end), token);
      if (!key || !u.terms.has(key) || (seenIn.get(key) ?? 0) < 2) continue;
      const distance = token.start >= anchor.end ? token.start - anchor.end : anchor.start - token.end;
      candidates.push({ word: u.doc.text.slice(token.start, token.end).toLowerCase(), distance });
    }
  });
  const words = [...new Set(candidates.sort((a, b) => a.distance - b.distance).map((c) => c.word))];
  return words.slice(0, 3);
}
