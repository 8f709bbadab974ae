import type { Word } from './chunk.js';
import { demonymOf, placeOf } from './lexicon/gazetteer.js';
import { ORG_SUFFIX_CUES } from './lexicon/organizations.js';
import { isFirstName, packageKinds } from './lexicon/package-names.js';
import { isCity } from './lexicon/cities.js';
import { HONORIFICS, TITLE_HEADS, TITLE_MODIFIERS } from './lexicon/titles.js';

/** A name with the role words in front of it taken off. */
export interface TitledName {
  /** The role words ("Colombian President", "Secretary of State"); empty when there are none. */
  title: Word[];
  /** The name after them; empty for a bare title ("the Colombian President said"). */
  name: Word[];
  /** Words after a title's "of" that are not a name of a person ("President of Colombia" → Colombia). */
  rest: Word[];
}

/** Portfolio words that may follow "of" in a title ("Minister of Foreign Affairs", "Secretary of State"). */
const PORTFOLIO = new Set([...TITLE_MODIFIERS, 'affairs', 'state', 'defense', 'defence', 'commerce', 'labor', 'staff', 'staffs', 'homeland', 'security', 'the']);

const lower = (w: Word) => w.text.toLowerCase();

/**
 * Splits a run of capitalised words into a leading title and the name it introduces: the
 * name starts after the last title head ("President", "Minister", "Chief"), and a head
 * followed by "of" takes the portfolio words after it.
 * Why: "Venezuelan Interior Minister Diosdado Cabello" names Diosdado Cabello, described as
 * "Venezuelan Interior Minister"; "Secretary of State Marco Rubio" names Marco Rubio.
 * Fails on: organisations whose name holds a title word and has no cue at its end
 * ("General Mills"), read as a person "Mills" with the title "General".
 */
export function splitTitle(run: Word[]): TitledName {
  const last = run.at(-1);
  // A run ending in an organisation cue is an organisation, even with a title word inside ("Fire Chief Association").
  if (!last || ORG_SUFFIX_CUES.has(lower(last))) return { title: [], name: run, rest: [] };
  if (HONORIFICS.has(lower(run[0]!)) && run.length > 1) return { title: run.slice(0, 1), name: run.slice(1), rest: [] };
  let head = -1;
  for (let i = 0; i < run.length; i++) if (TITLE_HEADS.has(lower(run[i]!)) && !isSurnameAfterFirstName(run, i)) head = i;
  if (head < 0) return isOpeningDescriptor(run) ? { title: run.slice(0, 1), name: run.slice(1), rest: [] } : { title: [], name: run, rest: [] };
  let end = head + 1;
  // "President of the United States Barack Obama": a place after "of" belongs to the title when a name follows it.
  const place = run[end] && lower(run[end]!) === 'of' ? placeAfterOf(run, end + 1) : 0;
  if (place > 0 && place < run.length) return { title: run.slice(0, place), name: run.slice(place), rest: [] };
  if (run[end] && lower(run[end]!) === 'of') {
    let k = end + 1;
    while (k < run.length - 1 && PORTFOLIO.has(lower(run[k]!))) k++;
    // "President of Colombia": nothing after the portfolio, so the words after "of" are a place, not a name.
    if (k === end + 1 || k >= run.length) return { title: run.slice(0, end), name: [], rest: run.slice(end + 1) };
    end = k;
    // "Secretary of the Navy Paul Orrin": what the portfolio leaves is the department and then a person's name.
    const name = run.slice(end);
    if (name.length >= 3 && isFirstName(name.at(-2)!.text)) end = run.length - 2;
  }
  return { title: run.slice(0, end), name: run.slice(end), rest: [] };
}

/**
 * Decides that a title word ending a run is a surname: a first name, itself no title, stands right before it.
 * Why: "Billy King", "Stephen King", "General Manager Tom Judge" name people; the whole run read as a title named no one.
 * Fails on: a first name used as a title's modifier ("Jordan King" for Jordan's king is read as a person).
 */
function isSurnameAfterFirstName(run: Word[], at: number): boolean {
  const before = run[at - 1];
  if (at !== run.length - 1 || before === undefined || TITLE_HEADS.has(lower(before)) || HONORIFICS.has(lower(before))) return false;
  return isFirstName(before.text) || isSurnameAfterUnknownWord(run, at);
}

/**
 * Title words that are also common surnames ("Tishana King", "Alan Judge", "Ruth Bishop"): as a title they stand
 * before a name ("King Charles", "Judge Ito") or after a word that qualifies them ("Saudi King", "Former Judge",
 * "County Sheriff"), never after a word no list knows.
 */
export const SURNAME_TITLES = new Set(['king', 'judge', 'bishop', 'marshal', 'pope', 'prince', 'sheriff']);

/**
 * Decides that such a title word ending a run of two is a surname: the word before it is capitalised, in no
 * list (no title or its modifier, no demonym, place, organisation word or name the packages know).
 * Why: a given name the first-name lists lack ("Tishana King") is still a name, and "she" stands for her.
 * Fails on: a brand ending in one of these words that the lists lack ("Burger King" read as a person).
 */
