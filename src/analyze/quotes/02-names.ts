import type { EntityMention, EntityType, Span, Token } from '../../doc/types.js';
import { ORG_WORDS, ROLE_TITLES, TITLE_WORDS } from './lexicon/people.js';
import { SPEECH_VERBS } from './lexicon/speech-verbs.js';
import { firstIndex, firstTokenAt } from '../../doc/spans.js';
import { isFirstName } from '../entities/lexicon/package-names.js';

/** A name of the entity layer ("Gustavo Petro") with the title written before it ("Colombian President"). */
export interface NameChunk extends Span {
  /** Token indexes `[first, last]` of the chunk. */
  first: number;
  last: number;
  /** The chunk without leading titles, or null when it is only titles ("President"). */
  name: Span | null;
  /** Lowercased title words stripped from the front ("colombian", "president"). */
  titles: string[];
  /** A person's name, or an untyped name shaped like one ("Tessen Ferry Company" is not). */
  personLike: boolean;
  /** The entity layer's type of the name. */
  type: EntityType;
}

/** Case and accent folded, for comparing spellings of one name ("Nicolás" = "Nicolas"). */
export const foldName = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The name chunks of an article from its entity mentions (the one name chunker is the entity
 * layer's): each mention is a name, with the role written right before it ("Colombian
 * President", "analyst") as its titles. A mention typed person is person-like; one typed `other`
 * is when it holds no organisation word, acronym or digit ("Jusman Syafii Djamal", whose first
 * name no list has, still speaks); organisations and places never are.
 */
export function chunksFromEntities(text: string, tokens: Token[], mentions: EntityMention[]): NameChunk[] {
  const chunks: NameChunk[] = [];
  // A place or organisation named inside a person's title ("U.S." in "U.S. Attorney Nealy Cox") is part of that chunk.
  // Swept in text order: a mention is inside a description when one starting at or before it reaches past its end.
  const described = mentions.flatMap((m) => (m.description ? [m.description] : [])).sort((a, b) => a.start - b.start);
  let d = 0;
  let describedEnd = -1;
  for (const m of [...mentions].sort((a, b) => a.start - b.start)) {
    while (d < described.length && described[d]!.start <= m.start) describedEnd = Math.max(describedEnd, described[d++]!.end);
    if (m.end <= describedEnd) continue;
    const adjacent = m.description && m.description.end <= m.start && !/[^\s]/u.test(text.slice(m.description.end, m.start));
    let first = firstTokenAt(tokens, adjacent ? m.description!.start : m.start);
    // "…,” claims writer John Ostrower": a verb of saying before the role is the attribution's, not the title's.
    while (adjacent && tokens[first] && tokens[first]!.start < m.start && SPEECH_VERBS.has(tokens[first]!.lemma.toLowerCase())) first++;
    const start = adjacent ? Math.min(tokens[first]?.start ?? m.start, m.start) : m.start;
    const last = firstTokenAt(tokens, m.end) - 1;
    if (first > last || first >= tokens.length) continue;
    const titles = adjacent && start < m.start ? text.slice(start, m.description!.end).toLowerCase().split(/\s+/).filter(Boolean) : [];
    const nameText = text.slice(m.start, m.end);
    const nameWords = nameText.toLowerCase().split(/\s+/);
    // Acronyms (GM, UAW), digits (Airbus A380) and organisation words mark things; people's names have none.
    const shapedLikePerson = !nameWords.some((w) => ORG_WORDS.has(w)) && !/\b\p{Lu}{2,}\b/u.test(nameText) && !/\d/.test(nameText);
    const personLike = m.type === 'person' || (m.type === 'other' && shapedLikePerson);
    chunks.push({ start, end: m.end, first, last, name: { start: m.start, end: m.end }, titles, personLike, type: m.type });
  }
  return withoutNested(chunks);
}

/**
 * One name per stretch of text: a chunk inside a longer one ("Councilman Jumaane" inside "Councilman
 * Jumaane D . Williams", once spaced initials joined the two) is dropped, the longer one taking a
 * person's type from it.
 */
function withoutNested(chunks: NameChunk[]): NameChunk[] {
  const sorted = [...chunks].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: NameChunk[] = [];
  for (const c of sorted) {
    const outer = kept.at(-1);
    if (outer && c.start >= outer.start && c.end <= outer.end && (c.start > outer.start || c.end < outer.end)) {
      if (c.type === 'person' && outer.type === 'other') kept[kept.length - 1] = { ...outer, type: 'person', personLike: true };
      continue;
    }
    kept.push(c);
  }
  return kept;
}

const words = (s: string) => foldName(s).split(/\s+/).filter(Boolean);

/**
 * A single capitalised word that the text also writes in lower case as a word ("Police" and
 * "police"). Fails on a surname that is also a common word used in the same article ("Mr Brown" and "brown bread").
 */
export function isCommonNoun(text: string, name: string): boolean {
  if (!/^\p{Lu}\p{Ll}+$/u.test(name)) return false;
  return new RegExp(`(?<![\\p{L}\\p{N}])${name.toLowerCase()}(?![\\p{L}\\p{N}])`, 'u').test(text);
}

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
  // "Vincent “The Chin” Gigante": a nickname splits the name, whose last word is still a person's surname.
  for (const m of text.matchAll(NICKNAMED)) if (isFirstName(m[1]!)) index.personSurnames.add(foldName(m[2]!));
  indexes.set(chunks, index);
  return index;
}

