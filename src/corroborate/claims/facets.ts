import { tokensWithin } from '../../doc/spans.js';
import type { Span } from '../../doc/types.js';
import { overlaps, type Interval } from '../quantities/interval.js';
import { vectorCosine, weighted, type UnitVectors } from './align.js';
import { negated, samePeople, valueCitation } from './conflicts.js';
import { termKey, type ClaimUnit } from './units.js';

/**
 * A fact about one person that news prints inside sentences about something else: "LuAnn Marie
 * Johnson, 66, of Burnsville was struck…", "killed a 66-year-old woman", "Anthony Phillip
 * LaSalle, 36, of Bloomington". Each outlet's sentence states other facts too, so the sentences
 * never align as wholes; the age or home town is still one fact several outlets carry.
 */
export interface Facet {
  /** The statement, in the story's words: "LuAnn Marie Johnson is 66", "Anthony Phillip LaSalle is from Bloomington". */
  text: string;
  kind: 'age' | 'residence';
  /** The person's story-wide name. */
  name: string;
  /** One unit per article, earliest in its article first. */
  units: number[];
}

/** An age or home town one unit states, and whom of. */
interface Mention {
  unit: number;
  key: string;
  value: string;
  /** The story-wide person id when the value is printed beside a name. */
  entity: string | null;
  name: string | null;
  /** The noun the age qualifies when no name is beside it ("woman"). */
  head: string | null;
}

/**
 * Ages and home towns that units of two or more articles state of one person. The person is the
 * name the value is printed beside (`personAttributes`), or for an age before a noun ("a
 * 66-year-old woman") whoever the named statements of that age are about. A value printed of two
 * different people in the story is left out: which one a bare "66-year-old" means is unknown.
 */
export function personFacets(units: ClaimUnit[]): Facet[] {
  const mentions: Mention[] = [];
  units.forEach((u, unit) => {
    for (const a of u.attributes) {
      const value = a.kind === 'age' ? a.key : a.text.replace(/^of\s+/i, '');
      mentions.push({ unit, key: `${a.kind}:${a.key}`, value, entity: a.entity, name: a.name, head: null });
    }
    for (const q of u.quantities) {
      // "66-year-old" qualifying a noun that is no name: an age of someone the clause does not name there.
      if (q.unit !== 'year-old' || q.modifier !== 'exact' || q.interval.low !== q.interval.high || !q.head) continue;
      if (u.attributes.some((a) => a.kind === 'age' && a.key === String(q.interval.low))) continue;
      mentions.push({ unit, key: `age:${q.interval.low}`, value: String(q.interval.low), entity: null, name: null, head: q.head });
    }
  });
  const byKey = new Map<string, Mention[]>();
  for (const m of mentions) byKey.set(m.key, [...(byKey.get(m.key) ?? []), m]);
  const facets: Facet[] = [];
  for (const [key, group] of byKey) {
    const entities = new Set(group.flatMap((m) => (m.entity ? [m.entity] : [])));
    if (entities.size !== 1) continue;
    const named = group.find((m) => m.entity)!;
    const perArticle = new Map<string, number>();
    for (const m of group) {
      const doc = units[m.unit]!.doc.id;
      const seen = perArticle.get(doc);
      if (seen === undefined || units[m.unit]!.span.start < units[seen]!.span.start) perArticle.set(doc, m.unit);
    }
    if (perArticle.size < 2) continue;
    const text = key.startsWith('age:') ? `${named.name} is ${named.value}` : `${named.name} is from ${named.value}`;
    facets.push({ text, kind: key.startsWith('age:') ? 'age' : 'residence', name: named.name!, units: [named.unit, ...[...perArticle.values()].filter((u) => u !== named.unit && units[u]!.doc.id !== units[named.unit]!.doc.id)] });
  }
  return facets;
}

/** A figure that outlets print for one thing inside sentences that say more: one statement per article, cited by its words. */
export interface ValueFacet {
  refs: Array<{ unit: number; cite: Span; value: Span }>;
}

/** How alike the words around two figures must be for them to state one fact (the bar of an open-ended value in `findConflicts`). */
const FACET_CONTEXT_NEEDED = 0.35;
/** Words either side of a figure whose verbs and nouns say what happened at or by that figure. */
const HAPPENING_REACH = 6;

