import type { Paragraph, Span, Token } from '../../doc/types.js';
import { placeOf } from './lexicon/gazetteer.js';
import { NAME_CONNECTORS, NOT_NAMES } from './lexicon/not-names.js';
import { KNOWN_ORGANIZATIONS, ORG_PREFIX_CUES, ORG_SUFFIX_CUES } from './lexicon/organizations.js';
import { isFirstName, packageKinds } from './lexicon/package-names.js';
import { isCity } from './lexicon/cities.js';
import { HONORIFICS, TITLE_HEADS, TITLE_MODIFIERS } from './lexicon/titles.js';
import { PATTERNS } from './patterns.js';

/** A word of the text: one or more tokens with no space between them ("Velm" + "о" + "ra"). */
export interface Word extends Span {
  text: string;
  /** PROPN when any of its tokens is one, else the first token's tag. */
  pos: string;
  /** First word of its sentence, or right after an opening quote, bracket, colon or dash. */
  initial: boolean;
}

/** Tags of words that are never part of a name, whatever their capital ("The", "However", "Our"). */
const NON_NAME_POS = new Set(['AUX', 'ADP', 'DET', 'PRON', 'CCONJ', 'SCONJ', 'PART', 'INTJ', 'PUNCT', 'SYM']);

/**
 * Tags that a capital at a sentence start does not overrule ("Speaking to…", "Earlier, …"),
 * while inside a sentence a capital does: the tagger reads "Ford" in "to relieve Ford" as a verb.
 */
const INITIAL_NON_NAME_POS = new Set(['VERB', 'ADV']);

/** Longest all-capital word taken for an acronym when the tagger does not call it a proper noun ("STOPPED" is shouting). */
export const DEFAULT_MAX_UNTAGGED_ACRONYM = 5;

/** Share of capitalised words above which a line with no closing punctuation is a heading or caption. */
export const DEFAULT_HEADING_CAPITALS = 0.5;

/**
 * Groups the tokens of one sentence into words. Tokens that touch are one word when both are
 * word-like: the tokenizer splits a word at a look-alike letter ("Velmоra" with a Cyrillic о),
 * and a name must not lose a piece. A possessive "’s" stays apart, so it never enters a name.
 */
export function wordsOf(text: string, tokens: Token[]): Word[] {
  const words: Word[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k]!;
    const value = text.slice(token.start, token.end);
    const prev = words.at(-1);
    // A hyphen with no space either side joins its words: "Bre-X", "Rolls-Royce" are one name.
    const next = tokens[k + 1];
    if (prev && next && value === '-' && prev.end === token.start && next.start === token.end && PATTERNS.wordLike.test(prev.text) && PATTERNS.wordLike.test(text.slice(next.start, next.end))) {
      prev.end = next.end;
      prev.text = text.slice(prev.start, prev.end);
      if (next.pos === 'PROPN') prev.pos = 'PROPN';
      k++;
      continue;
    }
    // "O' Leary", "D ' Angelo": tokenised text spaces off the apostrophe of an Irish or Italian surname, which stays one word.
    const after = tokens[k + 2];
    if (next && after && PATTERNS.surnameLetter.test(value) && PATTERNS.apostrophe.test(text.slice(next.start, next.end)) && next.start - token.end <= 1 && after.start - next.end <= 1 && PATTERNS.capitalised.test(text.slice(after.start, after.end)) && PATTERNS.wordLike.test(text.slice(after.start, after.end))) {
      words.push({ start: token.start, end: after.end, text: text.slice(token.start, after.end), pos: 'PROPN', initial: !prev || PATTERNS.clauseOpener.test(prev.text) });
      k += 2;
      continue;
    }
    // "A . J . Smith": tokenised text spaces the stop off an initial; the initial keeps it ("A."), as wink keeps "J." whole.
    if (next && after && PATTERNS.capitalLetter.test(value) && text.slice(next.start, next.end) === '.' && next.start > token.end && PATTERNS.capitalised.test(text.slice(after.start, after.end))) {
      words.push({ start: token.start, end: next.end, text: `${value}.`, pos: 'PROPN', initial: !prev || PATTERNS.clauseOpener.test(prev.text) });
      k += 1;
      continue;
    }
    // "Dist. Atty. Steve Cooley": the stop of an abbreviated title wink does not know stays on it, as wink keeps "Lt." and "Gov.".
    if (prev && value === '.' && prev.end === token.start && next && next.start > token.end && PATTERNS.capitalised.test(text.slice(next.start, next.end)) && isAbbreviatedTitle(`${prev.text}.`)) {
      prev.end = token.end;
      prev.text = text.slice(prev.start, prev.end);
      continue;
    }
    const joinable = PATTERNS.wordLike.test(value) && !PATTERNS.possessiveEnd.test(value) && token.pos !== 'PART';
    if (prev && prev.end === token.start && joinable && PATTERNS.wordLike.test(prev.text)) {
      prev.end = token.end;
      prev.text = text.slice(prev.start, prev.end);
      if (token.pos === 'PROPN') prev.pos = 'PROPN';
      continue;
    }
    const initial = !prev || PATTERNS.clauseOpener.test(prev.text);
    words.push({ start: token.start, end: token.end, text: value, pos: token.pos, initial });
  }
  // A sentence's full stop glued to its last word ("on X.") is not part of the word; an initialism keeps it ("the U.S.").
  const last = words.at(-1);
  if (last && last.text.length > 1 && PATTERNS.trailingStop.test(last.text) && !PATTERNS.initialism.test(last.text)) {
    last.end -= 1;
    last.text = last.text.slice(0, -1);
  }
  return words;
}