/** A capitalised word, a short quoted nickname, a capitalised word: the first is checked to be a first name. */
const NICKNAMED = /(?<![\p{L}\p{N}])(\p{Lu}\p{Ll}+)[ \t]+(?:"|“|``|')[ \t]*[^"“”'\n]{1,30}?[ \t]*(?:"|”|''|')[ \t]+(\p{Lu}[\p{Ll}'’-]+)(?![\p{L}\p{N}])/gu;

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
  // A first name alone ("Steve called it…") stands for the one longer name in the article that starts with it;
  // an organisation's name does not ("Microsoft" is not "Microsoft Active Protections Program").
  const chunk = chunks[firstIndex(chunks, (c) => c.start >= name.start)];
  const organisation = chunk?.name?.start === name.start && chunk.name.end === name.end && chunk.type === 'organization';
  if ((longer?.length ?? ownWords.length) === 1 && !organisation) {
    const starting = index.personStarting.get(ownWords[0]!);
    if (starting?.size === 1) best = [...starting][0]!;
  }
  if (!longer && /^\p{Lu}{2,6}$/u.test(own)) {
    const expansion = expansionOf(text, own);
    if (expansion) best = wholeNameAround(text, expansion, chunks) ?? expansion;
  }
  return best.replace(/['’]s$/u, '');
}

/**
 * The one organisation name of the entity layer that holds an acronym's expansion, when longer:
 * the initials of "CDC" stop at "Centers for Disease Control", while the name goes on ("… and
 * Prevention"). Null when no or several such names.
 */
function wholeNameAround(text: string, expansion: string, chunks: NameChunk[]): string | null {
  const inner = ` ${words(expansion).join(' ')} `;
  const found = new Set<string>();
  for (const c of chunks) {
    if (c.type !== 'organization' || !c.name) continue;
    const name = text.slice(c.name.start, c.name.end).replace(/\s+/g, ' ');
    if (name.length > expansion.length && ` ${words(name).join(' ')} `.includes(inner)) found.add(name);
  }
  return found.size === 1 ? [...found][0]! : null;
}

/**
 * The words an acronym stands for when the article writes them out once or more, always the same
 * way: capitalised words with those initials, "and", "of", "for", "the" or "&" allowed between
 * them ("CBP" → "Customs and Border Protection", "DHS" → "Department of Homeland Security").
 * Null when none or two different spellings match.
 */
export function expansionOf(text: string, acronym: string): string | null {
  const joint = String.raw`(?:\s+(?:and|of|for|the|&)\s+|\s+)`;
  const words = [...acronym].map((c) => `${c}[\\p{Ll}'’-]+`).join(joint);
  const found = new Set([...text.matchAll(new RegExp(String.raw`(?<![\p{L}\p{N}])${words}(?![\p{L}\p{N}])`, 'gu'))].map((m) => m[0].replace(/\s+/g, ' ')));
  return found.size === 1 ? [...found][0]! : null;
}

/** Whether a word is the surname of a person the article names in full ("Fanning" after "Constable Tim Fanning", whose rank is no part of the name). */
export function isKnownSurname(text: string, word: string, chunks: NameChunk[]): boolean {
  return nameIndex(text, chunks).personSurnames.has(foldName(word));
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
