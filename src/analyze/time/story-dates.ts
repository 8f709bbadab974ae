import type { Doc, Span, Timex, Token } from '../../doc/types.js';
import { addDays, compareYmd, daysBetween, parseYmd, weekdayOf, ymdString, type Ymd } from './calendar.js';
import { clauseTense } from './tense.js';
import { findTimexes } from './detect.js';

/** "on Saturday" told in the past is a day of the last week: publication is that day or up to six days later. */
const DEFAULT_WEEKDAY_REACH_DAYS = 6;
/** "last Friday" may reach back into the week before. */
const DEFAULT_LAST_WEEKDAY_REACH_DAYS = 13;
/** Two sentences tell the same happening when they share this many names and content words, a name among them. */
const DEFAULT_MIN_SHARED_WORDS = 3;
const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB']);
/**
 * A sentence with no time words tells a happening another article dates only when it shares this
 * many content words, and this many names, with the dating sentence: the same call told twice
 * ("Petro explained “the situation of drugs and other disagreements”"), not two news items about the same people.
 */
const DEFAULT_MIN_HAPPENING_WORDS = 6;
const DEFAULT_MIN_HAPPENING_NAMES = 2;

/** Publication basis an article's own date must have to pin a happening for the others. */
const TRUSTED_BASES = new Set(['metadata', 'feed', 'dateline']);

export interface StoryDateRange {
  articleId: string;
  /** First and last possible publication day (ISO dates). */
  start: string;
  end: string;
  /** For each step: the undated article's words ("on Saturday night") and the dated article's that pin that day. */
  evidence: Array<{ doc: Doc; span: Span }>;
  reason: string;
}

interface Pin {
  doc: Doc;
  timex: Timex;
  /** The happening's first and last possible day: one day ("on Wednesday"), or a week ("earlier this week"). */
  first: Ymd;
  last: Ymd;
  words: Set<string>;
  names: Set<string>;
}

/** How an undated article places a happening relative to its own publication day. */
type Reference =
  | { kind: 'weekday'; isoDay: number; last: boolean }
  /** "earlier this week": the happening and publication fall in one week, the happening first. */
  | { kind: 'this-week' }
  /** "last week": the happening falls in the week before publication's. */
  | { kind: 'last-week' };

/**
 * Dates for the story's undated articles from what its dated articles pin down, as a reporter
 * would: an undated article says "on Saturday" of the raid another article dates to January 3
 * (a Saturday), so it was published between January 3 and January 9; it says "earlier this week"
 * of a call another article dates to Wednesday, so it was published that Wednesday or later in that
 * week; "last week", so in the week after. Every such reference narrows the range; references that
 * disagree (an empty range) give nothing. Pure over the story's analysed documents. Only articles
 * whose own date came from metadata, a feed or a dateline pin happenings; the range never goes
 * outside what each reference allows. An article whose date was inferred from its own text (a
 * lower bound) gets a range too, starting no earlier than that date.
 * Known failure: two different happenings told with the same names on the same weekday ("the
 * Saturday talks" of two weeks) are taken for one.
 */
export function inferStoryDates(docs: Doc[]): StoryDateRange[] {
  const pins: Pin[] = [];
  for (const doc of docs) {
    if (!doc.meta.publishedAt || !TRUSTED_BASES.has(doc.meta.publishedAtBasis)) continue;
    for (const timex of doc.layers.timexes) {
      if (timex.tense === 'future' || timex.label === 'dateline') continue;
      const span = pinnedDays(timex.value);
      if (span) pins.push({ doc, timex, ...span, ...sentenceWords(doc, timex) });
    }
  }
  const out: StoryDateRange[] = [];
  for (const doc of docs) {
    // An article dated from its own text has a lower bound (its latest dated happening), not a day: the story may close it.
    const bound = doc.meta.publishedAtBasis === 'inferred' && doc.meta.publishedAt ? parseYmd(doc.meta.publishedAt.slice(0, 10)) : null;
    if (doc.meta.publishedAt && !bound) continue;
    let range: { start: Ymd; end: Ymd } | null = null;
    const evidence: StoryDateRange['evidence'] = [];
    const reasons: string[] = [];
    // Its relative words were read from that bound; read again from no day, they say what they refer to.
    const own = bound ? findTimexes(doc.text, { anchor: null, sentences: doc.layers.sentences, tokens: doc.layers.tokens }) : doc.layers.timexes;
    for (const timex of own) {
      const reference = timex.tense === 'future' ? null : referenceOf(timex.value, doc.text.slice(timex.start, timex.end));
      if (!reference) continue;
      const said = sentenceWords(doc, timex);
      const pin = pins
        .filter((p) => p.doc.id !== doc.id && fits(reference, p) && shared(p, said) >= DEFAULT_MIN_SHARED_WORDS && [...p.names].some((n) => said.names.has(n)))
        .sort((a, b) => shared(b, said) - shared(a, said))[0];
      if (!pin) continue;
      const next = publicationWindow(reference, pin);
      range = range ? { start: later(range.start, next.start), end: earlier(range.end, next.end) } : next;
      evidence.push({ doc, span: { start: timex.start, end: timex.end } }, { doc: pin.doc, span: { start: pin.timex.start, end: pin.timex.end } });
      const pinned = compareYmd(pin.first, pin.last) === 0 ? ymdString(pin.first) : `${ymdString(pin.first)} – ${ymdString(pin.last)}`;
      reasons.push(`"${doc.text.slice(timex.start, timex.end)}": ${pin.doc.id} dates the same happening ${pinned}`);
    }
    // A happening the article tells in the past, without time words, that a dated article dates:
    // publication is on or after it. It only narrows a range the references above gave.
    for (const sentence of range ? doc.layers.sentences : []) {
      if (own.some((t) => t.start >= sentence.start && t.start < sentence.end)) continue;
      if (clauseTense(doc.text, doc.layers.tokens, sentence, { start: sentence.start, end: sentence.start }) !== 'past') continue;
      const said = sentenceWords(doc, { start: sentence.end, end: sentence.end }, sentence);
      const matched = pins.filter((p) => p.doc.id !== doc.id && shared(p, said) >= DEFAULT_MIN_HAPPENING_WORDS && [...p.names].filter((n) => said.names.has(n)).length >= DEFAULT_MIN_HAPPENING_NAMES);
      // Of several dates in the dating sentence, the earliest: a bound that holds whichever is the happening's.
      const pin = matched.sort((a, b) => compareYmd(a.first, b.first))[0];
      if (!pin || compareYmd(pin.first, range!.start) <= 0) continue;
      range = { start: pin.first, end: range!.end };
      evidence.push({ doc, span: { start: sentence.start, end: sentence.end } }, { doc: pin.doc, span: { start: pin.timex.start, end: pin.timex.end } });
      reasons.push(`"${doc.text.slice(sentence.start, sentence.end)}" (told as past): ${pin.doc.id} dates the same happening ${ymdString(pin.first)}`);
    }
    if (range && bound && compareYmd(bound, range.start) > 0) {
      range = { start: bound, end: range.end };
      reasons.push(`its own latest dated happening: ${ymdString(bound)}`);
    }
    if (!range || compareYmd(range.start, range.end) > 0) continue;
    out.push({ articleId: doc.id, start: ymdString(range.start), end: ymdString(range.end), evidence, reason: reasons.join('; ') });
  }
  return out;
}

