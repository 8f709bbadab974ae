import type { Doc } from '../doc/types.js';

export interface CopyLink {
  /** The article this one copies. */
  of: string;
  /** Share of the copy's shingles found in the original (containment). */
  similarity: number;
}

/** Word n-gram length: 5 words are rarely shared by two independently written sentences. */
const SHINGLE_WORDS = 5;
/**
 * Containment above which the smaller text is a copy of the larger: a syndicated copy with
 * a new headline, light edits and a trimmed ending keeps most of its 5-word shingles,
 * while independent reports of one event share a handful of phrases at most.
 */
export const DEFAULT_COPY_CONTAINMENT = 0.6;

function shingles(text: string): Set<string> {
  const words = text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) out.add(words.slice(i, i + SHINGLE_WORDS).join(' '));
  return out;
}

/**
 * Near-duplicates and syndicated copies within one story, by shingle containment (exact sets;
 * stories are small). Which one is the copy: the later published one when both dates are known,
 * else the shorter, else the one stored later. Each copy points at one original; an original
 * is never itself marked a copy, so chains collapse onto the first text.
 */
export function findCopies(docs: Doc[], threshold = DEFAULT_COPY_CONTAINMENT): Map<string, CopyLink> {
  const sets = docs.map((doc) => shingles(doc.text));
  const links = new Map<string, CopyLink>();
  const order = docs.map((_, i) => i).sort((a, b) => originalFirst(docs[a]!, docs[b]!, a, b));
  for (let x = 0; x < order.length; x++) {
    const i = order[x]!;
    if (links.has(docs[i]!.id)) continue;
    for (let y = x + 1; y < order.length; y++) {
      const j = order[y]!;
      if (links.has(docs[j]!.id)) continue;
      const a = sets[i]!;
      const b = sets[j]!;
      if (a.size === 0 || b.size === 0) continue;
      let shared = 0;
      for (const s of b) if (a.has(s)) shared++;
      const containment = shared / Math.min(a.size, b.size);
      if (containment >= threshold) links.set(docs[j]!.id, { of: docs[i]!.id, similarity: Number(containment.toFixed(3)) });
    }
  }
  return links;
}

/** Sort key putting likely originals first: earlier publication, then longer text, then stored earlier. */
function originalFirst(a: Doc, b: Doc, ai: number, bi: number): number {
  const pa = a.meta.publishedAt;
  const pb = b.meta.publishedAt;
  if (pa && pb && pa !== pb) return pa < pb ? -1 : 1;
  if (a.text.length !== b.text.length) return b.text.length - a.text.length;
  return ai - bi;
}
