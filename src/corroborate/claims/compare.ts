import { sentencesAndTokens } from '../../analyze/sentences.js';
import { ALIGN_THRESHOLD, CONTAINED_JOIN, contained, unitVectors, type UnitVectors } from './align.js';
import { CONTENT_POS, PREDICATE_POS, termKey } from './units.js';

/** Whether two statements say the same thing, and how alike they are (0–1). */
export interface StatementComparison {
  same: boolean;
  score: number;
}

/** The content terms and predicates of a free-standing statement, as the claims stage reads a clause. */
function statementTerms(text: string): { terms: Map<string, number>; predicates: Set<string> } {
  const terms = new Map<string, number>();
  const predicates = new Set<string>();
  for (const token of sentencesAndTokens(text).tokens) {
    if (!CONTENT_POS.has(token.pos)) continue;
    const key = termKey(text.slice(token.start, token.end), token);
    if (!key) continue;
    terms.set(key, (terms.get(key) ?? 0) + 1);
    if (PREDICATE_POS.has(token.pos)) predicates.add(key);
  }
  return { terms, predicates };
}

/**
 * The aligner's decision for two statements: the same fact when the cosine of their stemmed
 * content terms reaches the threshold the claims stage groups statements at, or when one holds
 * `CONTAINED_JOIN` of the other's weighted terms with a verb, noun or number in common (a
 * sentence that states the other's fact among others). Each term is weighed by how rare it is
 * among the story's statements (`context`: other statements of the same story, the two compared
 * included or not). Without context every term weighs the same, which judges "same" far more
 * loosely: shared names then count as much as what is said of them (see the README's figures).
 * The score is the larger of the cosine and the containment scaled to the threshold's scale.
 * @example compareStatements("The Sixers fired Jim O'Brien on Monday.", "Jim O'Brien was fired by the 76ers.")
 */
export function compareStatements(a: string, b: string, context: string[] = []): StatementComparison {
  return statementComparer(context)(a, b);
}

/** `compareStatements` for many pairs of one story: the context's terms are read once. */
export function statementComparer(context: string[]): (a: string, b: string) => StatementComparison {
  const cache = new Map<string, ReturnType<typeof statementTerms>>();
  const read = (text: string) => cache.get(text) ?? cache.set(text, statementTerms(text)).get(text)!;
  const df = new Map<string, number>();
  for (const text of new Set(context)) for (const key of read(text).terms.keys()) df.set(key, (df.get(key) ?? 0) + 1);
  const n = new Set(context).size;
  const weight = n === 0 ? () => 1 : (key: string) => Math.log(1 + (n + 2) / ((df.get(key) ?? 0) + 1));
  return (a, b) => {
    const [x, y] = [read(a), read(b)];
    const space: UnitVectors = unitVectors([x, y], weight);
    const [na, nb] = space.norms;
    const cos = na && nb ? dotOf(space.vectors[0]!, space.vectors[1]!) / (na * nb) : 0;
    const within = Math.max(contained(space, 0, 1), contained(space, 1, 0));
    const same = cos >= ALIGN_THRESHOLD || within >= CONTAINED_JOIN;
    const score = Math.max(cos, (within * ALIGN_THRESHOLD) / CONTAINED_JOIN);
    return { same, score: Math.min(1, score) };
  };
}

function dotOf(a: Map<string, number>, b: Map<string, number>): number {
  let sum = 0;
  for (const [key, v] of a) sum += v * (b.get(key) ?? 0);
  return sum;
}
