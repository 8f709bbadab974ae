import { tokensWithin } from '../../doc/spans.js';
import type { EntityType, Timex, Token } from '../../doc/types.js';
import { similarity, type UnitVectors } from './align.js';
import { valueCitation, type Conflict, type ConflictAspect, type Position } from './conflicts.js';
import { ordinalValue } from './slots.js';
import { termKey, type ClaimUnit } from './units.js';
import { foldTerm } from '../../text/words.js';
import { isCity, townDistanceKm } from '../../analyze/entities/lexicon/cities.js';
import { placeOf as gazetteerPlace } from '../../analyze/entities/lexicon/gazetteer.js';

/**
 * Conflicts over the day or the place of one happening: "checked into the clinic late Thursday"
 * against "early Friday … checked into the clinic", "was arrested in Denver" against "was arrested
 * in Boulder". The slot is spelled by the happening, not by the wording of the value: two clauses
 * of different sources tell one happening when the day (or place) belongs to the same verb in both,
 * they name the same participants (or state the same price) and say much the same; their values
 * dispute it when both name a weekday, or both a day of a month, a month or a year ("pleaded guilty
 * in July 1973" / "On June 27, 1973, … pleaded guilty"), or both a part of one day ("on Tuesday
 * morning" / "on Tuesday afternoon"), or both a town, and these differ. A value and its refinement
 * never differ: "Tuesday" and "Tuesday night", "1973" and "June 27, 1973", "Los Angeles" and
 * "Hollywood" (towns a few kilometres apart). A false dispute costs more than a missed one, so a
 * happening is left alone whenever it may be several: an outlet that gives it two days (or places),
 * more than two rival values, or a clause giving two.
 */

/** A name a clause prints: its type and its words, lower case ("betty ford center"). */
interface Name {
  type: EntityType;
  words: Set<string>;
}

/**
 * How a value is compared: a weekday (`4`, a Thursday), a day of a month (`05-02`), a month (`07`), a
 * year (`1973`), a part of the day (`MO`, a morning), a town (its words), a rank in an order named by
 * its noun (`o:round` → `6`).
 */
type Kind = 'w' | 'd' | 'm' | 'y' | 't' | 'p' | `o:${string}`;

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
  /** The sums of money it states exactly (`low-high` in their unit): a deal's price names the deal as well as its parties. */
  sums: Set<string>;
}

/** Words before a date that make it a bound or a deadline, not the day it happened ("since Monday", "by Friday"). */
const BOUND_BEFORE = /\b(?:since|until|till|by|before|after|from|through|between|as of|starting|beginning|ending)\s*$/i;
/** Names of days and months: the date names its day itself. */
const DAY_NAMED = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*\d/i;
/** Dates of a stretch or a bound (TIMEX3 `mod`): no single day. */
const BOUND_MODS: ReadonlySet<string> = new Set(['BEFORE', 'AFTER', 'ON_OR_BEFORE', 'ON_OR_AFTER', 'LESS_THAN', 'MORE_THAN']);
/** How alike two clauses must be (the aligner's similarity) to tell one happening: on ECB+ stories of one event, clauses telling one thing score 0.3 and more, different deeds with one verb less. */
const SAME_HAPPENING = 0.2;
/** The same for two clauses stating one price with the same verb: the price already ties them to one deal. */
const SAME_HAPPENING_PRICED = 0.1;
/** The same for two clauses that name nobody. */
const SAME_HAPPENING_UNNAMED = 0.35;
/** More rival values than this for one happening are several happenings taken for one. */
const MAX_VALUES = 2;

/** The day keys a date states itself (not those it took from the article's date). */
function dayKeys(t: Timex, text: string): Map<Kind, string> {
  const keys = new Map<Kind, string>();
  const week = /W(?:XX|\d\d)-([1-7])/.exec(t.value);
  const date = /^(\d{4}|XXXX)-(\d\d)-(\d\d)/.exec(t.value);
  if (t.known.includes('weekday')) {
    if (week) keys.set('w', week[1]!);
    else if (date && date[1] !== 'XXXX') keys.set('w', String(new Date(`${date[1]}-${date[2]}-${date[3]}T12:00:00Z`).getUTCDay() || 7));
  }
  if (t.known.includes('month') && t.known.includes('day') && date) keys.set('d', `${date[2]}-${date[3]}`);
  // The month and the year a date states ("in July 1973", "in 1957"): "July 1973" and "June 27, 1973"
  // differ by their months, "in 1957" and "in 1967" by their years.
  const month = /^(?:\d{4}|XXXX)-(\d\d)/.exec(t.value);
  if (t.known.includes('month') && month) keys.set('m', month[1]!);
  const year = /^(\d{4})/.exec(t.value);
  if (t.known.includes('year') && year) keys.set('y', year[1]!);
  // A part of the day the words name ("Tuesday afternoon", "late Thursday night"), not one a time implies.
  const part = /T(MO|AF|EV|NI|MI)$/.exec(t.value);
  if (part && PART_WORD.test(text.slice(t.start, t.end))) keys.set('t', `${part[1]}${t.mod === 'START' || t.mod === 'END' || /\b(?:early|late)\b/i.test(text.slice(t.start, t.end)) ? '~' : ''}`);
  return keys;
}

