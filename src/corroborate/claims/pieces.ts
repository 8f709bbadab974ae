import { tokensWithin } from '../../doc/spans.js';
import type { Span, Token } from '../../doc/types.js';
import { overlaps } from '../quantities/interval.js';
import { similarity, vectorCosine, weighted, type UnitVectors } from './align.js';
import { samePeople } from './conflicts.js';
import { CONTENT_POS, termKey, type ClaimUnit } from './units.js';

/**
 * A stretch of a clause that can state a fact of its own: one to `WINDOW` consecutive phrases of
 * it, cut at commas, dashes, brackets and the words opening a subordinate or coordinate phrase.
 * "The television personality hosted the 79th Academy Awards in 2007, becoming only the second
 * woman to host the ceremony solo" holds "becoming only the second woman to host the ceremony
 * solo", which another outlet prints inside a sentence about something else.
 */
interface Piece {
  unit: number;
  span: Span;
  vector: Map<string, number>;
  norm: number;
  /** Verb and common-noun terms: what the piece says happened. */
  events: Set<string>;
  /** Verb terms. */
  verbs: Set<string>;
  /** Names, numbers and values: who and how much the piece speaks of. */
  anchors: Set<string>;
  /** Numbers and values alone. */
  figures: Set<string>;
  /** The particle after a verb or noun of what happened, by its term ("in" of "checked in"). */
  particles: Map<string, string>;
  /** The content terms after each verb in the piece, by the verb's term: what was done to whom or what. */
  after: Map<string, Set<string>>;
}

/** Phrases a piece spans at most. */
const WINDOW = 3;
/** Content terms a piece needs to state something checkable. */
const PIECE_TERMS = 4;
/**
 * Cosine two pieces of different outlets need to state one fact. Pieces are short, so two that
 * share their verb and their participants score high; a shared name and a common word do not.
 */
const PIECE_SAME = 0.45;
/** Terms two pieces share at least, and the share of each one's weight the other holds: the same proposition, not one word of it. */
const SHARED_TERMS = 3;
const PIECE_HELD = 0.3;
/**
 * How alike the two sentences must be as wholes: under the aligner's bar, but telling of one
 * happening (two reports of similar happenings share a phrase and little else).
 */
const SENTENCE_FLOOR = 0.2;
/**
 * Outlets a fact found by pieces alone needs. With two, dev corroborated-recall rose 0.668 → 0.682
 * but held-out false corroboration rose 0.018 → 0.031 (`npm run bench -- facts`): a phrase cut
 * from its sentence loses what told two similar happenings apart. With three, dev pair recall
 * 0.523 → 0.530 at precision 0.911 → 0.913; held out 0.530 → 0.531 at 0.950, false corroboration
 * 0.018 → 0.017.
 */