function isSurnameAfterUnknownWord(run: Word[], at: number): boolean {
  const before = run[at - 1]!;
  const w = lower(before);
  if (run.length !== 2 || !SURNAME_TITLES.has(lower(run[at]!)) || !/^\p{Lu}\p{Ll}+$/u.test(before.text)) return false;
  return !TITLE_MODIFIERS.has(w) && demonymOf(before.text) === undefined && placeOf(before.text) === undefined && !isCity(before.text) && !ORG_SUFFIX_CUES.has(w) && packageKinds(before.text).size === 0;
}

/**
 * Decides that a sentence's first word, capitalised only because it opens the sentence, describes
 * the person named after it: it is no first name and no known place, and a first name follows
 * with a surname ("Moviemaker Gary Ross has…", "Quarterback Tom Brady said…").
 * Why: without it the run is one unknown name, neither the person nor merged with later "Ross".
 * Fails on: a one-word place or firm the gazetteers lack before a person's name ("Acme John Smith").
 */
function isOpeningDescriptor(run: Word[]): boolean {
  const [first, second] = run;
  if (!first?.initial || !second || run.length < 3 || run.length > 4) return false;
  // "San Diego Chargers…": the first two words naming a city together are no descriptor and first name.
  const pair = `${first.text} ${second.text}`;
  if (placeOf(pair) || isCity(pair) || packageKinds(pair).has('location')) return false;
  return !isFirstName(first.text) && placeOf(first.text) === undefined && demonymOf(first.text) === undefined && isFirstName(second.text);
}

/** Most words of a place name after a title's "of" ("the United States"). */
const MAX_PLACE_WORDS = 4;

/** The index just past the longest place name starting at `from` (a "the" before it allowed), or 0. */
function placeAfterOf(run: Word[], from: number): number {
  const start = run[from] && lower(run[from]!) === 'the' ? from + 1 : from;
  for (let n = Math.min(MAX_PLACE_WORDS, run.length - start); n >= 1; n--) {
    if (placeOf(run.slice(start, start + n).map((w) => w.text).join(' '))) return start + n;
  }
  return 0;
}

/** How many lower-case words before a name a role description may take ("the company's longtime managing director"). */
export const DEFAULT_MAX_LOWERCASE_TITLE_WORDS = 3;

/**
 * Finds a lower-case role written right before a name: a title head, with the modifiers,
 * demonyms and lower-case nouns before it ("interim president", "retired ferry engineer").
 * Why: "Venezuela’s interim president Delcy Rodríguez" describes Delcy Rodríguez as interim
 * president; the role makes the name a person's.
 * Fails on: a head used as a plain noun before a name ("the head Coach Smith" reads "head").
 */
export function lowercaseTitleBefore(words: Word[], nameStart: number): Word[] {
  const before = words.findIndex((w) => w.start === nameStart) - 1;
  const headWord = words[before];
  if (!headWord || headWord.text !== headWord.text.toLowerCase() || !TITLE_HEADS.has(headWord.text)) return [];
  let first = before;
  while (before - first < DEFAULT_MAX_LOWERCASE_TITLE_WORDS - 1) {
    const w = words[first - 1];
    if (!w) break;
    // A noun only inside a compound of lower-case words ("ferry engineer"), never before a demonym, and not an
    // "-ed" word: the tagger calls past tenses nouns ("the film starred actress…", "abducted Venezuelan leader").
    const next = words[first]!;
    const compoundNoun = w.pos === 'NOUN' && next.text === next.text.toLowerCase() && !w.text.endsWith('ed');
    const lowerContent = w.text === w.text.toLowerCase() && (w.pos === 'ADJ' || compoundNoun);
    const isModifier = TITLE_MODIFIERS.has(w.text) || TITLE_HEADS.has(w.text) || demonymOf(w.text) !== undefined || lowerContent;
    if (!isModifier) break;
    first--;
  }
  return words.slice(first, before + 1);
}

/** Most words an appositive role after a name may have ("the President of Colombia"). */
export const DEFAULT_MAX_APPOSITIVE_WORDS = 8;

/** Words that open an appositive role: an article or a possessive place ("Colombia’s first leftist president"). */
const APPOSITIVE_OPENERS = new Set(['the', 'a', 'an']);

/**
 * Finds a role written after a name between commas: it opens with an article or a
 * possessive, holds a title word, and closes with a comma or the end of the sentence.
 * Why: "Gustavo Petro, the President of Colombia, …" and "Anton Meyle, a retired ferry
 * engineer, …" describe the person they follow.
 * Fails on: a list of names with roles ("Ana Ruiz, the mayor, and Ivo Brask, the chief, …")
 * is read right, but "Ruiz, a city the president visited," takes "a city…" for a role.
 */
export function appositiveAfter(words: Word[], nameEnd: number): Word[] {
  const at = words.findIndex((w) => w.end === nameEnd) + 1;
  if (words[at]?.text !== ',') return [];
  const phrase: Word[] = [];
  for (let k = at + 1; k < words.length && phrase.length <= DEFAULT_MAX_APPOSITIVE_WORDS; k++) {
    const w = words[k]!;
    if (w.text === ',' || /^[.;:!?]$/.test(w.text)) {
      const first = phrase[0];
      const opens = first !== undefined && (APPOSITIVE_OPENERS.has(first.text.toLowerCase()) || phrase[1]?.pos === 'PART');
      return opens && phrase.some((p) => TITLE_HEADS.has(p.text.toLowerCase())) ? phrase : [];
    }
    phrase.push(w);
  }
  return [];
}
