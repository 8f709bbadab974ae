import { overlaps } from '../quantities/interval.js';
import { termKey, type ClaimUnit } from './units.js';
import { tokensWithin } from '../../doc/spans.js';

/** Weighted term vectors of units, ready for cosine similarity. */
export interface UnitVectors {
  vectors: Array<Map<string, number>>;
  norms: number[];
  /** The weight of a term in this story: rarer is heavier. */
  weight: (key: string) => number;
  predicates: Array<Set<string>>;
  /** Each unit's predicate terms holding a digit (its figures), for `similarity`. */
  figures: string[][];
  events: Array<Set<string>>;
}

/**
 * TF-IDF vectors over the story's units. Rarity is measured within the story: in a story about
 * Petro, "Petro" says little about which fact a clause states; "drive-wheel" says a lot.
 * Entity ids weigh double: the same people and places are the strongest sign of the same fact.
 */
export function unitVectors(units: ClaimUnit[]): UnitVectors {
  const df = new Map<string, number>();
  for (const u of units) for (const key of u.terms.keys()) df.set(key, (df.get(key) ?? 0) + 1);
  const n = units.length;
  // Computed once per term: the alignment asks for the weights of shared terms of every pair it compares.
  const weights = new Map<string, number>();
  for (const [key, count] of df) weights.set(key, (key.startsWith('e:') ? 2 : 1) * Math.log(1 + n / count));
  const weight = (key: string) => weights.get(key) ?? (key.startsWith('e:') ? 2 : 1) * Math.log(1 + n);
  const vectors = units.map((u) => weighted(u.terms, weight));
  const norms = vectors.map(norm);
  return { vectors, norms, weight, predicates: units.map((u) => u.predicates), figures: units.map((u) => figuresOf(u.predicates)), events: units.map((u) => u.events) };
}

/** Term counts as TF-IDF weights (sublinear term frequency). */
export function weighted(terms: Map<string, number>, weight: (key: string) => number): Map<string, number> {
  const v = new Map<string, number>();
  for (const [key, count] of terms) v.set(key, (1 + Math.log(count)) * weight(key));
  return v;
}

const norm = (v: Map<string, number>) => Math.sqrt([...v.values()].reduce((s, x) => s + x * x, 0));

/** Cosine similarity of two weighted term vectors. */
export function vectorCosine(a: Map<string, number>, b: Map<string, number>): number {
  const denominator = norm(a) * norm(b);
  return denominator === 0 ? 0 : dot(a, b) / denominator;
}

/** Shared predicate weight below this leaves two statements sharing only who, not what happened. */
const PREDICATE_WEIGHT_NEEDED = 1;
/** What the cosine of such statements counts for. */
const PARTICIPANTS_ONLY_FACTOR = 0.5;

/**
 * How alike two units of a story are: the cosine of their term vectors, halved when they share
 * no verb, common noun or number of some weight in the story. Two statements about the same
 * people that say different things of them ("King announced Cheeks was hired" / "King is the
 * team's president") share names and little else; one fact told twice shares what happened.
 * Measured on the ECB+ fact gold (`npm run bench -- facts`): recall at pair precision 0.9 rises
 * from 0.41 to 0.44.
 * Unless all that one of them says happened the other says too: the story's own event is told
 * by its commonest verb, which weighs little ("Ellen DeGeneres will host the Oscars" / "… will
 * host this year's Oscars" in a story where most clauses say "host"), and neither gives a figure
 * the other does not ("hosted the Oscars in 2007" is another night). `npm run bench -- facts`:
 * dev pair precision 0.916 → 0.931, recall 0.524 → 0.529, single-source accuracy 0.763 → 0.789;
 * held out unchanged.
 */
export function similarity(space: UnitVectors, i: number, j: number): number {
  const denominator = space.norms[i]! * space.norms[j]!;
  if (denominator === 0) return 0;
  return predicateWeighed(space, dot(space.vectors[i]!, space.vectors[j]!) / denominator, space.predicates[i]!, space.predicates[j]!, space.figures[i], space.figures[j]);
}

