/**
 * The story's timeline. It lives in `corroborate/` rather than `brief/` because its work is
 * cross-article: the same happening told by several reports becomes one entry carrying all their
 * evidence, which is corroboration; the brief only renders what this decides.
 */
import { daysBetween, lastDayOfMonth, parseYmd, type Ymd } from '../analyze/time/calendar.js';
import { findTimexes } from '../analyze/time/detect.js';
import { inferStoryDates } from '../analyze/time/story-dates.js';
import { timexTense } from '../analyze/time/tense.js';
import { SPEECH_VERBS } from '../analyze/quotes/lexicon/speech-verbs.js';
import type { Doc, Quote, Span, Timex, Token } from '../doc/types.js';
import { firstTokenAt, tokensWithin, withWholeQuotes } from '../doc/spans.js';
import { spanTerms, statementComparer } from './claims/compare.js';
import { isDateLine } from '../text/words.js';
import { EVENT_FAMILY } from './claims/lexicon.js';

/**
 * What an entry is to the story: one of its own happenings, a scheduled one (told in the future,
 * or dated after the report that tells it), or background (weeks before its first report, or
 * placed by no more than a year).
 */
export type TimelineKind = 'happening' | 'scheduled' | 'background';

/** One dated happening; the export turns `evidence` into article spans. */
export interface TimelineEntry {
  date: string;
  end?: string;
  kind: TimelineKind;
  /** The text of the first evidence sentence (with the whole of a quote running over its stops): never written by us. */
  description: string;
  evidence: Array<{ doc: Doc; span: Span }>;
  /** The story's main event: the happening most reports lead with, the story's event date deciding between equals. */
  main?: true;
  /** The days its reports place it on, when they disagree (a disputed day): shown side by side, none picked. */
  days?: string[];
}

/** Two sentences with the same date tell the same happening when this share of their content words agree. */
export const DEFAULT_SAME_HAPPENING_OVERLAP = 0.3;

/** ...and at least this many, so a short sentence does not join on one shared word ("passengers"). */
export const DEFAULT_MIN_SHARED_WORDS = 2;

/** A happening ending this many days before the story's first report is background, not the story: news tells its own days within two weeks. */
export const DEFAULT_BACKGROUND_DAYS = 14;

/** An undated report joins the story's years only if its dateline falls this close to a dated report. */
export const DEFAULT_STORY_WINDOW_DAYS = 14;

const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'NUM', 'ADJ']);

interface Dated {
  readonly date: string;
  readonly end?: string;
  future: boolean;
  /** Told in the future tense or dated after its report (for an undated report, after the story's latest): a plan. */
  planned: boolean;
  doc: Doc;
  sentence: Span;
  words: Set<string>;
  /** Those outside quoted speech: what was said is not what the date places ("… pensioners," he told Parliament on Wednesday). */
  plain: Set<string>;
  /** Its nouns and names among them: what a plan is about ("bridge", "Oscars"). */
  things: Set<string>;
  /** Names (proper-noun lemmas) of the sentence: who and where. */
  names: Set<string>;
  /** Those of them that may name someone: not an organisation or place ("Greece", "Parliament"). */
  people: Set<string>;
  /** Each such name as written, its words joined ("pierre thomas", "thomas"): two people may share a surname. */
  persons: Set<string>;
  /** How many of them are outside its time expressions and not owned ("Saturday", "his Bentley" name no one). */
  who: number;
  /** Stems of its verbs and nouns that can name a happening ("call", "decid"), light verbs and generic nouns left out. */
  acts: Set<string>;
  /** Stems of its verbs alone: what was done, not what it was done to. */
  verbs: Set<string>;
  /** The first day its report can have been published: its date, else the first of the range the story gives it, else unknown. */
  reported: Ymd | null;
  /** Surname of the name nearest before its date ("King … decided on Saturday"), else after it: who did the dated thing. */
  actor: string | null;
  /** Whose words its date places, when it dates a saying ("he told Parliament on Wednesday", "Papandreou vowed Wednesday"): the speaker's surname. */
  saidBy: string | null;
  /** The deeds its date's clause tells, by verb family or lemma ("picked up" and "signed": `sign`). */
  deeds: Set<string>;
  /** The part of day its date names (`EV` of "Thursday evening"), if any. */
  hours: string | null;
  /** Placed by a part of day alone ("by late afternoon"): a later hour of the day its report is telling. */
  partOfDay: boolean;
  /** It marks a date of the past ("celebrate the 160th anniversary", "mark his first 100 days in office"): a commemoration, not news. */
  commemoration: boolean;
  /** Its date is told as what something came after ("The announcement comes shortly after US forces seized …"): a precedent of the news. */
  precedent: boolean;
  /** The other days its sentence dates ("picked up Wynn on Monday … and on Wednesday signed Bell"): what else the sentence tells. */
  otherDays: Set<string>;
  /** Who did the dated thing: the people its date's clause names (`dateClause`). */
  doers: Set<string>;
  /** The noun its date is said of ("a hearing on Tuesday", "Tuesday at Hiller's preliminary hearing"): the occasion it dates. */
  occasion: string | null;
  /** The act it names and only says took place ("the shooting took place … Thursday night"), by its stem: no other words needed to know which happening it is. */
  named: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The calendar date (ISO partial: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or a date-time) and range end
 * of a timex, or null when it names no day on the calendar (durations, sets, `XXXX-…`,
 * `PAST_REF`). Weeks become their Monday–Sunday range, quarters their months; parts of day
 * (`…TEV`) keep their day.
 */
export function calendarDate(t: Timex): { date: string; end?: string } | null {
  if (t.type !== 'DATE' && t.type !== 'TIME') return null;
  if (t.range) return { date: t.range.start, end: t.range.end };
  const v = t.value;
  const week = /^(\d{4})-W(\d{2})(-WE)?$/.exec(v);
  if (week) {
    const jan4 = new Date(Date.UTC(Number(week[1]), 0, 4));
    const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000 + (Number(week[2]) - 1) * 7 * 86_400_000);
    const from = new Date(monday.getTime() + (week[3] ? 5 : 0) * 86_400_000);
    const to = new Date(monday.getTime() + 6 * 86_400_000);
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    return { date: iso(from), end: iso(to) };
  }
  const quarter = /^(\d{4})-Q([1-4])$/.exec(v);
  if (quarter) return { date: `${quarter[1]}-${pad(Number(quarter[2]) * 3 - 2)}`, end: `${quarter[1]}-${pad(Number(quarter[2]) * 3)}` };
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z?$/.test(v)) return { date: v };
  const day = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:T[A-Z]{2})?$/.exec(v);
  return day ? { date: day[1]! } : null;
}

/** Nouns that name a stretch of time: like a time expression, sharing one ("the 2008 Chiefs ended the season", "the previous season") does not make two happenings one. */
const TIME_NOUNS = new Set(['season', 'year', 'month', 'week', 'day', 'time', 'night', 'morning', 'afternoon', 'evening']);

/** Verbs that carry no content of their own ("having frozen"). */
const LIGHT = new Set(['be', 'have', 'do']);

/**
 * Content words of a sentence, leaving out its time expressions: sharing "Friday" does not make
 * two happenings one; its nouns and names among them; and those outside quoted speech (`plain`).
 */
function contentWords(doc: Doc, sentence: Span, timexes: Timex[], speech: Span[]): { words: Set<string>; things: Set<string>; plain: Set<string> } {
  const inside = (s: Span, spans: Span[]) => spans.some((t) => s.start < t.end && t.start < s.end);
  const content = doc.layers.tokens.filter((t) => t.start >= sentence.start && t.end <= sentence.end && CONTENT_POS.has(t.pos) && !LIGHT.has(t.lemma.toLowerCase()) && !TIME_NOUNS.has(t.lemma.toLowerCase()) && !inside(t, timexes));
  const lemma = (t: Token) => t.lemma.toLowerCase();
  // Names keep their plural ("the Oscars", "Oscar Sunday"): compared without it.
  const thing = (t: Token) => (t.pos === 'PROPN' ? lemma(t).replace(/(?<=...)s$/, '') : lemma(t));
  return { words: new Set(content.map(lemma)), things: new Set(content.filter((t) => t.pos === 'NOUN' || t.pos === 'PROPN').map(thing)), plain: new Set(content.filter((t) => !inside(t, speech)).map(lemma)) };
}

/** Overlap coefficient of two word sets (shared / smaller set): short and long tellings of one event still match. */
function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared < DEFAULT_MIN_SHARED_WORDS ? 0 : shared / Math.min(a.size, b.size);
}