export const PIECE_SOURCES = 3;
/** Postings of a term above this find too many pairs to score and decide none (as in `alignUnits`). */
const MAX_POSTINGS = 200;
/** Words after a verb that belong to it ("checked in", "pulled over"). */
const PARTICLES: ReadonlySet<string> = new Set(['in', 'into', 'out', 'up', 'down', 'off', 'on', 'over', 'away', 'back']);
const sameSpan = (a: Span, b: Span) => a.start === b.start && a.end === b.end;
/** Words that open a phrase of its own inside a clause. */
const OPENERS: ReadonlySet<string> = new Set([
  'who', 'which', 'whom', 'whose', 'where', 'when', 'after', 'before', 'because', 'while', 'until', 'although', 'though',
  'following', 'despite', 'including', 'and', 'but', 'since',
]);
/** Marks that end a phrase. */
const BREAK = /^(?:[,;:()[\]"“”«»—–]|--|``|'')$/;

/** The phrases of a unit's clause outside its attribution: token runs between breaks and openers. */
function phrases(unit: ClaimUnit): Token[][] {
  const text = unit.doc.text;
  const tokens = tokensWithin(unit.doc.layers.tokens, unit.span);
  const attribution = unit.attribution?.span;
  const out: Token[][] = [];
  let current: Token[] = [];
  const close = () => {
    if (current.length) out.push(current);
    current = [];
  };
  tokens.forEach((t, k) => {
    const word = text.slice(t.start, t.end);
    const dash = word === '-' && (text.slice(tokens[k - 1]?.start ?? 0, tokens[k - 1]?.end ?? 0) === '-' || text.slice(tokens[k + 1]?.start ?? 0, tokens[k + 1]?.end ?? 0) === '-');
    if (attribution && t.start < attribution.end && attribution.start < t.end) return close();
    const clock = word === ':' && /^\d/.test(text.slice(tokens[k + 1]?.start ?? 0, tokens[k + 1]?.end ?? 0)) && /\d$/.test(text.slice(tokens[k - 1]?.start ?? 0, tokens[k - 1]?.end ?? 0));
    if ((BREAK.test(word) && !clock) || dash) return close();
    if (OPENERS.has(word.toLowerCase()) || t.pos === 'SCONJ') close();
    current.push(t);
  });
  close();
  return out;
}

/** Parts of speech a citation does not open on ("and earned a nomination") or end on ("a nomination for"). */
const NO_OPENING: ReadonlySet<string> = new Set(['CCONJ', 'PUNCT']);
const NO_ENDING: ReadonlySet<string> = new Set(['ADP', 'DET', 'SCONJ', 'CCONJ', 'PART', 'AUX', 'PRON', 'PUNCT']);

/** A piece's tokens without a conjunction before them or a dangling word after them. */
function trimmed(tokens: Token[]): Token[] {
  let [from, to] = [0, tokens.length];
  while (from < to && NO_OPENING.has(tokens[from]!.pos)) from++;
  while (to > from && NO_ENDING.has(tokens[to - 1]!.pos)) to--;
  return tokens.slice(from, to);
}

/** A token's share of the pieces it is in: its term (content words), whether it is a name inside the clause, the particle it is (or ''). */
interface TokenRead {
  key: string | null;
  named: boolean;
  particle: string;
}

/** Every run of one to `WINDOW` phrases of each unit that has a verb and `PIECE_TERMS` content terms. */
function piecesOf(units: ClaimUnit[], space: UnitVectors): Piece[] {
  const out: Piece[] = [];
  units.forEach((unit, u) => {
    const text = unit.doc.text;
    const runs = phrases(unit);
    // What each token gives a piece, read once: a token sits in up to `WINDOW` pieces.
    const read = new Map<Token, TokenRead>();
    for (const run of runs)
      for (const t of run) {
        const word = text.slice(t.start, t.end);
        const lower = word.toLowerCase();
        read.set(t, {
          key: CONTENT_POS.has(t.pos) ? termKey(word, t) : null,
          // A capitalised word inside the clause is a name, whatever the tagger read ("Betty Ford", "Palm Springs").
          named: t.start > unit.span.start && /^\p{Lu}/u.test(word),
          particle: PARTICLES.has(lower) ? lower : '',
        });
      }
    for (let i = 0; i < runs.length; i++) {
      // Phrases i…j, grown one phrase at a time (`trimmed` copies what it keeps).
      const joined: Token[] = [];
      for (let j = i; j < Math.min(runs.length, i + WINDOW); j++) {
        for (const t of runs[j]!) joined.push(t);
        const tokens = trimmed(joined);
        if (!tokens.some((t) => t.pos === 'VERB' || t.pos === 'AUX')) continue;
        const terms = new Map<string, number>();
        const events = new Set<string>();
        const verbs = new Set<string>();
        const anchors = new Set<string>();
        const figures = new Set<string>();
        const particles = new Map<string, string>();
        const after = new Map<string, Set<string>>();
        for (const [k, t] of tokens.entries()) {
          if (!CONTENT_POS.has(t.pos)) continue;
          const { key, named } = read.get(t)!;
          if (!key) continue;
          terms.set(key, (terms.get(key) ?? 0) + 1);
          for (const set of after.values()) set.add(key);
          if ((t.pos === 'VERB' || t.pos === 'NOUN') && !named) events.add(key);
          if (t.pos === 'VERB' && !named) verbs.add(key);
          if (t.pos === 'VERB' && !named && !after.has(key)) after.set(key, new Set());
          // A particle is part of what was done: "checked in" is not "checked out".
          const next = tokens[k + 1];
          const particle = next ? read.get(next)!.particle : '';
          if ((t.pos === 'VERB' || t.pos === 'NOUN') && particle) particles.set(key, particle);
          if (t.pos === 'PROPN' || t.pos === 'NUM') anchors.add(key);
          if (t.pos === 'NUM') figures.add(key);
        }
        const span = { start: tokens[0]!.start, end: tokens.at(-1)!.end };
        for (const q of unit.quantities) {
          if (q.start < span.start || q.end > span.end) continue;
          const key = `q:${q.dimension}:${q.unitClass}:${q.interval.low}-${q.interval.high}`;
          terms.set(key, (terms.get(key) ?? 0) + 1);
          anchors.add(key);
          figures.add(key);
        }
        if ([...terms.values()].reduce((a, b) => a + b, 0) < PIECE_TERMS || !events.size) continue;
        const vector = weighted(terms, space.weight);
        out.push({ unit: u, span, vector, norm: Math.sqrt([...vector.values()].reduce((s, x) => s + x * x, 0)), events, verbs, anchors, figures, particles, after });
      }
    }
  });
  return out;
}

/** A fact that outlets state in pieces of their clauses: one piece per article, each cited by its words. */
export interface PieceFact {
  refs: Array<{ unit: number; cite: Span }>;
}

/**
 * Facts told inside longer sentences, found by their pieces: two pieces of different sources state
 * one fact when they share a verb of weight in the story (with its particle, and something after
 * it when both say what it was done to), a name or a value (and no different figure), share
 * `SHARED_TERMS` terms and hold `PIECE_HELD` of each other, do not deny what the other affirms,
 * name no different people, sit in sentences alike enough to tell of one happening
 * (`SENTENCE_FLOOR`) and are alike as wholes (`PIECE_SAME`). At least one must be a part of its
 * clause: whole clauses are the aligner's. Pieces so linked group by average linkage, one per
 * article; a group of `PIECE_SOURCES` outlets is a fact.
 */
export function pieceFacts(units: ClaimUnit[], space: UnitVectors, sourceOf: (unit: ClaimUnit) => string): PieceFact[] {
  const pieces = piecesOf(units, space);
  const source = pieces.map((p) => sourceOf(units[p.unit]!));
  const byTerm = new Map<string, number[]>();
  pieces.forEach((p, i) => {
    for (const key of p.verbs) {
      const list = byTerm.get(key);
      if (list) list.push(i);
      else byTerm.set(key, [i]);
    }
  });
  // How alike two pieces are as statements of one fact; 0 when they cannot state one.
  const link = (i: number, j: number): number => {
    const [a, b] = [pieces[i]!, pieces[j]!];
    const [ua, ub] = [units[a.unit]!, units[b.unit]!];
    if (ua.doc.id === ub.doc.id || source[i] === source[j]) return 0;
    // Two whole clauses were compared by the aligner already; a piece pair is for a fact told inside more.
    if (sameSpan(a.span, ua.span) && sameSpan(b.span, ub.span)) return 0;
    // What was done to what: a shared verb whose objects share nothing ("hurled bombs at the bank" / "at police") is two acts.
    const sameAct = (k: string) => {
      const [x, y] = [a.after.get(k), b.after.get(k)];
      return !x?.size || !y?.size || [...x].some((t) => y.has(t));
    };
    // The same act: a shared verb of weight in the story (a shared noun alone is a topic: "addressed parliament" / "urged parliament").
    if (![...a.verbs].some((k) => b.verbs.has(k) && space.weight(k) >= 1 && sameAct(k))) return 0;
    if (![...a.anchors].some((k) => b.anchors.has(k)) || !samePeople(ua, ub)) return 0;
    // The sentences around the pieces tell of one happening: alike as wholes a little, and giving no different figure of one measure.
    if (similarity(space, a.unit, b.unit) < SENTENCE_FLOOR) return 0;
    if (ua.quantities.some((q) => ub.quantities.some((r) => r.dimension === q.dimension && r.unitClass === q.unitClass)) && !ua.quantities.some((q) => ub.quantities.some((r) => r.dimension === q.dimension && r.unitClass === q.unitClass && overlaps(q.interval, r.interval)))) return 0;
    // Two figures that differ are two facts (or a dispute, which the conflicts read): "11 seasons" is not "seven seasons".
    if (a.figures.size && b.figures.size && ![...a.figures].some((k) => b.figures.has(k))) return 0;
    if ([...a.verbs].some((k) => b.verbs.has(k) && ua.denied.has(k) !== ub.denied.has(k))) return 0;
    if ([...a.particles].some(([k, p]) => b.particles.has(k) && b.particles.get(k) !== p && !(/^in/.test(p) && /^in/.test(b.particles.get(k)!)))) return 0;
    let [shared, count] = [0, 0];
    for (const [key, x] of a.vector) {
      const y = b.vector.get(key);
      if (y === undefined) continue;
      count++;
      shared += Math.min(x, y) ** 2;
    }
    if (count < SHARED_TERMS || Math.min(shared / a.norm ** 2, shared / b.norm ** 2) < PIECE_HELD) return 0;
    return vectorCosine(a.vector, b.vector);
  };
  const candidates: Array<[number, number, number]> = [];
  const seen = new Set<number>();
  for (const [key, members] of byTerm) {
    if (members.length > MAX_POSTINGS || space.weight(key) < 1) continue;
    for (const i of members) {
      for (const j of members) {
        if (j <= i || seen.has(i * pieces.length + j)) continue;
        seen.add(i * pieces.length + j);
        const s = link(i, j);
        if (s >= PIECE_SAME) candidates.push([s, i, j]);
      }
    }
  }
  // Average linkage, one piece per article: a chance link cannot chain two facts together.
  candidates.sort((x, y) => y[0] - x[0]);
  const groupOf = new Map<number, number[]>();
  const docsOf = (g: number[]) => new Set(g.map((i) => units[pieces[i]!.unit]!.doc.id));
  for (const [, i, j] of candidates) {
    const [a, b] = [groupOf.get(i) ?? [i], groupOf.get(j) ?? [j]];
    if (a === b) continue;
    const docsA = docsOf(a);
    if ([...docsOf(b)].some((d) => docsA.has(d))) continue;
    let total = 0;
    for (const x of a) for (const y of b) total += link(x, y);
    if (total / (a.length * b.length) < PIECE_SAME) continue;
    const merged = [...a, ...b];
    for (const x of merged) groupOf.set(x, merged);
  }
  const facts: PieceFact[] = [];
  for (const group of new Set(groupOf.values())) {
    const refs = group.map((m) => ({ unit: pieces[m]!.unit, cite: pieces[m]!.span }));
    if (new Set(refs.map((r) => sourceOf(units[r.unit]!))).size < PIECE_SOURCES) continue;
    facts.push({ refs });
  }
  return facts;
}
