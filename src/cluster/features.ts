import type { Doc, Span } from '../doc/types.js';
import { expandPlaceAbbreviation } from '../text/abbreviations.js';
import { stemWord } from '../text/stem.js';
import { foldTerm } from '../text/words.js';
import { EVENT_VARIANTS } from './lexicon/event-variants.js';
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
/**
 * Weight of a number of two digits or more ("44", "7.3", "27-24", "2012") among the terms, under
 * its own key (`#44`): two look-alike events of one kind differ in their figures (the score, the
 * magnitude, the toll, the day and year in a date line), reports of one event repeat them. ECB+
 * odd (tuning) topics: pairs of articles within one topic, how often a same-event pair scores
 * above a different-event pair (AUC) of the article vectors, 0.893 without numbers, 0.901 at
 * weight 2, 0.906 at 4; the whole stream (orders 1–2, tuning topics' B³ F1) 0.863 without,
 * 0.869 at 2, 0.871 at 4, 0.880 at 8, 0.886 at 12 (spread 0.010), 0.882 at 20. 8: most of the
 * gain at the smallest spread.
 */
const NUMBER_WEIGHT = 8;

/**
 * How much more a term of the lead counts than one further down: the lead says what happened,
 * later paragraphs add background that two look-alike events share (the history of a feud, the
 * previous title fight). On ECB+ (short texts, mostly lead) it neither helps nor hurts at the
 * chosen threshold: see `DEFAULT_JOIN_THRESHOLD` for the figures.
 */
export const DEFAULT_LEAD_WEIGHT = 1.5;


/** One key for the words outlets use interchangeably for one happening ("quake", "earthquake"; `EVENT_VARIANTS`). */
export const eventTerm = (term: string): string => EVENT_VARIANTS.get(term) ?? term;

/** A name as a key: folded, place abbreviations written out ("Mt Cook" → "mount cook"). */
export function nameKey(text: string, start: number, end: number): string {
  return foldTerm(text.slice(start, end).replace(PATTERNS.nameWord, (word, at: number) => expandPlaceAbbreviation(text, start + at, start + at + word.length) ?? word));
}

/**
 * The terms and proper-noun chunks of an article, outside sub-headings (they repeat the body).
 * A chunk is a maximal run of proper nouns ("President Gustavo Petro" → "president gustavo petro"
 * is not a chunk because "President" is tagged a noun; "Gustavo Petro" is).
 * Known failure: a sentence-initial common word the tagger calls a proper noun joins the next name.
 */
export function articleFeatures(doc: Pick<Doc, 'text' | 'layers' | 'meta'>, leadWeight = DEFAULT_LEAD_WEIGHT): ArticleFeatures {
  const terms = new Map<string, number>();
  const lead = leadSpan(doc);
  const entities = new Map<string, number>();
  // A heading that opens the text is the headline, the densest line of all; later ones are sub-headings.
  const headings = doc.layers.paragraphs.filter((p, i) => p.kind === 'heading' && i > 0);
  const inHeading = (start: number) => headings.some((h) => start >= h.start && start < h.end);
  let chunk: string[] = [];
  let chunkEnd = -1;
  const closeChunk = () => {
    if (chunk.length > 0) add(entities, chunk.join(' '), 1);
    chunk = [];
  };
  for (const token of doc.layers.tokens) {
    const surface = doc.text.slice(token.start, token.end);
    if ((token.pos !== 'PROPN' && !expandPlaceAbbreviation(doc.text, token.start, token.end)) || token.start - chunkEnd > 1 || inHeading(token.start)) closeChunk();
    if (inHeading(token.start)) continue;
    if (token.pos === 'NUM' && PATTERNS.year.test(surface)) {
      add(terms, surface, YEAR_WEIGHT * (token.start < lead.end ? leadWeight : 1));
      continue;
    }
    if (token.pos === 'NUM' && PATTERNS.distinctiveNumber.test(surface)) {
      add(terms, `#${surface}`, NUMBER_WEIGHT * (token.start < lead.end ? leadWeight : 1));
      continue;
    }
    // "Mt Cook" and "Mount Cook", "Calif." and "California" are one place: the word, and a name's word.
    const place = expandPlaceAbbreviation(doc.text, token.start, token.end);
    const pos = place ? 'PROPN' : token.pos;
    const weight = POS_WEIGHTS[pos];
    if (!weight) continue;
    // A common word counts by its stem: the lemma leaves a derivation ("election", "elect"; "announcement", "announce") a word apart.
    const term = place ?? (pos === 'PROPN' ? eventTerm(foldTerm(surface)) : stemWord(eventTerm(foldTerm(token.lemma))));
    if (term.length < MIN_TERM_LENGTH || !PATTERNS.termStart.test(term)) continue;
    if (token.pos === 'VERB' && LIGHT_VERBS.has(term)) continue;
    add(terms, term, weight * (token.start < lead.end ? leadWeight : 1));
    if (pos === 'PROPN') {
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

/**
 * Sentences that make an article's lead: the headline (when the text starts with it) and the
 * opening sentences, where a news report says what happened, to whom, where and when. Later
 * sentences carry the background (history, "last year…") more often than the event.
 */
export const LEAD_SENTENCES = 3;
/** The lead of an article: its first `LEAD_SENTENCES` sentences, a dateline-only line not counted. */
export function leadSpan(doc: Pick<Doc, 'text' | 'layers'>): Span {
  // Only the first `LEAD_SENTENCES` that are not a dateline are needed: the test of every sentence cost sentences × timexes.
  const sentences: Span[] = [];
  for (const s of doc.layers.sentences) {
    if (isOnlyDateline(doc, s)) continue;
    sentences.push(s);
    if (sentences.length === LEAD_SENTENCES) break;
  }
  const last = sentences.at(-1);
  return { start: sentences[0]?.start ?? 0, end: last?.end ?? Math.min(doc.text.length, 600) };
}

/** A line that is nothing but time expressions and punctuation ("May 02 , 2013", "11 / 30 / 09 05 : 40 PM ET"). */
function isOnlyDateline(doc: Pick<Doc, 'text' | 'layers'>, sentence: Span): boolean {
  let rest = doc.text.slice(sentence.start, sentence.end);
  for (const t of doc.layers.timexes) if (t.start >= sentence.start && t.end <= sentence.end) rest = rest.slice(0, t.start - sentence.start) + ' '.repeat(t.end - t.start) + rest.slice(t.end - sentence.start);
  return !PATTERNS.word3.test(rest.replace(PATTERNS.datelineWords, ''));
}

function add(map: Map<string, number>, key: string, weight: number): void {
  map.set(key, (map.get(key) ?? 0) + weight);
}
