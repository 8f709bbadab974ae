import { tokensWithin } from '../../doc/spans.js';
import type { Span } from '../../doc/types.js';
import { overlaps, type Interval } from '../quantities/interval.js';
import { vectorCosine, weighted, type UnitVectors } from './align.js';
import { negated, samePeople, valueCitation } from './conflicts.js';
import { CONTENT_POS, termKey, type ClaimUnit } from './units.js';

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

/** A figure or a day that outlets print for one thing inside sentences that say more: one statement per article, cited by its words. */
export interface ValueFacet {
  refs: Array<{ unit: number; cite: Span; value: Span }>;
}

/** How alike the words around two values must be for them to state one fact (the bar of an open-ended value in `findConflicts`). */
const FACET_CONTEXT_NEEDED = 0.35;
/** Words either side of a value whose verbs and nouns say what happened at or by that value. */
const HAPPENING_REACH = 6;

/** A value one clause gives, as the facets compare it. */
interface FacetValue {
  unit: number;
  value: Span;
  /** What is measured: a quantity's dimension and unit, or `day`. */
  kind: string;
  /** A quantity's values; a day's weekday (1 = Monday). */
  interval: Interval;
  /** A day's calendar date when the text or the article's date gives it. */
  date: string | null;
  head: string | null;
  actor: string | null;
  /** Terms of the words around the value, weighed for the story. */
  context: Map<string, number>;
  /** Verb and noun terms near the value, each with its nearest word: what happened at or by it. */
  happening: Map<string, Span & { verb: boolean }>;
}

/**
 * Figures and days several sources give for one thing inside sentences about more: "she was
 * struck just after 7 p.m." and "about 7 p.m. when a vehicle knocked her", "played for 11 seasons
 * with the team" and "who played for the Sixers for 11 seasons", "A woman died Wednesday night" and
 * "hit and killed by a motorist Wednesday night". Each sentence states other facts too, so the
 * sentences never align as wholes; the value is still one fact the outlets share. Two values state
 * one fact when they measure the same thing (a day: the same weekday, and the same date when both
 * give one) with values that agree (a vague or open-ended amount states none), of the same people
 * and payer, the words around them are alike (`FACET_CONTEXT_NEEDED`) and share a verb or noun of
 * what happened besides the value. Values linked that way are one fact only when all share a value.
 */
export function valueFacets(units: ClaimUnit[], space: UnitVectors, sourceOf: (unit: ClaimUnit) => string): ValueFacet[] {
  const refs: FacetValue[] = units.flatMap((u, unit) => [
    ...u.quantities
      .filter((q) => q.modifier !== 'vague' && Number.isFinite(q.interval.low) && Number.isFinite(q.interval.high) && !negated(u, q))
      .map((q) => ({ unit, value: q, kind: `q:${q.dimension}:${q.unitClass}`, interval: q.interval, date: null, head: q.head, actor: q.actor, context: weighted(q.context, space.weight), happening: happeningAround(u, q) })),
    ...daysOf(u).map((d) => ({ unit, value: d, kind: 'day', interval: { low: d.weekday, high: d.weekday, lowClosed: true, highClosed: true }, date: d.date, head: null, actor: null, context: weighted(termsAround(u, d), space.weight), happening: happeningAround(u, d) })),
  ]);
  const parent = refs.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < refs.length; i++) {
    for (let j = i + 1; j < refs.length; j++) {
      const [a, b] = [refs[i]!, refs[j]!];
      const [ua, ub] = [units[a.unit]!, units[b.unit]!];
      if (a.kind !== b.kind || !overlaps(a.interval, b.interval) || (a.date && b.date && a.date !== b.date)) continue;
      if (ua.doc.id === ub.doc.id || sourceOf(ua) === sourceOf(ub)) continue;
      if ((a.head && b.head && a.head !== b.head) || (a.actor && b.actor && a.actor !== b.actor) || !samePeople(ua, ub)) continue;
      if (![...a.happening.keys()].some((k) => b.happening.has(k))) continue;
      if (vectorCosine(a.context, b.context) < FACET_CONTEXT_NEEDED) continue;
      parent[find(j)] = find(i);
    }
  }
  const components = new Map<number, number[]>();
  for (let i = 0; i < refs.length; i++) components.set(find(i), [...(components.get(find(i)) ?? []), i]);
  const facets: ValueFacet[] = [];
  for (const members of components.values()) {
    if (members.length < 2) continue;
    const common = members.slice(1).reduce((c, m) => c && intersection(c, refs[m]!.interval), refs[members[0]!]!.interval as Interval | null);
    if (!common || new Set(members.flatMap((m) => refs[m]!.date ?? [])).size > 1) continue;
    // One statement per article: its first.
    const perArticle = new Map<string, number>();
    for (const m of members) {
      const doc = units[refs[m]!.unit]!.doc.id;
      const seen = perArticle.get(doc);
      if (seen === undefined || refs[m]!.value.start < refs[seen]!.value.start) perArticle.set(doc, m);
    }
    // Each statement is cited by its value with the verb of what happened that it shares with another
    // statement of the fact ("Friday" alone states nothing; "announced Friday" does); one sharing none is left out.
    // A measured figure may be cited by a noun instead: "seven seasons as an assistant coach" states
    // a fact of its own, whether it was "spent" or "followed by" (`npm run bench -- facts`, dev:
    // corroborated-recall 0.678 → 0.687; held out unchanged).
    const chosen = [...perArticle.values()].flatMap((m) => {
      const ref = refs[m]!;
      const cite = valueCitation(units[ref.unit]!, ref.value);
      // A noun counts only inside the words citing the figure ("seven seasons as an assistant coach"),
      // and only when the claim, worded from the clause's start to the citation's end, still has a verb
      // ("The three bank workers a man …" states nothing).
      const unit = units[ref.unit]!;
      const worded = tokensWithin(unit.doc.layers.tokens, { start: unit.span.start, end: cite.end }).some((t) => t.pos === 'VERB' || t.pos === 'AUX');
      const inCite = (at: Span) => worded && ref.kind.startsWith('q:') && at.start >= cite.start && at.end <= cite.end;
      const word = [...ref.happening].find(([k, at]) => (at.verb || inCite(at)) && [...perArticle.values()].some((o) => o !== m && refs[o]!.happening.has(k)))?.[1];
      return word ? [{ unit: ref.unit, cite: { start: Math.min(cite.start, word.start), end: Math.max(cite.end, word.end) }, value: ref.value }] : [];
    });
    if (new Set(chosen.map((r) => sourceOf(units[r.unit]!))).size < 2) continue;
    facets.push({ refs: chosen });
  }
  return facets;
}