/**
 * Merges two dated sentences into one happening when one date holds the other ("last week",
 * "on Wednesday") and they say the same thing: enough shared content words, or the claims
 * aligner's judgement (`compareStatements`, weighed by the story's dated sentences), or the same
 * people and act told in other words. Why: "Rescue crews on Friday lowered 34 passengers" and "Thirty-four people
 * spent much of Friday evening suspended" both date the rescue to March 13. A year holds every
 * day of it, so a telling dated by its year only joins a finer one only when both are planned
 * ("will host in 2014", "on March 2, 2014"): "announced on Friday" and "the 2013 Academy Awards"
 * are two happenings. Known failure: two different things done
 * on one day by the same people ("met on Monday", "signed on Monday") share names and merge.
 */
export function sameHappening(a: Dated, b: Dated, threshold = DEFAULT_SAME_HAPPENING_OVERLAP, compare?: (a: Dated, b: Dated) => boolean): boolean {
  if (a.commemoration !== b.commemoration) return false;
  if (!nested(a, b)) return retold(a, b) || straddles(a, b) || dayDisputed(a, b);
  if ((isYear(a.date) || isYear(b.date)) && a.date !== b.date && !(a.planned && b.planned)) return false;
  if (recalledApart(a, b) || recalledApart(b, a)) return false;
  // The words of a quote count only against another quote: one statement told twice.
  const quoted = a.plain.size < a.words.size && b.plain.size < b.words.size;
  if (overlap(quoted ? a.words : a.plain, quoted ? b.words : b.plain) >= threshold) return true;
  if (compare?.(a, b)) return true;
  // Told in other words ("a phone call … on Wednesday", "the Wednesday call"; "will meet on February 3", "the official meeting on February 3"): the same people and the same act.
  if (shared(a.names, b.names) >= DEFAULT_MIN_SHARED_NAMES && shared(a.acts, b.acts) >= 1) return true;
  // The same people at the same hours of the same day ("Yvonne Hiller, 43, had gotten into an argument Thursday evening", "Yvonne Hiller … returned Thursday evening, gunned down two women").
  if (a.hours !== null && a.hours === b.hours && sameDay(a, b) && shared(a.names, b.names) >= DEFAULT_MIN_SHARED_NAMES) return true;
  // A happening named and said to have taken place ("the shooting took place just after 8:30pm Thursday night") is the one of that day telling its act ("shot and killed two co-workers").
  if ((a.named !== null && b.acts.has(a.named)) || (b.named !== null && a.acts.has(b.named))) return true;
  // One occasion of one day with the same people in its clause ("At a hearing on Tuesday, … described Yvonne Hiller", "testifying Tuesday at Hiller's preliminary hearing"): one hearing.
  if (sameDay(a, b) && a.occasion !== null && a.occasion === b.occasion && shared(a.doers, b.doers) >= 1) return true;
  if (samePlan(a, b)) return true;
  // One plan for one day with the same other side, told in other words ("Luck still has next Sunday's game against Houston", "next Sunday, when the Houston Texans head to Lucas Oil Stadium"): a name both plans give the one they are with, not their actor.
  if (a.planned && b.planned && sameDay(a, b) && [...a.names].some((n) => b.names.has(n) && n !== a.actor && n !== b.actor)) return true;
  // One plan for one day told in other words ("the measures to be voted on Thursday", "the draft bill … is to be voted on Thursday").
  if (a.planned && b.planned && sameDay(a, b) && shared(a.verbs, b.verbs) >= 1 && shared(a.acts, b.acts) >= 2) return true;
  // Two reports leading with one day's happening in their own words ("A firebomb attack on a bank
  // … killed at least three people today", "Three people … were killed when … threw petrol bombs at
  // a bank … on Wednesday"): a lead tells the news, and a story's news of one day is one happening.
  // Two acts in common, one a verb: "decided on Saturday" to sell the club and to retire are two
  // happenings, and so are a bank "went up in flames" and a meeting of "bankers".
  if (a.doc !== b.doc && sameDay(a, b) && inLead(a) && inLead(b) && shared(a.verbs, b.verbs) >= 1 && shared(a.acts, b.acts) >= 2) return true;
  // One person's words of one day, told by two reports ("… pensioners," he told Parliament on Wednesday; "Papandreou vowed Wednesday that those responsible … would be brought to justice"): one statement.
  if (a.saidBy !== null && a.saidBy === b.saidBy && sameDay(a, b) && !a.planned && !b.planned) return true;
  // The same person doing the same thing on the same day: "King said he decided on Saturday", "King … decided over the weekend" (a weekend holding it).
  if (a.actor !== null && a.actor === b.actor && Math.max(spanDays(a), spanDays(b)) <= WEEKEND_DAYS && shared(a.verbs, b.verbs) >= 1) return true;
  if (a.doc !== b.doc || a.date.length < 10 || a.date.slice(0, 10) !== b.date.slice(0, 10) || a.end || b.end) return false;
  // One report going on about its happening of that day, naming no one new: "King said he decided on Saturday to fire O'Brien" … "He … then made his decision on Saturday".
  if ((a.who === 0 || b.who === 0) && shared(a.acts, b.acts) >= 1) return true;
  // ... or going on with that day's hours, naming no one: "The marchers had dispersed by late afternoon".
  if ((a.who === 0 && a.partOfDay) || (b.who === 0 && b.partOfDay)) return true;
  // ... or naming the same people again and no one else: "Billy King … pushing out Jim O'Brien
  // yesterday" … "King said that when he broke the news yesterday to O'Brien".
  const [fewer, more] = a.names.size <= b.names.size ? [a.names, b.names] : [b.names, a.names];
  return fewer.size >= DEFAULT_MIN_SHARED_NAMES && shared(fewer, more) === fewer.size;
}

/**
 * A plan for one day ("Hiller is expected to be arraigned … later today") and a telling by a vaguer
 * date holding it from a report written weeks after that day ("is charged with murder for the
 * shooting deaths … in September 2010", in a report of the trial two years on): such a report
 * recalls the month's happening, not the day's plan.
 */
function recalledApart(plan: Dated, other: Dated): boolean {
  const day = spanOf(plan);
  return plan.planned && !other.planned && spanDays(plan) === 1 && spanDays(other) > 1 && day !== null && other.reported !== null && daysBetween(day.first, other.reported) > DEFAULT_BACKGROUND_DAYS;
}

/**
 * An act both tell, one of them by a verb ("will host", "as the awards' host"): nouns alone name
 * roles and times as often as acts ("head coach", "next season").
 */
const sharesAct = (a: Dated, b: Dated) => [...a.acts].some((x) => b.acts.has(x) && (a.verbs.has(x) || b.verbs.has(x)));

const isYear = (date: string) => /^\d{4}$/.test(date);

/** Content words two tellings on different days must share to be one happening retold: a detailed retelling, not a topic in common. */
const RETOLD_SHARED_WORDS = 8;

/**
 * One happening two reports place on different days of one week: outlets disagree on a day (one
 * copies a release's "today", another counts "last Friday" from its own date), and a retelling
 * sharing `RETOLD_SHARED_WORDS` content words ("1,300 biologists and three scientific societies
 * representing some 20,000 scientists … sent separate letters") is not a second happening. Both
 * done: a plan and its announcement share words too.
 */
function retold(a: Dated, b: Dated): boolean {
  if (a.doc === b.doc || a.planned || b.planned || spanDays(a) !== 1 || spanDays(b) !== 1) return false;
  // A sentence that also dates the other's day tells that happening in its other clause: "signed Wynn on Tuesday and Bell today" is no retelling of "signed Bell on Wednesday" under Tuesday.
  if (a.otherDays.has(b.date.slice(0, 10)) || b.otherDays.has(a.date.slice(0, 10))) return false;
  const [x, y] = [spanOf(a)!, spanOf(b)!];
  if (Math.abs(daysBetween(x.first, y.first)) > WEEK_DAYS) return false;
  return shared(a.words, b.words) >= RETOLD_SHARED_WORDS && overlap(a.words, b.words) >= DEFAULT_SAME_HAPPENING_OVERLAP;
}

/** Days apart two reports may place one deed of the same person: an outlet counting from its own day, or dating the announcement rather than the deed. */
const DISPUTED_DAYS = 2;

/**
 * One deed two reports place on nearby days ("picked up DeShawn Wynn on Monday", "Wynn, who was
 * signed on Tuesday"): the same kind of deed (`deeds`) in both dates' clauses, done to or by the
 * same person, named in full in both sentences and in both dates' clauses. Both done, one day each, in two reports; a sentence that
 * also dates the other's day tells that other day's deed in its other clause.
 */
function dayDisputed(a: Dated, b: Dated): boolean {
  if (a.doc === b.doc || a.planned || b.planned || spanDays(a) !== 1 || spanDays(b) !== 1) return false;
  if (a.otherDays.has(b.date.slice(0, 10)) || b.otherDays.has(a.date.slice(0, 10))) return false;
  if (Math.abs(daysBetween(spanOf(a)!.first, spanOf(b)!.first)) > DISPUTED_DAYS) return false;
  if (![...a.deeds].some((x) => b.deeds.has(x))) return false;
  // Named in full in both sentences, and by surname at least in both dates' clauses ("DeShawn Wynn, who was signed on Tuesday").
  const surname = (p: string) => p.split(' ').pop()!;
  return [...a.persons].some((p) => p.includes(' ') && b.persons.has(p) && a.doers.has(surname(p)) && b.doers.has(surname(p)));
}