/**
 * `similarity` of two statements that are not units of the space (stretches of units, `unitPart`),
 * weighed by the story's term weights.
 */
export function termSimilarity(space: UnitVectors, a: { terms: Map<string, number>; predicates: Set<string> }, b: { terms: Map<string, number>; predicates: Set<string> }): number {
  return predicateWeighed(space, vectorCosine(weighted(a.terms, space.weight), weighted(b.terms, space.weight)), a.predicates, b.predicates);
}

/** Predicate terms that are figures (hold a digit). */
const figuresOf = (predicates: Set<string>): string[] => [...predicates].filter((key) => /\d/.test(key));

/** A cosine as `similarity` counts it, given the two statements' predicate terms (and their figures, when known). */
function predicateWeighed(space: UnitVectors, cos: number, a: Set<string>, b: Set<string>, figuresA = figuresOf(a), figuresB = figuresOf(b)): number {
  let shared = 0;
  let common = 0;
  for (const key of a) {
    if (!b.has(key)) continue;
    shared += space.weight(key);
    common++;
  }
  // A figure only one gives tells another happening of the same kind ("hosted the gala in 2019").
  const figureApart = figuresA.some((key) => !b.has(key)) || figuresB.some((key) => !a.has(key));
  const whole = common > 0 && (common === a.size || common === b.size) && !figureApart;
  return shared >= PREDICATE_WEIGHT_NEEDED || whole ? cos : cos * PARTICIPANTS_ONLY_FACTOR;
}

/**
 * How much of unit i's statement unit j also states: the share of i's weighted terms that j has
 * (0–1), or 0 when they share no verb or common noun of weight (a figure alone is no happening:
 * "rebuffed him three times" is not inside "after three-plus seasons"). News packs several facts
 * into a sentence: "Ellen DeGeneres will host the Oscars" is wholly inside "DeGeneres just tweeted
 * she will be hosting the Oscars this year", whose other words (the tweet) lower their cosine.
 * Asked of many units i in one unit j (`containing`: every unit sharing an event word with a
 * claim's statements, most pairs of a story), with the terms as numbers: j's events and terms are
 * marked once (`mark`), then each i reads its own weights and values in its own order (`share`),
 * as string look-ups did before, so every sum is the same.
 */
function containedIn(space: UnitVectors) {
  const ids = new Map<string, number>();
  const idOf = (key: string) => {
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    return id;
  };
  const events = space.events.map((set) => Int32Array.from(set, idOf));
  const eventWeights = space.events.map((set) => Float64Array.from(set, (key) => space.weight(key)));
  const terms = space.vectors.map((v) => Int32Array.from(v.keys(), idOf));
  const values = space.vectors.map((v) => Float64Array.from(v.values()));
  const eventMark = new Int32Array(ids.size);
  const termMark = new Int32Array(ids.size);
  let stamp = 0;
  return {
    /** Makes j the unit the next `share` calls test containment in. */
    mark(j: number): void {
      stamp++;
      for (const id of events[j]!) eventMark[id] = stamp;
      for (const id of terms[j]!) termMark[id] = stamp;
    },
    /** How much of unit i's statement the marked unit j also states. */
    share(i: number): number {
      const own = events[i]!;
      const weights = eventWeights[i]!;
      let predicate = 0;
      for (let k = 0; k < own.length; k++) if (eventMark[own[k]!] === stamp) predicate += weights[k]!;
      if (predicate < PREDICATE_WEIGHT_NEEDED || space.norms[i] === 0) return 0;
      const keys = terms[i]!;
      const xs = values[i]!;
      let shared = 0;
      let count = 0;
      for (let k = 0; k < keys.length; k++) {
        if (termMark[keys[k]!] !== stamp) continue;
        shared += xs[k]! * xs[k]!;
        count++;
      }
      return count >= 2 ? shared / space.norms[i]! ** 2 : 0;
    },
  };
}