/**
 * The days a clause names ("Wednesday night", "Friday", "August 2, 2013"), from the time layer:
 * the weekday, and the date when the text or the article's own date fixes it. Days of unknown
 * weekday ("today" in an undated article) are left out.
 */
function daysOf(unit: ClaimUnit): Array<Span & { weekday: number; date: string | null }> {
  const out: Array<Span & { weekday: number; date: string | null }> = [];
  for (const t of unit.doc.layers.timexes) {
    if (t.start < unit.span.start || t.end > unit.span.end || (t.type !== 'DATE' && t.type !== 'TIME')) continue;
    const week = /^XXXX-WXX-([1-7])(?:T|$)/.exec(t.value);
    const dated = /^(\d{4})-(\d{2})-(\d{2})(?:T|$)/.exec(t.value);
    if (week) out.push({ start: t.start, end: t.end, weekday: Number(week[1]), date: null });
    else if (dated) out.push({ start: t.start, end: t.end, weekday: new Date(Date.UTC(Number(dated[1]), Number(dated[2]) - 1, Number(dated[3]))).getUTCDay() || 7, date: dated[0].slice(0, 10) });
  }
  return out;
}

/** The content terms of the words within `HAPPENING_REACH` of a value in its clause, the value's own words included. */
function termsAround(unit: ClaimUnit, value: Span): Map<string, number> {
  const text = unit.doc.text;
  const words = tokensWithin(unit.doc.layers.tokens, unit.span).filter((t) => /[\p{L}\p{N}]/u.test(text.slice(t.start, t.end)));
  const near = [...words.filter((t) => t.end <= value.start).slice(-HAPPENING_REACH), ...words.filter((t) => t.start < value.end && t.end > value.start), ...words.filter((t) => t.start >= value.end).slice(0, HAPPENING_REACH)];
  const out = new Map<string, number>();
  for (const t of near) {
    if (!CONTENT_POS.has(t.pos)) continue;
    const key = termKey(text.slice(t.start, t.end), t);
    if (key) out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** The shared values of two intervals, null when they have none. */
function intersection(a: Interval, b: Interval): Interval | null {
  if (!overlaps(a, b)) return null;
  const low = Math.max(a.low, b.low);
  const high = Math.min(a.high, b.high);
  return { low, high, lowClosed: (a.low === low ? a.lowClosed : true) && (b.low === low ? b.lowClosed : true), highClosed: (a.high === high ? a.highClosed : true) && (b.high === high ? b.highClosed : true) };
}

/** The terms of the verbs and common nouns within `HAPPENING_REACH` words of a value in its clause, outside it, each with its nearest word and whether that is a verb. */
function happeningAround(unit: ClaimUnit, q: Span): Map<string, Span & { verb: boolean }> {
  const text = unit.doc.text;
  const words = tokensWithin(unit.doc.layers.tokens, unit.span).filter((t) => /[\p{L}\p{N}]/u.test(text.slice(t.start, t.end)));
  const distance = (t: Span) => (t.end <= q.start ? q.start - t.end : t.start - q.end);
  const near = [...words.filter((t) => t.end <= q.start).slice(-HAPPENING_REACH), ...words.filter((t) => t.start >= q.end).slice(0, HAPPENING_REACH)].sort((a, b) => distance(a) - distance(b));
  const out = new Map<string, Span & { verb: boolean }>();
  for (const t of near) {
    if (t.pos !== 'VERB' && t.pos !== 'NOUN') continue;
    const key = termKey(text.slice(t.start, t.end), t);
    if (key && !out.has(key)) out.set(key, { start: t.start, end: t.end, verb: t.pos === 'VERB' });
  }
  return out;
}