/**
 * Figures several sources give for one thing inside sentences about more: "she was struck just
 * after 7 p.m." and "around 7 p.m. when she was hit", "played for 11 seasons with the team" and
 * "who played for the Sixers for 11 seasons". Each sentence states other facts too, so the
 * sentences never align as wholes; the figure is still one fact the outlets share. Two figures
 * state one fact when they measure the same thing in the same unit with values that agree (a
 * vague or open-ended amount states none), of the same people and payer, the words around them
 * are alike (`FACET_CONTEXT_NEEDED`) and share a verb or noun of what happened besides the figure.
 * Figures linked that way are one fact only when all of them share a value.
 */
export function valueFacets(units: ClaimUnit[], space: UnitVectors, sourceOf: (unit: ClaimUnit) => string): ValueFacet[] {
  const refs = units.flatMap((u, unit) =>
    u.quantities
      .filter((q) => q.modifier !== 'vague' && Number.isFinite(q.interval.low) && Number.isFinite(q.interval.high) && !negated(u, q))
      .map((quantity) => ({ unit, quantity, happening: happeningAround(u, quantity) })),
  );
  const contexts = refs.map((r) => weighted(r.quantity.context, space.weight));
  const parent = refs.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < refs.length; i++) {
    for (let j = i + 1; j < refs.length; j++) {
      const [a, b] = [refs[i]!, refs[j]!];
      const [x, y] = [a.quantity, b.quantity];
      const [ua, ub] = [units[a.unit]!, units[b.unit]!];
      if (x.dimension !== y.dimension || x.unitClass !== y.unitClass || !overlaps(x.interval, y.interval)) continue;
      if (ua.doc.id === ub.doc.id || sourceOf(ua) === sourceOf(ub)) continue;
      if ((x.head && y.head && x.head !== y.head) || (x.actor && y.actor && x.actor !== y.actor) || !samePeople(ua, ub)) continue;
      if (![...a.happening].some((k) => b.happening.has(k))) continue;
      if (vectorCosine(contexts[i]!, contexts[j]!) < FACET_CONTEXT_NEEDED) continue;
      parent[find(j)] = find(i);
    }
  }
  const components = new Map<number, number[]>();
  for (let i = 0; i < refs.length; i++) components.set(find(i), [...(components.get(find(i)) ?? []), i]);
  const facets: ValueFacet[] = [];
  for (const members of components.values()) {
    if (members.length < 2) continue;
    const common = members.slice(1).reduce((c, m) => c && intersection(c, refs[m]!.quantity.interval), refs[members[0]!]!.quantity.interval as Interval | null);
    if (!common) continue;
    // One statement per article: its first.
    const perArticle = new Map<string, number>();
    for (const m of members) {
      const doc = units[refs[m]!.unit]!.doc.id;
      const seen = perArticle.get(doc);
      if (seen === undefined || refs[m]!.quantity.start < refs[seen]!.quantity.start) perArticle.set(doc, m);
    }
    const chosen = [...perArticle.values()];
    if (new Set(chosen.map((m) => sourceOf(units[refs[m]!.unit]!))).size < 2) continue;
    facets.push({ refs: chosen.map((m) => ({ unit: refs[m]!.unit, cite: valueCitation(units[refs[m]!.unit]!, refs[m]!.quantity), value: refs[m]!.quantity })) });
  }
  return facets;
}

/** The shared values of two intervals, null when they have none. */
function intersection(a: Interval, b: Interval): Interval | null {
  if (!overlaps(a, b)) return null;
  const low = Math.max(a.low, b.low);
  const high = Math.min(a.high, b.high);
  return { low, high, lowClosed: (a.low === low ? a.lowClosed : true) && (b.low === low ? b.lowClosed : true), highClosed: (a.high === high ? a.highClosed : true) && (b.high === high ? b.highClosed : true) };
}

/** The terms of the verbs and common nouns within `HAPPENING_REACH` words of a figure in its clause, outside the figure. */
function happeningAround(unit: ClaimUnit, q: Span): Set<string> {
  const text = unit.doc.text;
  const words = tokensWithin(unit.doc.layers.tokens, unit.span).filter((t) => /[\p{L}\p{N}]/u.test(text.slice(t.start, t.end)));
  const near = [...words.filter((t) => t.end <= q.start).slice(-HAPPENING_REACH), ...words.filter((t) => t.start >= q.end).slice(0, HAPPENING_REACH)];
  const out = new Set<string>();
  for (const t of near) {
    if (t.pos !== 'VERB' && t.pos !== 'NOUN') continue;
    const key = termKey(text.slice(t.start, t.end), t);
    if (key) out.add(key);
  }
  return out;
}
