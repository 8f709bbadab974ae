import { sentencesAndTokens } from '../../analyze/sentences.js';
import { ALIGN_THRESHOLD, sharedStretch, vectorCosine, weighted } from './align.js';
import { CONTENT_POS, termKey } from './units.js';

/** Whether two statements say the same thing, and how alike they are (0–1). */
export interface StatementComparison {
  same: boolean;
  score: number;
}

interface StatementTerms {
  terms: Map<string, number>;
  /** The content terms in reading order. */
  sequence: string[];
  /** The terms of its verbs and common nouns: what happened. */
  events: Set<string>;
}

/** The content terms of a free-standing statement, as the claims stage reads a clause. */
function statementTerms(text: string): StatementTerms {
  const terms = new Map<string, number>();
  const sequence: string[] = [];
  const events = new Set<string>();
  for (const token of sentencesAndTokens(text).tokens) {
    if (!CONTENT_POS.has(token.pos)) continue;
    const key = termKey(text.slice(token.start, token.end), token);
    if (!key) continue;
    terms.set(key, (terms.get(key) ?? 0) + 1);
    sequence.push(key);
    if (token.pos === 'VERB' || token.pos === 'NOUN') events.add(key);
  }
  return { terms, sequence, events };
}

/**
 * The aligner's decision for two statements: the cosine of their stemmed content terms, each
 * weighed by how rare it is among the story's statements (`context`: other statements of the
 * same story, the two compared included or not), against the threshold the claims stage groups
 * statements at; or, as the aligner also links them, when both hold one dense stretch of shared
 * terms (`sharedStretch`: a clause told twice inside sentences that say more). Without context
 * every term weighs the same, which judges "same" far more loosely: shared names then count as
 * much as what is said of them (see the README's figures).
 * @example compareStatements("The Sixers fired Jim O'Brien on Monday.", "Jim O'Brien was fired by the 76ers.")
 */
export function compareStatements(a: string, b: string, context: string[] = []): StatementComparison {
  return statementComparer(context)(a, b);
}

/** `compareStatements` for many pairs of one story: the context's terms are read once. */
export function statementComparer(context: string[]): (a: string, b: string) => StatementComparison {
  const cache = new Map<string, StatementTerms>();
  const termsOf = (text: string) => cache.get(text) ?? cache.set(text, statementTerms(text)).get(text)!;
  const df = new Map<string, number>();
  for (const text of new Set(context)) for (const key of termsOf(text).terms.keys()) df.set(key, (df.get(key) ?? 0) + 1);
  const n = new Set(context).size;
  const weight = n === 0 ? () => 1 : (key: string) => Math.log(1 + (n + 2) / ((df.get(key) ?? 0) + 1));
  return (a, b) => {
    const [ta, tb] = [termsOf(a), termsOf(b)];
    const vectors = [weighted(ta.terms, weight), weighted(tb.terms, weight)];
    const score = vectorCosine(vectors[0]!, vectors[1]!);
    if (score >= ALIGN_THRESHOLD) return { same: true, score };
    const space = { vectors, norms: [], weight, predicates: [], events: [ta.events, tb.events], sequences: [ta.sequence, tb.sequence] };
    return { same: sharedStretch(space, 0, 1), score };
  };
}
