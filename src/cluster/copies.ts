import { sharedCount } from './minhash.js';

export interface CopyLink {
  /** The article this one copies. */
  of: string;
  /** Share of the smaller text's shingles found in the other (containment). */
  similarity: number;
}

/** What copy detection knows of a stored article: its shingles and what decides which of two texts came first. */
export interface CopySketch {
  articleId: string;
  /** Sorted distinct shingle hashes (`shingleHashes`). */
  shingles: Uint32Array;
  /** Publication time in ms since the epoch, when known. */
  publishedAt: number | null;
  /** Length of the clean text in characters. */
  length: number;
  /** The original this article is already marked a copy of, if any. */
  duplicateOf: string | null;
}

/**
 * Containment above which the smaller text is a copy of the larger: a syndicated copy with
 * a new headline, light edits and a trimmed ending keeps most of its 5-word shingles,
 * while independent reports of one event share a handful of phrases at most.
 */
export const DEFAULT_COPY_CONTAINMENT = 0.6;
/** Below this many shingles (about two sentences) a text is too short to call a copy: one shared quote would do it. */
export const DEFAULT_MIN_COPY_SHINGLES = 20;

/** Share of the smaller set's shingles that the other set holds. */
export function containment(a: Uint32Array, b: Uint32Array): number {
  const smaller = Math.min(a.length, b.length);
  return smaller === 0 ? 0 : sharedCount(a, b) / smaller;
}

/**
 * Whether `a` is the copy and `b` the original of a pair of near-identical texts: the later
 * published when both dates are known, else the shorter (a copy trims more often than it adds),
 * else `a` when it arrived later (`aArrivedLater`).
 * Known failure: an outlet that republishes the wire text in full with added paragraphs, without
 * dates, is taken for the original because it is longer.
 */
export function isCopyOf(a: CopySketch, b: CopySketch, aArrivedLater: boolean): boolean {
  if (a.publishedAt !== null && b.publishedAt !== null && a.publishedAt !== b.publishedAt) return a.publishedAt > b.publishedAt;
  if (a.length !== b.length) return a.length < b.length;
  return aArrivedLater;
}

/** What a new article changes in the copy links: its own link, and stored articles that turn out to copy it. */
export interface CopyDecision {
  copyOf: CopyLink | null;
  /** Stored originals that are copies of the new article (it was published earlier); their own copies follow them. */
  repoint: Array<{ articleId: string; link: CopyLink }>;
}

/**
 * Links a new article to the stored ones that LSH proposed (`candidates`), after checking
 * containment exactly. The new article points at the original of the best match it copies;
 * chains collapse, so an original is never itself a copy. If instead it predates matches that
 * are originals, they (and their copies) point at it.
 * Known failure: a match that is already a copy of an older text, of which the new article is
 * the earlier version, keeps its link; the new article then points at that older text.
 */
export function decideCopies(article: CopySketch, candidates: CopySketch[], threshold = DEFAULT_COPY_CONTAINMENT): CopyDecision {
  const verified = candidates
    .filter((c) => c.articleId !== article.articleId && Math.min(c.shingles.length, article.shingles.length) >= DEFAULT_MIN_COPY_SHINGLES)
    .map((c) => ({ c, similarity: Number(containment(article.shingles, c.shingles).toFixed(3)) }))
    .filter((m) => m.similarity >= threshold)
    .sort((x, y) => y.similarity - x.similarity || (x.c.articleId < y.c.articleId ? -1 : 1));
  const original = verified.find((m) => m.c.duplicateOf !== null || isCopyOf(article, m.c, true));
  if (original) return { copyOf: { of: original.c.duplicateOf ?? original.c.articleId, similarity: original.similarity }, repoint: [] };
  return { copyOf: null, repoint: verified.map((m) => ({ articleId: m.c.articleId, link: { of: article.articleId, similarity: m.similarity } })) };
}
