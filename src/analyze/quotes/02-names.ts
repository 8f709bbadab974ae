import type { Span, Token } from '../../doc/types.js';
import { NAME_CONNECTORS, ORG_WORDS, ROLE_TITLES, TITLE_WORDS } from './lexicon/people.js';
import { PATTERNS } from './patterns.js';

/** A run of capitalised tokens ("Colombian President Gustavo Petro") and the name inside it ("Gustavo Petro"). */
export interface NameChunk extends Span {
  /** Token indexes `[first, last]` of the chunk. */
  first: number;
  last: number;
  /** The chunk without leading titles, or null when it is only titles ("President"). */
  name: Span | null;
  /** Lowercased title words stripped from the front ("colombian", "president"). */
  titles: string[];
  /** No organisation or medium word in the name ("Tessen Ropeway Company" is not a person). */
  personLike: boolean;
}

const NAME_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'X', 'NUM']);

/** Case and accent folded, for comparing spellings of one name ("Nicolás" = "Nicolas"). */
export const foldName = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Capitalised token runs with their titles split off. A token belongs to a name when it starts with
 * a capital and wink tags it as a noun-like word (so sentence-initial "The", "In", "Speaking" are
 * out); "and", "of", "de"… join two capitalised parts ("Velmora Fire and Rescue Service").
 * The name is what follows the last title word: "U.S. President Donald Trump" → "Donald Trump".
 * Fails on capitalised demonyms and adjectives that are not in the title list: "Spanish newspaper
 * El País" gives "El País", but "Venezuelan Nicolás Maduro" keeps "Venezuelan" in the name.
 */
