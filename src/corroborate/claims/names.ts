import { tokensWithin } from '../../doc/spans.js';
import type { Token } from '../../doc/types.js';
import { REPORTING_VERBS } from '../../analyze/quotes/lexicon/speech-verbs.js';
import { foldTerm } from '../../text/words.js';
import { similarity, type UnitVectors } from './align.js';
import { valueCitation, type Conflict, type Position } from './conflicts.js';
import { termKey, type ClaimUnit } from './units.js';

/**
 * Conflicts over who did or underwent one deed: "Carl Webb was arrested" against "Dan Ortiz was
 * arrested", "Ann Lee fired the shot" against "Tom Hale fired the shot". The slot is the deed (its
 * verb, with its particle) and the name's part in it: the one it was done to (the name before a
 * passive: "X was arrested") or the doer (the name before an active verb: "X fired"). Two outlets
 * dispute the slot only when each names one person (or one organisation) for it and never names the
 * other's anywhere in its own reports, and their clauses tell one happening: they name someone or
 * something else in common besides the slot and are alike. News often names several people for one
 * kind of deed (two arrests, both shooters), each outlet some of them: every guard below leaves a
 * pair out when it may be that.
 */

/** A name printed as the doer or the undergoer of a deed in one clause. */
interface NameRef {
  unit: number;
  /** The story-wide id of the name. */
  referent: string;
  type: string;
  /** The name as printed. */
  start: number;
  end: number;
  /** The words of the name, lower case: "Lohan" and "Lindsay Lohan" may be one. */
  words: Set<string>;
  /** The deed's term, with its particle, and the name's part: `arrest|undergoer`. */
  slot: string;
  /** The deed's verb as printed. */
  verbPrinted: string;
}