/** Particles that make a verb another deed ("pick up", "step down"). */
const PARTICLES = new Set(['up', 'down', 'off', 'out', 'in', 'over']);

/** The deeds a date's clause tells: its verbs' families, a particle after the verb joined to it. */
function deedsOf(doc: Doc, tokens: Token[]): Set<string> {
  const deeds = new Set<string>();
  tokens.forEach((k, i) => {
    const lemma = k.lemma.toLowerCase();
    if (k.pos !== 'VERB' || NOT_AN_ACT.has(lemma) || SPEECH_VERBS.has(lemma)) return;
    const next = tokens[i + 1];
    const particle = next && PARTICLES.has(doc.text.slice(next.start, next.end).toLowerCase()) ? `${lemma} ${doc.text.slice(next.start, next.end).toLowerCase()}` : null;
    deeds.add((particle && EVENT_FAMILY.get(particle)) ?? EVENT_FAMILY.get(lemma) ?? particle ?? lemma);
  });
  return deeds;
}

/**
 * One plan two reports place in consecutive years, one by its year alone ("will be hosting the
 * Oscars this year", "will host the Oscars for a second time next year", both told in August): a
 * season straddles the calendar (the season's show is held the next year), and the same people,
 * act and thing planned by two reports of one story are one plan.
 */
function straddles(a: Dated, b: Dated): boolean {
  if (!a.planned || !b.planned || a.doc === b.doc || !(isYear(a.date) || isYear(b.date))) return false;
  const [x, y] = [spanOf(a), spanOf(b)];
  if (!x || !y || Math.abs(x.first.y - y.first.y) !== 1) return false;
  return shared(a.names, b.names) >= DEFAULT_MIN_SHARED_NAMES && shared(a.things, b.things) >= 1 && sharesAct(a, b);
}

/**
 * One plan told vaguely and precisely ("will host the Oscars next year", "the show's emcee on the
 * March 2 broadcast"): both planned, one a day and the other vaguer than a week holding it,
 * and a noun or name in common ("show", "bridge"; not "new"). A story has few plans, and a vague
 * one is rarely a second plan of the same thing inside the precise one's days.
 */
function samePlan(a: Dated, b: Dated): boolean {
  return a.planned && b.planned && nested(a, b) && Math.min(spanDays(a), spanDays(b)) === 1 && Math.max(spanDays(a), spanDays(b)) > WEEK_DAYS && shared(a.things, b.things) >= 1;
}

/** Days of a weekend: "over the weekend" places a happening nearly as closely as its day. */
const WEEKEND_DAYS = 2;

/** Days of a week: a telling placed no closer than this is a vague one. */
const WEEK_DAYS = 7;

const sameDay = (a: Dated, b: Dated) => spanDays(a) === 1 && spanDays(b) === 1 && a.date.slice(0, 10) === b.date.slice(0, 10);

/** Names two tellings in other words must share: both sides of a call or a meeting, not one person who did several things that day. */
export const DEFAULT_MIN_SHARED_NAMES = 2;

const shared = (a: Set<string>, b: Set<string>) => [...a].filter((x) => b.has(x)).length;

/**
 * Verbs that say something was said, reported or merely happened, and nouns that name people or
 * time: shared, they do not make two happenings one.
 */
const NOT_AN_ACT = new Set(['be', 'have', 'do', 'make', 'take', 'get', 'give', 'go', 'come', 'say', 'tell', 'add', 'report', 'follow', 'include', 'expect', 'set', 'show', 'president', 'official', 'people', 'time', 'year', 'month', 'week', 'day', 'season', 'team', 'government', 'country', 'state', 'leader', 'minister', 'man', 'woman', 'statement', 'news', 'source']);
/** Letters a stem keeps: "decide" and "decision", "meet" and "meeting" agree on them. */
const STEM_LETTERS = 4;

function namesAndActs(doc: Doc, sentence: Span, timexes: Timex[]): { names: Set<string>; acts: Set<string>; verbs: Set<string> } {
  // Leaving out its time expressions, as its content words do: "March" and "today" name no one and no act.
  const tokens = doc.layers.tokens.filter((t) => t.start >= sentence.start && t.end <= sentence.end && !timexes.some((x) => t.start < x.end && x.start < t.end));
  const names = new Set(tokens.filter((t) => t.pos === 'PROPN' && t.lemma.length > 2).map((t) => t.lemma.toLowerCase()));
  const actTokens = tokens.filter((t) => (t.pos === 'VERB' || t.pos === 'NOUN') && t.lemma.length >= STEM_LETTERS && !NOT_AN_ACT.has(t.lemma.toLowerCase()));
  const stem = (t: Token) => t.lemma.toLowerCase().slice(0, STEM_LETTERS);
  return { names, acts: new Set(actTokens.map(stem)), verbs: new Set(actTokens.filter((t) => t.pos === 'VERB').map(stem)) };
}

/** Words that make the proper noun after them a thing someone has ("his Bentley", "their Boeing"), not a person. */
const POSSESSIVES = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);

/**
 * Proper nouns of a sentence outside its time expressions that may name someone: not one owned
 * (after a possessive), and for an actor (`forActor`) not one the entity stage typed as an
 * organisation or place either.
 */
function nameTokens(doc: Doc, sentence: Span, timexes: Timex[], forActor: boolean): Token[] {
  const places = forActor ? doc.layers.entities.filter((e) => (e.type === 'organization' || e.type === 'location') && e.start < sentence.end && sentence.start < e.end) : [];
  const inside = (k: Token, spans: Span[]) => spans.some((x) => k.start < x.end && x.start < k.end);
  const tokens = doc.layers.tokens.filter((k) => k.start >= sentence.start && k.end <= sentence.end);
  const owned = new Set<Token>();
  tokens.forEach((k, i) => {
    if (k.pos !== 'PROPN') return;
    const previous = tokens[i - 1];
    if (previous && (owned.has(previous) || (previous.pos !== 'PROPN' && POSSESSIVES.has(doc.text.slice(previous.start, previous.end).toLowerCase())))) owned.add(k);
  });
  return tokens.filter((k) => k.pos === 'PROPN' && !owned.has(k) && !inside(k, timexes) && !inside(k, places));
}

