import type { Attribution } from './03-attribute.js';
import { TITLE_FUNCTION_WORDS } from './lexicon/people.js';
import { NAMING_CUES } from './lexicon/speech-verbs.js';
import { PATTERNS } from './patterns.js';

export type QuoteKind = 'speech' | 'scare' | 'title' | 'term';

export interface Classification {
  kind: QuoteKind;
  reason: string;
}

const MAX_TERM_WORDS = 4; // a name given with "dubbed"/"called" is short; a longer quote after "called" is speech
const MAX_TITLE_WORDS = 10; // longer Title Case runs are shouted speech or headlines, not titles
const MAX_PARTIAL_WORDS = 3; // quotes this short inside a sentence need a speaker to count as speech
const MAX_LABEL_WORDS = 8; // a line quoted between an article and a noun as its label ("a “you can't fire me” attitude")

const wordsOf = (s: string) => s.match(PATTERNS.word) ?? [];

/** The words before a quote, lowercased, articles and commas left out. */
const introWords = (intro: string) => intro.trim().toLowerCase().split(/\s+/).filter((w) => !['a', 'an', 'the', ',', '``', '"', '“'].includes(w));

/**
 * A quote right after a naming word is a name or term, not speech: "dubbed a “retina display”",
 * "what he called a “New GM”", "commonly called “apps”", "a free case, or “bumper”".
 * Fails on a short utterance after "called" ("called it “a disgrace”"), taken for a term.
 */
export function namedByCue(intro: string, quoted: string): Classification | null {
  const words = wordsOf(quoted);
  if (words.length > MAX_TERM_WORDS) return null;
  const before = introWords(intro).at(-1) ?? '';
  // "a free case, or “bumper”": a comma and "or" give another name for the thing.
  const gloss = PATTERNS.glossBefore.test(intro);
  // "labeled the bug as “critical”", "rated it as “high”": a naming verb a few words before "as" gives a name, a rating.
  const asCue = before === 'as' ? introWords(intro).slice(-MAX_TERM_WORDS - 1, -1).find((w) => NAMING_CUES.has(w) && /ed$/.test(w)) : undefined;
  if (!NAMING_CUES.has(before) && !gloss && !asCue) return null;
  return { kind: 'term', reason: `named by "${gloss ? ', or' : (asCue ?? before)}" just before (${words.length} words)` };
}

/**
 * A short quote used as a modifier of the noun after it names something: "the “Lion” release",
 * "the “Apple” brand", "a “recommended” rating".
 * Fails on a partial quote that happens to precede a noun ("called it “very good” news"), taken for a term.
 */
export function modifiesNoun(quoted: string, nextIsNoun: boolean, articleBefore = false): Classification | null {
  const words = wordsOf(quoted);
  // "A “John McCain is so old” joke": between an article and a noun, with no one saying it, a whole line only labels the noun.
  if (!nextIsNoun || words.length > (articleBefore ? MAX_LABEL_WORDS : MAX_PARTIAL_WORDS)) return null;
  return { kind: 'term', reason: `${words.length}-word quote used as a modifier of the noun after it` };
}

/**
 * One capitalised word inside a sentence is a name or a coined word ("an “Antennagate”"); quoted
 * single words that are speech are ordinary words ("described it as “critical”"). A verb of saying
 * right before the mark makes it an utterance ("she answered, “Yes.”", "shouted “Stop”").
 * Fails on a capitalised exclamation quoted mid-sentence with the verb elsewhere ("“Stop,” came the shout").
 */
export function capitalisedWord(quoted: string, embedded: boolean, saidRightBefore = false): Classification | null {
  const words = wordsOf(quoted);
  if (!embedded || saidRightBefore || words.length !== 1 || !PATTERNS.capitalised.test(words[0]!)) return null;
  return { kind: 'title', reason: 'one capitalised word inside a sentence' };
}

/**
 * Title Case with no sentence inside is a title or a name: a book, a post, a nickname ("the “Tin
 * Kettle”", a “Great Honor” as a description). Speech attributed right after the quote is kept
 * (“Thank You,” she said).
 * Fails on a two-word utterance that is all proper nouns ("“Viva Colombia,” he shouted" is kept
 * only because the attribution follows).
 */
export function titleCase(quoted: string, attributedAfter: boolean): Classification | null {
  const words = wordsOf(quoted);
  if (words.length < 2 || words.length > MAX_TITLE_WORDS || attributedAfter) return null;
  if (PATTERNS.sentenceInside.test(quoted)) return null;
  const capitalised = words.filter((w, i) => PATTERNS.upperWord.test(w) || (i > 0 && TITLE_FUNCTION_WORDS.has(w.toLowerCase())) || /^\p{Ll}+\p{Lu}/u.test(w));
  if (capitalised.length !== words.length) return null;
  return { kind: 'title', reason: `Title Case phrase of ${words.length} words` };
}

/**
 * A short phrase inside a sentence (not opening it) is speech only when a verb of saying gives it a
 * speaker ("said it “sounds good”", "described the call as having “frozen” the threat"); with none
 * it is a scare quote ("what the “routine” checks involve", "addressed to “the librarian on duty”").
 * Fails on a partial quote whose speaker is given only in another sentence.
 */
export function partialWithoutSpeaker(quoted: string, embedded: boolean, attribution: Attribution | null): Classification | null {
  const words = wordsOf(quoted);
  if (!embedded) return null;
  const partial = words.length <= MAX_PARTIAL_WORDS || PATTERNS.lowerStart.test(quoted);
  if (!partial || (attribution && attribution.rule !== 'quotes/previous-sentence')) return null;
  return { kind: 'scare', reason: `${words.length}-word phrase inside a sentence with no verb of saying giving a speaker` };
}

/**
 * Decides speech against name, title and scare quote; the first rule that fires wins (cue, use as a
 * modifier, case, then speaker). `saidRightBefore`: a verb of saying stands right before the mark.
 */
export function classifyQuote(args: { intro: string; quoted: string; embedded: boolean; nextIsNoun: boolean; attributedAfter: boolean; attribution: Attribution | null; saidRightBefore?: boolean }): Classification {
  return (
    namedByCue(args.intro, args.quoted) ??
    modifiesNoun(args.quoted, args.nextIsNoun, !args.attribution && /(?:^|\s)(?:a|an|the)\s*$/i.test(args.intro.replace(/(?:``|“|")\s*$/, ''))) ??
    capitalisedWord(args.quoted, args.embedded, args.saidRightBefore) ??
    titleCase(args.quoted, args.attributedAfter) ??
    partialWithoutSpeaker(args.quoted, args.embedded, args.attribution) ?? { kind: 'speech', reason: args.attribution ? `attributed by ${args.attribution.rule}` : 'sentence-like quote; speaker not found' }
  );
}

