import type { Doc } from '../doc/types.js';
import { LIGHT_VERBS } from './lexicon/light-verbs.js';
import { PATTERNS } from './patterns.js';

/** What story grouping reads from one article: counted terms, named entities and a date. */
export interface ArticleFeatures {
  /** Content terms (lemmas of nouns, verbs, adjectives; proper nouns as written; years) and how often each occurs. */
  terms: Map<string, number>;
  /** Proper-noun chunks ("gustavo petro", "white house") and how often each occurs. */
  entities: Map<string, number>;
  /** The article's publication time in ms since the epoch, when known. */
  publishedAt: number | null;
}

/** Weight of each part of speech in the term counts: names and events say more about which story it is than adjectives. */
const POS_WEIGHTS: Record<string, number> = { PROPN: 2, NOUN: 1, VERB: 1, ADJ: 0.5 };
/** Shorter terms are mostly abbreviations and tokenisation debris ("'s", "u.s" parts). */
const MIN_TERM_LENGTH = 3;
/** Weight of a year mention among the terms: a year is a strong sign of which occurrence of a recurring event (an award, an election) a report is about. */
const YEAR_WEIGHT = 2;

/** Lower case without accents, so "Velmora" and "VELMORA", "São" and "Sao" are one term. */
export function foldTerm(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(PATTERNS.combiningMarks, '');
}

/**
 * The terms and proper-noun chunks of an article, outside sub-headings (they repeat the body).
 * A chunk is a maximal run of proper nouns ("President Gustavo Petro" → "president gustavo petro"
 * is not a chunk because "President" is tagged a noun; "Gustavo Petro" is).
 * Known failure: a sentence-initial common word the tagger calls a proper noun joins the next name.
 */
export function articleFeatures(doc: Pick<Doc, 'text' | 'layers' | 'meta'>): ArticleFeatures {
  const terms = new Map<string, number>();
  const entities = new Map<string, number>();
  const headings = doc.layers.paragraphs.filter((p) => p.kind === 'heading');
  const inHeading = (start: number) => headings.some((h) => start >= h.start && start < h.end);
  let chunk: string[] = [];
  let chunkEnd = -1;
  const closeChunk = () => {
    if (chunk.length > 0) add(entities, chunk.join(' '), 1);
    chunk = [];
  };
  for (const token of doc.layers.tokens) {
    const surface = doc.text.slice(token.start, token.end);
    if (token.pos !== 'PROPN' || token.start - chunkEnd > 1 || inHeading(token.start)) closeChunk();
    if (inHeading(token.start)) continue;
    if (token.pos === 'NUM' && PATTERNS.year.test(surface)) {
      add(terms, surface, YEAR_WEIGHT);
      continue;
    }
    const weight = POS_WEIGHTS[token.pos];
    if (!weight) continue;
    const term = foldTerm(token.pos === 'PROPN' ? surface : token.lemma);
    if (term.length < MIN_TERM_LENGTH || !PATTERNS.termStart.test(term)) continue;
    if (token.pos === 'VERB' && LIGHT_VERBS.has(term)) continue;
    add(terms, term, weight);
    if (token.pos === 'PROPN') {
      chunk.push(term);
      chunkEnd = token.end;
    }
  }
  closeChunk();
  // An inferred date is only a lower bound (the latest event the text dates), not when the report
  // appeared: a follow-up weeks later would look as old as the event. Only a stated date times a story.
  const stated = doc.meta.publishedAt && doc.meta.publishedAtBasis !== 'inferred' ? doc.meta.publishedAt : null;
  const published = stated ? Date.parse(stated) : NaN;
  return { terms, entities, publishedAt: Number.isFinite(published) ? published : null };
}

function add(map: Map<string, number>, key: string, weight: number): void {
  map.set(key, (map.get(key) ?? 0) + weight);
}