function dot(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [key, x] of small) {
    const y = large.get(key);
    if (y !== undefined) sum += x * y;
  }
  return sum;
}

/**
 * `npm run bench -- facts`: on the dev fact gold 0.26 gained a little pair recall at the same
 * false corroboration; on the held-out gold it nearly doubled false corroboration (0.044 → 0.078).
 * A claim shown as corroborated that is not costs more than a paraphrase left apart: 0.3.
 */
export const ALIGN_THRESHOLD = 0.3;
const MAX_POSTINGS = 200;
/**
 * A unit of another article joins a claim, besides the claim it is in, when this much of the
 * claim's statements is inside it (`contained`, the mean over the two it contains best:
 * `bestTwoMean`): the longer sentence states that fact too, among others. `npm run bench -- facts`, dev gold (before the quotes model read
 * attribution): pair recall 0.367 → 0.406 at pair precision 0.960 → 0.959; at 0.4, precision fell to 0.913.
 */
export const CONTAINED_JOIN = 0.5;

/**
 * A unit of another article also joins a claim of two or more statements when it is as alike to
 * the two it is nearest as two statements the aligner judges the same (`ALIGN_THRESHOLD`, mean of
 * the two best) and holds this much of their terms: one fact worded apart from the claim's
 * members, which average linkage kept out because it is less alike to the rest ("They used a
 * Taser to subdue him" / "Officers used a Taser to subdue him" / "Police say they had to Taser him
 * to get him out of his car"). `npm run bench -- facts`: dev pair recall 0.488 → 0.522 at
 * precision 0.923 → 0.912; held out 0.498 → 0.533 at 0.964 → 0.936, false corroboration 0.019
 * both (at 0.2: dev precision 0.901; joining by the similarity alone: 0.889).
 */
const ALIKE_CONTAINED = 0.3;
/**
 * Or alike to one of them this much (half again the same-statement bar), the claim of any size: a
 * sentence telling one fact of a two-fact sentence of another article, which average linkage put
 * with that sentence's other fact. Dev corroborated-recall 0.654 → 0.668 at the same pair
 * precision; held out unchanged (at 0.4: dev precision 0.909, 0.35: 0.901, for no more facts).
 */
const CLOSE_PAIR = 0.45;
/**
 * Two statements alike this much may bridge two claims into one (`unitable`): well below the
 * aligner's bar, because the claims' deeds, people and figures must agree besides, and a sentence
 * telling the claim's fact among others ("The Academy announced this morning that Ellen DeGeneres
 * would return … as emcee, marking her second hosting stint") is little alike to it as a whole.
 * `npm run bench -- facts`, dev pair P / R / F1 0.928 / 0.549 / 0.690 → 0.937 / 0.557 / 0.699 at 0.15
 * (0.1: 0.932 / 0.559 / 0.699; 0.05: 0.926 / 0.547); held out 0.939 / 0.559 / 0.701 → 0.942 / 0.567 /
 * 0.708, corroborated-recall 0.633 → 0.638, false corroboration 0.016 both.
 */
const UNITE_SIMILARITY = 0.15;

/** One fact's statements: the core grouped by similarity, then units of other articles stating it among other things. */
export interface UnitGroup {
  core: number[];
  /** Units whose sentence also states the core's fact (`CONTAINED_JOIN`); each is in a core of its own too. */
  joined: number[];
  /** Those of `joined` alike to the core as wholes (`ALIKE_CONTAINED`): the same statement, cited by its whole clause. */
  alike: number[];
}