/** Words naming a part of the day. */
const PART_WORD = /\b(?:morning|afternoon|evening|night|tonight|overnight|midday|noon)\b/i;
/** Day keys that name a day (a weekday, a day of a month): finer than a month or a year. */
const DAY_KINDS: readonly Kind[] = ['w', 'd'];
/** Parts of the day in their order round the clock; each touches the next (and night the morning). */
const PARTS_ROUND = ['MO', 'MI', 'AF', 'EV', 'NI'];

/**
 * Whether two parts of the day (`MO`, `AF~` when said "early" or "late") cannot tell one moment.
 * Evening and night are one stretch in news ("Thursday evening", "Thursday night" at 9 p.m.); noon
 * touches the morning and the afternoon; parts that touch ("morning", "afternoon") are rivals
 * unless either is said early or late ("late morning", "early afternoon" can be one hour).
 */
function rivalParts(x: string, y: string): boolean {
  const [a, b] = [x.replace('~', ''), y.replace('~', '')];
  if (a === b) return false;
  const pair = new Set([a, b]);
  if (pair.has('EV') && pair.has('NI')) return false;
  if (pair.has('MI')) return false;
  const [i, j] = [PARTS_ROUND.indexOf(a), PARTS_ROUND.indexOf(b)].map((k) => (k > 1 ? k - 1 : k));
  const touching = Math.abs(i! - j!) === 1 || Math.abs(i! - j!) === 3;
  return !(touching && (x.endsWith('~') || y.endsWith('~')));
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
  const sums = new Set(unit.quantities.filter((q) => q.dimension === 'money' && q.modifier === 'exact' && Number.isFinite(q.interval.high)).map((q) => `${q.unitClass}:${q.interval.low}-${q.interval.high}`));
  return verb && !unit.denied.has(verb.key.split(' ')[0]!) ? { unit: index, value, keys, verb: verb.key, verbPrinted: verb.printed, future, names: namesOf(unit, value), sums } : null;
}

/** The day a clause gives for what it tells, when it gives exactly one and as the day it happened. */
function dayOf(unit: ClaimUnit, index: number): HappeningValue | null {
  const text = unit.doc.text;
  const dates = unit.doc.layers.timexes.filter((t) => inside(t, unit.span) && !inside(t, unit.attribution?.span) && (t.type === 'DATE' || t.type === 'TIME'));
  // A clause's day: the one date naming a day; failing any, the one date naming a month or a year ("in 1957").
  const days = dates.filter((t) => DAY_KINDS.some((k) => dayKeys(t, text).has(k)));
  const coarse = days.length ? [] : dates.filter((t) => dayKeys(t, text).has('m') || dayKeys(t, text).has('y'));
  if (days.length + coarse.length !== 1) return null;
  const timex = (days[0] ?? coarse[0])!;
  // A day named, not "today"; not "Friday's quarterfinal" (a day qualifying a noun).
  if (!(days.length ? DAY_NAMED : MONTH_OR_YEAR_NAMED).test(text.slice(timex.start, timex.end)) || POSSESSIVE.test(text.slice(timex.end, timex.end + 4))) return null;
  if ((timex.mod && BOUND_MODS.has(timex.mod)) || timex.range || BOUND_BEFORE.test(text.slice(unit.span.start, timex.start)) || BOUND_BEFORE.test(text.slice(timex.start, timex.end).split(/\s+/)[0] ?? '')) return null;
  // A date of a noun, not of the verb: "a release date of 22 November", "his January start date".
  const tokens = tokensWithin(unit.doc.layers.tokens, unit.span);
  const before = tokens.filter((t) => t.end <= timex.start).slice(-2);
  const after = tokens.find((t) => t.start >= timex.end);
  if ((before.length === 2 && /^of$/i.test(text.slice(before[1]!.start, before[1]!.end)) && before[0]!.pos === 'NOUN') || (!days.length && (after?.pos === 'NOUN' || after?.pos === 'PROPN'))) return null;
  return valueRef(unit, index, timex, dayKeys(timex, text), timex.tense === 'future');
}