export function nameChunks(text: string, tokens: Token[]): NameChunk[] {
  const chunks: NameChunk[] = [];
  // wink tags some surnames as verbs ("Angers", "Ford"): a capitalised verb inside a sentence is taken for a name.
  // At a sentence start every word is capitalised: only a proper noun counts there ("Critics asked" is not a name).
  const isNameToken = (t: Token | undefined, k: number) => {
    if (t === undefined || !PATTERNS.capitalised.test(text.slice(t.start, t.end))) return false;
    if (startsSentence(text, tokens, k)) return t.pos === 'PROPN';
    return NAME_POS.has(t.pos) || t.pos === 'VERB' || t.pos === 'AUX';
  };
  let i = 0;
  while (i < tokens.length) {
    if (!isNameToken(tokens[i], i)) {
      i++;
      continue;
    }
    let last = i;
    let j = i + 1;
    while (j < tokens.length) {
      const t = tokens[j]!;
      const gapOk = t.start - tokens[j - 1]!.end <= 1 && !text.slice(tokens[j - 1]!.end, t.start).includes('\n');
      if (!gapOk) break;
      const value = text.slice(t.start, t.end);
      if (isNameToken(t, j)) {
        last = j;
        j++;
      } else if (NAME_CONNECTORS.has(value.toLowerCase()) && isNameToken(tokens[j + 1], j + 1)) j++;
      // "O' Leary", "D'Souza" split by the tokenizer.
      else if (/^['’]$/.test(value) && /^[OD]$/.test(text.slice(tokens[j - 1]!.start, tokens[j - 1]!.end)) && isNameToken(tokens[j + 1], j + 1)) j++;
      else break;
    }
    for (const [a, b] of splitAtAnd(text, tokens, i, last)) for (const [c, d] of splitPersonOf(text, tokens, a, b)) chunks.push(makeChunk(text, tokens, c, d));
    i = last + 1;
  }
  return chunks;
}

/** Whether token `k` opens a sentence: first on its line, or after a full stop, colon or opening quote. */
function startsSentence(text: string, tokens: Token[], k: number): boolean {
  const prev = tokens[k - 1];
  if (!prev || text.slice(prev.end, tokens[k]!.start).includes('\n')) return true;
  return /^(?:[.!?:;]|“|``|"|«)$/.test(text.slice(prev.start, prev.end));
}

/**
 * "and" joins the parts of one organisation name ("Velmora Fire and Rescue Service") but separates
 * two names ("Petro and Trump"): the chunk is split unless it ends with an organisation word.
 * Fails on organisations without such a word ("Procter and Gamble"), which are split in two.
 */
function splitAtAnd(text: string, tokens: Token[], first: number, last: number): Array<[number, number]> {
  const word = (k: number) => text.slice(tokens[k]!.start, tokens[k]!.end).toLowerCase();
  if (ORG_WORDS.has(word(last))) return [[first, last]];
  const parts: Array<[number, number]> = [];
  let from = first;
  for (let k = first; k <= last; k++) {
    if (word(k) !== 'and' && word(k) !== '&') continue;
    parts.push([from, k - 1]);
    from = k + 1;
  }
  parts.push([from, last]);
  return parts;
}

const allCapitalised = (text: string, tokens: Token[], from: number, to: number) => tokens.slice(from, to + 1).every((t) => PATTERNS.capitalised.test(text.slice(t.start, t.end)));

const MAX_PERSON_NAME_WORDS = 3; // "Michael R. Golden"; a longer run ending a chunk is a description plus a name

/**
 * Splits a chunk into leading titles and a name. A chunk ending in an organisation word is an
 * organisation and keeps its whole name ("General Motors", "Velmora Fire and Rescue Service").
 * Otherwise the name starts after the last title or organisation word ("Secretary of the Air
 * Force James Roche" → "James Roche"), and a run still longer than a person's name keeps its last
 * two words ("President of the United States Barack Obama" → "Barack Obama").
 * Fails on organisations named without an organisation word ("Boeing Commercial Airplanes"
 * before a name is cut to the last two words).
 */
/**
 * "of" joins an organisation's name ("Bank of England", "Secretary of the Navy") but also follows
 * a person's name with their employer ("Keith Springer of Capital Financial Advisory Services"):
 * the chunk is split when what stands before "of" is two or more words with no title or
 * organisation word among them.
 * Fails on a name-like organisation before "of" ("Morgan Stanley of New York" is taken for a person).
 */
function splitPersonOf(text: string, tokens: Token[], first: number, last: number): Array<[number, number]> {
  const word = (k: number) => text.slice(tokens[k]!.start, tokens[k]!.end).toLowerCase();
  for (let k = first + 2; k < last; k++) {
    if (word(k) !== 'of') continue;
    const before = Array.from({ length: k - first }, (_, n) => word(first + n));
    if (before.some((w) => TITLE_WORDS.has(w) || ORG_WORDS.has(w) || NAME_CONNECTORS.has(w))) return [[first, last]];
    return [[first, k - 1], [k + 1, last]];
  }
  return [[first, last]];
}

function makeChunk(text: string, tokens: Token[], first: number, last: number): NameChunk {
  const word = (k: number) => text.slice(tokens[k]!.start, tokens[k]!.end).toLowerCase();
  const isOrg = ORG_WORDS.has(word(last));
  let lastTitle = first - 1;
  for (let k = first; k <= last; k++) {
    if (TITLE_WORDS.has(word(k))) lastTitle = k;
    else if (!isOrg && (ORG_WORDS.has(word(k)) || NAME_CONNECTORS.has(word(k))) && last - k >= 2 && allCapitalised(text, tokens, k + 1, last)) lastTitle = k;
  }
  if (isOrg) lastTitle = first - 1;
  let nameFirst = lastTitle + 1;
  if (!isOrg && last - nameFirst + 1 > MAX_PERSON_NAME_WORDS) nameFirst = last - 1;
  const titles: string[] = [];
  for (let k = first; k < nameFirst; k++) titles.push(word(k));
  const name = nameFirst <= last ? { start: tokens[nameFirst]!.start, end: tokens[last]!.end } : null;
  const nameText = name ? text.slice(name.start, name.end) : '';
  const nameWords = nameText.toLowerCase().split(/\s+/);
  // Acronyms (GM, UAW), digits (Airbus A380) and organisation words mark things; people's names have none.
  const personLike = name !== null && !nameWords.some((w) => ORG_WORDS.has(w)) && !/\b\p{Lu}{2,}\b/u.test(nameText) && !/\d/.test(nameText);
  return { start: tokens[first]!.start, end: tokens[last]!.end, first, last, name, titles, personLike };
}

const words = (s: string) => foldName(s).split(/\s+/).filter(Boolean);

/**
 * What `fullestName` and `isPersonChunk` look up in an article's chunks, built once per chunk
 * list so that each look-up costs the name's words, not the article's chunks.
 */
interface NameIndex {
  /** Folded words of a tail (suffix) → the earliest of the longest chunk names longer than it ending with it. */
  longestEnding: Map<string, { name: string; length: number }>;
  /** Folded first word → the person-like names of two words or more starting with it. */
  personStarting: Map<string, Set<string>>;
  /** Folded last words of person-like names of two words or more ("Oskar Brandt" → "brandt"). */
  personSurnames: Set<string>;
}

const indexes = new WeakMap<NameChunk[], NameIndex>();

function nameIndex(text: string, chunks: NameChunk[]): NameIndex {
  let index = indexes.get(chunks);
  if (index) return index;
  index = { longestEnding: new Map(), personStarting: new Map(), personSurnames: new Set() };
  for (const chunk of chunks) {
    if (!chunk.name) continue;
    const name = text.slice(chunk.name.start, chunk.name.end);
    const cw = words(name);
    for (let k = 0; k < cw.length; k++) {
      const tail = cw.slice(cw.length - k).join(' ');
      const best = index.longestEnding.get(tail);
      if (!best || cw.length > best.length) index.longestEnding.set(tail, { name, length: cw.length });
    }
    if (chunk.personLike && cw.length >= 2) {
      const starting = index.personStarting.get(cw[0]!) ?? new Set<string>();
      index.personStarting.set(cw[0]!, starting.add(name));
      index.personSurnames.add(cw.at(-1)!);
    }
  }
  indexes.set(chunks, index);
  return index;
}

/**
 * The fullest form of a name in the article: the longest chunk name that ends with the same words
 * ("Petro" → "Gustavo Petro"; "Brandt" → "Oskar Brandt").
 * A first name alone takes the one longer name starting with it ("Steve" → "Steve Jobs").
 * Fails when two people in one article share a surname: the longer name wins for both.
 */
export function fullestName(text: string, name: Span, chunks: NameChunk[]): string {
  const own = text.slice(name.start, name.end);
  const ownWords = words(own);
  const index = nameIndex(text, chunks);
  const longer = index.longestEnding.get(ownWords.join(' '));
  let best = longer ? longer.name : own;
  // A first name alone ("Steve called it…") stands for the one longer name in the article that starts with it.
  if ((longer?.length ?? ownWords.length) === 1) {
    const starting = index.personStarting.get(ownWords[0]!);
    if (starting?.size === 1) best = [...starting][0]!;
  }
  return best.replace(/['’]s$/u, '');
}

/**
 * Whether a chunk can be taken for a person when a pronoun points back: a person-like name of two
 * words or more, a single word with a title before it ("President Petro"), or a single word that
 * ends a longer person name in the article ("Brandt" after "Oskar Brandt").
 * Fails on two-word places ("New York", "Latin America"), taken for people.
 */
export function isPersonChunk(text: string, chunk: NameChunk, chunks: NameChunk[]): boolean {
  if (!chunk.personLike || !chunk.name) return false;
  const w = words(text.slice(chunk.name.start, chunk.name.end));
  if (w.length >= 2 || chunk.titles.length > 0) return true;
  // "said American president Obama": a lowercase title just before a single name.
  const before = text.slice(Math.max(0, chunk.start - 30), chunk.start).trim().split(/\s+/).at(-1)?.toLowerCase() ?? '';
  if (TITLE_WORDS.has(before) || ROLE_TITLES.has(before)) return true;
  return nameIndex(text, chunks).personSurnames.has(w[0]!);
}