/**
 * Groups units that state the same fact, across articles. Average-linkage agglomeration over the
 * cosine similarities of units of different articles: the most similar pair of groups merges
 * first, and two groups merge only while the mean similarity over all their cross pairs stays at
 * or above the threshold (a single chance overlap cannot chain two facts together), and only if
 * no article is in both (one article's two sentences are two statements, not one told twice).
 * Then each group is joined by the unit of each other article that contains its statements best
 * (`CONTAINED_JOIN`): a sentence stating several facts belongs to the claim of each; or that is
 * alike to them as a whole (`ALIKE_CONTAINED`). Before that, two groups telling one proposition
 * unite (`unitable`), never two whose statements `disputing` says stand on two sides of a conflict.
 */
export function alignUnits(units: ClaimUnit[], space: UnitVectors = unitVectors(units), threshold = ALIGN_THRESHOLD, disputing: (i: number, j: number) => boolean = () => false): UnitGroup[] {
  // Similarities keyed per unit (sims[i].get(j), i < j): one Map of all pairs overflows a Map's size limit (2^24) on large stories.
  const sims = units.map(() => new Map<number, number>());
  const simOf = (i: number, j: number) => (i < j ? sims[i]!.get(j) : sims[j]!.get(i));
  const candidates: Array<[number, number, number]> = [];
  const byTerm = new Map<string, number[]>();
  units.forEach((u, i) => {
    for (const key of u.terms.keys()) {
      const list = byTerm.get(key);
      if (list) list.push(i);
      else byTerm.set(key, [i]);
    }
  });
  // Pairs are found through the terms they share. A term in most units ("Petro" in a story about
  // him) finds every pair and decides none; pairs that share only such terms score low anyway.
  const commonest = Math.max(MAX_POSTINGS, units.length * 0.2);
  for (const members of byTerm.values()) {
    if (members.length > commonest) continue;
    for (const i of members) {
      for (const j of members) {
        if (j <= i || units[i]!.doc.id === units[j]!.doc.id) continue;
        if (sims[i]!.has(j)) continue;
        const s = similarity(space, i, j);
        sims[i]!.set(j, s);
        if (s >= threshold) candidates.push([s, i, j]);
      }
    }
  }
  candidates.sort((a, b) => b[0] - a[0]);
  const groupOf = units.map((_, i) => i);
  const groups = new Map<number, number[]>(units.map((_, i) => [i, [i]]));
  const docsOf = (g: number[]) => new Set(g.map((i) => units[i]!.doc.id));
  for (const [, i, j] of candidates) {
    const [gi, gj] = [groupOf[i]!, groupOf[j]!];
    if (gi === gj) continue;
    const [a, b] = [groups.get(gi)!, groups.get(gj)!];
    const docsA = docsOf(a);
    if ([...docsOf(b)].some((d) => docsA.has(d))) continue;
    let total = 0;
    for (const x of a) for (const y of b) total += simOf(x, y) ?? 0;
    if (total / (a.length * b.length) < threshold) continue;
    for (const y of b) groupOf[y] = gi;
    groups.set(gi, [...a, ...b]);
    groups.delete(gj);
  }
  // One fact whose wordings average linkage kept in two claims: united when a pair of their statements tells one proposition.
  const bridges: Array<[number, number, number]> = [];
  sims.forEach((row, i) => row.forEach((s, j) => s >= UNITE_SIMILARITY && bridges.push([s, i, j])));
  bridges.sort((a, b) => b[0] - a[0]);
  for (const [, i, j] of bridges) {
    const [gi, gj] = [groupOf[i]!, groupOf[j]!];
    if (gi === gj) continue;
    const [a, b] = [groups.get(gi)!, groups.get(gj)!];
    if (!unitable(a, b, i, j, units, disputing)) continue;
    for (const y of b) groupOf[y] = gi;
    groups.set(gi, [...a, ...b]);
    groups.delete(gj);
  }
  const within = containedIn(space);
  return [...groups.values()].map((g) => {
    const joined = containing(g, units, space, byTerm, commonest, within);
    return { core: g.sort((x, y) => x - y), joined: joined.map((j) => j.unit), alike: joined.filter((j) => j.alike).map((j) => j.unit) };
  });
}