/** A title written with its stop in the title lexicons ("Atty.", "Dist.", "Sgt."). */
const isAbbreviatedTitle = (word: string): boolean => {
  const lower = word.toLowerCase();
  return TITLE_HEADS.has(lower) || TITLE_MODIFIERS.has(lower) || HONORIFICS.has(lower);
};

/** True when a word is in a lexicon that makes it a name or title wherever it stands ("President", "Colombia", "Reuters"). */
const inLexicon = (word: string): boolean => {
  const lower = word.toLowerCase();
  return TITLE_HEADS.has(lower) || HONORIFICS.has(lower) || KNOWN_ORGANIZATIONS.has(lower) || placeOf(word) !== undefined;
};

/**
 * Decides whether a word can be part of a name: it starts with a capital, is not a calendar
 * or chrome word, and its tag is not a function word. At the start of a sentence a
 * capital proves nothing, so there the tagger must call it a proper noun or a lexicon must know it.
 * Why: "Speaking to Al Jazeera in Bogota, Petro said…" must give "Al Jazeera", "Bogota" and
 * "Petro", not "Speaking".
 * Fails on: a sentence-initial surname the tagger reads as a common noun ("Rice said…").
 */
export function isNameWord(word: Word): boolean {
  if (!PATTERNS.capitalised.test(word.text)) return false;
  // A lone capital letter is an initial or a list marker ("James R. Smith", "Plan B"), never a name by itself.
  if (word.text.replace(/\./g, '').length < 2) return false;
  const lower = word.text.toLowerCase();
  if (NOT_NAMES.has(lower) || PATTERNS.contraction.test(word.text) || PATTERNS.currency.test(word.text)) return false;
  const known = inLexicon(word.text);
  if (NON_NAME_POS.has(word.pos) && !known) return false;
  if (word.initial && INITIAL_NON_NAME_POS.has(word.pos) && !known) return false;
  const shouting = PATTERNS.allCaps.test(word.text) && !PATTERNS.initialism.test(word.text) && word.text.length > DEFAULT_MAX_UNTAGGED_ACRONYM;
  if (shouting && word.pos !== 'PROPN' && !known) return false;
  if (word.initial && word.pos !== 'PROPN' && !known) return false;
  return true;
}

/**
 * Runs of name words in one sentence, joined across lower-case connectors ("Council of
 * Ministers", "Plaza de Bolívar"), numbers ("VTV 9 News") and middle initials ("James R.
 * Bodiford") only when a name word follows.
 */
