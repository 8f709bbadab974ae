import { PATTERNS } from './patterns.js';

/**
 * MinHash sketches of word shingles and their LSH band keys (Broder 1997; Leskovec et al.,
 * Mining of Massive Datasets, ch. 3). Two texts whose shingle sets have Jaccard similarity J
 * agree on one MinHash value with probability J, and share at least one band of `r` values
 * among `b` bands with probability 1 − (1 − J^r)^b.
 */

/** Word n-gram length: five words in a row are rarely shared by two independently written sentences. */
export const SHINGLE_WORDS = 5;
/** Rows per band. */
export const DEFAULT_BAND_ROWS = 2;
/**
 * Bands. With 2 rows × 32 bands (64 MinHash values) a pair is a candidate with probability
 * 0.996 at Jaccard 0.4, 0.95 at 0.3 and 0.73 at 0.2, and 0.01 at 0.02 (independent reports of
 * one event). Low Jaccard must still be found: a copy that keeps half of a text and adds as much
 * again has Jaccard ≈ 0.33 with it while its containment stays near 1. Candidates are verified by
 * exact containment, so the extra candidates cost a comparison, never a wrong link.
 */
export const DEFAULT_BANDS = 32;


/** 32-bit FNV-1a of a string. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Murmur3's finaliser: spreads the bits of a 32-bit value so that seeded variants behave as independent hashes. */
function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/**
 * The distinct 5-word shingles of a text as sorted 32-bit hashes (lower-cased, NFKC, words of
 * letters and digits only, so punctuation and quote styles do not matter). A text shorter than
 * five words has none.
 */
export function shingleHashes(text: string): Uint32Array {
  const words = text.normalize('NFKC').toLowerCase().match(PATTERNS.word) ?? [];
  const hashes = new Set<number>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) hashes.add(fnv1a(words.slice(i, i + SHINGLE_WORDS).join(' ')));
  return Uint32Array.from(hashes).sort();
}

const SEEDS: Uint32Array = (() => {
  const seeds = new Uint32Array(DEFAULT_BANDS * DEFAULT_BAND_ROWS);
  for (let i = 0; i < seeds.length; i++) seeds[i] = mix(0x9e3779b9 + i * 0x632be5ab);
  return seeds;
})();

/** One minimum per seeded hash function over the shingle hashes. */
export function minhashSignature(shingles: Uint32Array): Uint32Array {
  const signature = new Uint32Array(SEEDS.length).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let k = 0; k < SEEDS.length; k++) {
      const h = mix(shingle ^ SEEDS[k]!);
      if (h < signature[k]!) signature[k] = h;
    }
  }
  return signature;
}

/**
 * The band keys of a signature: band index in the high bits, a hash of the band's rows in the
 * low 32, so one integer column indexes them. An empty signature (no shingles) has no bands.
 */
export function bandKeys(signature: Uint32Array, shingleCount: number, rows = DEFAULT_BAND_ROWS): number[] {
  if (shingleCount === 0) return [];
  const keys: number[] = [];
  for (let band = 0; band * rows < signature.length; band++) {
    let h = band;
    for (let r = 0; r < rows; r++) h = mix(h ^ signature[band * rows + r]!) ^ Math.imul(r + 1, 0x27d4eb2d);
    keys.push(band * 2 ** 32 + (h >>> 0));
  }
  return keys;
}

/** |a ∩ b| of two sorted hash sets, by a merge walk. */
export function sharedCount(a: Uint32Array, b: Uint32Array): number {
  let i = 0, j = 0, shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared;
}
