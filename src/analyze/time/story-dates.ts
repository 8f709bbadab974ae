import type { Doc, Span, Timex, Token } from '../../doc/types.js';
import { compareYmd, daysBetween, parseYmd, ymdString, type Ymd } from './calendar.js';

/** "on Saturday" told in the past is a day of the last week: publication is that day or up to six days later. */
const DEFAULT_WEEKDAY_REACH_DAYS = 6;
/** "last Friday" may reach back into the week before. */
const DEFAULT_LAST_WEEKDAY_REACH_DAYS = 13;
/** Two sentences tell the same happening when they share this many names and content words, a name among them. */
const DEFAULT_MIN_SHARED_WORDS = 3;
const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB']);

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
  day: Ymd;
  words: Set<string>;
  names: Set<string>;
}

/**
 * Dates for the story's undated articles from what its dated articles pin down, as a reporter
 * would: an undated article says "on Saturday" of the raid another article dates to January 3
 * (a Saturday), so it was published between January 3 and January 9. Every such reference
 * narrows the range; references that disagree (an empty range) give nothing. Pure over the
 * story's analysed documents. Only articles whose own date came from metadata, a feed or a
 * dateline pin happenings; the range never goes outside what each reference allows.
 * Known failure: two different happenings told with the same names on the same weekday ("the
 * Saturday talks" of two weeks) are taken for one.
 */
export function inferStoryDates(docs: Doc[]): StoryDateRange[] {
  const pins: Pin[] = [];
  for (const doc of docs) {
    if (!doc.meta.publishedAt || !TRUSTED_BASES.has(doc.meta.publishedAtBasis)) continue;
    for (const timex of doc.layers.timexes) {
      const day = /^\d{4}-\d{2}-\d{2}/.test(timex.value) ? parseYmd(timex.value.slice(0, 10)) : null;
      if (!day || timex.tense === 'future' || timex.label === 'dateline') continue;
      pins.push({ doc, timex, day, ...sentenceWords(doc, timex) });
    }
  }
  const out: StoryDateRange[] = [];
  for (const doc of docs) {
    if (doc.meta.publishedAt) continue;
    let range: { start: Ymd; end: Ymd } | null = null;
    const evidence: StoryDateRange['evidence'] = [];
    const reasons: string[] = [];
    for (const timex of doc.layers.timexes) {
      const weekday = /^XXXX-WXX-([1-7])/.exec(timex.value);
      if (!weekday || timex.tense === 'future') continue;
      const said = sentenceWords(doc, timex);
      const pin = pins
        .filter((p) => p.doc.id !== doc.id && isoWeekday(p.day) === Number(weekday[1]) && shared(p, said) >= DEFAULT_MIN_SHARED_WORDS && [...p.names].some((n) => said.names.has(n)))
        .sort((a, b) => shared(b, said) - shared(a, said))[0];
      if (!pin) continue;
      const reach = /\blast\b/i.test(doc.text.slice(timex.start, timex.end)) ? DEFAULT_LAST_WEEKDAY_REACH_DAYS : DEFAULT_WEEKDAY_REACH_DAYS;
      const next = { start: pin.day, end: addDays(pin.day, reach) };
      range = range ? { start: later(range.start, next.start), end: earlier(range.end, next.end) } : next;
      evidence.push({ doc, span: { start: timex.start, end: timex.end } }, { doc: pin.doc, span: { start: pin.timex.start, end: pin.timex.end } });
      reasons.push(`"${doc.text.slice(timex.start, timex.end)}" is ${ymdString(pin.day)}, the day ${pin.doc.id} gives the same happening`);
    }
    if (!range || compareYmd(range.start, range.end) > 0) continue;
    out.push({ articleId: doc.id, start: ymdString(range.start), end: ymdString(range.end), evidence, reason: reasons.join('; ') });
  }
  return out;
}

/** Content lemmas and names of the sentence holding a span, the time words themselves left out. */
function sentenceWords(doc: Doc, span: Span): { words: Set<string>; names: Set<string> } {
  const sentence = doc.layers.sentences.find((s) => s.start <= span.start && span.start < s.end) ?? span;
  const tokens = doc.layers.tokens.filter((t: Token) => t.start >= sentence.start && t.end <= sentence.end && !(t.start >= span.start && t.end <= span.end));
  const words = new Set(tokens.filter((t) => CONTENT_POS.has(t.pos) && t.lemma.length > 2).map((t) => t.lemma.toLowerCase()));
  const names = new Set(tokens.filter((t) => t.pos === 'PROPN' && t.lemma.length > 2).map((t) => t.lemma.toLowerCase()));
  return { words, names };
}

const shared = (pin: Pin, said: { words: Set<string> }) => [...pin.words].filter((w) => said.words.has(w)).length;
/** ISO weekday, Monday 1 … Sunday 7, as TIMEX3 writes it (`XXXX-WXX-6` is a Saturday). */
const isoWeekday = (d: Ymd) => ((new Date(Date.UTC(d.y, d.m - 1, d.d)).getUTCDay() + 6) % 7) + 1;
const addDays = (d: Ymd, n: number): Ymd => {
  const t = new Date(Date.UTC(d.y, d.m - 1, d.d + n));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
};
const later = (a: Ymd, b: Ymd) => (daysBetween(a, b) > 0 ? b : a);
const earlier = (a: Ymd, b: Ymd) => (daysBetween(a, b) < 0 ? b : a);
