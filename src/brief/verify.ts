import { wordsToCite } from './connectives.js';

/** A citation as the export gives it: the cited words and what the article holds at those offsets. */
export interface CitedText {
  text: string;
  /** `article.text.slice(start, end)` */
  actual: string;
}

const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * Whether a brief sentence is carried by its citations: every citation's text is what the article
 * holds at its offsets, and every word of the sentence is a word of some citation or of the
 * brief's own words (`wordsToCite`). A failure names what does not verify.
 */
export function verifyBriefSentence(sentence: string, citations: CitedText[]): { ok: true } | { ok: false; why: string } {
  if (citations.length === 0) return { ok: false, why: 'no citations' };
  const moved = citations.find((c) => c.text !== c.actual);
  if (moved) return { ok: false, why: `citation text "${moved.text}" is not the article's text at its offsets` };
  const cited = new Set(citations.flatMap((c) => words(c.text)));
  const uncited = wordsToCite(sentence).filter((w) => !cited.has(w));
  return uncited.length ? { ok: false, why: `not in the citations: ${uncited.join(', ')}` } : { ok: true };
}
