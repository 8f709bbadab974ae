import type { Doc, Span, Timex, Token } from '../../doc/types.js';
import { addDays, compareYmd, daysBetween, parseYmd, weekdayOf, ymdString, type Ymd } from './calendar.js';
import { clauseTense } from './tense.js';
import { findTimexes } from './detect.js';
import { tokensWithin } from '../../doc/spans.js';
import { SPEECH_VERBS } from '../quotes/lexicon/speech-verbs.js';

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

/** A verb further than this many tokens from the time expression is not the one it is told with. */
const DEFAULT_VERB_WINDOW = 12;
const LIGHT_VERBS = new Set(['be', 'have', 'do']);
/** Verbs of saying that tell a talk or a phone call, itself the happening ("the two spoke on Monday", "called her on Friday"). */
const TALK_VERBS = new Set(['speak', 'call']);
const PRESENT_BE = new Set(['is', 'are', 'am', "'s", '’s', "'re", '’re']);

/** Publication basis an article's own date must have to pin a happening for the others. */
const TRUSTED_BASES = new Set(['metadata', 'feed', 'dateline']);

/** Nouns of an occasion held on one day, where people meet or speak ("a cabinet meeting", "the phone call"). */
const OCCASION_NOUNS = new Set(['meeting', 'session', 'summit', 'conference', 'hearing', 'briefing', 'interview', 'call', 'rally']);
/** A time expression dates an occasion noun this many tokens before it, within one clause ("a meeting broadcast publicly on January 14"). */
const DEFAULT_OCCASION_REACH = 4;
/** A person's words at an occasion are looked for in its sentence and this many after it. */
const DEFAULT_QUOTE_SENTENCES = 2;
/** Two quotes tell the same words when they share this many content words, and this share of the shorter's. */
const DEFAULT_MIN_QUOTE_WORDS = 4;
const DEFAULT_MIN_QUOTE_SHARE = 0.5;

export interface StoryDateRange {
  articleId: string;
  /** First and last possible publication day (ISO dates). */
  start: string;
  end: string;
  /** For each step: the undated article's words ("on Saturday night") and the dated article's that pin that day. */
  evidence: Array<{ doc: Doc; span: Span }>;
  reason: string;
}

/** An occasion or a saying a dated article dates ("Petro told a cabinet meeting broadcast publicly on January 14", "Trump announced on Friday"). */
interface Occasion {
  doc: Doc;
  timex: Timex;
  day: Ymd;
  /** The occasion noun or the verb of saying, by lemma, and its part of speech. */
  word: string;
  pos: 'NOUN' | 'VERB';
  names: Set<string>;
  sentence: Span;
}

interface Pin extends Told {
  doc: Doc;
  timex: Timex;
  /** The happening's first and last possible day: one day ("on Wednesday"), or a week ("earlier this week"). */
  first: Ymd;
  last: Ymd;
  words: Set<string>;
  names: Set<string>;
}

/** The verb a time expression is told with ("escaped" in "escaped Monday"), whether it tells a saying, and every lemma of its sentence. */
interface Told {
  verb: string | null;
  saying: boolean;
  /** Told as going on when the article was written ("is taking his place in practice this week"). */
  ongoing: boolean;
  lemmas: Set<string>;
}