/**
 * The mean of the two highest shares (the one share of a group of one). The more outlets a claim
 * holds, the more wordings of its fact it holds, and a sentence restating the fact contains some
 * of them far better than others: a mean over all of them falls as the claim grows.
 * `npm run bench -- facts`, dev gold: pair recall 0.447 → 0.469 at pair precision 0.950 → 0.928
 * (the mean over all at a join of 0.4 instead: 0.919 / 0.488, before the quotes model read attribution).
 */
function bestTwoMean(shares: number[]): number {
  const [first = 0, second = first] = [...shares].sort((a, b) => b - a);
  return (first + second) / 2;
}

/** Alike to the group's statements as a whole (`ALIKE_CONTAINED`): to the two nearest of a group of two or more, or close to one (`CLOSE_PAIR`). */
const alikeToGroup = (sims: number[], size: number): boolean => (size >= 2 && bestTwoMean(sims) >= ALIGN_THRESHOLD) || Math.max(...sims) >= CLOSE_PAIR;

/** Per article outside the group, its unit that best contains the group's statements: `CONTAINED_JOIN` of the two it contains best (`bestTwoMean`), or alike to them (`ALIKE_CONTAINED`). */
function containing(group: number[], units: ClaimUnit[], space: UnitVectors, byTerm: Map<string, number[]>, commonest: number, within: ReturnType<typeof containedIn>): Array<{ unit: number; alike: boolean }> {
  const docs = new Set(group.map((i) => units[i]!.doc.id));
  const best = new Map<string, { share: number; unit: number; alike: boolean }>();
  const seen = new Set<number>();
  for (const x of group) {
    // A unit containing x shares one of its verbs or nouns (`contained`): those postings are the candidates.
    for (const key of space.events[x]!) {
      const members = byTerm.get(key) ?? [];
      if (members.length > commonest) continue;
      for (const y of members) {
        if (seen.has(y) || docs.has(units[y]!.doc.id)) continue;
        seen.add(y);
        within.mark(y);
        const held = bestTwoMean(group.map((z) => within.share(z)));
        // Likeness is asked only of a unit holding some of the statements, too little to join by that alone (most hold none).
        const alike = held < CONTAINED_JOIN && held >= ALIKE_CONTAINED && alikeToGroup(group.map((z) => similarity(space, z, y)), group.length);
        const share = alike ? CONTAINED_JOIN : held;
        const doc = units[y]!.doc.id;
        if (share >= CONTAINED_JOIN && share > (best.get(doc)?.share ?? 0)) best.set(doc, { share, unit: y, alike });
      }
    }
  }
  return [...best.values()].map(({ unit, alike }) => ({ unit, alike })).sort((x, y) => x.unit - y.unit);
}

/**
 * Whether two groups of statements tell one proposition, bridged by their statements i (of a) and
 * j (of b): the claims' event slots agree, names alone never unite them. One of them is already
 * stated by two articles (two lone statements stay to the aligner's own bar), no article is in
 * both (one article's two sentences are two statements), and
 * - i and j tell the same deed (a verb both tell, affirmed or denied alike) of the same people;
 * - one happening runs through every statement of both, told as a verb in each group, and the
 *   people most of each group's statements name meet ("Vincent Jackson was arrested … on Jan. 6" /
 *   "receiver Vincent Jackson, arrested Jan. 6 in Clairemont");
 * - no two of their statements give other figures or days of one measure, or stand on two sides
 *   of a conflict.
 * `npm run bench -- facts`: dev corroborated-recall 0.664 → 0.668, pair F1 0.675 → 0.681 (single-
 * source accuracy 0.789 → 0.763: the united sentences are cited whole); held out CR 0.628 → 0.633,
 * pair F1 0.688 → 0.689, false corroboration 0.016 both.
 */
