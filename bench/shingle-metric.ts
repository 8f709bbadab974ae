/**
 * The Zyte article-extraction benchmark's metric (its evaluate.py, as ../shared/data/
 * zyte-article-extraction/score.mjs reimplements it): `\w+` tokens, token 4-gram shingles as
 * multisets, tp/fp/fn normalised per page so every page weighs the same, precision and recall
 * averaged over pages, F1 of the two means; accuracy = share of pages whose token list is exact.
 */
const TOKEN = /[\p{L}\p{N}_]+/gu;

export const tokenize = (text: string): string[] => text.match(TOKEN) ?? [];

function shingles(tokens: string[], n = 4): Map<string, number> {
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const sh = tokens.slice(i, i + n);
    if (sh.length) {
      const key = sh.join('\u0001');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

export type PageScore = [tp: number, fp: number, fn: number];

export function pageScore(truth: string, predicted: string): PageScore {
  const t = shingles(tokenize(truth));
  const p = shingles(tokenize(predicted));
  let tp = 0, fp = 0, fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const tc = t.get(key) ?? 0, pc = p.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
    fn += Math.max(0, tc - pc);
  }
  const sum = tp + fp + fn;
  return sum > 0 ? [tp / sum, fp / sum, fn / sum] : [0, 0, 0];
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

export function corpusScore(pages: PageScore[], exact: boolean[]): { f1: number; precision: number; recall: number; accuracy: number } {
  const ps = pages.filter(([tp, fp]) => tp + fp > 0).map(([tp, fp, fn]) => (fp === 0 && fn === 0 ? 1 : tp / (tp + fp)));
  const rs = pages.filter(([tp, , fn]) => tp + fn > 0).map(([tp, fp, fn]) => (fp === 0 && fn === 0 ? 1 : tp / (tp + fn)));
  const precision = ps.length ? mean(ps) : NaN;
  const recall = rs.length ? mean(rs) : NaN;
  return { f1: (2 * precision * recall) / (precision + recall), precision, recall, accuracy: mean(exact.map(Number)) };
}

export function sameTokens(a: string, b: string): boolean {
  const x = tokenize(a), y = tokenize(b);
  return x.length === y.length && x.every((t, i) => t === y[i]);
}