export function nameRuns(words: Word[]): Word[][] {
  const runs: Word[][] = [];
  let run: Word[] = [];
  let runAt = 0;
  const close = (at: number) => {
    if (run.length > 0 && !isQuotedPhrase(words, runAt, at)) runs.push(run);
    run = [];
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    // "A. J. Smith": initials open a name when a name word follows them.
    if (run.length === 0 && PATTERNS.middleInitial.test(word.text) && initialsBeforeName(words, i)) {
      runAt = i;
      run.push(word);
      continue;
    }
    if (isNameWord(word)) {
      // "Chrysler LLC Jim Press", "Fort Pitt Capital Group Charlie Smith": a company's ending, then a first name and a name word, starts a person's name.
      const tail = run.at(-1)?.text.toLowerCase() ?? '';
      if (run.length > 1 && ORG_SUFFIX_CUES.has(tail) && isFirstName(word.text) && words[i + 1] && isNameWord(words[i + 1]!)) close(i);
      if (run.length === 0) runAt = i;
      run.push(word);
      continue;
    }
    const next = words[i + 1];
    if (run.length > 0 && PATTERNS.middleInitial.test(word.text) && initialsBeforeName(words, i)) {
      run.push(word);
      continue;
    }
    const bridge = NAME_CONNECTORS.has(word.text) || PATTERNS.number.test(word.text);
    if (run.length > 0 && bridge && next && isNameWord({ ...next, initial: false })) {
      run.push(word);
      continue;
    }
    // "Secretary of the Navy", "Bank of the Philippine Islands": "of the" inside a title or an institution's name.
    const afterThe = words[i + 2];
    const head = run.at(-1)?.text.toLowerCase() ?? '';
    if ((TITLE_HEADS.has(head) || ORG_PREFIX_CUES.has(head)) && word.text === 'of' && next?.text === 'the' && afterThe && isNameWord({ ...afterThe, initial: false })) {
      run.push(word, next);
      i++;
      continue;
    }
    // "Philadelphia 76ers": a numbered plural after a city ends the team's name.
    if (run.length > 0 && PATTERNS.numberedTeam.test(word.text) && isCityName(run)) {
      run.push(word);
      close(i + 1);
      continue;
    }
    if (run.length > 0 && isChannelNumber(run, words, i)) {
      run.push(word);
      close(i + 1);
      continue;
    }
    close(i);
  }
  close(words.length);
  return runs;
}

/** True when a run's words name a city or another place ("Philadelphia", "San Diego"). */
function isCityName(run: Word[]): boolean {
  const text = run.map((w) => w.text).join(' ');
  return placeOf(text) !== undefined || isCity(text) || packageKinds(text).has('location');
}

/** True when the initials from `at` on ("J.", "A. J.") are followed by a name word ("Smith"). */
function initialsBeforeName(words: Word[], at: number): boolean {
  let k = at;
  while (words[k] && PATTERNS.middleInitial.test(words[k]!.text)) k++;
  return words[k] !== undefined && isNameWord({ ...words[k]!, initial: false });
}

/**
 * Decides that a short number after an acronym is part of its name, as in a broadcaster's:
 * the number is not a quantity of the next word.
 * Why: "…VTV 9 has learned", "…told VTV 9." name the station "VTV 9".
 * Fails on: a count after an acronym before a verb ("ICE 3 arrested…" is rare but read as a name).
 */
export function isChannelNumber(run: Word[], words: Word[], at: number): boolean {
  const last = run.at(-1)!;
  const word = words[at]!;
  if (!PATTERNS.allCaps.test(last.text) || PATTERNS.initialism.test(last.text) || !PATTERNS.shortNumber.test(word.text) || word.start !== last.end + 1) return false;
  const next = words[at + 1];
  return next === undefined || !QUANTIFIED_POS.has(next.pos);
}

/** Tags of a word that a number before it counts ("3 agents", "9 new cases"). */
const QUANTIFIED_POS = new Set(['NOUN', 'ADJ', 'NUM', 'PROPN']);

/**
 * Decides that a run of capitalised words is a quoted phrase: quotation marks right before
 * and right after it.
 * Why: Trump called the call a “Great Honor” — a phrase in title case, not a name.
 * Fails on: a name quoted alone (“Petro”) is dropped.
 */
export function isQuotedPhrase(words: Word[], from: number, to: number): boolean {
  const before = words[from - 1];
  const after = words[to];
  return before !== undefined && after !== undefined && PATTERNS.openQuote.test(before.text) && PATTERNS.closeQuote.test(after.text);
}

/**
 * Decides that a paragraph is a heading, caption or menu line rather than prose: it is marked
 * a heading, or it does not end like a sentence and most of its words are capitalised.
 * Why: "Talks Follow Venezuela Operation" and a caption "U.S. President Donald Trump and
 * Colombian President Gustavo Petro" are titles, whose capitals say nothing about names.
 * Fails on: a one-line paragraph with a missing full stop that is mostly names.
 */
export function isHeadingLike(text: string, paragraph: Pick<Paragraph, 'kind'>): boolean {
  if (paragraph.kind === 'heading') return true;
  if (PATTERNS.lineEndsSentence.test(text)) return false;
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0) return true;
  const capitalised = words.filter((w) => PATTERNS.capitalised.test(w)).length;
  return capitalised / words.length > DEFAULT_HEADING_CAPITALS;
}