/** How alike two clauses must be (the aligner's similarity) to tell one deed besides sharing a name. */
const SAME_DEED = 0.3;
/** Forms of "be" that make the verb after them passive. */
const BE = /^(?:was|were|is|are|been|being|be)$/i;
/** Auxiliaries of tense between a doer and its deed ("had fired", "has fired"). */
const HAVE = /^(?:had|has|have)$/i;
/** Words between a name and its deed that make it a plan, a possibility or a denial, not a deed told. */
const NOT_TOLD = /^(?:will|would|could|can|may|might|should|must|not|never|n't|to|wo|ca)$/i;
/** Marks and words joining a name to another: "Webb and Ortiz were arrested" names two. */
const JOINED = /^(?:and|or|,|&|with|plus|nor)$/i;
/** Particles that make another deed of the verb before them ("knocked out" / "knocked down"). */
const PARTICLES: ReadonlySet<string> = new Set(['out', 'down', 'up', 'off', 'away', 'over', 'back']);

const wordsOf = (name: string) => new Set(name.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
/** Whether two names may name one thing: one's words all among the other's. */
const sameName = (a: Set<string>, b: Set<string>) => (a.size <= b.size ? [...a].every((w) => b.has(w)) : [...b].every((w) => a.has(w)));

/** The deed a name does or undergoes in its clause, read from the words right after it. */
function deedAfter(unit: ClaimUnit, tokens: Token[], at: number): { slot: string; printed: string } | null {
  const text = unit.doc.text;
  const word = (t: Token) => text.slice(t.start, t.end);
  let passive = false;
  let k = at;
  for (; k < tokens.length; k++) {
    const t = tokens[k]!;
    const w = word(t).toLowerCase().replace('’', "'");
    if (NOT_TOLD.test(w)) return null;
    if (BE.test(w)) passive = true;
    else if (!(HAVE.test(w) || t.pos === 'ADV')) break;
  }
  const verb = tokens[k];
  if (!verb || verb.pos !== 'VERB') return null;
  const printed = word(verb);
  // A deed told: a past form ("arrested", "fired", "shot"), not "-ing" (an ongoing or a reduced clause) nor a bare present.
  if (/ing$/i.test(printed) || (!passive && foldTerm(verb.lemma) === printed.toLowerCase() && !/^(?:shot|hit|set|put|cut|quit|beat|led|won|lost|met|left|took|gave|got|made|sent|held|told)$/i.test(printed))) return null;
  const lemma = foldTerm(verb.lemma);
  // "said", "told": who spoke is the attribution's, not a deed's slot.
  if (REPORTING_VERBS.has(lemma) || lemma === 'be' || lemma === 'have') return null;
  const key = termKey(printed, verb);
  if (!key) return null;
  const next = tokens[k + 1];
  const particle = next ? word(next).toLowerCase() : '';
  const deed = PARTICLES.has(particle) ? `${key} ${particle}` : key;
  return { slot: `${deed}|${passive ? 'undergoer' : 'doer'}`, printed: text.slice(verb.start, deed === key ? verb.end : next!.end) };
}

/** The names of a clause printed as the one doer or undergoer of a deed told in it. */
function refsOf(unit: ClaimUnit, index: number): NameRef[] {
  const text = unit.doc.text;
  const tokens = tokensWithin(unit.doc.layers.tokens, unit.span);
  const out: NameRef[] = [];
  for (const m of unit.named) {
    if (m.type !== 'person' && m.type !== 'organization') continue;
    const before = tokens.filter((t) => t.end <= m.start).at(-1);
    const after = tokens.findIndex((t) => t.start >= m.end);
    if (after < 0) continue;
    // One of several names ("Webb and Ortiz were arrested", "Webb, 19, and Ortiz") or a possessor ("Webb's car was hit"): not the one doer.
    const joinedBefore = before !== undefined && JOINED.test(text.slice(before.start, before.end));
    const next = text.slice(tokens[after]!.start, tokens[after]!.end);
    if (joinedBefore || JOINED.test(next) || /^['’]/.test(next) || tokens[after]!.pos === 'PART') continue;
    const deed = deedAfter(unit, tokens, after);
    if (!deed || unit.denied.has(deed.slot.split(/[ |]/)[0]!)) continue;
    out.push({ unit: index, referent: m.referent, type: m.type, start: m.start, end: m.end, words: wordsOf(text.slice(m.start, m.end)), slot: deed.slot, verbPrinted: deed.printed });
  }
  return out;
}

/** The dates a clause names, as the time layer reads them (to the day): clauses naming different days tell different deeds. */
const datesOf = (unit: ClaimUnit) => new Set(unit.doc.layers.timexes.filter((t) => t.start >= unit.span.start && t.end <= unit.span.end && (t.type === 'DATE' || t.type === 'TIME')).map((t) => t.value.slice(0, 10)));

/**
 * Name conflicts of a story: pairs of clauses of different outlets naming different people (or
 * organisations) for one slot of one deed, gathered per slot; each name a position listing the
 * clauses that print it.
 */
export function findNameConflicts(units: ClaimUnit[], space: UnitVectors, sourceOf: (unit: ClaimUnit) => string): Conflict[] {
  const refs = units.flatMap((u, i) => refsOf(u, i));
  const source = (r: NameRef) => sourceOf(units[r.unit]!);
  // Every name each outlet prints anywhere: an outlet that names the other side's person knows of
  // them, and giving its own name for the deed is then most often telling another deed.
  const namedBy = new Map<string, Array<{ referent: string; words: Set<string> }>>();
  for (const u of units) for (const m of u.named) namedBy.set(sourceOf(u), [...(namedBy.get(sourceOf(u)) ?? []), { referent: m.referent, words: wordsOf(u.doc.text.slice(m.start, m.end)) }]);
  for (const u of units) if (u.attribution) for (const m of u.doc.layers.entities) if (m.start >= u.attribution.span.start && m.end <= u.attribution.span.end) namedBy.get(sourceOf(u))?.push({ referent: '', words: wordsOf(u.doc.text.slice(m.start, m.end)) });
  const knows = (src: string, r: NameRef) => (namedBy.get(src) ?? []).some((n) => n.referent === r.referent || sameName(n.words, r.words));
  const bySlot = new Map<string, Array<[NameRef, NameRef]>>();
  for (let i = 0; i < refs.length; i++) {
    for (let j = i + 1; j < refs.length; j++) {
      const [a, b] = [refs[i]!, refs[j]!];
      if (a.slot !== b.slot || a.type !== b.type || source(a) === source(b)) continue;
      if (a.referent === b.referent || sameName(a.words, b.words)) continue;
      if (knows(source(a), b) || knows(source(b), a)) continue;
      const [ua, ub] = [units[a.unit]!, units[b.unit]!];
      // Different days: different deeds.
      const [da, db] = [datesOf(ua), datesOf(ub)];
      if (da.size && db.size && ![...da].some((d) => db.has(d))) continue;
      // One happening: another name in common (not the slot's), and clauses alike.
      const others = (u: ClaimUnit, r: NameRef) => u.named.filter((m) => m.start !== r.start).map((m) => ({ referent: m.referent, words: wordsOf(u.doc.text.slice(m.start, m.end)) }));
      const [oa, ob] = [others(ua, a), others(ub, b)];
      if (!oa.some((x) => ob.some((y) => x.referent === y.referent || sameName(x.words, y.words)))) continue;
      if (similarity(space, a.unit, b.unit) < SAME_DEED) continue;
      bySlot.set(a.slot, [...(bySlot.get(a.slot) ?? []), [a, b]]);
    }
  }
  const conflicts: Conflict[] = [];
  for (const [slot, pairs] of bySlot) {
    // Each outlet names one for the deed; more than two names across outlets are several deeds.
    const bySource = new Map<string, Set<string>>();
    for (const r of refs) if (r.slot === slot) bySource.set(source(r), (bySource.get(source(r)) ?? new Set()).add(r.referent));
    if ([...bySource.values()].some((s) => s.size > 1)) continue;
    const byName = new Map<string, NameRef[]>();
    for (const r of new Set(pairs.flat())) byName.set(r.referent, [...(byName.get(r.referent) ?? []), r]);
    if (byName.size !== 2) continue;
    const printed = (r: NameRef) => units[r.unit]!.doc.text.slice(r.start, r.end);
    const positions: Position[] = [...byName.values()].map((rs) => ({
      value: [...new Set(rs.map(printed))].join(' / '),
      refs: rs.map((r) => ({ unit: r.unit, value: { start: r.start, end: r.end, text: printed(r) }, cite: valueCitation(units[r.unit]!, r) })),
    }));
    const part = slot.split('|')[1];
    conflicts.push({ subject: `${part === 'doer' ? 'who' : 'whom'}: ${pairs[0]![0].verbPrinted}`, aspect: 'name', positions });
  }
  return conflicts;
}
