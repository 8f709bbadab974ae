import { STOP_WORDS } from './lexicon/stop-words.js';

/** Words as the baselines see them: lower-cased, non-alphanumerics to spaces, words of ≤ 2 letters and stop words dropped. */
export function baselineWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((w) => w.length > 2 && !STOP_WORDS.has(w));
}

/** Default title-Jaccard join threshold of the dashboards this baseline copies. */
export const TITLE_JACCARD_THRESHOLD = 0.5;

/**
 * Baseline (a), what open-source news dashboards ship: a greedy single pass in which each
 * still-unassigned article seeds a cluster that every later unassigned article joins when the
 * Jaccard similarity of the two title word sets is ≥ 0.5.
 */
export function titleJaccardClusters(titles: string[], threshold = TITLE_JACCARD_THRESHOLD): number[] {
  const sets = titles.map((t) => new Set(baselineWords(t)));
  const labels = new Array<number>(titles.length).fill(-1);
  let next = 0;
  for (let i = 0; i < sets.length; i++) {
    if (labels[i] !== -1) continue;
    labels[i] = next;
    for (let j = i + 1; j < sets.length; j++) {
      if (labels[j] !== -1) continue;
      const a = sets[i]!, b = sets[j]!;
      let shared = 0;
      for (const w of a) if (b.has(w)) shared++;
      const union = a.size + b.size - shared;
      if (union > 0 && shared / union >= threshold) labels[j] = next;
    }
    next++;
  }
  return labels;
}

/** Unit TF-IDF vectors fitted on the given texts (raw tf, smooth idf ln((1+N)/(1+df)) + 1, as scikit-learn's default). */
export function tfidfVectors(texts: string[]): Array<Map<string, number>> {
  const tfs = texts.map((t) => {
    const tf = new Map<string, number>();
    for (const w of baselineWords(t)) tf.set(w, (tf.get(w) ?? 0) + 1);
    return tf;
  });
  const df = new Map<string, number>();
  for (const tf of tfs) for (const w of tf.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  return tfs.map((tf) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [w, n] of tf) {
      const x = n * (Math.log((1 + texts.length) / (1 + df.get(w)!)) + 1);
      v.set(w, x);
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    for (const [w, x] of v) v.set(w, x / norm);
    return v;
  });
}

/**
 * Baseline (b): average-link agglomeration over TF-IDF cosine, run to the end once; the merges
 * (in order, with the average similarity at which each happened) let any threshold be cut after.
 * Average link is monotone, so cutting at t is "apply the merges made at similarity ≥ t".
 */
export function averageLinkMerges(vectors: Array<Map<string, number>>): Array<{ a: number; b: number; similarity: number }> {
  const n = vectors.length;
  const sim = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const [small, large] = vectors[i]!.size < vectors[j]!.size ? [vectors[i]!, vectors[j]!] : [vectors[j]!, vectors[i]!];
      let dot = 0;
      for (const [w, x] of small) dot += x * (large.get(w) ?? 0);
      sim[i * n + j] = sim[j * n + i] = dot;
    }
  const size = new Array<number>(n).fill(1);
  const alive = new Array<boolean>(n).fill(true);
  const merges: Array<{ a: number; b: number; similarity: number }> = [];
  for (let step = 0; step < n - 1; step++) {
    let best = -1, bi = -1, bj = -1;
    for (let i = 0; i < n; i++) {
      if (!alive[i]) continue;
      for (let j = i + 1; j < n; j++) if (alive[j] && sim[i * n + j]! > best) [best, bi, bj] = [sim[i * n + j]!, i, j];
    }
    merges.push({ a: bi, b: bj, similarity: best });
    // Lance–Williams update for average link: the merged cluster keeps index bi.
    for (let k = 0; k < n; k++) {
      if (!alive[k] || k === bi || k === bj) continue;
      const s = (size[bi]! * sim[bi * n + k]! + size[bj]! * sim[bj * n + k]!) / (size[bi]! + size[bj]!);
      sim[bi * n + k] = sim[k * n + bi] = s;
    }
    size[bi]! += size[bj]!;
    alive[bj] = false;
  }
  return merges;
}

/** Cluster labels after applying the merges made at similarity ≥ threshold. */
export function cutMerges(n: number, merges: Array<{ a: number; b: number; similarity: number }>, threshold: number): number[] {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
  for (const m of merges) {
    if (m.similarity < threshold) break;
    parent[find(m.b)] = find(m.a);
  }
  return parent.map((_, i) => find(i));
}