/** The days a dated article's time expression pins: a day (`2026-01-07`) or an ISO week (`2026-W02`). */
function pinnedDays(value: string): { first: Ymd; last: Ymd } | null {
  const day = /^\d{4}-\d{2}-\d{2}/.test(value) ? parseYmd(value.slice(0, 10)) : null;
  if (day) return { first: day, last: day };
  const week = /^(\d{4})-W(\d{2})$/.exec(value);
  if (!week) return null;
  const monday = mondayOfIsoWeek(Number(week[1]), Number(week[2]));
  return { first: monday, last: addDays(monday, 6) };
}

/** What an undated article's own time expression says of a happening, when it counts from its publication day. */
function referenceOf(value: string, words: string): Reference | null {
  const weekday = /^XXXX-WXX-([1-7])/.exec(value);
  if (weekday) return { kind: 'weekday', isoDay: Number(weekday[1]), last: /\blast\b/i.test(words) };
  if (value === 'PRESENT_REF' && /\b(earlier|early) this week\b/i.test(words)) return { kind: 'this-week' };
  if (value === 'PAST_REF' && /^(?:(?:in|during|over)\s+)?(?:the\s+)?(early\s+|earlier\s+)?last week$/i.test(words.trim())) return { kind: 'last-week' };
  return null;
}

/** A weekday reference needs a pinned day of that weekday; a week reference a happening within one week. */
function fits(reference: Reference, pin: Pin): boolean {
  if (reference.kind === 'weekday') return compareYmd(pin.first, pin.last) === 0 && isoWeekday(pin.first) === reference.isoDay;
  return daysBetween(mondayOf(pin.first), mondayOf(pin.last)) === 0;
}

/** The publication days a reference allows, given when the happening was. */
function publicationWindow(reference: Reference, pin: Pin): { start: Ymd; end: Ymd } {
  if (reference.kind === 'weekday') return { start: pin.first, end: addDays(pin.first, reference.last ? DEFAULT_LAST_WEEKDAY_REACH_DAYS : DEFAULT_WEEKDAY_REACH_DAYS) };
  const monday = mondayOf(pin.first);
  if (reference.kind === 'this-week') return { start: pin.first, end: addDays(monday, 6) };
  return { start: addDays(monday, 7), end: addDays(monday, 13) };
}

/** Content lemmas and names of the sentence holding a span, the time words themselves left out. */
function sentenceWords(doc: Doc, span: Span, of?: Span): { words: Set<string>; names: Set<string> } {
  const sentence = of ?? doc.layers.sentences.find((s) => s.start <= span.start && span.start < s.end) ?? span;
  const tokens = doc.layers.tokens.filter((t: Token) => t.start >= sentence.start && t.end <= sentence.end && !(t.start >= span.start && t.end <= span.end));
  const words = new Set(tokens.filter((t) => CONTENT_POS.has(t.pos) && t.lemma.length > 2).map((t) => t.lemma.toLowerCase()));
  const names = new Set(tokens.filter((t) => t.pos === 'PROPN' && t.lemma.length > 2).map((t) => t.lemma.toLowerCase()));
  return { words, names };
}

const shared = (pin: Pin, said: { words: Set<string> }) => [...pin.words].filter((w) => said.words.has(w)).length;
/** ISO weekday, Monday 1 … Sunday 7, as TIMEX3 writes it (`XXXX-WXX-6` is a Saturday). */
const isoWeekday = (d: Ymd) => ((weekdayOf(d) + 6) % 7) + 1;
const mondayOf = (d: Ymd) => addDays(d, 1 - isoWeekday(d));
/** Monday of ISO week `week` of `year`: the week holding January 4 is week 1. */
const mondayOfIsoWeek = (year: number, week: number) => addDays(mondayOf({ y: year, m: 1, d: 4 }), (week - 1) * 7);
const later = (a: Ymd, b: Ymd) => (daysBetween(a, b) > 0 ? b : a);
const earlier = (a: Ymd, b: Ymd) => (daysBetween(a, b) < 0 ? b : a);
