import type { EntityMention, EntityType, Span, Token } from '../../doc/types.js';
import { ORG_WORDS, ROLE_TITLES, TITLE_WORDS } from './lexicon/people.js';

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

/** Index of the first token starting at or after `at`. */
function firstTokenAt(tokens: Token[], at: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

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
  const described = mentions.flatMap((m) => (m.description ? [m.description] : []));
  for (const m of [...mentions].sort((a, b) => a.start - b.start)) {
    if (described.some((d) => m.start >= d.start && m.end <= d.end)) continue;
    const adjacent = m.description && m.description.end <= m.start && !/[^\s]/u.test(text.slice(m.description.end, m.start));
    const start = adjacent ? m.description!.start : m.start;
    const first = firstTokenAt(tokens, start);
    const last = firstTokenAt(tokens, m.end) - 1;
    if (first > last || first >= tokens.length) continue;
    const titles = adjacent ? text.slice(m.description!.start, m.description!.end).toLowerCase().split(/\s+/).filter(Boolean) : [];
    const nameText = text.slice(m.start, m.end);
    const nameWords = nameText.toLowerCase().split(/\s+/);
    // Acronyms (GM, UAW), digits (Airbus A380) and organisation words mark things; people's names have none.
    const shapedLikePerson = !nameWords.some((w) => ORG_WORDS.has(w)) && !/\b\p{Lu}{2,}\b/u.test(nameText) && !/\d/.test(nameText);
    const personLike = m.type === 'person' || (m.type === 'other' && shapedLikePerson);
    chunks.push({ start, end: m.end, first, last, name: { start: m.start, end: m.end }, titles, personLike, type: m.type });
  }
  return chunks;
}

const words = (s: string) => foldName(s).split(/\s+/).filter(Boolean);

/**
 * The fullest form of a name in the article: the longest chunk name that ends with the same words
 * ("Petro" → "Gustavo Petro"; "Brandt" → "Oskar Brandt").
 * A first name alone takes the one longer name starting with it ("Steve" → "Steve Jobs").
 * Fails when two people in one article share a surname: the longer name wins for both.
 */
export function fullestName(text: string, name: Span, chunks: NameChunk[]): string {
  const own = text.slice(name.start, name.end);
  const ownWords = words(own);
  let best = own;
  let bestLength = ownWords.length;
  for (const chunk of chunks) {
    if (!chunk.name) continue;
    const candidate = text.slice(chunk.name.start, chunk.name.end);
    const cw = words(candidate);
    if (cw.length <= bestLength) continue;
    const tail = cw.slice(cw.length - ownWords.length);
    if (tail.every((w, k) => w === ownWords[k])) {
      best = candidate;
      bestLength = cw.length;
    }
  }
  // A first name alone ("Steve called it…") stands for the one longer name in the article that starts with it.
  if (bestLength === 1) {
    const starting = new Set(chunks.filter((c) => c.name && c.personLike).map((c) => text.slice(c.name!.start, c.name!.end)).filter((n) => words(n).length >= 2 && words(n)[0] === ownWords[0]));
    if (starting.size === 1) best = [...starting][0]!;
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
  return chunks.some((c) => c !== chunk && c.personLike && c.name && words(text.slice(c.name.start, c.name.end)).length >= 2 && words(text.slice(c.name.start, c.name.end)).at(-1) === w[0]);
}
