import type { Line } from './rules/line-rules.js';
import { PATTERNS } from './patterns.js';
import { onlyDates } from '../text/words.js';

/** A headline is at most this many words; a longer first line is the lead sentence. */
const DEFAULT_MAX_HEADLINE_WORDS = 40;
/** A first line that ends as a sentence is a headline only when it is this short and written as one. */
const DEFAULT_MAX_SENTENCE_HEADLINE_WORDS = 16;
/** Share of the longer words capitalised from which a line is in headline case ("Lohan Checks Into Rehab"). */
const DEFAULT_MIN_HEADLINE_CASE_SHARE = 0.85;
/** A dateline opens a lede sentence; a short line under a capitalised label ("BREAKING NEWS - 3 DEAD …") is a headline. */
const DEFAULT_MIN_DATELINE_LEDE_WORDS = 12;
/** A first line repeated at the start of the next one is a lede printed twice only when it has this many words. */
const DEFAULT_MIN_REPEATED_WORDS = 6;

const HEADLINE_PATTERNS = {
  /** Ends as a sentence: a full stop, but not the one of an abbreviation or initial ("in K.C.", "U.S."). */
  fullStop: /\.["'”’)\]]*$/,
  abbreviationEnd: /\b(\p{Lu}\.)+["'”’)\]]*$/u,
  /** Ends on an ideographic full stop: a sentence in Chinese or Japanese (headlines there end bare, or on "！？"). */
  cjkFullStop: /。["'”’」』)\]]*$/u,
  /** No Latin letter: the headlinese word lists below read English only. */
  nonLatin: /^[^\p{Script=Latin}]*$/u,
  /** A place alone on a line in capitals, as press releases set their dateline: "BAAR, SWITZERLAND". */
  datelinePlace: /^\p{Lu}[\p{Lu}.'’ -]{1,30},\s*\p{Lu}[\p{Lu}.'’ -]{1,30}$/u,
  /**
   * A full stop inside a line that does not end a sentence: after a one-word label at the start
   * ("Amnesty. More than 100 protesters killed …") or after a unit following a number ("до 10 кг. Отзывы").
   */
  notASentenceEnd: /^["'“‘]?\p{L}+\.$|\d\s*\p{Ll}{1,4}\.$/u,
  /** Ends as a question or an exclamation. */
  questionOrExclamation: /[?!]["'”’)\]]*$/,
  /** Ends mid-sentence: a comma, a semicolon, a colon or a dash. */
  openEnd: /[,;:–—-]["'”’)\]]*$/,
  /**
   * A wire dateline opens the lede, never a headline: "WASHINGTON (Reuters) -", "PARIS, Jan 9 —",
   * "Mannheim, Germany (Sports Network) -".
   */
  dateline: /^(\p{Lu}[\p{Lu}.'’ -]{2,30}(,\s*[\p{L}.'’ ]+)?(,\s*\p{L}{3,}\.?\s+\d{1,2})?\s*(\([^)]{2,40}\))?|\p{Lu}[\p{L}.'’ ,-]{1,40}\([^)]{2,40}\))\s*[—–-]{1,2}\s/u,
  /**
   * What opens a lede and not a headline: an article or demonstrative, a pronoun, an interjection
   * or a discourse adverb ("A publicist says…", "It's about time, right?", "Well, here's…"), or
   * a time ("Last May, a stray bullet…").
   */
  ledeOpening:
    /^["'“‘]?((it|it's|its|he|she|they|we|i|you|there|there's|here's|well|oh|so|now|just|yes|no|and|but)\b|(last|this|earlier this|late last) (week|month|year|night|weekend|season|spring|summer|fall|autumn|winter|(mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|august|september|october|november|december)\b)/i,
  /**
   * What opens a lede sentence, but also some headlines ("The Guardian view on Hong Kong: a city on
   * the brink", "With Web attacks increasing, Microsoft fixes IE bug").
   */
  clauseOpening: /^["'“‘]?(a|an|the|this|that|these|those|after|as|when|while|if|in|on|at|for|with|yesterday|today|earlier|according)\b/i,
  /** Quoted words then a colon: a headline's form ("‘He died in my hands’: 3 demonstrators killed …"). */
  quoteLabel: /^["'“‘][^"“”]{3,80}["'”’]\s*:\s/u,
  /** A second sentence on the line ("… Hadits ini. Jangan …"): text, not a headline. An initial, a title or an abbreviation ("U.S. Marshals", "Rep. Ilhan Omar", "vs. Steelers") is not a sentence end. */
  innerSentenceEnd: /(\s\p{Ll}{2,}|\p{L}{5,})(?<!\b(?:[Vv]s|[Ee]tc|[Aa]pprox|[Nn]o|[Nn]os|[Ss]t|[Ff]t|[Jj]r|[Ss]r|[Ii]nc|[Cc]orp|[Ll]td|[Gg]ov|[Ss]en|[Rr]ep|[Gg]en|[Mm]r|[Mm]rs|[Mm]s|[Dd]r))[.!?]["'”’]?\s+["'“‘]?\p{Lu}/u,
  /** Headlines drop the day of the week and the time of day; ledes keep them ("was sentenced Saturday morning"). */
  dayWord: /^(yesterday|today|tonight|weekend|morning|afternoon|evening|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i,
  /** Headlines drop auxiliaries, reporting verbs and relative pronouns; ledes keep them ("has died", "a judge said", "who starred"). */
  ledeWord: /^(is|are|was|were|has|have|had|said|says|told|who|which|whose)$/i,
  /** Verbs only in the simple past (not participles, which headlines use: "Man charged"), the tense of ledes (headlines tell the past in the present: "Bomb explodes"). */
  pastTense: /^(began|broke|came|went|took|fell|gave|saw|ran|stole|became|rose|drove|flew|threw|wrote|grew|knew|ate|spoke|chose|froze|swore|tore|wore|woke|died)$/i,
  /** A word that counts for headline case: four letters or more ("Into", "Rehab"), not a number. */
  longWord: /^\p{L}[\p{L}'’-]{3,}$/u,
} as const;

/** Why the first line is or is not the headline (for tests and the bench's error listing). */
export interface HeadlineDecision {
  headline: boolean;
  reason: string;
}

/**
 * Decides whether the first line of a crawled text is its headline, from layout and form — never
 * from final punctuation alone ("Democratic Party alleges Trump-Russia conspiracy in new lawsuit."
 * is a headline; "Tara Reid is seeking help at rehabilitation facility in California." is a lede):
 * - not a headline: a line continued on the next one, ending on a comma or colon, opening with a
 *   wire dateline, only dating the page, printed again as the start of the next line, or longer
 *   than a headline;
 * - a headline: a line in headline case (most longer words capitalised, or all capitals), or
 *   quoted words then a colon;
 * - not a headline: two sentences on the line, or an opening pronoun, interjection or time;
 * - a short line that does not end as a sentence is a headline; a long one unless it names the
 *   day or uses the simple past (Daily Mail-style long headlines keep auxiliaries);
 * - one that ends as a sentence is a headline only when short and in headlinese: no opening
 *   article or preposition, no auxiliary, reporting verb, weekday or simple past (headlines drop
 *   them; ledes keep them).
 * Known failure: a short lede in the simple past with none of those words ("Hansbrough broke
 * Ford's record at North Carolina during the game.") reads as a headline.
 */
export function decideHeadline(first: Line, next: Line | undefined): HeadlineDecision {
  const text = first.text;
  const words = first.words;
  if (words.length === 0) return { headline: false, reason: 'no words' };
  if (next && next.index === first.index + 1 && PATTERNS.lowercaseStart.test(next.text)) return { headline: false, reason: 'continued on the next line' };
  if (words.length > DEFAULT_MAX_HEADLINE_WORDS) return { headline: false, reason: 'longer than a headline' };
  if (HEADLINE_PATTERNS.openEnd.test(text)) return { headline: false, reason: 'ends mid-sentence' };
  if (datesThePage(first)) return { headline: false, reason: 'only dates the page' };
  if (HEADLINE_PATTERNS.datelinePlace.test(text)) return { headline: false, reason: 'a dateline\'s place on its own line' };
  if (HEADLINE_PATTERNS.cjkFullStop.test(text)) return { headline: false, reason: 'ends on an ideographic full stop' };
  if (words.length >= DEFAULT_MIN_DATELINE_LEDE_WORDS && HEADLINE_PATTERNS.dateline.test(text)) return { headline: false, reason: 'opens with a wire dateline' };
  if (next && words.length >= DEFAULT_MIN_REPEATED_WORDS && squash(next.text).startsWith(squash(text))) return { headline: false, reason: 'the lede, printed again below' };
  if (headlineCase(words)) return { headline: true, reason: 'headline case' };
  if (HEADLINE_PATTERNS.quoteLabel.test(text)) return { headline: true, reason: 'quoted words then a colon' };
  if (innerSentenceEnds(text)) return { headline: false, reason: 'more than one sentence' };
  const long = words.length > DEFAULT_MAX_SENTENCE_HEADLINE_WORDS;
  // "in K.C." ends a headline on an abbreviation; a long line ending "in Chapel Hill, N.C." is a sentence.
  const fullStop = HEADLINE_PATTERNS.fullStop.test(text) && (long || !HEADLINE_PATTERNS.abbreviationEnd.test(text));
  const endsAsSentence = fullStop || HEADLINE_PATTERNS.questionOrExclamation.test(text);
  if (HEADLINE_PATTERNS.ledeOpening.test(text)) return { headline: false, reason: 'opens as a lede' };
  if (!endsAsSentence && !long) return { headline: true, reason: 'short, and does not end as a sentence' };
  if (endsAsSentence && long) return { headline: false, reason: 'a long sentence' };
  if (HEADLINE_PATTERNS.clauseOpening.test(text)) return { headline: false, reason: 'opens as a lede sentence' };
  // Long headlines that do not end as a sentence keep auxiliaries ("… mother is shot dead …"), not the day or the simple past.
  if (!endsAsSentence) {
    const day = words.find((w) => HEADLINE_PATTERNS.dayWord.test(w) || HEADLINE_PATTERNS.pastTense.test(w) || /^(who|which|whose)$/i.test(w));
    return day ? { headline: false, reason: `"${day}": a lede's word` } : { headline: true, reason: 'a long line in headlinese that does not end as a sentence' };
  }
  if (fullStop && HEADLINE_PATTERNS.nonLatin.test(text)) return { headline: false, reason: 'a sentence in a script whose headline forms are not read' };
  const ledeWord = words.find((w) => HEADLINE_PATTERNS.ledeWord.test(w) || HEADLINE_PATTERNS.dayWord.test(w) || HEADLINE_PATTERNS.pastTense.test(w));
  if (ledeWord) return { headline: false, reason: `"${ledeWord}": a lede's word` };
  return { headline: true, reason: 'a short sentence in headlinese' };
}

/** A line that only dates the page ("Sunday, March 17, 2013 | 5:00 PM"): crawlers often print one above the headline. */
export function datesThePage(line: Line): boolean {
  return onlyDates(line.words);
}

/** A second sentence starts inside the line: a full stop, then a capital, that is not a label's or a unit's. */
function innerSentenceEnds(text: string): boolean {
  for (const m of text.matchAll(new RegExp(HEADLINE_PATTERNS.innerSentenceEnd.source, 'gu'))) {
    const upToStop = text.slice(0, m.index + m[0].search(/[.!?]/) + 1).trim();
    if (!HEADLINE_PATTERNS.notASentenceEnd.test(upToStop)) return true;
  }
  return false;
}

/** Most longer words capitalised, or the whole line in capitals. */
function headlineCase(words: string[]): boolean {
  const long = words.slice(1).filter((w) => HEADLINE_PATTERNS.longWord.test(w));
  if (long.length < 2) return false;
  if (long.every((w) => w === w.toUpperCase())) return true;
  return long.filter((w) => /^\p{Lu}/u.test(w)).length / long.length >= DEFAULT_MIN_HEADLINE_CASE_SHARE;
}

const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