function unitable(a: number[], b: number[], i: number, j: number, units: ClaimUnit[], disputing: (i: number, j: number) => boolean): boolean {
  if (a.length < 2 && b.length < 2) return false;
  const docs = new Set(a.map((x) => units[x]!.doc.id));
  if (b.some((y) => docs.has(units[y]!.doc.id))) return false;
  const [x, y] = [units[i]!, units[j]!];
  const deeds = [...toldVerbs(x)].filter((v) => toldVerbs(y).has(v));
  if (!deeds.length || deeds.some((v) => x.denied.has(v) !== y.denied.has(v))) return false;
  if (!x.people.size || x.people.size !== y.people.size || [...x.people].some((p) => !y.people.has(p))) return false;
  const events = [...a, ...b].map((k) => units[k]!.events);
  const told = (group: number[], key: string) => group.some((k) => toldVerbs(units[k]!).has(key));
  if (![...events[0]!].some((key) => events.every((e) => e.has(key)) && told(a, key) && told(b, key))) return false;
  const people = (group: number[]) => mostOf(group.map((k) => units[k]!.people));
  const pb = people(b);
  if (![...people(a)].some((p) => pb.has(p))) return false;
  return !a.some((p) => b.some((q) => figuresDisagree(units[p]!, units[q]!) || disputing(p, q)));
}

/**
 * Whether two statements give values of one measure that share none, or both print dates and none
 * of one falls within one of the other ("March" holds "March 4", "March 6" does not).
 */
function figuresDisagree(x: ClaimUnit, y: ClaimUnit): boolean {
  if (x.quantities.some((q) => y.quantities.some((o) => o.dimension === q.dimension && o.unitClass === q.unitClass && !overlaps(o.interval, q.interval)))) return true;
  const [dx, dy] = [daysOf(x), daysOf(y)];
  return dx.size > 0 && dy.size > 0 && ![...dx].some((d) => [...dy].some((e) => d.startsWith(e) || e.startsWith(d)));
}

const days = new WeakMap<ClaimUnit, Set<string>>();
/** The dates a statement prints (TIMEX3 values). */
function daysOf(unit: ClaimUnit): Set<string> {
  let out = days.get(unit);
  if (!out) days.set(unit, (out = new Set(unit.doc.layers.timexes.filter((t) => t.type === 'DATE' && t.start >= unit.span.start && t.end <= unit.span.end).map((t) => t.value))));
  return out;
}

/** The members of more than half the sets. */
function mostOf(sets: Array<Set<string>>): Set<string> {
  const count = new Map<string, number>();
  for (const s of sets) for (const k of s) count.set(k, (count.get(k) ?? 0) + 1);
  return new Set([...count].filter(([, n]) => n * 2 > sets.length).map(([k]) => k));
}

const told = new WeakMap<ClaimUnit, Set<string>>();
/**
 * The verbs a statement tells as deeds: a verb taking an infinitive ("tried to contact", "is
 * expected to be charged", "had to use") tells an attempt or a plan, the deed is the infinitive's.
 */
function toldVerbs(unit: ClaimUnit): Set<string> {
  let out = told.get(unit);
  if (out) return out;
  const tokens = tokensWithin(unit.doc.layers.tokens, unit.span);
  const catenative = new Set<string>();
  tokens.forEach((t, k) => {
    const [to, next] = [tokens[k + 1], tokens[k + 2]];
    if (t.pos !== 'VERB' || !to || !next || unit.doc.text.slice(to.start, to.end).toLowerCase() !== 'to' || (next.pos !== 'VERB' && next.pos !== 'AUX')) return;
    const key = termKey(unit.doc.text.slice(t.start, t.end), t);
    if (key) catenative.add(key);
  });
  told.set(unit, (out = new Set([...unit.verbs].filter((v) => !catenative.has(v)))));
  return out;
}