/** A month's name or a year printed in a date ("in July", "in 1957"): the date names them itself. */
const MONTH_OR_YEAR_NAMED = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:1[89]|20)\d\d\b/i;

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
  // A participle after an article qualifies a noun ("a reported $30 million", "the injured man"): no deed.
  const verbs = tokens.map((t, k) => ({ t, k })).filter(({ t, k }) => k >= from && k <= to && t.pos === 'VERB' && tokens[k - 1]?.pos !== 'DET' && (t.end <= value.start || t.start >= value.end));
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
  // The same price paid ("sold … for $30 million") names one deal as well as a party does.
  const samePrice = [...a.sums].some((x) => b.sums.has(x));
  if (!samePrice && (!a.names.length || !b.names.length)) return alike >= SAME_HAPPENING_UNNAMED;
  if (!samePrice && !a.names.some((m) => b.names.some((n) => sameName(m, n)))) return false;
  const unmatched = (x: HappeningValue, y: HappeningValue) => new Set(x.names.filter((m) => m.type !== 'location' && !y.names.some((n) => sameName(m, n))).map((m) => m.type));
  const [ua, ub] = [unmatched(a, b), unmatched(b, a)];
  if ([...ua].some((t) => ub.has(t))) return false;
  return alike >= (samePrice ? SAME_HAPPENING_PRICED : SAME_HAPPENING);
}

/** Whether two keys of one kind differ: towns differ when neither's words hold the other's ("Rancho Mirage", "Mirage" agree). */
function differ(kind: Kind, x: string, y: string): boolean {
  if (kind === 't') return rivalParts(x, y);
  if (kind !== 'p') return x !== y;
  const [a, b] = [new Set(x.split(' ')), new Set(y.split(' '))];
  if ([...a].every((w) => b.has(w)) || [...b].every((w) => a.has(w))) return false;
  // Towns of one city told at two scales ("Hollywood", "Los Angeles"; "Santa Monica" for "Los Angeles"): one place.
  const apart = townDistanceKm(x, y);
  return apart === null || apart > SAME_CITY_KM;
}

/**
 * Towns nearer than this (any of the places of their names) may be one place told at two scales: a
 * district and its city (Hollywood and Los Angeles, 8 km; Brooklyn and New York City, 9 km), a suburb
 * and the city news names for it (Santa Monica and Los Angeles, 23 km). Denver and Boulder (39 km) stay rivals.
 */
const SAME_CITY_KM = 30;

/** The kind of key on which two values differ, when they give no kind alike. */
function rivalKind(a: HappeningValue, b: HappeningValue): Kind | null {
  let rival: Kind | null = null;
  let sameDay = false;
  for (const kind of new Set([...a.keys.keys(), ...b.keys.keys()])) {
    const [x, y] = [a.keys.get(kind), b.keys.get(kind)];
    if (x === undefined || y === undefined || kind === 't') continue;
    // A day both give alike (2 May, though one says Thursday and the other Friday) is no dispute of
    // the day; a month or a year both give alike leaves the finer keys to decide ("July 1973", "June 27, 1973").
    if (!differ(kind, x, y)) sameDay ||= DAY_KINDS.includes(kind);
    else rival ??= kind;
  }
  if (sameDay) rival = null;
  if (rival) return rival;
  // Parts of one day: only when no day key differs ("Tuesday" and "Tuesday night" give no part to compare).
  const [x, y] = [a.keys.get('t'), b.keys.get('t')];
  return x !== undefined && y !== undefined && rivalParts(x, y) ? 't' : null;
}

const question = (kind: Kind) => (kind === 'p' ? 'where' : kind.startsWith('o:') ? 'which in order' : kind === 't' ? 'what time of day' : kind === 'm' || kind === 'y' ? 'when' : 'which day');
const aspectOf = (kind: Kind): ConflictAspect => (kind === 'p' ? 'place' : kind.startsWith('o:') ? 'order' : kind === 't' ? 'time' : kind === 'm' || kind === 'y' ? 'date' : 'day');

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
    conflicts.push({ subject: `${question(kind)}: ${pairs[0]![0].verbPrinted}${kind.startsWith('o:') ? ` in the … ${kind.slice(2)}` : ''}`, aspect: aspectOf(kind), positions });
  }
  return conflicts;
}
