import { sentencesAndTokens } from '../../analyze/sentences.js';
import { tokensWithin } from '../../doc/spans.js';
import type { Doc, Span, Token } from '../../doc/types.js';
import { ALIGN_THRESHOLD, vectorCosine, weighted } from './align.js';
import { CONTENT_POS, termKey } from './units.js';

/** Whether two statements say the same thing, and how alike they are (0–1). */
export interface StatementComparison {
  same: boolean;
  score: number;
}

/** The content terms of a free-standing statement, as the claims stage reads a clause. */
export const statementTerms = (text: string): Map<string, number> => tokenTerms(text, sentencesAndTokens(text).tokens);

/** The content terms of a stretch of an analysed document (a sentence), from its own tokens: as `statementTerms` of its text, without tokenising it again. */
export const spanTerms = (doc: Pick<Doc, 'text' | 'layers'>, span: Span): Map<string, number> => tokenTerms(doc.text, tokensWithin(doc.layers.tokens, span));

function tokenTerms(text: string, tokens: Token[]): Map<string, number> {
  const terms = new Map<string, number>();
  for (const token of tokens) {
    if (!CONTENT_POS.has(token.pos)) continue;
    const key = termKey(text.slice(token.start, token.end), token);
    if (key) terms.set(key, (terms.get(key) ?? 0) + 1);
  }
  return terms;
}

/**
 * The aligner's decision for two statements: the cosine of their stemmed content terms, each
 * weighed by how rare it is among the story's statements (`context`: other statements of the
 * same story, the two compared included or not), against the threshold the claims stage groups
 * statements at. Without context every term weighs the same, which judges "same" far more
 * loosely: shared names then count as much as what is said of them (see the README's figures).
 * @example compareStatements("The Sixers fired Jim O'Brien on Monday.", "Jim O'Brien was fired by the 76ers.")
 */
export function compareStatements(a: string, b: string, context: string[] = []): StatementComparison {
  return statementComparer(context)(a, b);
}

/**
 * `compareStatements` for many pairs of one story: the context's terms are read once (by
 * `terms`, when the caller has them from the statements' documents).
 */
export function statementComparer(context: string[], terms: (text: string) => Map<string, number> = statementTerms): (a: string, b: string) => StatementComparison {
  const cache = new Map<string, Map<string, number>>();
  const termsOf = (text: string) => cache.get(text) ?? cache.set(text, terms(text)).get(text)!;
  const df = new Map<string, number>();
  for (const text of new Set(context)) for (const key of termsOf(text).keys()) df.set(key, (df.get(key) ?? 0) + 1);
  const n = new Set(context).size;
  return (a, b) => {
    const [ta, tb] = [termsOf(a), termsOf(b)];
    const weight = n === 0 ? () => 1 : (key: string) => Math.log(1 + (n + 2) / ((df.get(key) ?? 0) + 1));
    const score = vectorCosine(weighted(ta, weight), weighted(tb, weight));
    return { same: score >= ALIGN_THRESHOLD, score };
  };
}
