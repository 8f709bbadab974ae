import type { Doc, Span, Token } from './types.js';

/**
 * The first index in [lo, hi) where `test` holds, else `hi`. `test` must hold from that index on,
 * as "starts at or after x" does over spans in text order: a binary search.
 */
export function firstIndex<T>(list: readonly T[], test: (item: T) => boolean, lo = 0, hi = list.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (test(list[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Index of the first token starting at or after `at` (tokens are in text order). */
export const firstTokenAt = (tokens: readonly Token[], at: number): number => firstIndex(tokens, (t) => t.start >= at);

/** The tokens lying wholly inside `span` (tokens are in text order). */
export function tokensWithin(tokens: readonly Token[], span: Span): Token[] {
  const out: Token[] = [];
  for (let i = firstTokenAt(tokens, span.start); i < tokens.length && tokens[i]!.end <= span.end; i++) out.push(tokens[i]!);
  return out;
}

/**
 * Whether a speech quote the quotes stage found runs over the stop between two sentences (the first
 * ending at `previousEnd`, the next starting at `nextStart`): one utterance, never cut there.
 */
export const quoteRunsOn = (doc: Doc, previousEnd: number, nextStart: number): boolean =>
  doc.layers.quotes.some((q) => q.kind === 'speech' && q.start < previousEnd && q.end > nextStart);

/**
 * The sentence widened to the sentences of every speech quote running over its edges: what is shown
 * or cited as someone's words holds the whole quote ("“Come get me. I'm waiting for you here,” Petro
 * said"), never the half after a stop inside it.
 */
export function withWholeQuotes(doc: Doc, sentence: Span): Span {
  const { sentences } = doc.layers;
  let i = sentences.findIndex((s) => s.start === sentence.start);
  let j = sentences.findIndex((s) => s.end === sentence.end);
  if (i < 0 || j < 0) return sentence;
  while (i > 0 && quoteRunsOn(doc, sentences[i - 1]!.end, sentences[i]!.start)) i--;
  while (j < sentences.length - 1 && quoteRunsOn(doc, sentences[j]!.end, sentences[j + 1]!.start)) j++;
  return { start: sentences[i]!.start, end: sentences[j]!.end };
}
