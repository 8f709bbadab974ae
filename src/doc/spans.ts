import type { Span, Token } from './types.js';

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
