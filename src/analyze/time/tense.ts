import type { Span, Timex, Token } from '../../doc/types.js';
import { FUTURE_CUES, FUTURE_PARTICIPLES, NOT_PAST_ED, PAST_CUES, PRESENT_CUES, SCHEDULE_VERBS, WISH_AFTER_WOULD } from './lexicon/tense.js';
import { TIME_PATTERNS } from './patterns.js';
import { firstIndex } from '../../doc/spans.js';

export type Tense = 'past' | 'future' | 'none';
/**
 * A cue's reading: a present verb decides "neither past nor future" and still stops the search;
 * a present fixture verb ("begins", "meet") is a future unless a past verb is near.
 */
type Cue = Tense | 'present' | 'fixture';

const FUTURE = new Set(FUTURE_CUES);
const PAST = new Set(PAST_CUES);
const NOT_PAST = new Set(NOT_PAST_ED);
const PARTICIPLES = new Set(FUTURE_PARTICIPLES);
const PRESENT = new Set(PRESENT_CUES);
const WISH = new Set(WISH_AFTER_WOULD);
const SCHEDULE = new Set(SCHEDULE_VERBS);
const PASSIVE_LEAD = new Set(['be', 'to', 'being']);

/** A cue further than this many tokens from the expression does not decide its tense. */
export const DEFAULT_TENSE_WINDOW = 12;

/** The tense one token signals, if any. */
function tokenTense(text: string, token: Token, next: Token | undefined, previous: Token | undefined, previous2: Token | undefined): Cue {
  const word = text.slice(token.start, token.end).toLowerCase();
  const before = previous ? text.slice(previous.start, previous.end).toLowerCase() : '';
  const before2 = previous2 ? text.slice(previous2.start, previous2.end).toLowerCase() : '';
  // "an event to be held on October 12": an infinitive passive schedules.
  if (before === 'be' && before2 === 'to' && TIME_PATTERNS.pastEd.test(word)) return 'future';
  if (before === 'be' && before2 === 'to' && PAST.has(word)) return 'future';
  if (word === 'would' && next && WISH.has(text.slice(next.start, next.end).toLowerCase())) return 'none';
  // Before the present-verb test: "prepares to mark … on Wednesday" is a plan, not a present.
  if (PARTICIPLES.has(word)) return next && /^(to|for)$/i.test(text.slice(next.start, next.end)) ? 'future' : 'none';
  // A possessive "'s" ("Philadelphia's 21st head coach") is no "is".
  if (PRESENT.has(word) && token.pos !== 'PART') return 'present';
  const lemma = token.lemma.toLowerCase();
  if (token.pos === 'VERB' && /[^s]s$/.test(word) && lemma !== word) return SCHEDULE.has(lemma) ? 'fixture' : 'present';
  // wink tags "kicks" in "the match kicks off Sunday" a noun; its particle makes it the verb.
  if (token.pos === 'NOUN' && /[^s]s$/.test(word) && SCHEDULE.has(lemma) && next && /^off$/i.test(text.slice(next.start, next.end))) return 'fixture';
  // A bare form right after its subject is a plural present ("the two sides meet Saturday"), not "to meet".
  if (token.pos === 'VERB' && lemma === word && SCHEDULE.has(word) && /^(NOUN|PROPN|PRON)$/.test(previous?.pos ?? '')) return 'fixture';
  // "announced plans Tuesday to resume …": a plan a verb takes as its object tells no future of its own.
  if (FUTURE.has(word) && !(token.pos === 'NOUN' && previous?.pos === 'VERB')) return 'future';
  // "to be held", "will be signed": a participle after an infinitive or auxiliary is not a past tense.
  if (PASSIVE_LEAD.has(before)) return 'none';
  if (PAST.has(word)) return 'past';
  // Between a number or article and a noun an -ed word describes the noun: "one attempted murder charge".
  if (previous && (previous.pos === 'NUM' || previous.pos === 'DET') && next?.pos === 'NOUN') return 'none';
  if ((token.pos === 'VERB' || token.pos === 'AUX') && TIME_PATTERNS.pastEd.test(word) && !NOT_PAST.has(word)) return 'past';
  return 'none';
}

/**
 * Decides whether the clause around a time expression tells the past or the future, from the
 * nearest tense cue in its sentence (wink's Universal POS tags carry no tense).
 * Why: "Trump announced on Friday" (past: the last Friday) vs "will decide on Monday" (the next one).
 * A present fixture verb with no past verb in the window schedules: "the team begins its
 * postseason Saturday" (the next Saturday).
 * Known failure: a far cue in a long sentence can win when the near verb is a bare present
 * ("the meeting, which Trump announced, takes place on Monday" reads as past).
 */
export function clauseTense(text: string, tokens: Token[], sentence: Span | undefined, at: Span): Tense {
  if (!sentence) return 'none';
  // Tokens are in order and do not overlap: the sentence's are the run [from, to), found by binary search.
  const from = firstIndex(tokens, (t) => t.start >= sentence.start);
  const to = firstIndex(tokens, (t) => t.end > sentence.end, from);
  const inside = (i: number) => (i >= from && i < to ? tokens[i] : undefined);
  const atFirst = firstIndex(tokens, (t) => t.end > at.start, from, to);
  const atAfter = firstIndex(tokens, (t) => t.start >= at.end, atFirst, to);
  let best: Cue = 'none';
  let bestDistance = Infinity;
  let pastVerb = false;
  // Only cues within the window can win, so a long sentence costs no more than a short one.
  const lo = Math.max(from, atFirst - 2 * DEFAULT_TENSE_WINDOW - 1);
  const hi = Math.min(to, atAfter + DEFAULT_TENSE_WINDOW + 1);
  for (let i = lo; i < hi; i++) {
    if (i >= atFirst && i < atAfter) continue; // the expression's own words ("last week") do not count
    const tense = tokenTense(text, tokens[i]!, inside(i + 1), inside(i - 1), inside(i - 2));
    if (tense === 'none') continue;
    if (tense === 'past' && (tokens[i]!.pos === 'VERB' || tokens[i]!.pos === 'AUX')) pastVerb = true;
    // The governing verb mostly comes first ("will meet … on February 3"); a cue after the expression counts only if none precedes it.
    const distance = i < atFirst ? atFirst - i - 1 : DEFAULT_TENSE_WINDOW + i - atAfter;
    if (distance < bestDistance && distance <= 2 * DEFAULT_TENSE_WINDOW) {
      best = tense;
      bestDistance = distance;
    }
  }
  // "The team, which lost Friday, plays Sunday": with a past verb near, a fixture verb is left undecided (read as past, the default).
  if (best === 'fixture') return pastVerb ? 'none' : 'future';
  return best === 'present' ? 'none' : best;
}

/**
 * The tense a time expression is told in: the one that decided its reading, else its clause's
 * (dates with a year, and "today", decide no reading, yet "is expected to speak today" is planned).
 */
export function timexTense(text: string, tokens: Token[], sentences: Span[], t: Pick<Timex, 'start' | 'end' | 'tense'>): Tense {
  if (t.tense) return t.tense;
  return clauseTense(text, tokens, sentences.find((s) => s.start <= t.start && t.start < s.end), t);
}