/** Names as written, their words joined: runs of name tokens one space apart ("Pierre Thomas"), a possessive left out. */
function personsOf(people: Token[]): Set<string> {
  const runs: Token[][] = [];
  for (const k of people) {
    const run = runs[runs.length - 1];
    if (run && k.start - run[run.length - 1]!.end <= 1) run.push(k);
    else runs.push([k]);
  }
  return new Set(runs.map((run) => run.map((k) => k.lemma.toLowerCase().replace(/['’]s$/, '')).join(' ')).filter((name) => name.length > 2));
}

/** The same person: one name's words end the other's ("Sean Payton", "Coach Sean Payton"; "Thomas", "Pierre Thomas"; not "David Thomas"). */
function samePerson(a: string, b: string): boolean {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  return longer === shorter || longer.endsWith(` ${shorter}`);
}

/** A story's people: a surname alone stands for the full names the story writes with it ("Thomas" for "Pierre Thomas"). */
const fullNames = (names: string[]) => names.filter((n) => n.includes(' ') || !names.some((m) => m !== n && samePerson(n, m)));

/** The name nearest before a date in its sentence, else the first after it, by its last word: who did the dated thing. */
function actorOf(people: Token[], at: Span): string | null {
  const before = people.filter((k) => k.end <= at.start);
  const pick = before.length ? before[before.length - 1]! : people.find((k) => k.start >= at.end);
  if (!pick) return null;
  // Walk to the end of the name: "Vincent Jackson" and "Jackson" are one actor.
  const run = people.filter((k) => k.start >= pick.start);
  let last = pick;
  for (const k of run) if (k.start - last.end <= 1) last = k;
  return last.lemma.toLowerCase().replace(/['’]s$/, '');
}

/** How many words may stand between a verb of saying and the date it takes ("told Parliament on Wednesday"). */
const SAID_GAP_TOKENS = 3;

/**
 * Whose saying a date places: the verb nearest before the date, at most `SAID_GAP_TOKENS` words
 * away, is a verb of saying ("vowed Wednesday", "told Parliament on Wednesday"; not "said he
 * decided on Saturday"), and the speaker is the one the quotes stage gives a quotation
 * attributed in the sentence ("he" → George Papandreou), else the date's actor. By surname.
 */
function speakerOf(doc: Doc, sentence: Span, at: Span, actor: string | null, speech: Quote[]): string | null {
  const before = doc.layers.tokens.filter((k) => k.start >= sentence.start && k.end <= at.start);
  const verbAt = before.map((k) => k.pos).lastIndexOf('VERB');
  if (verbAt < 0 || before.length - 1 - verbAt > SAID_GAP_TOKENS || !SPEECH_VERBS.has(before[verbAt]!.lemma.toLowerCase())) return null;
  const inSentence = (x: Span | null) => x !== null && x.start >= sentence.start && x.end <= sentence.end;
  const quoted = speech.find((q) => q.speakerName && (inSentence(q.cue) || inSentence(q.speaker)))?.speakerName;
  return quoted ? quoted.split(/\s+/).at(-1)!.toLowerCase().replace(/['’]s$/, '') : actor;
}

/** Words that open a clause: what follows them is told of another verb ("who was captured", "following the January 3 operation", "that Hiller might be involved"). */
const CLAUSE_OPENERS = new Set(['who', 'whom', 'whose', 'which', 'that', 'after', 'following', 'before', 'when', 'while', 'because', 'although', 'though', 'but']);

/** Marks that end a clause; not an apostrophe ("Williams ’ case") or a hyphen. */
const CLAUSE_MARKS = /^[,;:()\[\]—–"“”]$/;

/** Openers that tell what the news came after: "comes shortly after", "following", "The announcement follows". */
const PRECEDENT_OPENERS = new Set(['after', 'following', 'follow']);

/**
 * The clause a date stands in, by punctuation and the words that open clauses (`CLAUSE_OPENERS`,
 * and the verb "follow"): its tokens, and the opener before it, if a word. A fronted date with no
 * verb of its own ("On March 3, President Obama directed …", "At a news conference last night at
 * …, King said …") goes on into the clause after its comma.
 */
function dateClause(doc: Doc, sentence: Span, at: Span): { tokens: Token[]; opener: string | null } {
  const tokens = tokensWithin(doc.layers.tokens, sentence);
  const opens = (k: Token) => CLAUSE_OPENERS.has(doc.text.slice(k.start, k.end).toLowerCase()) || (k.pos === 'VERB' && k.lemma.toLowerCase() === 'follow');
  const stops = (k: Token) => CLAUSE_MARKS.test(doc.text.slice(k.start, k.end)) || opens(k);
  const first = tokens.findIndex((k) => k.end > at.start);
  let last = tokens.findIndex((k) => k.start >= at.end);
  if (first < 0) return { tokens: [], opener: null };
  if (last < 0) last = tokens.length;
  let from = first;
  while (from > 0 && !stops(tokens[from - 1]!)) from--;
  let to = last;
  while (to < tokens.length && !stops(tokens[to]!)) to++;
  const verb = (ks: Token[]) => ks.some((k) => k.pos === 'VERB' || k.pos === 'AUX');
  if (!verb(tokens.slice(from, to)) && to < tokens.length && CLAUSE_MARKS.test(doc.text.slice(tokens[to]!.start, tokens[to]!.end))) {
    to++;
    while (to < tokens.length && !stops(tokens[to]!)) to++;
  }
  const before = tokens[from - 1];
  return { tokens: tokens.slice(from, to), opener: before && !CLAUSE_MARKS.test(doc.text.slice(before.start, before.end)) ? (before.pos === 'VERB' ? before.lemma : doc.text.slice(before.start, before.end)).toLowerCase() : null };
}

/** Personal pronouns: a clause naming someone only by one of these is about someone its sentence may name. */
const PERSONAL = new Set(['he', 'she', 'they', 'him', 'her', 'them', 'we', 'i']);

/**
 * Who did the dated thing: the people a date's clause names, with the name a relative clause
 * stands for ("Maduro, who was captured … on January 3"); when the clause names no one ("She
 * initially dismissed …", "Reached by telephone yesterday, O'Brien declined"), the people of its sentence.
 */
function doersOf(doc: Doc, { tokens, opener }: ReturnType<typeof dateClause>, people: Token[]): Set<string> {
  if (!tokens.length) return new Set();
  const from = tokens[0]!.start, to = tokens[tokens.length - 1]!.end;
  let named = people.filter((k) => k.start >= from && k.end <= to);
  if (opener === 'who' || opener === 'whom' || opener === 'whose') {
    // The name just before ", who": its last words.
    const head = people.filter((k) => k.end <= from && from - k.end <= RELATIVE_GAP_CHARS);
    named = [...named, ...head];
  }
  // A precedent told as a happening of its own names its doers ("following the January 3 US military operation"), unless by a pronoun ("after he fled on Monday").
  const pronoun = tokens.some((k) => k.pos === 'PRON' && PERSONAL.has(doc.text.slice(k.start, k.end).toLowerCase()));
  if (named.length === 0 && (!PRECEDENT_OPENERS.has(opener ?? '') || pronoun)) named = people;
  return new Set(named.filter((k) => k.lemma.length > 2).map((k) => k.lemma.toLowerCase()));
}

/** How far before "who" its name may end (", who" and a space or two). */
const RELATIVE_GAP_CHARS = 8;

/** One date holds the other: "last week" (January 5-11) holds "on Wednesday" (January 7); "February" holds "February 3". */
function nested(a: Dated, b: Dated): boolean {
  const x = daysOf(a.date), y = daysOf(b.date);
  const xEnd = daysOf(a.end ?? a.date), yEnd = daysOf(b.end ?? b.date);
  if (!x || !y || !xEnd || !yEnd) return a.date === b.date && a.end === b.end;
  const holds = (outer: { first: Ymd; last: Ymd }, inner: { first: Ymd; last: Ymd }) => daysBetween(outer.first, inner.first) >= 0 && daysBetween(inner.last, outer.last) >= 0;
  const spanA = { first: x.first, last: xEnd.last }, spanB = { first: y.first, last: yEnd.last };
  return holds(spanA, spanB) || holds(spanB, spanA);
}

/**
 * The timexes of an article resolved for the story's timeline. An article the analysis could
 * not date keeps its own `timexes` and `publishedAt: null`; only here, inside a story of dated
 * reports of the same events, its dates are placed from them:
 * - a yearless dateline ("VELMORA, March 13 —") takes the year that puts it within
 *   `DEFAULT_STORY_WINDOW_DAYS` of a dated report;
 * - else, with a publication range the story's dated reports give it (`inferStoryDates`), every
 *   expression is read twice, from the range's first and last day, and kept where both readings
 *   agree ("on Monday" of a report published January 7–11 is January 5 either way);
 * - else calendar dates written without a year ("February 3", "in October") take it by tense
 *   against the story's first and latest reports, where both readings agree; relative ones stay unresolved.
 * Known failure: a story spanning a new year, with an undated report from the old one.
 */
export function storyTimexes(doc: Doc, storyDays: Ymd[], range?: { start: Ymd; end: Ymd }): Timex[] {
  const own = doc.layers.timexes ?? [];
  if (doc.meta.publishedAt || storyDays.length === 0) return own;
  const { sentences, tokens } = doc.layers;
  const dateline = own.find((t) => t.label === 'dateline');
  const monthDay = dateline ? /^XXXX-(\d{2})-(\d{2})$/.exec(dateline.value) : null;
  if (dateline && monthDay) {
    const m = Number(monthDay[1]);
    const d = Number(monthDay[2]);
    const years = [...new Set(storyDays.flatMap((s) => [s.y - 1, s.y, s.y + 1]))];
    const fits = years.filter((y) => storyDays.some((s) => Math.abs(daysBetween(s, { y, m, d })) <= DEFAULT_STORY_WINDOW_DAYS));
    if (fits.length === 1) return findTimexes(doc.text, { anchor: { y: fits[0]!, m, d }, sentences, tokens }).map((t) => (t.start === dateline.start ? { ...t, label: 'dateline' } : t));
  }
  // A year the text does not write was guessed from the article's own latest full date ("finalized
  // in December" after "March 4, 2009" became December 2009); the story's reports place it better.
  const yearGuessed = (t: Timex) => !t.known.includes('year');
  if (range) {
    const kept = (t: Timex) => t.label === 'dateline' || (calendarDate(t) && !yearGuessed(t));
    // Reading the text again (twice, the costliest part of the timeline) can change no other expression.
    if (own.every(kept)) return own;
    const [first, last] = readFromBoth(doc, range.start, range.end);
    return own.map((t) => {
      if (kept(t)) return t;
      const a = first!.find((p) => p.start === t.start && p.end === t.end);
      const b = last!.find((p) => p.start === t.start && p.end === t.end);
      return a && b && a.value === b.value && calendarDate(a) ? a : t;
    });
  }
  if (dateline || !own.some(yearGuessed)) return own;
  // No dateline: only calendar dates written without a year ("in October", "February 3") take it
  // from the story, by their clause's tense, read from its first and its latest report and kept
  // where both agree ("set for Feb." read from April would be next year's); relative ones stay unresolved.
  const earliest = storyDays.reduce((a, b) => (daysBetween(a, b) < 0 ? b : a));
  const latest = storyDays.reduce((a, b) => (daysBetween(a, b) > 0 ? b : a));
  const [fromFirst, fromLatest] = readFromBoth(doc, earliest, latest);
  return own.map((t) => {
    const a = fromFirst!.find((p) => p.start === t.start && p.end === t.end);
    const again = fromLatest!.find((p) => p.start === t.start && p.end === t.end);
    return a && again && a.value === again.value && yearGuessed(t) && again.known.includes('month') && !again.known.includes('year') ? again : t;
  });
}

/** An article's timexes read from two days; once when they are one day (a story of one dated report, a one-day range): the reading is the same. */
function readFromBoth(doc: Doc, first: Ymd, last: Ymd): [Timex[], Timex[]] {
  const { sentences, tokens } = doc.layers;
  const fromFirst = findTimexes(doc.text, { anchor: first, sentences, tokens });
  return [fromFirst, first.y === last.y && first.m === last.m && first.d === last.d ? fromFirst : findTimexes(doc.text, { anchor: last, sentences, tokens })];
}

/**
 * Each dated happening of the story: the sentence that tells it (its text is the description,
 * so nothing is invented), its resolved date or range, and the sentences of every article that
 * tell it. A sentence is one entry, under its most precise date (a sentence dated twice is not
 * listed twice), or two when it tells one thing done and one planned; dates inside quoted speech are what someone said, not happenings, and are left
 * out; dateline dates are not happenings. The story's own happenings and scheduled ones come
 * first, oldest first, then the background, oldest first (`kind` says which). Unresolved dates
 * (`XXXX-…`) are left out rather than guessed. Undated reports take their dates from the story
 * (`storyTimexes`). The happening most reports lead with is marked as the main event; `mainWhen`,
 * the story's event date, decides between equals (`mainEntry`).
 */
export function buildTimeline(docs: Doc[], mainWhen?: { start: string; end: string } | null): TimelineEntry[] {
  const storyDays = docs.map((d) => (d.meta.publishedAt ? parseYmd(d.meta.publishedAt.slice(0, 10)) : null)).filter((d): d is Ymd => d !== null);
  const ranges = new Map(inferStoryDates(docs).map((r) => [r.articleId, { start: parseYmd(r.start)!, end: parseYmd(r.end)! }]));
  const latest = storyDays.length ? storyDays.reduce((a, b) => (daysBetween(a, b) > 0 ? b : a)) : null;
  // Dated after its report, or for an undated one after the story's latest report.
  const after = (date: string, doc: Doc) => {
    const start = daysOf(date);
    const own = doc.meta.publishedAt ? parseYmd(doc.meta.publishedAt.slice(0, 10)) : latest;
    return start !== null && own !== null && daysBetween(own, start.first) > 0;
  };
  // Over before its report (for an undated one, before the story's first): "will review the 1986
  // regulations" plans nothing for 1986; the date names what the plan is about.
  const earliest = storyDays.length ? storyDays.reduce((a, b) => (daysBetween(a, b) < 0 ? b : a)) : null;
  const over = (when: { date: string; end?: string }, doc: Doc) => {
    const last = daysOf(when.end ?? when.date);
    const own = doc.meta.publishedAt ? parseYmd(doc.meta.publishedAt.slice(0, 10)) : earliest;
    return last !== null && own !== null && daysBetween(last.last, own) > 0;
  };
  const tellings: Dated[] = [];
  for (const doc of docs) {
    const timexes = storyTimexes(doc, storyDays, ranges.get(doc.id));
    const headings = doc.layers.paragraphs.filter((p) => p.kind === 'heading');
    const speech = (doc.layers.quotes ?? []).filter((q) => q.kind === 'speech');
    const unplaced = timexes.filter((x) => UNPLACED_DAY.test(x.value) && !speech.some((q) => q.start <= x.start && x.end <= q.end));
    // One entry per sentence and tense: "announced on Friday that he will host Petro in February" tells two happenings, one done and one planned.
    const told = new Set<string>();
    // Most precise first, so a sentence dated "in 2019 … on March 3, 2020" is listed under March 3, 2020.
    const byPrecision = [...timexes].sort((a, b) => (calendarDate(b)?.date.length ?? 0) - (calendarDate(a)?.date.length ?? 0) || a.start - b.start);
    for (const t of byPrecision) {
      // A dateline is a filing date; a sub-heading ("A Stop in January") names a topic, not a happening.
      if (t.label === 'dateline' || headings.some((h) => h.start <= t.start && t.start < h.end)) continue;
      if (speech.some((q) => q.start <= t.start && t.end <= q.end)) continue;
      // The end of a span ("aim to save $40 billion through 2012", "closed until further notice") bounds something, it is no happening of its own.
      if (BOUND_BEFORE.test(doc.text.slice(Math.max(0, t.start - 12), t.start))) continue;
      // The report's own week or month ("is expected to rejoin the Colts this week") places nothing: it is "now" said longer, and a calendar week ending on the report's Sunday is not the week it means.
      if (CURRENT_PERIOD.test(doc.text.slice(t.start, t.end))) continue;
      // A quarter or half with no year written ("late in the fourth quarter", "the second half", "in nine quarters of football") is a part of a game or of accounts: the year or day the calendar gave it is not in the words.
      if ((/-(?:Q[1-4]|H[12])$/.test(t.value) || GAME_PARTS.test(doc.text.slice(t.start, t.end))) && !t.known.includes('year')) continue;
      // A clock time alone ("at 8 p.m.", "at 9:25") names no day: the report's day it was given is not in the words.
      if (t.known.length > 0 && t.known.every((k) => k === 'hour' || k === 'minute')) continue;
      // "on any given night", "every morning": no time in particular.
      if (GENERIC_BEFORE.test(doc.text.slice(Math.max(0, t.start - 12), t.start))) continue;
      const when = hourInWords(doc.text.slice(t.start, t.end), calendarDate(t));
      const sentence = doc.layers.sentences.find((s) => s.start <= t.start && t.start < s.end);
      // A day the story could not place ("yesterday" of an undated report) is what its sentence dates most closely: under its other, vaguer date ("… yesterday thwarted an attack … in the fifth operation since September") it would be misplaced.
      if (sentence && unplaced.some((x) => x.start >= sentence.start && x.start < sentence.end)) continue;
      // Without a verb a "sentence" tells nothing: a date or a list cut off by a full stop ("Feb .", "6 , 1995 .").
      if (!when || !sentence || !hasVerb(doc, sentence)) continue;
      // A line that only dates the page ("Posted on November 15, 2011 6:07 PM") is a filing date the dateline rule did not take.
      if (isDateLine(doc.text.slice(sentence.start, sentence.end))) continue;
      // "Today there are 1,009 species …": a count standing on that day, not something that happened.
      if (STATE.test(`${doc.text.slice(sentence.start, t.start)} ${doc.text.slice(t.end, sentence.end)}`.replace(/^[\s,]+/, ''))) continue;
      // "The rest of Wednesday's injury report is as follows:": it opens a list, what happened is in the list.
      if (LIST_OPENER.test(doc.text.slice(sentence.start, sentence.end))) continue;
      // Told in the tense that read it, else its clause's: "is expected to speak today" is planned.
      const future = timexTense(doc.text, doc.layers.tokens, [sentence], t) === 'future';
      // "the 2013 NFL Draft", "the 2008 Miami Dolphins": a year between an article and a name says which edition of the named thing; told of a thing done, not when it was done ("kept their grip on the #1 pick in the 2013 NFL Draft" tells Sunday's loss). In a plan it is the plan's year ("won't play in the 2011 NFL playoffs").
      if (!future && namesEdition(doc, t)) continue;
      const key = `${sentence.start}:${future}`;
      if (told.has(key)) continue;
      told.add(key);
      const otherDays = new Set(timexes.filter((x) => x !== t && x.start >= sentence.start && x.start < sentence.end).map((x) => calendarDate(x)?.date.slice(0, 10)).filter((d): d is string => d?.length === 10 && d !== when.date.slice(0, 10)));
      const people = nameTokens(doc, sentence, timexes, true);
      const actor = actorOf(people, t);
      const clause = dateClause(doc, sentence, t);
      tellings.push({ ...when, hours: /T(MO|AF|EV|NI)$/.exec(t.value)?.[1] ?? null, partOfDay: PART_OF_DAY.test(doc.text.slice(t.start, t.end)), commemoration: commemorates(doc, sentence, timexes), reported: doc.meta.publishedAt ? parseYmd(doc.meta.publishedAt.slice(0, 10)) : (ranges.get(doc.id)?.start ?? null), future, planned: (future && !over(when, doc)) || after(when.date, doc), doc, sentence, ...contentWords(doc, sentence, timexes, speech), ...namesAndActs(doc, sentence, timexes), people: new Set(people.filter((k) => k.lemma.length > 2).map((k) => k.lemma.toLowerCase())), persons: personsOf(people), doers: doersOf(doc, clause, people), deeds: deedsOf(doc, clause.tokens), precedent: PRECEDENT_OPENERS.has(clause.opener ?? ''), named: namedAct(doc, sentence), occasion: occasionOf(doc, sentence, t), otherDays, who: nameTokens(doc, sentence, timexes, false).length, actor, saidBy: speakerOf(doc, sentence, t, actor, speech) });
    }
  }
  const textOf = (d: Dated) => d.doc.text.slice(d.sentence.start, d.sentence.end);
  // Each telling's terms from its document's tokens, not from tokenising its sentence again.
  const termsByText = new Map<string, Map<string, number>>();
  for (const d of tellings) if (!termsByText.has(textOf(d))) termsByText.set(textOf(d), spanTerms(d.doc, d.sentence));
  const comparer = statementComparer(tellings.map(textOf), (text) => termsByText.get(text)!);
  const aligned = (a: Dated, b: Dated) => comparer(textOf(a), textOf(b)).same;
  const score = (a: Dated, b: Dated) => comparer(textOf(a), textOf(b)).score;
  const join = (entry: { first: Dated; evidence: Dated[] }, tellings: Dated[]) => {
    for (const dated of tellings) {
      if (entry.evidence.some((d) => d.doc === dated.doc && d.sentence.start === dated.sentence.start)) continue;
      entry.evidence.push(dated);
      if (spanDays(dated) < spanDays(entry.first)) entry.first = dated;
    }
  };
  const entries: Array<{ first: Dated; evidence: Dated[] }> = [];
  // How like an entry a telling is: like its likest telling, the same thing told in like words by another report ("follows a phone call", "come after a direct phone call").
  const likeness = (e: { evidence: Dated[] }, d: Dated) => Math.max(...e.evidence.map((x) => score(x, d)));
  // A lead tells what its report is about: a later telling matching any lead of an entry tells its happening.
  const representatives = (e: { first: Dated; evidence: Dated[] }) => [e.first, ...e.evidence.filter((d) => d !== e.first && inLead(d))];
  for (const dated of tellings) {
    // Compared with each entry's most precise telling and its reports' leads only, so a chain of
    // loosely similar sentences does not snowball into one entry; of several matches, the likest,
    // and one whose date holds it or it holds before one placed in another year (`straddles`).
    const found = entries.filter((e) => representatives(e).some((r) => sameHappening(r, dated, DEFAULT_SAME_HAPPENING_OVERLAP, aligned)));
    const placed = found.filter((e) => representatives(e).some((r) => nested(r, dated) && sameHappening(r, dated, DEFAULT_SAME_HAPPENING_OVERLAP, aligned)));
    const matches = placed.length ? placed : found;
    const likes = matches.length > 1 ? matches.map((e) => likeness(e, dated)) : [];
    const entry = matches.reduce<(typeof entries)[number] | undefined>((best, e, i) => (!best || likes[i]! > likes[matches.indexOf(best)]! ? e : best), undefined);
    if (!entry) entries.push({ first: dated, evidence: [dated] });
    else join(entry, [dated]);
  }
  // A telling that came before the entry's most precise one was compared with a vaguer one
  // ("on Feb." before "early Sunday"): entries whose tellings now match join, vaguest first.
  for (const entry of [...entries].sort((a, b) => spanDays(b.first) - spanDays(a.first))) {
    const into = entries
      .filter((e) => e !== entry && spanDays(e.first) <= spanDays(entry.first) && representatives(e).some((r) => sameHappening(r, entry.first, DEFAULT_SAME_HAPPENING_OVERLAP, aligned)))
      .reduce<(typeof entries)[number] | undefined>((best, e) => (!best || score(e.first, entry.first) > score(best.first, entry.first) ? e : best), undefined);
    if (!into) continue;
    join(into, entry.evidence);
    entries.splice(entries.indexOf(entry), 1);
  }
  const rank: Record<TimelineKind, number> = { happening: 0, scheduled: 0, background: 1 };
  const kinded = entries.map((e) => ({ ...e, kind: kindOf(e.first, e.evidence, storyDays) }));
  const sentenceKey = (d: Dated) => `${d.doc.id}:${d.sentence.start}`;
  const entriesOf = new Map<string, number>();
  for (const e of entries) for (const key of new Set(e.evidence.map(sentenceKey))) entriesOf.set(key, (entriesOf.get(key) ?? 0) + 1);
  const main = mainEntry(kinded, mainWhen);
  if (main) backgroundOfOthers(kinded, main, storyDays);
  if (main) leadUps(kinded, main, storyDays);
  if (main) sideNews(kinded, main);
  return kinded
    .sort((a, b) => rank[a.kind] - rank[b.kind] || (a.first.date < b.first.date ? -1 : a.first.date > b.first.date ? 1 : (a.first.end ?? '').localeCompare(b.first.end ?? '')))
    .map((e) => {
      const { evidence, kind } = e;
      // Listed under its most precise telling: "on Wednesday" rather than "last week"; of equals, one
      // that tells this happening alone (not also a plan listed apart), then one a report leads with.
      const preferences = new Map(evidence.map((d) => [d, [spanDays(d), (entriesOf.get(sentenceKey(d)) ?? 0) > 1 ? 1 : 0, inLead(d) ? 0 : 1]]));
      const shown = evidence.reduce((best, d) => (before(preferences.get(d)!, preferences.get(best)!) ? d : best));
      const described = withWholeQuotes(shown.doc, shown.sentence);
      // Only days of tellings that dispute one deed's day: an entry mixing two happenings shows no dispute.
      const days = [...new Set(evidence.filter((d) => evidence.some((o) => dayDisputed(d, o))).map((d) => d.date.slice(0, 10)))].sort();
      return {
        date: shown.date,
        ...(shown.end ? { end: shown.end } : {}),
        kind,
        description: shown.doc.text.slice(described.start, described.end),
        evidence: [shown, ...evidence.filter((d) => d !== shown)].map((d) => ({ doc: d.doc, span: withWholeQuotes(d.doc, d.sentence) })),
        ...(e === main ? { main: true as const } : {}),
        ...(days.length > 1 ? { days } : {}),
      };
    });
}

/**
 * The story's main event among its own happenings: the one the most reports tell in their lead
 * (first `LEAD_SENTENCES` sentences); among equals, the one on the story's event date (`when`) if
 * one falls on it, or of several there the only one a lead tells, else the only one a report
 * opens with; else none.
 */
function mainEntry<E extends { kind: TimelineKind; evidence: Dated[] }>(entries: E[], when?: { start: string; end: string } | null): E | null {
  const happenings = entries.filter((e) => e.kind === 'happening');
  const whenDays = when ? { first: daysOf(when.start), last: daysOf(when.end) } : null;
  const onWhen = (e: E) =>
    !!whenDays?.first && !!whenDays.last && e.evidence.map(spanOf).some((d) => d !== null && daysBetween(whenDays.first!.first, d.first) >= 0 && daysBetween(d.last, whenDays.last!.last) >= 0);
  const leads = (e: E) => new Set(e.evidence.filter(inLead).map((d) => d.doc.id)).size;
  const most = Math.max(0, ...happenings.map(leads));
  // A happening a lead tells outranks one told further down, even when no two leads agree.
  const top = most >= 1 ? happenings.filter((e) => leads(e) === most) : happenings;
  if (top.length === 1) return top[0]!;
  const dated = top.filter(onWhen);
  if (dated.length === 1) return dated[0]!;
  // Several on the event date ("announced on Friday", "an interview published Friday"): the one a lead tells, if only one is.
  const led = dated.filter((e) => leads(e) > 0);
  if (led.length === 1) return led[0]!;
  // None decided by the date, and the leads of several reports tell them: the one told earliest in
  // a lead ("Hiller … returned Thursday evening, gunned down two women" before "the shooting took
  // place … Thursday night"). One report alone may be a round-up of its day: nothing to go by.
  const candidates = dated.length ? dated : top;
  if (most === 0 || new Set(candidates.flatMap((e) => e.evidence.filter(inLead).map((d) => d.doc))).size < 2) return null;
  const opens = (e: E) => Math.min(...e.evidence.filter(inLead).map(leadIndex));
  const first = Math.min(...candidates.map(opens));
  const opening = candidates.filter((e) => opens(e) === first);
  return opening.length === 1 ? opening[0]! : null;
}

/**
 * What someone the story names only in a recent side happening plans next is background too:
 * "Jackson is due in court Feb. 17" after "Jackson was arrested on Jan. 21", in a story of another
 * man's arrest. An entry with a planned telling turns background when every telling's actor
 * (`actorOf`) is the actor of a background entry that ended no more than `COARSE_DAYS` before the
 * story's first report, and is named in no other entry of the story's own: someone who acts in the
 * story (a prime minister also named in its history) keeps their plans, and done happenings stay.
 */
function backgroundOfOthers(entries: Array<{ kind: TimelineKind; first: Dated; evidence: Dated[] }>, main: unknown, storyDays: Ymd[]): void {
  if (storyDays.length === 0) return;
  const earliest = storyDays.reduce((a, b) => (daysBetween(a, b) < 0 ? b : a));
  const recent = (e: { first: Dated }) => {
    const span = spanOf(e.first);
    return span !== null && daysBetween(span.last, earliest) <= COARSE_DAYS;
  };
  const behind = new Set(entries.filter((e) => e.kind === 'background' && recent(e)).flatMap((e) => e.evidence.map((d) => d.actor)));
  const own = entries.filter((e) => e.kind !== 'background');
  const turned = own.filter((e) => {
    if (e === main || !e.evidence.some((d) => d.planned)) return false;
    const elsewhere = new Set(own.filter((o) => o !== e).flatMap((o) => o.evidence.flatMap((d) => [...d.names])));
    return e.evidence.every((d) => d.actor !== null && behind.has(d.actor) && !elsewhere.has(d.actor));
  });
  for (const e of turned) e.kind = 'background';
}

/**
 * What led up to the story is background: a happening over before the story's first report that
 * no report leads with (a lead telling it as what the news "comes after" or "follows" does not
 * lead with it) and whose tellings' clauses (`doersOf`) name no one its main event names (the
 * raid "US forces seized Venezuelan President Nicolás Maduro" that an announcement of Trump's talks
 * with Petro "comes shortly after"; places and organisations,
 * "Greece", "Parliament", are where the story is, not who acts in it: "the government
 * agreed at the weekend to slash spending", "Papandreou on Sunday announced cuts" in reports of
 * Wednesday's deadly strike in Athens). The run-up of the main event's own people stays: the
 * call between Trump and Petro before Trump announced their talks. Known failure: a protest of the
 * day before in the story's city, by people the main event does not name ("communists had stormed
 * the Athens Acropolis yesterday"), is background too.
 */
function leadUps(entries: Array<{ kind: TimelineKind; first: Dated; evidence: Dated[] }>, main: { evidence: Dated[] }, storyDays: Ymd[]): void {
  if (storyDays.length === 0) return;
  const earliest = storyDays.reduce((a, b) => (daysBetween(a, b) < 0 ? b : a));
  const named = new Set(main.evidence.flatMap((d) => [...d.people]));
  for (const e of entries) {
    const span = spanOf(e.first);
    if (e === main || e.kind !== 'happening' || !span || daysBetween(span.last, earliest) <= 0 || e.evidence.some((d) => inLead(d) && !d.precedent)) continue;
    if (!e.evidence.some((d) => [...d.doers].some((n) => named.has(n)))) e.kind = 'background';
  }
}

/** Words that may stand between a date and the noun it is said of: "a hearing on Tuesday", "Tuesday at Hiller's preliminary hearing". */
const OCCASION_BETWEEN = new Set(['DET', 'ADP', 'ADJ', 'PROPN', 'PART']);

/** How many such words at most: "at Hiller ' s preliminary". */
const OCCASION_GAP_TOKENS = 5;

/**
 * The noun a date is said of, by its lemma: the nearest noun before or after it with only
 * articles, prepositions, adjectives and names between (`OCCASION_BETWEEN`), else null. Nouns that
 * name a saying or a time ("statement", "season") are no occasion.
 */
function occasionOf(doc: Doc, sentence: Span, at: Span): string | null {
  const tokens = tokensWithin(doc.layers.tokens, sentence);
  const first = tokens.findIndex((k) => k.end > at.start);
  const after = tokens.findIndex((k) => k.start >= at.end);
  const look = (from: number, step: number) => {
    for (let i = from, gap = 0; i >= 0 && i < tokens.length && gap <= OCCASION_GAP_TOKENS; i += step, gap++) {
      const k = tokens[i]!;
      const lemma = k.lemma.toLowerCase();
      if (k.pos === 'NOUN') return NOT_AN_ACT.has(lemma) || TIME_NOUNS.has(lemma) ? null : lemma;
      if (!OCCASION_BETWEEN.has(k.pos)) return null;
    }
    return null;
  };
  if (first < 0) return null;
  return look(first - 1, -1) ?? (after < 0 ? null : look(after, 1));
}

/** Verbs that say only that something took place: "happened", "occurred" ("took place" is read apart). */
const TOOK_PLACE = new Set(['happened', 'occurred']);

/**
 * The act a sentence names as its subject and only says took place ("the shooting took place
 * …", "The attack happened …"), by its stem (`STEM_LETTERS`), else null.
 */
function namedAct(doc: Doc, sentence: Span): string | null {
  const tokens = tokensWithin(doc.layers.tokens, sentence);
  const word = (i: number) => (tokens[i] ? doc.text.slice(tokens[i]!.start, tokens[i]!.end).toLowerCase() : '');
  for (let i = 1; i < tokens.length; i++) {
    if (!TOOK_PLACE.has(word(i)) && !(word(i) === 'took' && word(i + 1) === 'place')) continue;
    const subject = tokens[i - 1]!;
    const lemma = subject.lemma.toLowerCase();
    if (subject.pos === 'NOUN' && lemma.length >= STEM_LETTERS && !NOT_AN_ACT.has(lemma)) return lemma.slice(0, STEM_LETTERS);
  }
  return null;
}

/** A sentence stating what exists, in the present: "(Today) there are …", "There is now …". */
const STATE = /^there\s+(?:is|are)\b/i;

/** A sentence that opens a list: "… is as follows:", "… were the following:". */
const LIST_OPENER = /\b(?:as follows|the following)\s*:?\s*$/i;

/** A time expression naming only a part of the day, no day: "late afternoon", "that evening". */
const PART_OF_DAY = /^(?:(?:the|that|early|late|mid|in|by|during)\s+)*(?:morning|afternoon|evening|night)$/i;

/** Words that make the date after them the end of a span: "through 2012", "until June 1". */
const BOUND_BEFORE = /\b(?:through|until|till|up to)\s*$/i;

/** How a clock time is written: "8:28", "5 p.m.", "10 o'clock", "noon", "0930 hours". */
const CLOCK_WORDS = /\d\s*[:.]\s*\d|\d\s*[ap]\s*\.?\s*m\b|o['’]?clock|\bnoon\b|\bmidnight\b|\bhours?\b|\bhrs\b/i;

/** A date-time whose hour the words do not write ("… 34 - 12 Sunday" read as noon) keeps its day only. */
function hourInWords(text: string, when: { date: string; end?: string } | null): { date: string; end?: string } | null {
  return when && /T\d{2}:\d{2}/.test(when.date) && !CLOCK_WORDS.test(text) ? { date: when.date.slice(0, 10) } : when;
}

/** Quarters and halves named in a time expression ("in nine quarters", "two halves"): counted as a game's or accounts' parts, not calendar time. */
const GAME_PARTS = /\b(?:quarters?|halves|(?:first|second) half)\b/i;

/** Words before a year that make it part of a noun phrase: "the 2013 NFL Draft", "their 2012 schedule". */
const EDITION_BEFORE = new Set(['the', 'a', 'an', 'this', 'that', 'his', 'her', 'their', 'its', 'our', 'my', 'your']);

/** A year alone written between an article or possessive and a name ("the 2013 NFL Draft"): an edition of the name. */
function namesEdition(doc: Doc, t: Timex): boolean {
  if (!/^\d{4}$/.test(doc.text.slice(t.start, t.end))) return false;
  const at = firstTokenAt(doc.layers.tokens, t.start);
  const previous = doc.layers.tokens[at - 1], next = doc.layers.tokens[at + 1];
  return !!previous && !!next && next.pos === 'PROPN' && EDITION_BEFORE.has(doc.text.slice(previous.start, previous.end).toLowerCase());
}

/** Words that make the time after them any time: "any given night", "every morning". */
const GENERIC_BEFORE = /\b(?:any(?:\s+given)?|every|each)\s*$/i;

/** A day or weekday whose date was not found: "XXXX-XX-XX" (today), "XXXX-WXX-4" (Thursday), "XXXX-11-10". */
const UNPLACED_DAY = /^XXXX-(?:XX-XX|WXX-\d|\d{2}-\d{2})/;

/** The period a report is written in, bare: not "earlier this week" or "last week", which point at days before it. */
const CURRENT_PERIOD = /^(?:this|the current)\s+(?:week|month)$/i;

/** People by full name a side happening names, none of them the story's, to be news of its own whatever words it shares with the main event. */
const SIDE_PEOPLE = 2;

/** Content words a side happening may share with the main event and still be news of another story ("fighting" accusations, police "fought"). */
const SIDE_SHARED_WORDS = 1;

/**
 * News of another story told alongside is background: a happening no report leads with, naming
 * no one the main event or a happening a lead tells names, and sharing no more than
 * `SIDE_SHARED_WORDS` of the main event's content words (saying and generic nouns left out): "The
 * German Chancellor, Angela Merkel … said today that the Greek crisis underlined the need for an
 * overhaul of the EU's fiscal rules", "Moody's … put Portugal's bond rating on review …
 * Wednesday" in reports of Wednesday's deadly riot in Athens. A plan told by one report alone is
 * judged alike ("Greece faces a May 19 due date on debt", Merkel urging German lawmakers to pass
 * their share of the bailout by Friday); one that several reports tell is the story's next step
 * (the vote on the measures the strikers protest). People are told apart by full name ("David
 * Thomas" is not the story's "Pierre Thomas", whom a report also calls "Thomas"), and a happening
 * of `SIDE_PEOPLE` or more others named in full is theirs, whatever words it shares with the main
 * event (a practice report: "tight end David Thomas (knee) [was] limited in Wednesday's practice").
 */
function sideNews(entries: Array<{ kind: TimelineKind; evidence: Dated[] }>, main: { evidence: Dated[] }): void {
  const content = (words: Set<string>) => [...words].filter((w) => !NOT_AN_ACT.has(w));
  // A plan's people are the story's next opponents or guests, not its actors: the Broncos a team plays next Sunday do not make the Broncos' own win of this Sunday the story's.
  const led = entries.filter((e) => e === main || (e.kind === 'happening' && e.evidence.some(inLead)));
  const told = new Set(main.evidence.flatMap((d) => content(d.words)));
  const persons = fullNames([...new Set(led.flatMap((e) => e.evidence.flatMap((d) => [...d.persons])))]);
  for (const e of entries) {
    if (e === main || e.kind === 'background' || e.evidence.some(inLead)) continue;
    if (e.kind === 'scheduled' && new Set(e.evidence.map((d) => d.doc)).size > 1) continue;
    const named = new Set(e.evidence.flatMap((d) => [...d.persons]));
    if ([...named].some((p) => persons.some((q) => samePerson(p, q)))) continue;
    // Other people, two or more by full name, are news of their own even in the story's words ("tight end David Thomas (knee) [was] limited in Wednesday's practice").
    const others = [...named].filter((p) => p.includes(' ')).length;
    if (others >= SIDE_PEOPLE || new Set(e.evidence.flatMap((d) => content(d.words)).filter((w) => told.has(w))).size <= SIDE_SHARED_WORDS) e.kind = 'background';
  }
}

/** Verbs that make a sentence keep a date ("mark", "celebrate"): with an anniversary or a span of time after them, a commemoration. */
const COMMEMORATE = new Set(['mark', 'celebrate', 'commemorate', 'observe']);

/**
 * Whether a sentence tells a commemoration: an anniversary ("helped celebrate the 160th anniversary
 * of the Interior Department on Tuesday"), or a span of time marked ("prepares to mark his first
 * 100 days in office on Wednesday"). What it dates is a round number of years or days since
 * something else, not a step of the story.
 */
function commemorates(doc: Doc, sentence: Span, timexes: Timex[]): boolean {
  const tokens = doc.layers.tokens.filter((t) => t.start >= sentence.start && t.end <= sentence.end);
  if (tokens.some((t) => t.pos === 'NOUN' && t.lemma.toLowerCase() === 'anniversary')) return true;
  const marks = tokens.filter((t) => t.pos === 'VERB' && COMMEMORATE.has(t.lemma.toLowerCase()));
  return marks.some((v) => timexes.some((t) => t.type === 'DURATION' && t.start >= v.end && t.start < sentence.end && t.start - v.end <= MARKED_SPAN_CHARS));
}

/** How close after "mark" a span of time must come to be what is marked ("mark his first 100 days"). */
const MARKED_SPAN_CHARS = 16;

/** Sentences of an article that make its lead: what it reports first. */
const LEAD_SENTENCES = 3;

function inLead(d: Dated): boolean {
  const at = leadIndex(d);
  return at >= 0 && at < LEAD_SENTENCES;
}

/** Which sentence of its report's lead a telling is, or -1 past the lead. */
const leadIndex = (d: Dated): number => leadOf(d.doc).findIndex((s) => s.start === d.sentence.start);

/**
 * A report's lead: its first `LEAD_SENTENCES` body sentences (headings and lines without a verb,
 * such as a date line or "By Jane Doe", are none), once per report: tellings ask for it again and
 * again, and reading every sentence of a long report each time made the timeline cubic.
 */
function leadOf(doc: Doc): Span[] {
  let lead = leads.get(doc);
  if (lead) return lead;
  lead = [];
  for (const s of doc.layers.sentences) {
    if (lead.length === LEAD_SENTENCES) break;
    if (!doc.layers.paragraphs.some((p) => p.kind === 'heading' && p.start <= s.start && s.start < p.end) && hasVerb(doc, s)) lead.push(s);
  }
  leads.set(doc, lead);
  return lead;
}
const leads = new WeakMap<Doc, Span[]>();


/** First and last day of a telling's date. */
function spanOf(d: Dated): { first: Ymd; last: Ymd } | null {
  let span = spans.get(d);
  if (span === undefined) {
    const from = daysOf(d.date), to = daysOf(d.end ?? d.date);
    spans.set(d, (span = from && to ? { first: from.first, last: to.last } : null));
  }
  return span;
}

/** Each telling's span, computed once: the entries are built by comparing every telling with many others. */
const spans = new WeakMap<Dated, { first: Ymd; last: Ymd } | null>();

/** Days a telling's date covers: a day 1, "February" 28, "2014" 365. */
function spanDays(d: Dated): number {
  const span = spanOf(d);
  return span ? daysBetween(span.first, span.last) + 1 : Number.POSITIVE_INFINITY;
}

/** Whether one list of preferences comes before another, first difference deciding. */
function before(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

const hasVerb = (doc: Doc, sentence: Span) => tokensWithin(doc.layers.tokens, sentence).some((t) => t.pos === 'VERB' || t.pos === 'AUX');

/** First and last day of an ISO partial date ("2019" → Jan 1 and Dec 31). */
function daysOf(date: string): { first: Ymd; last: Ymd } | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date);
  if (!m) return null;
  const y = Number(m[1]);
  const month = m[2] ? Number(m[2]) : null;
  const day = m[3] ? Number(m[3]) : null;
  return { first: { y, m: month ?? 1, d: day ?? 1 }, last: { y, m: month ?? 12, d: day ?? lastDayOfMonth(y, month ?? 12) } };
}

/** A telling placed no closer than this many days (a season, a year, "1994-96") does not tell one of the story's days. */
const COARSE_DAYS = 62;

/**
 * Scheduled when every telling is in the future tense or dated after the report that tells it (or,
 * for an undated report, after the story's latest report), unless it is placed by its year only and
 * no lead tells it (then background). Background when it ended over
 * `DEFAULT_BACKGROUND_DAYS` before the story's first report, or when it is placed by its year only:
 * the story's own days are told as days, weeks or months ("in 2007", "spanning from 1990 to 1991"
 * are history); or when every telling places it by no closer than a month that was over before
 * the story's first report ("arrested on Jan." in reports of February 4): a report dates its own
 * days, and reaches back to an earlier month for what came before; or when no lead tells it and
 * every telling places it by no closer than a week that was over before the story's first report
 * ("suffered a setback in practice last week"); or when no lead tells it and
 * every report telling it came out over `DEFAULT_BACKGROUND_DAYS` after it. With no dated report, only the
 * tense and the year-only rule tell.
 */
function kindOf(first: Dated, evidence: Dated[], storyDays: Ymd[]): TimelineKind {
  if (evidence.every((d) => d.commemoration)) return 'background';
  // A plan placed by its year alone that no lead tells ("would've cost them the first overall pick in the 2013 NFL Draft") is the future of something else, not the story's next step: those are told as days, or in a lead.
  if (evidence.every((d) => d.planned)) return evidence.every((d) => spanDays(d) > COARSE_DAYS) && !evidence.some(inLead) ? 'background' : 'scheduled';
  const span = spanOf(first);
  if (!span) return 'happening';
  if (evidence.every((d) => spanDays(d) > COARSE_DAYS)) return 'background';
  if (storyDays.length === 0) return 'happening';
  const earliest = storyDays.reduce((a, b) => (daysBetween(a, b) < 0 ? b : a));
  if (daysBetween(span.last, earliest) > DEFAULT_BACKGROUND_DAYS) return 'background';
  if (evidence.every((d) => spanDays(d) > WEEK_DAYS) && daysBetween(span.last, earliest) > 0) return 'background';
  // A week no lead tells, over before the story's first report ("suffered a setback in practice last week", in reports of the day he went on injured reserve): what led up to the news.
  if (evidence.every((d) => spanDays(d) >= WEEK_DAYS) && !evidence.some(inLead) && daysBetween(span.last, earliest) > 0) return 'background';
  // Told by no lead and only by reports weeks after it ("a provision in an omnibus spending bill signed by President Obama on March 11", in reports of April 27 and 28): what a report recalls, not what it reports.
  if (!evidence.some(inLead) && evidence.every((d) => d.reported !== null && daysBetween(span.last, d.reported) > DEFAULT_BACKGROUND_DAYS)) return 'background';
  return 'happening';
}

