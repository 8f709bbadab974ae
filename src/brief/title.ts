import type { Doc } from '../doc/types.js';

const words = (s: string) => new Set(s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').match(/\p{L}{3,}/gu) ?? []);

/**
 * A story's title, taken whole from one of its articles' headlines (never composed, so it says
 * nothing no article said): the headline sharing the most words with the other headlines, i.e. the
 * most typical one; ties go to the earlier article. Without any headline, the first sentence of
 * the first article with text.
 */
export function storyTitle(docs: Doc[]): string {
  const headlines = docs.map((d) => d.title).filter((t): t is string => !!t);
  if (headlines.length > 0) {
    const sets = headlines.map(words);
    let best = 0;
    let bestScore = -1;
    sets.forEach((set, i) => {
      let score = 0;
      sets.forEach((other, j) => {
        if (i !== j) for (const w of set) if (other.has(w)) score++;
      });
      if (score > bestScore) [best, bestScore] = [i, score];
    });
    return headlines[best]!;
  }
  for (const doc of docs) {
    const first = doc.layers.sentences[0];
    if (first) return doc.text.slice(first.start, first.end);
  }
  return '(untitled story)';
}
