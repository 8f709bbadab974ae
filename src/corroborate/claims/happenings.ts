import { tokensWithin } from '../../doc/spans.js';
import type { EntityType, Timex, Token } from '../../doc/types.js';
import { similarity, type UnitVectors } from './align.js';
import { valueCitation, type Conflict, type Position } from './conflicts.js';
import { ordinalValue } from './slots.js';
import { termKey, type ClaimUnit } from './units.js';
import { foldTerm } from '../../text/words.js';
import { isCity } from '../../analyze/entities/lexicon/cities.js';
import { placeOf as gazetteerPlace } from '../../analyze/entities/lexicon/gazetteer.js';

/**
 * Conflicts over the day or the place of one happening: "checked into the clinic late Thursday"
 * against "early Friday … checked into the clinic", "was arrested in Denver" against "was arrested
 * in Boulder". The slot is spelled by the happening, not by the wording of the value: two clauses
 * of different sources tell one happening when the day (or place) belongs to the same verb in both,
 * they name the same participants and say much the same; their values dispute it when both name a
 * weekday, or both a day of a month, or both a town, and these differ. A false dispute costs more
 * than a missed one, so a happening is left alone whenever it may be several: an outlet that gives
 * it two days (or places), more than two rival values, or a clause giving two.
 */

/** A name a clause prints: its type and its words, lower case ("betty ford center"). */
interface Name {
  type: EntityType;
  words: Set<string>;
}

/**
 * How a value is compared: a weekday (`4`, a Thursday), a day of a month (`05-02`), a town (its
 * words), a rank in an order named by its noun (`o:round` → `6`).
 */
type Kind = 'w' | 'd' | 'p' | `o:${string}`;

/** A day or a place one clause gives for what it says happened. */
interface HappeningValue {
  unit: number;
  /** The value as printed. */
  value: { start: number; end: number };
  /** Comparable keys of the value; a date may know its weekday and its day of the month. */
  keys: Map<Kind, string>;
  /** The term of the verb the value belongs to (`valueVerb`), with its particle: the happening. */
  verb: string;
  /** That verb as printed. */
  verbPrinted: string;
  /** Whether the clause tells a plan ("will appear Monday"). */
  future: boolean;
  /** The names it prints outside its attribution: who and what took part. */
  names: Name[];
}

/** Words before a date that make it a bound or a deadline, not the day it happened ("since Monday", "by Friday"). */
const BOUND_BEFORE = /\b(?:since|until|till|by|before|after|from|through|between|as of|starting|beginning|ending)\s*$/i;
/** Names of days and months: the date names its day itself. */
const DAY_NAMED = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*\d/i;
/** Dates of a stretch or a bound (TIMEX3 `mod`): no single day. */
const BOUND_MODS: ReadonlySet<string> = new Set(['BEFORE', 'AFTER', 'ON_OR_BEFORE', 'ON_OR_AFTER', 'LESS_THAN', 'MORE_THAN']);
/** How alike two clauses must be (the aligner's similarity) to tell one happening: on ECB+ stories of one event, clauses telling one thing score 0.3 and more, different deeds with one verb less. */
const SAME_HAPPENING = 0.2;
/** The same for two clauses that name nobody. */
const SAME_HAPPENING_UNNAMED = 0.35;
/** More rival values than this for one happening are several happenings taken for one. */
const MAX_VALUES = 2;

/** The day keys a date states itself (not those it took from the article's date). */
function dayKeys(t: Timex): Map<Kind, string> {
  const keys = new Map<Kind, string>();
  const week = /W(?:XX|\d\d)-([1-7])/.exec(t.value);
  const date = /^(\d{4}|XXXX)-(\d\d)-(\d\d)/.exec(t.value);
  if (t.known.includes('weekday')) {
    if (week) keys.set('w', week[1]!);
    else if (date && date[1] !== 'XXXX') keys.set('w', String(new Date(`${date[1]}-${date[2]}-${date[3]}T12:00:00Z`).getUTCDay() || 7));
  }
  if (t.known.includes('month') && t.known.includes('day') && date) keys.set('d', `${date[2]}-${date[3]}`);
  return keys;
}

const inside = (s: { start: number; end: number }, span: { start: number; end: number } | undefined) => span !== undefined && s.start >= span.start && s.end <= span.end;

/** The names a clause prints outside its attribution and `value`: who and what took part. */
function namesOf(unit: ClaimUnit, value: { start: number; end: number }): Name[] {
  const attribution = unit.attribution?.span;
  return unit.doc.layers.entities
    .filter((m) => inside(m, unit.span) && !inside(m, attribution) && !(m.start < value.end && value.start < m.end))
    .map((m) => ({ type: m.type, words: wordsOf(unit.doc.text.slice(m.start, m.end)) }));
}