/** How an undated article places a happening relative to its own publication day. */
type Reference =
  /** `day`: the month and day printed beside the weekday ("Friday (March 6)"), when one is. */
  | { kind: 'weekday'; isoDay: number; last: boolean; day?: { m: number; d: number } }
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
 * disagree (an empty range) give nothing. Pure over the story's analysed documents. Only articles whose own date came from metadata, a feed or a dateline pin
 * happenings; the range never goes outside what each reference allows. An article whose date was
 * inferred from its own text (a lower bound) gets a range too, starting no earlier than that date.
 * One happening: the two sentences share names and words; time words told with a verb of saying
 * date the saying, so the other sentence must tell it too; of several candidates, one told with the
 * same verb first. A weekday with its date printed beside it ("Friday (March 6)") is that date; what a
 * dated article tells as going on ("is taking … this week") pins nothing. An occasion told in other
 * words ("a meeting with the Council of Ministers" / "a cabinet meeting … on January 14"), or a saying
 * told with the same verb ("Trump announced the upcoming meeting in a post" / "Trump announced on
 * Friday"), with the same person and the same words of theirs quoted from it moves the range's start to its day.
 * Known failures: two different happenings told with the same names and verb on the same weekday
 * ("the Saturday talks" of two weeks) are taken for one; a weekend writer's loose "last week" for
 * the week just ending (a Monday happening told on its Saturday) gets the week after. Reading it
 * so too would widen every "last week" range by the weekend and leave the timeline's reading of
 * "last week" (from both ends of the range) undecided.
 */
export function inferStoryDates(docs: Doc[]): StoryDateRange[] {
  const pins: Pin[] = [];
  for (const doc of docs) {
    if (!doc.meta.publishedAt || !TRUSTED_BASES.has(doc.meta.publishedAtBasis)) continue;
    for (const timex of doc.layers.timexes) {
      if (timex.tense === 'future' || timex.label === 'dateline') continue;
      const span = pinnedDays(timex.value);
      const told = toldWith(doc, timex);
      // What is still going on ("is taking his place in practice this week") is no happening with a day yet.
      if (span && !told.ongoing) pins.push({ doc, timex, ...span, ...sentenceWords(doc, timex), ...told });
    }
  }
  const occasions = docs.flatMap(datedOccasions);
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
      const reference = timex.tense === 'future' ? null : referenceOf(timex.value, doc.text.slice(timex.start, timex.end), apposedDay(doc.text, own, timex));
      if (!reference) continue;
      const said = { ...sentenceWords(doc, timex), ...toldWith(doc, timex) };
      const pin = pins
        .filter((p) => p.doc.id !== doc.id && fits(reference, p) && shared(p, said) >= DEFAULT_MIN_SHARED_WORDS && [...p.names].some((n) => said.names.has(n)) && !saidApart(p, said))
        .sort((a, b) => Number(sameVerb(b, said)) - Number(sameVerb(a, said)) || shared(b, said) - shared(a, said))[0];
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
    // One occasion told in other words ("a meeting with the Council of Ministers" / "a cabinet meeting … on
    // January 14"): the same person at it, and the same words of theirs quoted from it. Publication is on or after it.
    for (const sentence of range ? doc.layers.sentences : []) {
      if (own.some((t) => t.start >= sentence.start && t.start < sentence.end)) continue;
      if (clauseTense(doc.text, doc.layers.tokens, sentence, { start: sentence.start, end: sentence.start }) !== 'past') continue;
      const said = sentenceWords(doc, { start: sentence.end, end: sentence.end }, sentence);
      const words = new Set(tokensWithin(doc.layers.tokens, sentence).map((t) => `${t.pos}:${t.lemma.toLowerCase()}`));
      const pin = occasions
        .filter((o) => o.doc.id !== doc.id && words.has(`${o.pos}:${o.word}`) && compareYmd(o.day, range!.start) > 0 && compareYmd(o.day, range!.end) <= 0)
        .find((o) => [...o.names].some((n) => said.names.has(n) && sameWordsQuoted(doc, sentence, o.doc, o.sentence, n)));
      if (!pin) continue;
      range = { start: pin.day, end: range!.end };
      evidence.push({ doc, span: { start: sentence.start, end: sentence.end } }, { doc: pin.doc, span: { start: pin.timex.start, end: pin.timex.end } });
      reasons.push(`"${doc.text.slice(sentence.start, sentence.end)}" (the same ${pin.pos === 'NOUN' ? pin.word : `saying (${pin.word})`}, the same words quoted from it): ${pin.doc.id} dates it ${ymdString(pin.day)}`);
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

/**
 * The occasions a dated article dates to one day: an occasion noun shortly before the day's time
 * expression in one clause, else the verb of saying it is told with ("announced on Friday"). An article dated from its own text counts here for the month and day
 * it prints (its year is checked against the range the occasion is to narrow).
 */
function datedOccasions(doc: Doc): Occasion[] {
  if (!doc.meta.publishedAt) return [];
  const trusted = TRUSTED_BASES.has(doc.meta.publishedAtBasis);
  const out: Occasion[] = [];
  for (const timex of doc.layers.timexes) {
    if (timex.tense === 'future' || timex.label === 'dateline') continue;
    if (!trusted && !(timex.known.includes('month') && timex.known.includes('day'))) continue;
    const span = pinnedDays(timex.value);
    if (!span || compareYmd(span.first, span.last) !== 0) continue;
    const sentence = doc.layers.sentences.find((s) => s.start <= timex.start && timex.start < s.end);
    if (!sentence) continue;
    const before = tokensWithin(doc.layers.tokens, { start: sentence.start, end: timex.start }).slice(-DEFAULT_OCCASION_REACH);
    const cut = before.findLastIndex((t) => t.pos === 'PUNCT');
    const noun = before.slice(cut + 1).find((t) => t.pos === 'NOUN' && OCCASION_NOUNS.has(t.lemma.toLowerCase()));
    const told = toldWith(doc, timex);
    if (noun) out.push({ doc, timex, day: span.first, word: noun.lemma.toLowerCase(), pos: 'NOUN', names: sentenceWords(doc, timex).names, sentence });
    else if (told.saying && told.verb) out.push({ doc, timex, day: span.first, word: told.verb, pos: 'VERB', names: sentenceWords(doc, timex).names, sentence });
  }
  return out;
}

/**
 * A person's words quoted in or just after one sentence of each article are the same words (a
 * speech quote whose speaker bears that name, sharing most of its content words with the other's).
 */
function sameWordsQuoted(a: Doc, aSentence: Span, b: Doc, bSentence: Span, name: string): boolean {
  const near = (doc: Doc, sentence: Span) => {
    const at = doc.layers.sentences.findIndex((s) => s.start === sentence.start);
    const end = doc.layers.sentences[Math.min(at + DEFAULT_QUOTE_SENTENCES, doc.layers.sentences.length - 1)]?.end ?? sentence.end;
    return doc.layers.quotes
      .filter((q) => q.kind === 'speech' && q.start >= sentence.start && q.start < end && q.speakerName?.toLowerCase().split(/\s+/).includes(name))
      .map((q) => new Set(tokensWithin(doc.layers.tokens, q).filter((t) => CONTENT_POS.has(t.pos) && t.lemma.length > 2).map((t) => t.lemma.toLowerCase())));
  };
  const theirs = near(b, bSentence);
  return near(a, aSentence).some((mine) =>
    theirs.some((other) => {
      const common = [...mine].filter((w) => other.has(w)).length;
      return common >= DEFAULT_MIN_QUOTE_WORDS && common >= DEFAULT_MIN_QUOTE_SHARE * Math.min(mine.size, other.size);
    }),
  );
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
function referenceOf(value: string, words: string, day: { m: number; d: number } | null): Reference | null {
  const weekday = /^XXXX-WXX-([1-7])/.exec(value);
  if (weekday) return { kind: 'weekday', isoDay: Number(weekday[1]), last: /\blast\b/i.test(words), ...(day ? { day } : {}) };
  if (value === 'PRESENT_REF' && /\b(earlier|early) this week\b/i.test(words)) return { kind: 'this-week' };
  if (value === 'PAST_REF' && /^(?:(?:in|during|over)\s+)?(?:the\s+)?(early\s+|earlier\s+)?last week$/i.test(words.trim())) return { kind: 'last-week' };
  return null;
}

/**
 * The month and day printed right beside a weekday, set off by a bracket or comma ("on Friday
 * (March 6)"): the weekday is that date, not any Friday another article dates.
 */
function apposedDay(text: string, timexes: Timex[], weekday: Timex): { m: number; d: number } | null {
  const next = timexes.find((t) => t.start >= weekday.end && /^\s*[(\[,]?\s*$/.test(text.slice(weekday.end, t.start)));
  const date = next ? /^(?:XXXX|\d{4})-(\d{2})-(\d{2})/.exec(next.value) : null;
  return date ? { m: Number(date[1]), d: Number(date[2]) } : null;
}

/** A weekday reference needs a pinned day of that weekday; a week reference a happening within one week. */
function fits(reference: Reference, pin: Pin): boolean {
  if (reference.kind === 'weekday') {
    const sameDay = !reference.day || (pin.first.m === reference.day.m && pin.first.d === reference.day.d);
    return compareYmd(pin.first, pin.last) === 0 && isoWeekday(pin.first) === reference.isoDay && sameDay;
  }
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

/**
 * The verb a time expression is told with: the nearest verb before it in its sentence ("the
 * ministry announced Tuesday"), or a nearer one right after it ("on Monday the jury asked", "earlier
 * this week urged"); `be`, `have` and `do` say no happening. With every lemma of the sentence, to
 * tell whether two sentences date one happening.
 */
function toldWith(doc: Doc, span: Span): Told {
  const sentence = doc.layers.sentences.find((s) => s.start <= span.start && span.start < s.end) ?? span;
  const tokens = tokensWithin(doc.layers.tokens, sentence);
  const lemmas = new Set(tokens.map((t) => t.lemma.toLowerCase()));
  const isVerb = (t: Token) => t.pos === 'VERB' && !LIGHT_VERBS.has(t.lemma.toLowerCase());
  const at = tokens.findIndex((t) => t.end > span.start);
  const past = tokens.findIndex((t) => t.start >= span.end);
  const before = tokens.slice(0, at).findLastIndex(isVerb);
  const after = past === -1 ? -1 : tokens.findIndex((t, i) => i >= past && isVerb(t));
  const afterGap = after === -1 ? Infinity : after - past;
  // A verb right after, in the same clause, is the one told ("earlier this week urged"); one past a comma
  // is a trailing attribution ("… Sunday, officials said") unless no verb comes before.
  const sameClause = after !== -1 && !tokens.slice(past, after).some((t) => t.pos === 'PUNCT');
  const pick = sameClause && (before === -1 || afterGap < at - 1 - before) ? after : before !== -1 ? before : afterGap <= DEFAULT_VERB_WINDOW ? after : -1;
  const verb = tokens[pick];
  if (!verb) return { verb: null, saying: false, ongoing: false, lemmas };
  const lead = tokens.slice(0, pick).filter((t) => t.pos !== 'ADV').slice(-1)[0];
  const leadWord = lead ? doc.text.slice(lead.start, lead.end).toLowerCase() : '';
  // "the plan was announced Friday" is the plan's release, not someone's saying: a passive tells what was done to its subject.
  const passive = lead !== undefined && lead.lemma.toLowerCase() === 'be';
  const lemma = verb.lemma.toLowerCase();
  return { verb: lemma, saying: SPEECH_VERBS.has(lemma) && !TALK_VERBS.has(lemma) && !passive, ongoing: PRESENT_BE.has(leadWord) && /ing$/i.test(doc.text.slice(verb.start, verb.end)), lemmas };
}

/** The verb one time expression is told with is in the other's sentence ("fled Monday" / "fled last week"). */
const sameVerb = (pin: Told, said: Told) => pin.verb !== null && said.verb !== null && (said.lemmas.has(pin.verb) || pin.lemmas.has(said.verb));

/**
 * Time words told with a verb of saying date the saying, not what was said: "the ministry
 * announced Tuesday" the new rules, and another article's "the ministry came under fire again
 * Tuesday" share the story's names and words, not the happening. Unless the other sentence tells
 * that saying too, they are two happenings.
 */
const saidApart = (pin: Told, said: Told) => (pin.saying || said.saying) && !sameVerb(pin, said);

const shared = (pin: Pin, said: { words: Set<string> }) => [...pin.words].filter((w) => said.words.has(w)).length;
/** ISO weekday, Monday 1 … Sunday 7, as TIMEX3 writes it (`XXXX-WXX-6` is a Saturday). */
const isoWeekday = (d: Ymd) => ((weekdayOf(d) + 6) % 7) + 1;
const mondayOf = (d: Ymd) => addDays(d, 1 - isoWeekday(d));
/** Monday of ISO week `week` of `year`: the week holding January 4 is week 1. */
const mondayOfIsoWeek = (year: number, week: number) => addDays(mondayOf({ y: year, m: 1, d: 4 }), (week - 1) * 7);
const later = (a: Ymd, b: Ymd) => (daysBetween(a, b) > 0 ? b : a);
const earlier = (a: Ymd, b: Ymd) => (daysBetween(a, b) < 0 ? b : a);
