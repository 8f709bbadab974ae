import { round } from './args.js';

/**
 * B³ precision, recall and F1 (Bagga & Baldwin 1998), averaged over the items in `mask` (all by
 * default). An item's precision counts its whole cluster, items outside the mask included: a
 * held-out article grouped with tuning articles is wrong there, not invisible.
 */
export function bcubed(labels: ReadonlyArray<string | number>, gold: readonly string[], mask?: readonly boolean[]) {
  const pairs = new Map<string, number>();
  const ours = new Map<string | number, number>();
  const theirs = new Map<string, number>();
  labels.forEach((l, i) => {
    const key = `${l}\u0000${gold[i]}`;
    pairs.set(key, (pairs.get(key) ?? 0) + 1);
    ours.set(l, (ours.get(l) ?? 0) + 1);
    theirs.set(gold[i]!, (theirs.get(gold[i]!) ?? 0) + 1);
  });
  let p = 0, r = 0, n = 0;
  labels.forEach((l, i) => {
    if (mask && !mask[i]) return;
    const both = pairs.get(`${l}\u0000${gold[i]}`)!;
    p += both / ours.get(l)!;
    r += both / theirs.get(gold[i]!)!;
    n++;
  });
  p /= n;
  r /= n;
  return { precision: round(p), recall: round(r), f1: round((2 * p * r) / (p + r)) };
}

/** Adjusted Rand index (Hubert & Arabie 1985). */
export function adjustedRand(labels: ReadonlyArray<string | number>, gold: readonly string[]): number {
  const choose2 = (n: number) => (n * (n - 1)) / 2;
  const cells = new Map<string, number>();
  const a = new Map<string | number, number>();
  const b = new Map<string, number>();
  labels.forEach((l, i) => {
    cells.set(`${l}\u0000${gold[i]}`, (cells.get(`${l}\u0000${gold[i]}`) ?? 0) + 1);
    a.set(l, (a.get(l) ?? 0) + 1);
    b.set(gold[i]!, (b.get(gold[i]!) ?? 0) + 1);
  });
  let index = 0, sa = 0, sb = 0;
  for (const n of cells.values()) index += choose2(n);
  for (const n of a.values()) sa += choose2(n);
  for (const n of b.values()) sb += choose2(n);
  const expected = (sa * sb) / choose2(labels.length);
  const max = (sa + sb) / 2;
  return max === expected ? 1 : round((index - expected) / (max - expected));
}

/**
 * Everything the cluster bench prints for one clustering, over the items in `mask`: B³ (see
 * above), ARI over those items alone, and how many stories hold at least one of them.
 */
export function clusterScores(labels: ReadonlyArray<string | number>, gold: readonly string[], mask?: readonly boolean[]) {
  const kept = mask ? labels.filter((_, i) => mask[i]) : labels;
  const keptGold = mask ? gold.filter((_, i) => mask[i]) : gold;
  return { ...bcubed(labels, gold, mask), ari: adjustedRand(kept, keptGold), clusters: new Set(kept).size };
}

type Scores = ReturnType<typeof clusterScores>;

/** Mean and spread (max − min) of each score over several runs (arrival orders). */
export function summarise(runs: Scores[]) {
  const stat = (pick: (s: Scores) => number) => {
    const xs = runs.map(pick);
    return { mean: round(xs.reduce((a, b) => a + b, 0) / xs.length), spread: round(Math.max(...xs) - Math.min(...xs)) };
  };
  return { precision: stat((s) => s.precision), recall: stat((s) => s.recall), f1: stat((s) => s.f1), ari: stat((s) => s.ari), clusters: stat((s) => s.clusters) };
}