const wordsOf = (name: string) => new Set(name.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/** A value of one clause with the verb it belongs to, unless the clause denies that verb. */
function valueRef(unit: ClaimUnit, index: number, value: { start: number; end: number }, keys: Map<Kind, string>, future: boolean): HappeningValue | null {
  const verb = valueVerb(unit, value);
  return verb && !unit.denied.has(verb.key.split(' ')[0]!) ? { unit: index, value, keys, verb: verb.key, verbPrinted: verb.printed, future, names: namesOf(unit, value) } : null;
}

/** The day a clause gives for what it tells, when it gives exactly one and as the day it happened. */
function dayOf(unit: ClaimUnit, index: number): HappeningValue | null {
  const text = unit.doc.text;
  const days = unit.doc.layers.timexes.filter((t) => inside(t, unit.span) && !inside(t, unit.attribution?.span) && (t.type === 'DATE' || t.type === 'TIME') && dayKeys(t).size > 0);
  if (days.length !== 1) return null;
  const timex = days[0]!;
  // A day named, not "today"; not "Friday's quarterfinal" (a day qualifying a noun).
  if (!DAY_NAMED.test(text.slice(timex.start, timex.end)) || POSSESSIVE.test(text.slice(timex.end, timex.end + 4))) return null;
  if ((timex.mod && BOUND_MODS.has(timex.mod)) || timex.range || BOUND_BEFORE.test(text.slice(unit.span.start, timex.start)) || BOUND_BEFORE.test(text.slice(timex.start, timex.end).split(/\s+/)[0] ?? '')) return null;
  return valueRef(unit, index, timex, dayKeys(timex), timex.tense === 'future');
}

/** "'s" after a name or a day: it qualifies a noun ("Friday's game", "Denver's mayor"). */
const POSSESSIVE = /^\s*['’]\s?s\b/;
/** A preposition of where something happened, right before a place's name ("in Denver", "at the Paris"). */
const PLACE_BEFORE = /\b(?:in|at|near|outside)\s+(?:the\s+)?$/i;

/**
 * The town a clause says its happening took place in, when it names exactly one: a place's name
 * after "in", "at", "near" or "outside" right after the verb, not qualifying a noun ("in Denver police custody"),
 * and a town the lexicons know (a capital or a city): a town lies in a county, a state or a country.
 */
function placeOfClause(unit: ClaimUnit, index: number): HappeningValue | null {
  const text = unit.doc.text;
  const tokens = unit.doc.layers.tokens;
  const places = unit.doc.layers.entities.filter((m) => {
    if (m.type !== 'location' || !inside(m, unit.span) || inside(m, unit.attribution?.span)) return false;
    const before = PLACE_BEFORE.exec(text.slice(Math.max(unit.span.start, m.start - 16), m.start));
    if (!before || POSSESSIVE.test(text.slice(m.end, m.end + 4))) return false;
    const next = tokens.find((t) => t.start >= m.end);
    if (next && next.start < unit.span.end && (next.pos === 'NOUN' || next.pos === 'PROPN')) return false;
    // Where the deed was done, not where a thing is ("destroyed a store in Banstead", "a store in Surrey
    // has been destroyed"): the preposition follows the verb, its adverbs or a date told with it.
    const preposition = m.start - before[0].length + before[0].search(/\S/);
    const prior = tokens.filter((t) => t.end <= preposition).at(-1);
    return prior !== undefined && (prior.pos === 'VERB' || prior.pos === 'ADV' || prior.pos === 'PART' || unit.doc.layers.timexes.some((t) => prior.start >= t.start && prior.end <= t.end));
  });
  if (places.length !== 1) return null;
  const place = places[0]!;
  const name = text.slice(place.start, place.end);
  // A town the lexicons know: a county or state ("in Surrey", "in Colorado") holds towns, so only two towns rival.
  if (!isCity(name) && gazetteerPlace(name)?.kind !== 'capital') return null;
  return valueRef(unit, index, place, new Map([['p', [...wordsOf(name)].join(' ')]]), unit.doc.layers.timexes.some((t) => inside(t, unit.span) && t.tense === 'future'));
}

/** A preposition and a determiner before a rank told as when or where a deed was done ("in the sixth round", "on his third attempt"). */
const RANK_BEFORE = /\b(?:in|on|at|during)\s+(?:(?:the|his|her|their|its)\s+)?$/i;
/**
 * Nouns whose rank names a date, a period or an occurrence ("on the second day", "in his third
 * season", "for the first time"): rival ranks of these are most often different days or occasions.
 */
const DATED_NOUNS: ReadonlySet<string> = new Set(['time', 'day', 'night', 'week', 'month', 'year', 'decade', 'century', 'anniversary', 'season', 'hour', 'term', 'attempt', 'try', 'bid']);

/**
 * The rank of a deed in an order, when a clause gives exactly one: "knocked him out in the sixth
 * round", "finished in third place", "on the 12th floor". Compared only with a rank of the same noun.
 */
function rankOf(unit: ClaimUnit, index: number): HappeningValue | null {
  const text = unit.doc.text;
  const tokens = tokensWithin(unit.doc.layers.tokens, unit.span);
  const ranks: Array<{ noun: string; rank: number; start: number; end: number }> = [];
  tokens.forEach((t, k) => {
    const rank = ordinalValue(text.slice(t.start, t.end).toLowerCase());
    const head = tokens[k + 1];
    if (rank === null || !head || head.pos !== 'NOUN' || tokens[k + 2]?.pos === 'NOUN' || inside(t, unit.attribution?.span)) return;
    const noun = foldTerm(head.lemma);
    if (DATED_NOUNS.has(noun) || !RANK_BEFORE.test(text.slice(Math.max(unit.span.start, t.start - 12), t.start))) return;
    ranks.push({ noun, rank, start: t.start, end: head.end });
  });
  if (ranks.length !== 1) return null;
  const r = ranks[0]!;
  return valueRef(unit, index, r, new Map<Kind, string>([[`o:${r.noun}`, String(r.rank)]]), unit.doc.layers.timexes.some((t) => inside(t, unit.span) && t.tense === 'future'));
}

/** Particles that make another deed of the verb before them ("knocked out" / "knocked down"). */
const PARTICLES: ReadonlySet<string> = new Set(['out', 'down', 'up', 'off', 'away', 'over', 'back']);

/** Marks that end the phrase a value belongs to. */
const PHRASE_BREAK = /^(?:[,;:()[\]"“”—–]|--)$/;

/**
 * The term of the verb a day or place belongs to: the nearest verb in its phrase (between commas:
 * "checked into the center late Thursday, dodging arrest" → checked), or for a value opening the clause
 * on its own ("Early Friday morning, … the actress checked in") the first verb after it. Null when
 * neither: a date in a phrase without a verb ("charged in the shooting at the plant Thursday night")
 * is no day of the clause's verb.
 */
function valueVerb(unit: ClaimUnit, value: { start: number; end: number }): { key: string; printed: string } | null {
  const text = unit.doc.text;
  const tokens = tokensWithin(unit.doc.layers.tokens, unit.span);
  const at = tokens.findIndex((t) => t.start >= value.start);
  if (at < 0) return null;
  const breaks = tokens.map((t) => PHRASE_BREAK.test(text.slice(t.start, t.end)));
  let from = at;
  while (from > 0 && !breaks[from - 1]) from--;
  let to = at;
  while (to < tokens.length - 1 && !breaks[to + 1]) to++;
  // With its particle: "knocked out" and "knocked down" are two deeds.
  const term = (t: Token) => {
    const key = termKey(text.slice(t.start, t.end), t);
    const next = tokens.find((n) => n.start >= t.end);
    const particle = next && next.start < unit.span.end ? text.slice(next.start, next.end).toLowerCase() : '';
    if (!key) return null;
    return PARTICLES.has(particle) ? { key: `${key} ${particle}`, printed: text.slice(t.start, next!.end) } : { key, printed: text.slice(t.start, t.end) };
  };
  const verbs = tokens.map((t, k) => ({ t, k })).filter(({ t, k }) => k >= from && k <= to && t.pos === 'VERB' && (t.end <= value.start || t.start >= value.end));
  if (verbs.length) return term(verbs.sort((x, y) => Math.abs(x.k - at) - Math.abs(y.k - at))[0]!.t);
  if (from !== 0) return null;
  const next = tokens.find((t, k) => k > to && t.pos === 'VERB');
  return next ? term(next) : null;
}

/** Whether two names may name one thing: one's words all among the other's ("Lohan", "Lindsay Lohan"). */
const sameName = (a: Name, b: Name) => (a.words.size <= b.words.size ? [...a.words].every((w) => b.words.has(w)) : [...b.words].every((w) => a.words.has(w)));

/**
 * Whether two clauses tell one happening: they name someone or something in common and neither names a
 * rival the other lacks (a person or an organisation each prints that the other does not: "checked into
 * Morningside", "checked into the Betty Ford Center"; places are details, not rivals), and they are alike.
 * A clause naming nobody needs a closer wording: "the mayor resigned" may be any mayor.
 */
function sameHappening(a: HappeningValue, b: HappeningValue, alike: number): boolean {
  if (!a.names.length || !b.names.length) return alike >= SAME_HAPPENING_UNNAMED;
  if (!a.names.some((m) => b.names.some((n) => sameName(m, n)))) return false;
  const unmatched = (x: HappeningValue, y: HappeningValue) => new Set(x.names.filter((m) => m.type !== 'location' && !y.names.some((n) => sameName(m, n))).map((m) => m.type));
  const [ua, ub] = [unmatched(a, b), unmatched(b, a)];
  if ([...ua].some((t) => ub.has(t))) return false;
  return alike >= SAME_HAPPENING;
}

/** Whether two keys of one kind differ: towns differ when neither's words hold the other's ("Rancho Mirage", "Mirage" agree). */
function differ(kind: Kind, x: string, y: string): boolean {
  if (kind !== 'p') return x !== y;
  const [a, b] = [new Set(x.split(' ')), new Set(y.split(' '))];
  return ![...a].every((w) => b.has(w)) && ![...b].every((w) => a.has(w));
}

/** The kind of key on which two values differ, when they give no kind alike. */
function rivalKind(a: HappeningValue, b: HappeningValue): Kind | null {
  let rival: Kind | null = null;
  for (const kind of new Set([...a.keys.keys(), ...b.keys.keys()])) {
    const [x, y] = [a.keys.get(kind), b.keys.get(kind)];
    if (x === undefined || y === undefined) continue;
    // A day both give alike (2 May, though one says Thursday and the other Friday) is no dispute.
    if (!differ(kind, x, y)) return null;
    rival ??= kind;
  }
  return rival;
}

const question = (kind: Kind) => (kind === 'p' ? 'where' : kind.startsWith('o:') ? 'which in order' : 'which day');

/**
 * Day and place conflicts of a story: pairs of clauses from different sources telling one happening
 * (the same verb for their values, in the same tense — a plan is no rival of a deed —, `sameHappening`)
 * with rival values, gathered per happening (its verb) and kind; each value a position listing the
 * clauses that give it.
 */
export function findHappeningConflicts(units: ClaimUnit[], space: UnitVectors, sourceOf: (unit: ClaimUnit) => string): Conflict[] {
  const refs = units.flatMap((u, i) => [dayOf(u, i), placeOfClause(u, i), rankOf(u, i)]).filter((r): r is HappeningValue => r !== null);
  const source = (r: HappeningValue) => sourceOf(units[r.unit]!);
  const bySlot = new Map<string, { verb: string; kind: Kind; pairs: Array<[HappeningValue, HappeningValue]> }>();
  for (let i = 0; i < refs.length; i++) {
    for (let j = i + 1; j < refs.length; j++) {
      const [a, b] = [refs[i]!, refs[j]!];
      if (a.verb !== b.verb || a.future !== b.future || source(a) === source(b)) continue;
      const kind = rivalKind(a, b);
      if (!kind || !sameHappening(a, b, similarity(space, a.unit, b.unit))) continue;
      const key = `${a.verb}|${kind}`;
      const slot = bySlot.get(key) ?? { verb: a.verb, kind, pairs: [] };
      slot.pairs.push([a, b]);
      bySlot.set(key, slot);
    }
  }
  const conflicts: Conflict[] = [];
  for (const { verb, kind, pairs } of bySlot.values()) {
    // Every value each outlet gives this happening, not only the disputing clauses': an outlet giving two tells two happenings.
    const bySource = new Map<string, string[]>();
    for (const r of refs) if (r.verb === verb && r.keys.has(kind)) bySource.set(source(r), [...(bySource.get(source(r)) ?? []), r.keys.get(kind)!]);
    if ([...bySource.values()].some((keys) => keys.some((x) => keys.some((y) => differ(kind, x, y))))) continue;
    const byValue: HappeningValue[][] = [];
    for (const r of new Set(pairs.flat())) {
      const same = byValue.find((rs) => !differ(kind, rs[0]!.keys.get(kind)!, r.keys.get(kind)!));
      if (same) same.push(r);
      else byValue.push([r]);
    }
    if (byValue.length > MAX_VALUES) continue;
    const printed = (r: HappeningValue) => units[r.unit]!.doc.text.slice(r.value.start, r.value.end);
    const positions: Position[] = byValue.map((rs) => ({
      value: [...new Set(rs.map(printed))].join(' / '),
      refs: rs.map((r) => ({ unit: r.unit, value: { ...r.value, text: printed(r) }, cite: valueCitation(units[r.unit]!, r.value) })),
    }));
    conflicts.push({ subject: `${question(kind)}: ${pairs[0]![0].verbPrinted}${kind.startsWith('o:') ? ` in the … ${kind.slice(2)}` : ''}`, aspect: kind === 'p' ? 'place' : kind.startsWith('o:') ? 'order' : 'day', positions });
  }
  return conflicts;
}
